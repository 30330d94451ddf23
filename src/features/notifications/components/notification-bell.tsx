import { Popover, PopoverButton, PopoverPanel } from '@headlessui/react';
import { Bell, CheckCheck } from 'lucide-react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { formatDistanceToNow } from 'date-fns';
import { useTableChanges } from '@/lib/realtime';
import { notificationKeys, useMarkRead, useRecentNotifications, useUnreadCount } from '../api/notifications';

/** The bell: unread count kept live through Realtime, the latest notifications, mark as read. */
export function NotificationBell({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const unread = useUnreadCount(userId);
  const markRead = useMarkRead(userId);
  useTableChanges({
    table: 'notifications',
    filter: `user_id=eq.${userId}`,
    onChange: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  const count = unread.data ?? 0;
  return (
    <Popover className="relative">
      {({ open }) => (
        <>
          <PopoverButton
            className="relative rounded-md p-2 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
          >
            <Bell className="size-5" aria-hidden />
            {count > 0 && (
              <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
                {count > 99 ? '99+' : count}
              </span>
            )}
          </PopoverButton>
          <PopoverPanel className="absolute right-0 z-40 mt-2 w-80 rounded-xl border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900">
            <RecentList userId={userId} open={open} onMarkAll={() => markRead.mutate('all')} unread={count} />
          </PopoverPanel>
        </>
      )}
    </Popover>
  );
}

function RecentList({ userId, open, unread, onMarkAll }: { userId: string; open: boolean; unread: number; onMarkAll: () => void }) {
  const recent = useRecentNotifications(userId, open);
  return (
    <div>
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <span className="text-sm font-semibold">Notifications</span>
        {unread > 0 && (
          <button type="button" onClick={onMarkAll} className="inline-flex items-center gap-1 text-xs text-brand-600 hover:underline dark:text-indigo-300">
            <CheckCheck className="size-3.5" aria-hidden /> Mark all read
          </button>
        )}
      </div>
      <ul className="max-h-80 overflow-y-auto">
        {recent.isPending && <li className="px-4 py-3 text-sm text-slate-500 dark:text-slate-400">Loading…</li>}
        {recent.data?.length === 0 && <li className="px-4 py-6 text-center text-sm text-slate-500 dark:text-slate-400">You are all caught up.</li>}
        {recent.data?.map((n) => (
          <li key={n.id} className={`border-b border-slate-100 px-4 py-3 text-sm last:border-0 dark:border-slate-800 ${n.read_at ? '' : 'bg-brand-50/60 dark:bg-brand-700/10'}`}>
            <p className="font-medium">{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</p>
            {n.body && <p className="mt-0.5 line-clamp-2 text-slate-600 dark:text-slate-400">{n.body}</p>}
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{formatDistanceToNow(new Date(n.created_at), { addSuffix: true })}</p>
          </li>
        ))}
      </ul>
      <Link to="/notifications" className="block border-t border-slate-200 px-4 py-2 text-center text-sm text-brand-600 hover:underline dark:border-slate-700 dark:text-indigo-300">
        See all notifications
      </Link>
    </div>
  );
}
