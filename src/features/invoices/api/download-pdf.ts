// "Download PDF": the invoice-pdf edge function renders it with the caller's session (RLS decides), and the
// browser saves it as <number>.pdf.
import { functionErrorMessage } from '@/lib/edge-functions';
import { supabase } from '@/lib/supabase';

export async function downloadInvoicePdf(invoiceId: string, number: string): Promise<void> {
  const { data, error } = await supabase.functions.invoke<Blob>(`invoice-pdf?invoice_id=${encodeURIComponent(invoiceId)}`, { method: 'GET' });
  if (error) throw new Error(await functionErrorMessage(error));
  if (!(data instanceof Blob)) throw new Error('The PDF could not be created. Try again.');
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${number}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
