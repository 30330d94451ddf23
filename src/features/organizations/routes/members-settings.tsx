import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Forbidden } from '@/components/forbidden';
import { hasRole, useMembership } from '@/lib/membership';
import { useUserId } from '@/lib/auth';
import { InviteForm } from '../components/invite-form';
import { MembersTable } from '../components/members-table';
import { InvitationsList } from '../components/invitations-list';

export default function MembersSettingsRoute() {
  const { current } = useMembership();
  const userId = useUserId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  if (!hasRole(current.role, 'manager')) return <Forbidden what="member settings" />;
  return (
    <>
      <PageHeader title="Members" description={`Who works in ${current.organizationName}, and the clients who use its portal.`} />
      <div className="space-y-6">
        <Card title="Invite people" description="They get an email with a link that works for 7 days.">
          <InviteForm organizationId={current.organizationId} myRole={current.role} />
        </Card>
        <Card title="Open invitations">
          <InvitationsList organizationId={current.organizationId} />
        </Card>
        <Card title="Members">
          <MembersTable organizationId={current.organizationId} myRole={current.role} myUserId={userId} page={page} onPageChange={(p) => setParams({ page: String(p) })} />
        </Card>
      </div>
    </>
  );
}
