import { useParams } from 'react-router';
import { hasRole, useMembership } from '@/lib/membership';
import { ClientReportView } from '../components/client-report-view';
import { StaffReportView } from '../components/staff-report-view';

/** A report: the editor for staff, the typeset read-only report for the client it was written for. */
export default function ReportRoute() {
  const { reportId = '' } = useParams();
  const { current } = useMembership();
  return current.role === 'client' ? (
    <ClientReportView reportId={reportId} organizationName={current.organizationName} />
  ) : (
    <StaffReportView reportId={reportId} canDelete={hasRole(current.role, 'manager')} />
  );
}
