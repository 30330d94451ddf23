import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Clock, FilePlus2, Receipt, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { Skeleton, SkeletonRows } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { INVOICE_STATUS_LABEL } from '@/lib/money-status';
import { useClientOptions } from '@/lib/client-options';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { formatMoney } from '@/lib/money';
import { useOrgBilling } from '@/lib/org-billing';
import { useInvoiceList, useInvoiceSummary } from '../api/list-invoices';
import { DEFAULT_INVOICE_PARAMS, INVOICES_PAGE_SIZE, readInvoiceParams, withInvoiceChange, writeInvoiceParams, type InvoiceListParams } from '../api/list-params';
import { INVOICE_STATUSES } from '../api/statuses';
import { InvoicesTable } from '../components/invoices-table';
import { UnbilledTimeDialog } from '../components/unbilled-time-dialog';

const newInvoiceLink =
  'inline-flex items-center gap-2 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2';

/** /invoices — staff: every invoice with filters and a summary; clients: theirs (never drafts, by RLS). */
export default function InvoicesRoute() {
  const { current } = useMembership();
  const staff = hasRole(current.role, 'member');
  const [search, setSearch] = useSearchParams();
  const params = readInvoiceParams(search);
  const list = useInvoiceList(current.organizationId, params);
  const clients = useClientOptions(current.organizationId, staff);
  const [unbilled, setUnbilled] = useState(false);
  const update = (change: Partial<InvoiceListParams>) => setSearch(writeInvoiceParams(withInvoiceChange(params, change)));
  const filtered = Boolean(params.status || params.client || params.q.trim());
  const statuses = staff ? INVOICE_STATUSES : INVOICE_STATUSES.filter((s) => s !== 'draft');

  const actions = staff ? (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" onClick={() => setUnbilled(true)}>
        <Clock className="size-4" aria-hidden /> From unbilled time
      </Button>
      <Link to="/invoices/new" className={newInvoiceLink}>
        <FilePlus2 className="size-4" aria-hidden /> New invoice
      </Link>
    </div>
  ) : undefined;

  return (
    <>
      <PageHeader title="Invoices" description={staff ? 'Bill clients, follow payments and chase what is overdue.' : 'Your invoices and what is left to pay.'} actions={actions} />
      <div className="space-y-4">
        {staff && <Summary organizationId={current.organizationId} />}
        <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1">
          {[{ value: '' as const, label: 'All' }, ...statuses.map((s) => ({ value: s, label: INVOICE_STATUS_LABEL[s] }))].map((s) => (
            <button
              key={s.value || 'all'}
              type="button"
              aria-pressed={params.status === s.value}
              onClick={() => update({ status: s.value })}
              className={`rounded-full px-3 py-1 text-sm font-medium ${
                params.status === s.value
                  ? 'bg-brand-600 text-white'
                  : 'bg-slate-100 text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700'
              }`}
            >
              {s.label}
            </button>
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:max-w-2xl">
          <TextField label="Search by number" type="search" placeholder="e.g. 0012" defaultValue={params.q} onChange={(e) => update({ q: e.target.value })} />
          {staff && (
            <SelectField
              label="Client"
              value={params.client}
              onChange={(e) => update({ client: e.target.value })}
              options={[{ value: '', label: 'All clients' }, ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            />
          )}
        </div>
        {list.isPending ? (
          <SkeletonRows rows={6} label="Loading invoices" />
        ) : list.error ? (
          <Alert>The invoices could not be loaded: {errorMessage(list.error)}</Alert>
        ) : list.data.total === 0 ? (
          filtered ? (
            <EmptyState icon={SearchX} title="No invoices match" action={<Button variant="secondary" onClick={() => setSearch(writeInvoiceParams(DEFAULT_INVOICE_PARAMS))}>Clear filters</Button>}>
              Try another status, client or number.
            </EmptyState>
          ) : (
            <EmptyState icon={Receipt} title="No invoices yet" action={staff ? <Link to="/invoices/new" className={newInvoiceLink}>New invoice</Link> : undefined}>
              {staff ? 'Create one from scratch, from a project’s unbilled time, or let clients approve an estimate.' : 'Invoices sent to you appear here.'}
            </EmptyState>
          )
        ) : (
          <div aria-busy={list.isPlaceholderData || undefined} className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
            <InvoicesTable invoices={list.data.invoices} showClient={staff} />
            <Pagination page={params.page} pageSize={INVOICES_PAGE_SIZE} total={list.data.total} onPageChange={(page) => update({ page })} />
          </div>
        )}
      </div>
      {unbilled && <UnbilledTimeDialog organizationId={current.organizationId} onClose={() => setUnbilled(false)} />}
    </>
  );
}

function Summary({ organizationId }: { organizationId: string }) {
  const summary = useInvoiceSummary(organizationId, true);
  const org = useOrgBilling(organizationId);
  const currency = org.data?.currency;
  const tile = (label: string, value: number | undefined, tone = '') => (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <p className="text-sm text-slate-600 dark:text-slate-400">{label}</p>
      {value === undefined || !currency ? <Skeleton className="mt-1 h-7 w-28" /> : <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone}`}>{formatMoney(value, currency)}</p>}
    </div>
  );
  if (summary.error) return <Alert>The summary could not be loaded: {errorMessage(summary.error)}</Alert>;
  return (
    <section aria-label="Summary" className="grid gap-3 sm:grid-cols-3">
      {tile('Outstanding', summary.data?.outstanding)}
      {tile('Overdue', summary.data?.overdue, summary.data?.overdue ? 'text-red-600 dark:text-red-400' : '')}
      {tile('Paid this month', summary.data?.paidThisMonth, 'text-emerald-700 dark:text-emerald-400')}
    </section>
  );
}
