import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Ban, FileX, Pencil, Printer, Send, Wallet } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextareaField } from '@/components/ui/textarea-field';
import { PayInvoiceButton } from '@/components/pay-invoice-button';
import { InvoiceStatusBadge } from '@/components/money/status-badges';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { formatMoney } from '@/lib/money';
import { useTableChanges } from '@/lib/realtime';
import { toast } from '@/lib/toast';
import { useInvoice, type InvoiceDetail } from '../api/invoice';
import { deleteDraft, sendInvoice, voidInvoice } from '../api/invoice-actions';
import { invoiceKeys, useInvoiceMutation } from '../api/keys';
import { fmtDate } from '../api/format';
import { InvoiceDocument } from '../components/invoice-document';
import { PaymentHistory } from '../components/payment-history';
import { RecordPaymentDialog } from '../components/record-payment-dialog';

const PAYABLE = ['sent', 'partially_paid', 'overdue'];

/** /invoices/:id — the invoice as the client sees it, its payments, and the actions the role allows. */
export default function InvoiceDetailRoute() {
  const { invoiceId = '' } = useParams();
  const { current } = useMembership();
  const invoice = useInvoice(current.organizationId, invoiceId);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: invoiceKeys.all(current.organizationId) });
  useTableChanges({ table: 'invoices', filter: `id=eq.${invoiceId}`, onChange: refresh });
  useTableChanges({ table: 'payments', filter: `invoice_id=eq.${invoiceId}`, onChange: refresh });

  if (invoice.isPending) return <SkeletonRows rows={8} label="Loading the invoice" />;
  if (invoice.error) return <Alert>The invoice could not be loaded: {errorMessage(invoice.error)}</Alert>;
  if (!invoice.data)
    return (
      <EmptyState icon={FileX} title="Invoice not found" action={<Link className="text-sm text-brand-600 underline dark:text-indigo-300" to="/invoices">Back to invoices</Link>}>
        It may have been deleted, or it is not yours to see.
      </EmptyState>
    );
  return <InvoicePage invoice={invoice.data} staff={hasRole(current.role, 'member')} manager={hasRole(current.role, 'manager')} organizationId={current.organizationId} />;
}

