import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { format, parseISO } from 'date-fns';
import { Calculator, Plus, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { EstimateStatusBadge } from '@/components/money/status-badges';
import { ESTIMATE_STATUS_LABEL } from '@/lib/money-status';
import { useClientOptions } from '@/lib/client-options';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { formatMoney } from '@/lib/money';
import { useOrgBilling } from '@/lib/org-billing';
import { useEstimateList, type EstimateListRow } from '../api/list-estimates';
import { ESTIMATE_STATUSES, ESTIMATES_PAGE_SIZE, readEstimateParams, writeEstimateParams, type EstimateListParams } from '../api/list-params';
import { RequestEstimateDialog } from '../components/request-estimate-dialog';

/** /estimates — staff: every request and answer with filters; clients: theirs, and "Request an estimate". */
export default function EstimatesRoute() {
  const { current } = useMembership();
  const staff = hasRole(current.role, 'member');
  const [search, setSearch] = useSearchParams();
  const params = readEstimateParams(search);
  const list = useEstimateList(current.organizationId, params);
  const clients = useClientOptions(current.organizationId, staff);
  const org = useOrgBilling(current.organizationId);
  const [requesting, setRequesting] = useState(false);
  const update = (change: Partial<EstimateListParams>) => setSearch(writeEstimateParams({ ...params, ...change, page: change.page ?? 1 }));
  const canRequest = staff || current.clientId !== null;
  const requestButton = canRequest ? (
    <Button onClick={() => setRequesting(true)} disabled={!org.data}>
      <Plus className="size-4" aria-hidden /> Request an estimate
    </Button>
  ) : undefined;
  return (
    <>
      <PageHeader title="Estimates" description={staff ? 'Requests from clients and the answers you send them.' : 'Ask for a price and a timeline; approve or decline the answer.'} actions={requestButton} />
      <div className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:max-w-2xl">
          <SelectField
            label="Status"
            value={params.status}
            onChange={(e) => update({ status: e.target.value as EstimateListParams['status'] })}
            options={[{ value: '', label: 'All statuses' }, ...ESTIMATE_STATUSES.map((s) => ({ value: s, label: ESTIMATE_STATUS_LABEL[s] }))]}
          />
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
          <SkeletonRows rows={6} label="Loading estimates" />
        ) : list.error ? (
          <Alert>The estimates could not be loaded: {errorMessage(list.error)}</Alert>
        ) : list.data.total === 0 ? (
          params.status || params.client ? (
            <EmptyState icon={SearchX} title="No estimates match" action={<Button variant="secondary" onClick={() => setSearch(new URLSearchParams())}>Clear filters</Button>}>
              Try another status or client.
            </EmptyState>
          ) : (
            <EmptyState icon={Calculator} title="No estimates yet" action={requestButton}>
              {staff ? 'Requests from clients appear here; you can also request one on a client’s behalf.' : 'Request an estimate and we will answer with a scope, a price and a timeline.'}
            </EmptyState>
          )
        ) : (
          <div aria-busy={list.isPlaceholderData || undefined} className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}>
            <EstimatesTable estimates={list.data.estimates} showClient={staff} />
            <Pagination page={params.page} pageSize={ESTIMATES_PAGE_SIZE} total={list.data.total} onPageChange={(page) => update({ page })} />
          </div>
        )}
      </div>
      {requesting && org.data && (
        <RequestEstimateDialog organizationId={current.organizationId} currency={org.data.currency} clientId={staff ? null : current.clientId} onClose={() => setRequesting(false)} />
      )}
    </>
  );
}

const th = 'px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400';
const td = 'px-4 py-3 align-middle';

function budget(e: EstimateListRow): string {
  if (e.budget_min !== null && e.budget_max !== null) return `${formatMoney(e.budget_min, e.currency)} – ${formatMoney(e.budget_max, e.currency)}`;
  if (e.budget_max !== null) return `up to ${formatMoney(e.budget_max, e.currency)}`;
  if (e.budget_min !== null) return `from ${formatMoney(e.budget_min, e.currency)}`;
  return '—';
}

function EstimatesTable({ estimates, showClient }: { estimates: EstimateListRow[]; showClient: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="sr-only">Estimates</caption>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60">
          <tr>
            <th scope="col" className={th}>Service</th>
            {showClient && <th scope="col" className={th}>Client</th>}
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Requested</th>
            <th scope="col" className={th}>Budget</th>
            <th scope="col" className={`${th} text-right`}>Price</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {estimates.map((e) => (
            <tr key={e.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              <td className={td}>
                <Link to={`/estimates/${e.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300">
                  {e.service_type}
                </Link>
              </td>
              {showClient && <td className={td}>{e.clients?.name ?? 'Crowd project'}</td>}
              <td className={td}>
                <EstimateStatusBadge status={e.status} />
              </td>
              <td className={`${td} whitespace-nowrap`}>{format(parseISO(e.created_at), 'MMM d, yyyy')}</td>
              <td className={`${td} whitespace-nowrap`}>{budget(e)}</td>
              <td className={`${td} text-right tabular-nums`}>{e.price_amount !== null ? formatMoney(e.price_amount, e.currency) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
