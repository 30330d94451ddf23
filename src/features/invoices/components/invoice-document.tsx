import { TotalsList } from '@/components/money/totals-list';
import { formatBasisPoints, formatMoney } from '@/lib/money';
import type { InvoiceDetail } from '../api/invoice';
import { fmtDate } from '../api/format';

function billingLines(details: unknown): string[] {
  if (!details || typeof details !== 'object') return [];
  const d = details as Record<string, unknown>;
  return [d.legal_name, d.address, d.tax_id ? `Tax ID ${String(d.tax_id)}` : null].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
}

/** The invoice as the client sees it: from/to, dates, items, totals, deposit, notes and terms. */
export function InvoiceDocument({ invoice }: { invoice: InvoiceDetail }) {
  const c = invoice.currency;
  return (
    <article className="space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900 print:border-0 print:p-0 print:shadow-none">
      <header className="flex flex-wrap justify-between gap-6">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">From</p>
          <p className="font-semibold">{invoice.organizations?.name}</p>
          {invoice.organizations?.billing_email && <p className="text-sm text-slate-600 dark:text-slate-400">{invoice.organizations.billing_email}</p>}
        </div>
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Billed to</p>
          <p className="font-semibold">{invoice.clients?.name ?? 'You'}</p>
          {billingLines(invoice.clients?.billing_details).map((l) => (
            <p key={l} className="whitespace-pre-line text-sm text-slate-600 dark:text-slate-400">
              {l}
            </p>
          ))}
          {invoice.clients?.email && <p className="text-sm text-slate-600 dark:text-slate-400">{invoice.clients.email}</p>}
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Invoice</dt>
          <dd className="font-semibold">{invoice.number}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Issued</dt>
          <dd>{fmtDate(invoice.issue_on)}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Due</dt>
          <dd>{fmtDate(invoice.due_on)}</dd>
          {invoice.projects?.name && (
            <>
              <dt className="text-slate-500 dark:text-slate-400">Project</dt>
              <dd>{invoice.projects.name}</dd>
            </>
          )}
        </dl>
      </header>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] text-sm">
          <caption className="sr-only">Items</caption>
          <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-semibold">Description</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">Qty</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">Unit price</th>
              <th scope="col" className="py-2 pr-3 text-right font-semibold">Tax</th>
              <th scope="col" className="py-2 text-right font-semibold">Amount</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {invoice.items.map((i) => (
              <tr key={i.id}>
                <td className="py-2 pr-3">{i.description}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{Number(i.quantity)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(i.unit_amount, c)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatBasisPoints(i.tax_rate_bp)}</td>
                <td className="py-2 text-right tabular-nums">{formatMoney(i.amount, c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TotalsList
        currency={c}
        subtotal={invoice.subtotal_amount}
        discount={invoice.discount_amount}
        discountBp={invoice.discount_bp}
        tax={invoice.tax_amount}
        total={invoice.total_amount}
        paid={invoice.amount_paid}
        due={invoice.amount_due ?? 0}
      />
      {invoice.deposit_amount && invoice.deposit_due_on && (
        <p className="text-sm">
          Deposit of <strong>{formatMoney(invoice.deposit_amount, c)}</strong> due {fmtDate(invoice.deposit_due_on)}.
        </p>
      )}
      {invoice.notes && (
        <section>
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Notes</h2>
          <p className="whitespace-pre-line text-sm">{invoice.notes}</p>
        </section>
      )}
      {invoice.terms && (
        <section>
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Terms</h2>
          <p className="whitespace-pre-line text-sm">{invoice.terms}</p>
        </section>
      )}
    </article>
  );
}
