import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { invoiceKeys } from './keys';

const INVOICE_COLUMNS =
  'id, organization_id, number, status, currency, issue_on, due_on, discount_bp, subtotal_amount, discount_amount, tax_amount, total_amount, amount_paid, amount_due, deposit_amount, deposit_due_on, recurrence, recurrence_next_on, recurrence_ends_on, recurrence_remaining, notes, terms, sent_at, paid_at, voided_at, void_reason, client_id, project_id, estimate_id, bill_to_user_id, reminder_count, clients(name, email, billing_details), projects(name), organizations(name, billing_email)';

/** An invoice with its items and payments (RLS decides who reads it); null when it does not exist or is hidden. */
export async function fetchInvoice(id: string) {
  const [invoice, items, payments] = await Promise.all([
    supabase.from('invoices').select(INVOICE_COLUMNS).eq('id', id).maybeSingle().throwOnError(),
    supabase.from('invoice_items').select('id, position, kind, description, quantity, unit_amount, tax_rate_bp, amount').eq('invoice_id', id).order('position').order('created_at').throwOnError(),
    supabase
      .from('payments')
      .select('id, amount, amount_refunded, method, status, provider, reference, note, failure_message, paid_at, created_at')
      .eq('invoice_id', id)
      .order('created_at', { ascending: false })
      .throwOnError(),
  ]);
  if (!invoice.data) return null;
  return { ...invoice.data, items: items.data, payments: payments.data };
}

export const invoiceQuery = (organizationId: string, id: string) => queryOptions({ queryKey: invoiceKeys.detail(organizationId, id), queryFn: () => fetchInvoice(id) });

export function useInvoice(organizationId: string, id: string) {
  return useQuery({ ...invoiceQuery(organizationId, id), enabled: id !== '' });
}

export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof fetchInvoice>>>;
