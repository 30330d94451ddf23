import { Link } from 'react-router';
import { Bell } from 'lucide-react';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { hasRole, useMembership } from '@/lib/membership';
import { useSession } from '@/lib/auth';
import { TeamCard } from '../components/team-card';
import { ActivityCard } from '../components/activity-card';
import { ContactsCard } from '../components/contacts-card';
import { ActiveProjectsCard } from '../components/active-projects-card';
import { TasksDueCard } from '../components/tasks-due-card';
import { LeadsCard } from '../components/leads-card';
import { ClientProjectsCard } from '../components/client-projects-card';
import { LatestUpdatesCard } from '../components/latest-updates-card';

function greeting(date = new Date()): string {
  const h = date.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

/** One dashboard; its widgets depend on the member's role. */
export default function DashboardRoute() {
  const { current } = useMembership();
  const { session } = useSession();
  const name = (session?.user.user_metadata?.display_name as string | undefined)?.split(' ')[0];
  const isClient = current.role === 'client';
  return (
    <>
      <PageHeader
        title={`${greeting()}${name ? `, ${name}` : ''}`}
        description={isClient ? `Welcome to the ${current.organizationName} client portal.` : `Here is what is happening at ${current.organizationName}.`}
      />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {isClient ? (
          <>
            <ClientProjectsCard organizationId={current.organizationId} />
            <LatestUpdatesCard organizationId={current.organizationId} />
            <ContactsCard organizationId={current.organizationId} organizationName={current.organizationName} />
          </>
        ) : (
          <>
            <TasksDueCard organizationId={current.organizationId} userId={session!.user.id} />
            <ActiveProjectsCard organizationId={current.organizationId} />
            <LeadsCard organizationId={current.organizationId} />
            <TeamCard organizationId={current.organizationId} myRole={current.role} />
          </>
        )}
        {hasRole(current.role, 'admin') && <ActivityCard organizationId={current.organizationId} />}
        <Card title="Stay in the loop">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Mentions, answers and payments arrive in the bell at the top right, live.
          </p>
          <Link to="/notifications" className="mt-3 inline-flex items-center gap-2 text-sm text-brand-600 hover:underline dark:text-indigo-300">
            <Bell className="size-4" aria-hidden /> Open notifications
          </Link>
        </Card>
      </div>
    </>
  );
}
