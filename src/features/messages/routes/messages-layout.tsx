import { useState } from 'react';
import { Outlet, useParams } from 'react-router';
import { useUserId } from '@/lib/auth';
import { useMembership } from '@/lib/membership';
import { useMyChannels } from '../api/channels';
import { useUnreadLive } from '../api/live';
import { ChannelList } from '../components/channel-list';
import { NewDirectDialog } from '../components/new-direct-dialog';

/**
 * /messages: the channel list beside the open channel. On narrow screens one of the two shows at a
 * time: the list at /messages, the channel (with a way back) at /messages/:channelId.
 */
export default function MessagesLayout() {
  const userId = useUserId();
  const { current } = useMembership();
  const { channelId } = useParams();
  const channels = useMyChannels(userId);
  const [dialogOpen, setDialogOpen] = useState(false);
  useUnreadLive(current.organizationId, userId);
  const inOrg = channels.data?.filter((c) => !c.organization_id || c.organization_id === current.organizationId);

  return (
    <div className="-mx-4 -my-8 flex h-[calc(100dvh-3.5rem)] min-h-96 overflow-hidden bg-white sm:-mx-8 dark:bg-slate-950">
      <div className={`w-full shrink-0 border-r border-slate-200 bg-slate-50 md:block md:w-64 dark:border-slate-800 dark:bg-slate-900 ${channelId ? 'hidden' : 'block'}`}>
        <ChannelList channels={inOrg} loading={channels.isPending} error={channels.error} onNewMessage={() => setDialogOpen(true)} />
      </div>
      <div className={`min-w-0 flex-1 md:flex ${channelId ? 'flex' : 'hidden'}`}>
        <Outlet />
      </div>
      <NewDirectDialog open={dialogOpen} onClose={() => setDialogOpen(false)} organizationId={current.organizationId} userId={userId} />
    </div>
  );
}
