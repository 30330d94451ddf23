import { formatDistanceToNow } from 'date-fns';
import { History } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useRecentActivity } from '../api/dashboard';
import { describeActivity } from '../describe-activity';

export function ActivityCard({ organizationId }: { organizationId: string }) {
  const activity = useRecentActivity(organizationId, true);
  return (
    <Card title="Recent activity" description="Changes to members, roles and settings.">
      {activity.isPending ? (
        <SkeletonRows rows={3} label="Loading activity" />
      ) : !activity.data?.length ? (
        <EmptyState icon={History} title="Nothing has happened yet">Invitations, role changes and settings changes appear here.</EmptyState>
      ) : (
        <ul className="space-y-2 text-sm">
          {activity.data.map((row) => (
            <li key={row.id} className="flex justify-between gap-4">
              <span>{describeActivity(row)}</span>
              <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{formatDistanceToNow(new Date(row.created_at), { addSuffix: true })}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