function InvoicePage({ invoice, staff, manager, organizationId }: { invoice: InvoiceDetail; staff: boolean; manager: boolean; organizationId: string }) {
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const checkout = search.get('checkout');
  const [dialog, setDialog] = useState<'send' | 'pay' | 'void' | 'delete' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const send = useInvoiceMutation(organizationId, sendInvoice);
  const voiding = useInvoiceMutation(organizationId, voidInvoice);
  const removing = useInvoiceMutation(organizationId, deleteDraft);
  const c = invoice.currency;
  const due = invoice.amount_due ?? 0;
  const payable = PAYABLE.includes(invoice.status) && due > 0;
  const depositDue = invoice.deposit_amount ? Math.max(invoice.deposit_amount - invoice.amount_paid, 0) : 0;
  const close = () => {
    setDialog(null);
    send.reset();
    voiding.reset();
    removing.reset();
  };
  const dismissBanner = () => {
    search.delete('checkout');
    setSearch(search, { replace: true });
  };

  const actions = (
    <div className="flex flex-wrap gap-2">
      <Link
        to={`/invoices/${invoice.id}/print`}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
      >
        <Printer className="size-4" aria-hidden /> Print / PDF
      </Link>
      {staff && invoice.status === 'draft' && (
        <Button variant="secondary" onClick={() => navigate(`/invoices/${invoice.id}/edit`)}>
          <Pencil className="size-4" aria-hidden /> Edit
        </Button>
      )}
      {staff && (invoice.status === 'draft' || PAYABLE.includes(invoice.status)) && (
        <Button variant={invoice.status === 'draft' ? 'primary' : 'secondary'} onClick={() => setDialog('send')}>
          <Send className="size-4" aria-hidden /> {invoice.status === 'draft' ? 'Send' : 'Send again'}
        </Button>
      )}
      {staff && payable && (
        <Button variant="secondary" onClick={() => setDialog('pay')}>
          <Wallet className="size-4" aria-hidden /> Record payment
        </Button>
      )}
      {manager && PAYABLE.includes(invoice.status) && invoice.amount_paid === 0 && (
        <Button variant="secondary" onClick={() => setDialog('void')}>
          <Ban className="size-4" aria-hidden /> Void
        </Button>
      )}
      {manager && invoice.status === 'draft' && (
        <Button variant="danger" onClick={() => setDialog('delete')}>
          Delete draft
        </Button>
      )}
    </div>
  );

  return (
    <>
      <PageHeader
        title={`Invoice ${invoice.number}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <InvoiceStatusBadge status={invoice.status} />
            <span>
              {formatMoney(invoice.total_amount, c)} · due {fmtDate(invoice.due_on)}
              {invoice.paid_at && ` · paid ${fmtDate(invoice.paid_at.slice(0, 10))}`}
            </span>
          </span>
        }
        actions={actions}
      />
      <div className="space-y-6">
        {checkout === 'success' &&
          (invoice.status === 'paid' || (invoice.deposit_amount && depositDue === 0 && invoice.amount_paid > 0) ? (
            <div role="status" className="flex items-center justify-between gap-3">
              <Alert tone="success">Payment received — thank you. This invoice is {invoice.status === 'paid' ? 'paid' : 'partially paid'}.</Alert>
              <Button variant="ghost" onClick={dismissBanner}>Dismiss</Button>
            </div>
          ) : (
            <div role="status">
              <Alert tone="success">Payment received — updating… This page changes by itself once Stripe confirms it.</Alert>
            </div>
          ))}
        {checkout === 'cancel' && (
          <div role="status" className="flex items-center justify-between gap-3">
            <Alert>Payment cancelled. Nothing was charged; you can pay whenever you are ready.</Alert>
            <Button variant="ghost" onClick={dismissBanner}>Dismiss</Button>
          </div>
        )}
        {invoice.status === 'void' && <Alert>This invoice was voided{invoice.void_reason ? `: ${invoice.void_reason}` : ''}. Nothing is owed on it.</Alert>}
        {!staff && payable && checkout !== 'success' && (
          <Card title="Pay this invoice" description="Card payments go through Stripe; the amount is computed on our side.">
            <div className="flex flex-wrap gap-3">
              {depositDue > 0 && depositDue < due && <PayInvoiceButton invoiceId={invoice.id} part="deposit" amountLabel={formatMoney(depositDue, c)} />}
              <PayInvoiceButton invoiceId={invoice.id} amountLabel={formatMoney(due, c)} />
            </div>
          </Card>
        )}
        <InvoiceDocument invoice={invoice} />
        <Card title="Payment history">
          <PaymentHistory payments={invoice.payments} currency={c} />
        </Card>
      </div>

      <ConfirmDialog
        open={dialog === 'send'}
        title={invoice.status === 'draft' ? `Send ${invoice.number}?` : `Send ${invoice.number} again?`}
        description="The client will receive it by e-mail, with a link to pay."
        confirmLabel="Send invoice"
        tone="primary"
        pending={send.isPending}
        onCancel={close}
        onConfirm={() => send.mutate(invoice.id, { onSuccess: () => (toast(`${invoice.number} was sent.`), close()) })}
      >
        {send.error && <Alert>{errorMessage(send.error)}</Alert>}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'void'}
        title={`Void ${invoice.number}?`}
        description="A voided invoice is kept for the record but nothing is owed on it, and its tracked time can be billed again."
        confirmLabel="Void invoice"
        pending={voiding.isPending}
        onCancel={close}
        onConfirm={() => {
          setReasonMissing(!reason.trim());
          if (reason.trim()) voiding.mutate({ invoiceId: invoice.id, reason: reason.trim() }, { onSuccess: () => (toast(`${invoice.number} was voided.`), close()) });
        }}
      >
        {voiding.error && <Alert>{errorMessage(voiding.error)}</Alert>}
        <TextareaField label="Reason" required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonMissing ? 'Say why the invoice is voided' : undefined} />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'delete'}
        title={`Delete draft ${invoice.number}?`}
        description="The draft and its items are removed; tracked time on it can be billed again."
        confirmLabel="Delete draft"
        pending={removing.isPending}
        onCancel={close}
        onConfirm={() => removing.mutate(invoice.id, { onSuccess: () => (toast('The draft was deleted.'), navigate('/invoices')) })}
      >
        {removing.error && <Alert>{errorMessage(removing.error)}</Alert>}
      </ConfirmDialog>
      {dialog === 'pay' && <RecordPaymentDialog organizationId={organizationId} invoiceId={invoice.id} currency={c} amountDue={due} open onClose={close} />}
    </>
  );
}
