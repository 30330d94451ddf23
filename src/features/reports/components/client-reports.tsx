import { Link, useSearchParams } from 'react-router';
import { format } from 'date-fns';
import { ChevronRight, FileText } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { REPORTS_PAGE_SIZE, useClientReports } from '../api/list-reports';
import { formatPeriod } from '../periods';

/** A client member's reports: only the published ones reach them. */
export function ClientReports({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const reports = useClientReports(organizationId, page);
  return (
    <>
      <PageHeader title="Reports" description={`Progress reports from ${organizationName}.`} />
      {reports.error ? (
        <Alert>Your reports could not be loaded: {errorMessage(reports.error)}</Alert>
      ) : reports.isPending ? (
        <SkeletonRows rows={3} label="Loading reports" />
      ) : reports.data.total === 0 ? (
        <EmptyState icon={FileText} title="No reports yet">
          When {organizationName} publishes a progress report for you, it appears here and in your notifications.
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {reports.data.reports.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${r.id}`} className="flex items-center gap-4 px-4 py-4 hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  <FileText className="size-5 shrink-0 text-brand-600 dark:text-indigo-300" aria-hidden />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{r.title}</span>
                    <span className="block text-sm text-slate-600 dark:text-slate-400">
                      {formatPeriod(r.period_start, r.period_end)}
                      {r.published_at && ` · published ${format(new Date(r.published_at), 'MMM d, yyyy')}`}
                    </span>
                  </span>
                  <ChevronRight className="size-4 shrink-0 text-slate-400" aria-hidden />
                </Link>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={REPORTS_PAGE_SIZE} total={reports.data.total} onPageChange={(p) => setParams({ page: String(p) })} />
        </>
      )}
    </>
  );
}
