import { Link } from 'react-router';
import { InvoiceStatusBadge } from '@/components/money/status-badges';
import { formatMoney } from '@/lib/money';
import type { InvoiceListRow } from '../api/list-invoices';
import { fmtDate } from '../api/format';

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
const td = 'px-4 py-3 align-middle';

export function InvoicesTable({ invoices, showClient }: { invoices: InvoiceListRow[]; showClient: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full min-w-[48rem] text-sm">
        <caption className="sr-only">Invoices</caption>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
          <tr>
            <th scope="col" className={th}>Number</th>
            {showClient && <th scope="col" className={th}>Client</th>}
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Issued</th>
            <th scope="col" className={th}>Due</th>
            <th scope="col" className={`${th} text-right`}>Total</th>
            <th scope="col" className={`${th} text-right`}>Amount due</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {invoices.map((i) => (
            <tr key={i.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className={td}>
                <Link to={`/invoices/${i.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300">
                  {i.number}
                </Link>
              </td>
              {showClient && <td className={td}>{i.clients?.name ?? '—'}</td>}
              <td className={td}>
                <InvoiceStatusBadge status={i.status} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{fmtDate(i.issue_on)}</td>
              <td className={`${td} whitespace-nowrap`}>{fmtDate(i.due_on)}</td>
              <td className={`${td} text-right tabular-nums`}>{formatMoney(i.total_amount, i.currency)}</td>
              <td className={`${td} text-right tabular-nums`}>{i.status === 'void' ? '—' : formatMoney(i.amount_due ?? 0, i.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
