import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, FileDown, Printer } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SkeletonRows } from '@/components/ui/skeleton';
import { InvoiceStatusBadge } from '@/components/money/status-badges';
import { errorMessage } from '@/lib/errors';
import { fetchInvoice } from '../api/invoice';
import { downloadInvoicePdf } from '../api/download-pdf';
import { InvoiceDocument } from '../components/invoice-document';

const PRINT_CSS = '@page { size: A4; margin: 16mm; } @media print { html, body { background: white !important; color: black !important; } }';

/** /invoices/:id/print — the invoice alone on an A4 page, without the app's chrome, ready to print or save as PDF. */
export default function InvoicePrintRoute() {
  const { invoiceId = '' } = useParams();
  const invoice = useQuery({ queryKey: ['invoice-print', invoiceId], queryFn: () => fetchInvoice(invoiceId) });
  const [downloading, setDownloading] = useState(false);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const handleDownload = async (id: string, number: string) => {
    setDownloading(true);
    setPdfError(null);
    try {
      await downloadInvoicePdf(id, number);
    } catch (err) {
      setPdfError(errorMessage(err));
    } finally {
      setDownloading(false);
    }
  };
  useEffect(() => {
    if (invoice.data) document.title = `${invoice.data.number} — invoice`;
  }, [invoice.data]);
  return (
    <div className="min-h-screen bg-slate-100 py-8 text-slate-900 dark:bg-slate-950 dark:text-slate-100 print:bg-white print:py-0">
      <style>{PRINT_CSS}</style>
      <main className="mx-auto max-w-[210mm] space-y-4 px-4 print:max-w-none print:px-0">
        <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
          <Link to={`/invoices/${invoiceId}`} className="inline-flex items-center gap-1 text-sm text-brand-700 underline dark:text-indigo-300">
            <ArrowLeft className="size-4" aria-hidden /> Back to the invoice
          </Link>
          <div className="flex gap-2">
            <Button variant="secondary" loading={downloading} disabled={!invoice.data} onClick={() => invoice.data && void handleDownload(invoiceId, invoice.data.number)}>
              {!downloading && <FileDown className="size-4" aria-hidden />} Download PDF
            </Button>
            <Button onClick={() => window.print()} disabled={!invoice.data}>
              <Printer className="size-4" aria-hidden /> Print
            </Button>
          </div>
        </div>
        {pdfError && (
          <div className="print:hidden">
            <Alert>{pdfError}</Alert>
          </div>
        )}
        {invoice.isPending ? (
          <SkeletonRows rows={8} label="Loading the invoice" />
        ) : invoice.error ? (
          <Alert>The invoice could not be loaded: {errorMessage(invoice.error)}</Alert>
        ) : !invoice.data ? (
          <Alert>This invoice does not exist or is not yours to see.</Alert>
        ) : (
          <>
            <h1 className="flex items-center gap-3 text-2xl font-bold">
              Invoice {invoice.data.number} <span className="print:hidden"><InvoiceStatusBadge status={invoice.data.status} /></span>
            </h1>
            <InvoiceDocument invoice={invoice.data} />
          </>
        )}
      </main>
    </div>
  );
}
