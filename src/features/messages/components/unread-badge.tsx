import { useUserId } from '@/lib/auth';
import { useMembership } from '@/lib/membership';
import { useMyChannels } from '../api/channels';
import { useUnreadLive } from '../api/live';
import { unreadTotal } from '../channel-groups';

/** The unread total of the organization's conversations, for the Messages item of the sidebar. */
export function MessagesUnreadBadge() {
  const userId = useUserId();
  const { current } = useMembership();
  const channels = useMyChannels(userId);
  useUnreadLive(current.organizationId, userId);
  const total = unreadTotal((channels.data ?? []).filter((c) => c.organization_id === current.organizationId));
  if (!total) return null;
  return (
    <span data-unread-total className="ml-auto min-w-5 rounded-full bg-brand-600 px-1.5 text-center text-[11px] font-semibold leading-5 text-white">
      <span className="sr-only">, </span>
      {total > 99 ? '99+' : total}
      <span className="sr-only"> unread</span>
    </span>
  );
}
