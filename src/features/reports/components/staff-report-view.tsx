import { Link } from 'react-router';
import { ArrowLeft, FileQuestion } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useStaffReport } from '../api/report';
import { ReportEditor } from './report-editor';

export function StaffReportView({ reportId, canDelete }: { reportId: string; canDelete: boolean }) {
  const report = useStaffReport(reportId);
  if (report.error) return <Alert>This report could not be loaded: {errorMessage(report.error)}</Alert>;
  if (report.isPending) {
    return (
      <div role="status" aria-label="Loading the report" className="space-y-4">
        <Skeleton className="h-8 w-1/2" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-[36rem] w-full" />
      </div>
    );
  }
  if (!report.data) {
    return (
      <div className="space-y-4">
        <Link to="/reports" className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline dark:text-indigo-300">
          <ArrowLeft className="size-4" aria-hidden /> All reports
        </Link>
        <EmptyState icon={FileQuestion} title="This report does not exist">
          It may have been deleted, or it belongs to another organization.
        </EmptyState>
      </div>
    );
  }
  // Keyed by report: a different report starts a fresh form.
  return <ReportEditor key={report.data.id} report={report.data} canDelete={canDelete} onReload={async () => (await report.refetch()).data} />;
}
