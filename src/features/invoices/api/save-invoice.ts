// Drafts are written directly (RLS: staff; column grants: no totals, numbers or statuses); SQL numbers the
// invoice, takes the currency and keeps the totals from the items.
import { supabase } from '@/lib/supabase';
import type { TablesInsert } from '@/lib/database.types';
import type { LineValue } from '@/lib/line-items';
import type { InvoiceColumns } from './schemas';

export interface SaveInvoiceInput {
  organizationId: string;
  /** The organization's currency (SQL sets it again from the organization). */
  currency: string;
  invoiceId?: string;
  columns: InvoiceColumns;
  items: LineValue[];
  /** Items the draft had when it was opened (edit): they are replaced. */
  previousItemIds: string[];
}

export async function saveInvoice(input: SaveInvoiceInput): Promise<string> {
  let id = input.invoiceId;
  if (id) {
    await supabase.from('invoices').update(input.columns).eq('id', id).throwOnError();
  } else {
    // number and sequence_number are the numbering trigger's (the generated Insert type lists them as required).
    const { data } = await supabase
      .from('invoices')
      .insert({ ...input.columns, organization_id: input.organizationId, currency: input.currency } as unknown as TablesInsert<'invoices'>)
      .select('id')
      .single()
      .throwOnError();
    id = data.id;
  }
  // Lines keep their rows (and kind: time, late fee) by position; extra lines are added, missing ones removed.
  const kept = input.previousItemIds.slice(0, input.items.length);
  const removed = input.previousItemIds.slice(input.items.length);
  await Promise.all(kept.map((itemId, position) => supabase.from('invoice_items').update({ ...input.items[position], position }).eq('id', itemId).throwOnError()));
  if (removed.length) await supabase.from('invoice_items').delete().in('id', removed).throwOnError();
  const added = input.items.slice(kept.length);
  if (added.length) {
    await supabase
      .from('invoice_items')
      .insert(added.map((item, i) => ({ ...item, position: kept.length + i, organization_id: input.organizationId, invoice_id: id as string, kind: 'service' })))
      .throwOnError();
  }
  return id;
}
