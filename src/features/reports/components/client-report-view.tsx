import { Link } from 'react-router';
import { ArrowLeft, FileQuestion, Printer } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useClientReport } from '../api/report';
import { PrintSetup, ReportDocument } from './report-document';

/** A published report, read-only, for the client member it was written for. */
export function ClientReportView({ reportId, organizationName }: { reportId: string; organizationName: string }) {
  const report = useClientReport(reportId);
  const back = (
    <Link to="/reports" className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline dark:text-indigo-300 print:hidden">
      <ArrowLeft className="size-4" aria-hidden /> All reports
    </Link>
  );
  if (report.error) return <Alert>This report could not be loaded: {errorMessage(report.error)}</Alert>;
  if (report.isPending) {
    return (
      <div role="status" aria-label="Loading the report" className="mx-auto max-w-3xl space-y-4">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (!report.data) {
    return (
      <div className="space-y-4">
        {back}
        <EmptyState icon={FileQuestion} title="This report is not available">
          It may have been withdrawn for changes. Reports {organizationName} publishes for you are listed under Reports.
        </EmptyState>
      </div>
    );
  }
  const r = report.data;
  return (
    <>
      <PrintSetup documentTitle={r.title} />
      <div className="mx-auto mb-4 flex max-w-3xl items-center justify-between gap-4 print:hidden">
        {back}
        <Button variant="secondary" onClick={() => window.print()}>
          <Printer className="size-4" aria-hidden /> Print or save as PDF
        </Button>
      </div>
      <ReportDocument
        organizationName={organizationName}
        title={r.title}
        body={r.body}
        periodStart={r.period_start}
        periodEnd={r.period_end}
        publishedAt={r.published_at}
        publisherName={r.publisher?.display_name}
      />
    </>
  );
}
