// Invoice state changes: each is one RPC; SQL checks the role, the status and the amounts.
import { supabase } from '@/lib/supabase';
import type { PaymentMethod } from './statuses';

export async function sendInvoice(invoiceId: string) {
  const { data } = await supabase.rpc('send_invoice', { invoice_id: invoiceId }).throwOnError();
  return data;
}

export async function voidInvoice(input: { invoiceId: string; reason: string }) {
  const { data } = await supabase.rpc('void_invoice', { invoice_id: input.invoiceId, reason: input.reason }).throwOnError();
  return data;
}

export async function deleteDraft(invoiceId: string) {
  const { data } = await supabase.from('invoices').delete().eq('id', invoiceId).eq('status', 'draft').select('id').throwOnError();
  if (!data.length) throw new Error('Only draft invoices can be deleted, by a manager or above.');
}

export interface RecordPaymentInput {
  invoiceId: string;
  amount: number;
  method: PaymentMethod;
  paidOn: string;
  reference: string;
  note: string;
}

export async function recordPayment(input: RecordPaymentInput) {
  const { data } = await supabase
    .rpc('record_payment', {
      invoice_id: input.invoiceId,
      amount: input.amount,
      method: input.method,
      paid_on: input.paidOn,
      reference: input.reference.trim() || undefined,
      note: input.note.trim() || undefined,
    })
    .throwOnError();
  return data;
}

export async function invoiceFromUnbilledTime(input: { projectId: string; untilOn: string }) {
  const { data } = await supabase.rpc('invoice_from_unbilled_time', { project_id: input.projectId, until_on: input.untilOn }).throwOnError();
  return data;
}
