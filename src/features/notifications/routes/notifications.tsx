import { useSearchParams } from 'react-router';
import { Bell, CheckCheck } from 'lucide-react';
import { format } from 'date-fns';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Pagination } from '@/components/ui/pagination';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { useUserId } from '@/lib/auth';
import { NOTIFICATIONS_PAGE_SIZE, useMarkRead, useNotificationsPage } from '../api/notifications';

export default function NotificationsRoute() {
  const userId = useUserId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotificationsPage(userId, page);
  const markRead = useMarkRead(userId);
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Mentions, assignments, answers and payments that concern you."
        actions={
          <Button variant="secondary" onClick={() => markRead.mutate('all')} loading={markRead.isPending}>
            <CheckCheck className="size-4" aria-hidden /> Mark all read
          </Button>
        }
      />
      {list.error && <Alert>{errorMessage(list.error)}</Alert>}
      {list.isPending ? (
        <SkeletonRows label="Loading notifications" />
      ) : list.data?.total === 0 ? (
        <EmptyState icon={Bell} title="Nothing yet">
          When someone mentions you, assigns you work or a client pays, it shows up here and in the bell.
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {list.data?.items.map((n) => (
              <li key={n.id} className="flex items-start justify-between gap-4 px-4 py-3">
                <div>
                  <p className={`text-sm ${n.read_at ? '' : 'font-semibold'}`}>{n.link ? <Link to={n.link} className="hover:underline">{n.title}</Link> : n.title}</p>
                  {n.body && <p className="text-sm text-slate-600 dark:text-slate-400">{n.body}</p>}
                  <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{format(new Date(n.created_at), 'PPp')}</p>
                </div>
                {!n.read_at && (
                  <Button variant="ghost" onClick={() => markRead.mutate([n.id])}>
                    Mark read
                  </Button>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={list.data?.total ?? 0} onPageChange={(p) => setParams({ page: String(p) })} />
        </>
      )}
    </>
  );
}
