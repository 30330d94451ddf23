import { useMembership } from '@/lib/membership';
import { ClientProjectCards } from '../components/client-project-cards';
import { StaffProjectList } from '../components/staff-project-list';

/** One page for everyone: staff get the full list with filters, client members their own projects. */
export default function ProjectsRoute() {
  const { current } = useMembership();
  return current.role === 'client' ? (
    <ClientProjectCards organizationId={current.organizationId} organizationName={current.organizationName} />
  ) : (
    <StaffProjectList organizationId={current.organizationId} organizationName={current.organizationName} />
  );
}
