import { format, parseISO } from 'date-fns';
import { Badge } from '@/components/ui/badge';
import { formatMoney } from '@/lib/money';
import type { InvoiceDetail } from '../api/invoice';
import { PAYMENT_METHOD_LABEL } from '../api/statuses';

const STATUS_TONE = { succeeded: 'success', pending: 'warning', failed: 'danger', refunded: 'neutral' } as const;

/** Every payment of the invoice: manual ones and Stripe's, with refunds and failures. */
export function PaymentHistory({ payments, currency }: { payments: InvoiceDetail['payments']; currency: string }) {
  if (payments.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No payments yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-sm">
        <caption className="sr-only">Payments</caption>
        <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">Date</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Method</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Status</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Reference</th>
            <th scope="col" className="py-2 text-right font-semibold">Amount</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {payments.map((p) => (
            <tr key={p.id}>
              <td className="py-2 pr-3 whitespace-nowrap">{format(parseISO(p.paid_at ?? p.created_at), 'MMM d, yyyy')}</td>
              <td className="py-2 pr-3">
                {PAYMENT_METHOD_LABEL[p.method]}
                {p.provider === 'stripe' && <span className="text-slate-500 dark:text-slate-400"> · Stripe</span>}
              </td>
              <td className="py-2 pr-3">
                <Badge tone={STATUS_TONE[p.status]}>{p.status === 'succeeded' ? 'Received' : p.status[0]?.toUpperCase() + p.status.slice(1)}</Badge>
                {p.failure_message && <p className="text-xs text-red-600 dark:text-red-400">{p.failure_message}</p>}
              </td>
              <td className="py-2 pr-3">{p.reference ?? '—'}</td>
              <td className="py-2 text-right tabular-nums">
                {formatMoney(p.amount, currency)}
                {p.amount_refunded > 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{formatMoney(p.amount_refunded, currency)} refunded</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
