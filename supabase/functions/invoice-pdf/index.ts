// GET /invoice-pdf?invoice_id=<uuid> with the caller's JWT: the invoice as a PDF (<number>.pdf). Every read
// runs as the caller, so RLS decides who gets it (staff, the client's members, the bill-to person; never a
// client's view of a draft).
import * as z from 'npm:zod@4.6.7/mini';
import { corsHeaders, preflight } from '../_shared/cors.ts';
import { errorResponse, HttpError } from '../_shared/http.ts';
import { userClient } from '../_shared/supabase.ts';
import { buildInvoicePdf } from './pdf.ts';

const query = z.object({ invoice_id: z.uuid({ error: 'invoice_id must be an invoice id' }) });

Deno.serve(async (req) => {
  const pre = preflight(req);
  if (pre) return pre;
  try {
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET');
    if (!req.headers.get('Authorization')) throw new HttpError(401, 'Sign in to download invoices');
    const parsed = query.safeParse({ invoice_id: new URL(req.url).searchParams.get('invoice_id') ?? '' });
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const db = userClient(req);
    const id = parsed.data.invoice_id;
    const [inv, items] = await Promise.all([
      db
        .from('invoices')
        .select(
          'number, status, currency, issue_on, due_on, discount_bp, subtotal_amount, discount_amount, tax_amount, total_amount, amount_paid, amount_due, deposit_amount, deposit_due_on, notes, terms, clients(name), projects(name), organizations(name, billing_email)',
        )
        .eq('id', id)
        .maybeSingle(),
      db.from('invoice_items').select('description, quantity, unit_amount, tax_rate_bp, amount').eq('invoice_id', id).order('position').order('created_at'),
    ]);
    if (inv.error || items.error) throw new Error((inv.error ?? items.error)?.message);
    if (!inv.data) throw new HttpError(404, 'Invoice not found');
    const d = inv.data as Record<string, any>;
    const pdf = await buildInvoicePdf({
      ...d,
      amount_due: d.amount_due ?? 0,
      organization_name: d.organizations?.name ?? '',
      organization_email: d.organizations?.billing_email ?? null,
      client_name: d.clients?.name ?? null,
      project_name: d.projects?.name ?? null,
      items: (items.data ?? []).map((i) => ({ ...i, quantity: Number(i.quantity) })),
    } as Parameters<typeof buildInvoicePdf>[0]);
    return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
      headers: { ...corsHeaders, 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${d.number}.pdf"`, 'Cache-Control': 'private, no-store' },
    });
  } catch (err) {
    return errorResponse(err);
  }
});
