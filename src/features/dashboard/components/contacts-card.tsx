import { Card } from '@/components/ui/card';
import { Avatar } from '@/components/ui/avatar';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useStaffContacts } from '../api/dashboard';

/** For clients: the people at the studio they work with. */
export function ContactsCard({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const staff = useStaffContacts(organizationId, true);
  return (
    <Card title={`Your team at ${organizationName}`}>
      {staff.isPending ? (
        <SkeletonRows rows={3} label="Loading your contacts" />
      ) : (
        <ul className="space-y-3">
          {staff.data?.map((m) => (
            <li key={m.id} className="flex items-center gap-3 text-sm">
              <Avatar name={m.profiles?.display_name ?? '?'} url={m.profiles?.avatar_url} size="sm" />
              <div>
                <p className="font-medium">{m.profiles?.display_name ?? 'Team member'}</p>
                <p className="text-xs capitalize text-slate-500 dark:text-slate-400">{m.profiles?.headline || m.role}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
