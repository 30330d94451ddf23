import { Link } from 'react-router';
import { formatDistanceToNow } from 'date-fns';
import { Megaphone } from 'lucide-react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useLatestUpdates } from '../api/widgets';

/** For a client member: the newest updates the studio posted on their projects. */
export function LatestUpdatesCard({ organizationId }: { organizationId: string }) {
  const updates = useLatestUpdates(organizationId);
  return (
    <Card title="Latest updates">
      {updates.isPending ? (
        <SkeletonRows rows={2} label="Loading updates" />
      ) : updates.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Updates could not be loaded: {errorMessage(updates.error)}</p>
      ) : !updates.data.length ? (
        <EmptyState icon={Megaphone} title="No updates yet">News about your projects appears here as soon as the team posts it.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {updates.data.map((u) => (
            <li key={u.id} className="text-sm">
              <p className="text-xs text-slate-600 dark:text-slate-400">
                <Link to={`/projects/${u.project_id}`} className="font-medium text-slate-900 hover:underline dark:text-slate-100">
                  {u.projects?.name}
                </Link>
                {' · '}
                {u.author?.display_name ?? 'The team'} · {formatDistanceToNow(new Date(u.created_at), { addSuffix: true })}
              </p>
              <p className="mt-1 line-clamp-3 whitespace-pre-line">{u.body}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
