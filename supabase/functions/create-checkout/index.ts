// Starts paying an invoice: POST {invoice_id, part?: 'balance'|'deposit'} with the caller's JWT.
// The amount comes from `invoice_checkout_quote`, run AS THE CALLER (RLS and SQL decide who may pay
// and how much); nothing in the body sets an amount. Answers {url, id} of a Stripe Checkout Session.
import * as z from 'npm:zod@4.6.7/mini';
import { preflight } from '../_shared/cors.ts';
import { errorResponse, HttpError, json, readJson } from '../_shared/http.ts';
import { stripeFromEnv } from '../_shared/stripe.ts';
import { callStripe, dbErrorToHttp, siteUrl } from '../_shared/stripe-http.ts';
import { userClient } from '../_shared/supabase.ts';

const bodySchema = z.object({
  invoice_id: z.uuid({ error: 'invoice_id must be an invoice id' }),
  part: z._default(z.enum(['balance', 'deposit'], { error: "part must be 'balance' or 'deposit'" }), 'balance'),
});

interface Quote {
  invoice_id: string;
  organization_id: string;
  number: string;
  currency: string;
  amount: number;
  payer_email: string | null;
  organization_name: string;
}

Deno.serve(async (req) => {
  const pre = preflight(req);
  if (pre) return pre;
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    const parsed = bodySchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const { invoice_id, part } = parsed.data;
    // As the caller: the quote refuses whoever may not pay this invoice.
    const { data, error } = await userClient(req).rpc('invoice_checkout_quote', { invoice_id, part });
    if (error) throw dbErrorToHttp(error);
    const quote = (Array.isArray(data) ? data[0] : data) as Quote | undefined;
    if (!quote) throw new HttpError(404, 'Invoice not found');
    if (!(quote.amount > 0)) throw new HttpError(409, 'Nothing is due on this invoice');
    const metadata = { invoice_id: quote.invoice_id, organization_id: quote.organization_id, part };
    const returnTo = `${siteUrl()}/invoices/${quote.invoice_id}`;
    const label = part === 'deposit' ? `Deposit for invoice ${quote.number}` : `Invoice ${quote.number}`;
    const session = await callStripe('create checkout session', () =>
      stripeFromEnv().createCheckoutSession(
        {
          mode: 'payment',
          line_items: [{
            quantity: 1,
            price_data: { currency: quote.currency.toLowerCase(), unit_amount: quote.amount, product_data: { name: `${label} — ${quote.organization_name}` } },
          }],
          customer_email: quote.payer_email ?? undefined,
          client_reference_id: quote.invoice_id,
          metadata,
          payment_intent_data: { metadata, description: `${label} (${quote.organization_name})` },
          success_url: `${returnTo}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
          cancel_url: `${returnTo}?checkout=cancel`,
        },
        { idempotencyKey: `checkout-${quote.invoice_id}-${part}-${quote.amount}-${quote.payer_email ?? ''}` },
      ));
    return json({ url: session.url, id: session.id });
  } catch (err) {
    return errorResponse(err);
  }
});
