import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDistanceToNow } from 'date-fns';
import { FilePlus2, FileText, SearchX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import type { ReportFilters, ReportStatus } from '../api/keys';
import { REPORTS_PAGE_SIZE, useReportClients, useStaffReports } from '../api/list-reports';
import { formatPeriod } from '../periods';
import { NewReportDialog } from './new-report-dialog';
import { ReportStatusBadge } from './report-status-badge';

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: 'draft', label: 'Drafts' },
  { value: 'published', label: 'Published' },
];

/** Filters live in the URL (?client=&status=&page=), so a filtered list can be shared and reloaded. */
function useFilters(): [ReportFilters, (next: Partial<ReportFilters>) => void, { newFor: string | null; clearNew: () => void }] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters: ReportFilters = {
    clientId: params.get('client') || null,
    status: status === 'draft' || status === 'published' ? (status as ReportStatus) : null,
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (next: Partial<ReportFilters>) => {
    const merged = { ...filters, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.clientId) out.set('client', merged.clientId);
    if (merged.status) out.set('status', merged.status);
    if (merged.page > 1) out.set('page', String(merged.page));
    setParams(out);
  };
  const newFor = params.has('new') ? params.get('new') || '' : null;
  const clearNew = () => {
    const out = new URLSearchParams(params);
    out.delete('new');
    setParams(out, { replace: true });
  };
  return [filters, update, { newFor, clearNew }];
}

export function StaffReports({ organizationId }: { organizationId: string }) {
  const [filters, setFilters, { newFor, clearNew }] = useFilters();
  const [dialogOpen, setDialogOpen] = useState(false);
  const reports = useStaffReports(organizationId, filters);
  const clients = useReportClients(organizationId);
  const filtered = filters.clientId !== null || filters.status !== null;
  const open = dialogOpen || newFor !== null;
  const closeDialog = () => {
    setDialogOpen(false);
    if (newFor !== null) clearNew();
  };
  const newButton = (
    <Button onClick={() => setDialogOpen(true)}>
      <FilePlus2 className="size-4" aria-hidden /> New report
    </Button>
  );

  return (
    <>
      <PageHeader title="Reports" description="Progress reports for your clients: drafted from their updates, edited here, then published to their portal." actions={newButton} />
      <div className="mb-4 grid gap-3 sm:grid-cols-[16rem_12rem]">
        <SelectField
          label="Client"
          value={filters.clientId ?? ''}
          onChange={(e) => setFilters({ clientId: e.target.value || null })}
          options={[{ value: '', label: 'All clients' }, ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField label="Status" value={filters.status ?? ''} onChange={(e) => setFilters({ status: (e.target.value || null) as ReportStatus | null })} options={STATUS_OPTIONS} />
      </div>
      {reports.error ? (
        <Alert>The reports could not be loaded: {errorMessage(reports.error)}</Alert>
      ) : reports.isPending ? (
        <SkeletonRows label="Loading reports" />
      ) : reports.data.total === 0 ? (
        filtered ? (
          <EmptyState icon={SearchX} title="No reports match these filters" action={<Button variant="secondary" onClick={() => setFilters({ clientId: null, status: null })}>Show all reports</Button>}>
            Try another client or status.
          </EmptyState>
        ) : (
          <EmptyState icon={FileText} title="No reports yet" action={newButton}>
            Pick a client and a period: Atrium drafts the report from their updates, finished tasks and milestones.
          </EmptyState>
        )
      ) : (
        <>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Reports, most recently changed first</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">Report</th>
                  <th scope="col" className="px-4 py-3 font-medium">Client</th>
                  <th scope="col" className="px-4 py-3 font-medium">Period</th>
                  <th scope="col" className="px-4 py-3 font-medium">Status</th>
                  <th scope="col" className="px-4 py-3 font-medium">Changed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {reports.data.reports.map((r) => (
                  <tr key={r.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                    <td className="max-w-xs px-4 py-3">
                      <Link to={`/reports/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-200">
                        {r.title}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-slate-700 dark:text-slate-300">{r.clients?.name ?? '—'}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700 dark:text-slate-300">{formatPeriod(r.period_start, r.period_end)}</td>
                    <td className="px-4 py-3">
                      <ReportStatusBadge status={r.status} />
                    </td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-600 dark:text-slate-400">{formatDistanceToNow(new Date(r.updated_at), { addSuffix: true })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={filters.page} pageSize={REPORTS_PAGE_SIZE} total={reports.data.total} onPageChange={(page) => setFilters({ page })} />
        </>
      )}
      <NewReportDialog open={open} organizationId={organizationId} initialClientId={newFor || filters.clientId} onClose={closeDialog} />
    </>
  );
}
