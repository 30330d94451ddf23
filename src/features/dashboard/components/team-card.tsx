import { Link } from 'react-router';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { hasRole, type OrgRole } from '@/lib/membership';
import { useTeamSummary } from '../api/dashboard';

const ORDER: Array<{ role: OrgRole; label: string; color: string }> = [
  { role: 'owner', label: 'Owners', color: 'bg-brand-700' },
  { role: 'admin', label: 'Admins', color: 'bg-brand-600' },
  { role: 'manager', label: 'Managers', color: 'bg-brand-500' },
  { role: 'member', label: 'Members', color: 'bg-indigo-300' },
  { role: 'client', label: 'Clients', color: 'bg-amber-400' },
];

/** Who is in the organization, by role, as one stacked bar and a legend. */
export function TeamCard({ organizationId, myRole }: { organizationId: string; myRole: OrgRole }) {
  const team = useTeamSummary(organizationId, true);
  return (
    <Card
      title="Team"
      actions={hasRole(myRole, 'manager') && <Link to="/settings/members" className="text-sm text-brand-600 hover:underline dark:text-indigo-300">Manage</Link>}
    >
      {team.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : team.error ? (
        <p className="text-sm text-red-600">The team could not be loaded.</p>
      ) : (
        <>
          <p className="text-3xl font-semibold">{team.data.total}</p>
          <p className="text-sm text-slate-600 dark:text-slate-400">people in this organization</p>
          <div className="mt-4 flex h-3 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800" role="img" aria-label={ORDER.map((o) => `${team.data.byRole[o.role] ?? 0} ${o.label.toLowerCase()}`).join(', ')}>
            {ORDER.map((o) => {
              const n = team.data.byRole[o.role] ?? 0;
              return n ? <div key={o.role} className={o.color} style={{ width: `${(n / team.data.total) * 100}%` }} /> : null;
            })}
          </div>
          <ul className="mt-3 grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
            {ORDER.map((o) => (
              <li key={o.role} className="flex items-center gap-2">
                <span className={`size-2.5 rounded-full ${o.color}`} aria-hidden />
                {o.label}: {team.data.byRole[o.role] ?? 0}
              </li>
            ))}
          </ul>
          {hasRole(myRole, 'manager') && team.data.openInvitations > 0 && (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{team.data.openInvitations} invitation(s) waiting to be accepted.</p>
          )}
        </>
      )}
    </Card>
  );
}
