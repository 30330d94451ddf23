import { useMembership } from '@/lib/membership';
import { ClientReports } from '../components/client-reports';
import { StaffReports } from '../components/staff-reports';

/** One page: staff manage every report, a client member reads the ones published to them. */
export default function ReportsRoute() {
  const { current } = useMembership();
  return current.role === 'client' ? (
    <ClientReports organizationId={current.organizationId} organizationName={current.organizationName} />
  ) : (
    <StaffReports organizationId={current.organizationId} />
  );
}
