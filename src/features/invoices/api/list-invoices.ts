import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { invoiceKeys } from './keys';
import { INVOICES_PAGE_SIZE, numberPattern, type InvoiceListParams } from './list-params';

const LIST_COLUMNS = 'id, number, status, issue_on, due_on, currency, total_amount, amount_due, client_id, clients(name)';

/** One page of invoices under RLS (clients get theirs, never drafts), newest first, with the total count. */
export async function listInvoices(organizationId: string, params: InvoiceListParams) {
  const from = (params.page - 1) * INVOICES_PAGE_SIZE;
  let query = supabase.from('invoices').select(LIST_COLUMNS, { count: 'exact' }).eq('organization_id', organizationId);
  if (params.status) query = query.eq('status', params.status);
  if (params.client) query = query.eq('client_id', params.client);
  if (params.q.trim()) query = query.ilike('number', numberPattern(params.q));
  const { data, count } = await query
    .order('issue_on', { ascending: false })
    .order('sequence_number', { ascending: false })
    .range(from, from + INVOICES_PAGE_SIZE - 1)
    .throwOnError();
  return { invoices: data, total: count ?? 0 };
}

export const invoiceListQuery = (organizationId: string, params: InvoiceListParams) =>
  queryOptions({ queryKey: invoiceKeys.list(organizationId, params), queryFn: () => listInvoices(organizationId, params), placeholderData: keepPreviousData });

export function useInvoiceList(organizationId: string, params: InvoiceListParams) {
  return useQuery(invoiceListQuery(organizationId, params));
}

export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>['invoices'][number];

/** Outstanding, overdue and paid-this-month sums (staff), from the amounts SQL keeps. */
export async function invoiceSummary(organizationId: string, monthStart: string) {
  const [open, paid] = await Promise.all([
    supabase.from('invoices').select('status, amount_due').eq('organization_id', organizationId).in('status', ['sent', 'partially_paid', 'overdue']).limit(10000).throwOnError(),
    supabase
      .from('payments')
      .select('amount, amount_refunded')
      .eq('organization_id', organizationId)
      .in('status', ['succeeded', 'refunded'])
      .gte('paid_at', monthStart)
      .limit(10000)
      .throwOnError(),
  ]);
  return {
    outstanding: open.data.reduce((s, i) => s + (i.amount_due ?? 0), 0),
    overdue: open.data.filter((i) => i.status === 'overdue').reduce((s, i) => s + (i.amount_due ?? 0), 0),
    paidThisMonth: paid.data.reduce((s, p) => s + p.amount - p.amount_refunded, 0),
  };
}

export function useInvoiceSummary(organizationId: string, enabled: boolean) {
  const now = new Date();
  const monthStart = new Date(now.getFullYear(), now.getMonth(), 1).toISOString();
  return useQuery({ queryKey: [...invoiceKeys.summary(organizationId), monthStart], queryFn: () => invoiceSummary(organizationId, monthStart), enabled });
}
