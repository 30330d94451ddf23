import { Navigate, useSearchParams } from 'react-router';
import { MessagesSquare } from 'lucide-react';
import { useUserId } from '@/lib/auth';
import { useMembership } from '@/lib/membership';
import { mostRecentChannel } from '../channel-groups';
import { useMyChannels } from '../api/channels';

const wide = () => typeof window !== 'undefined' && window.matchMedia('(min-width: 768px)').matches;

/** /messages: straight to the most recent conversation on wide screens; otherwise (or with none) a resting state. */
export default function MessagesIndex() {
  const userId = useUserId();
  const { current } = useMembership();
  const channels = useMyChannels(userId);
  const [params] = useSearchParams();
  const mine = channels.data?.filter((c) => !c.organization_id || c.organization_id === current.organizationId) ?? [];
  const latest = mostRecentChannel(mine);
  if (latest && !params.has('list') && wide()) return <Navigate to={`/messages/${latest.id}`} replace />;
  if (channels.isPending) return null;
  return (
    <div className="flex flex-1 flex-col items-center justify-center p-8 text-center" data-no-channel>
      <MessagesSquare className="size-10 text-slate-400" aria-hidden />
      <h2 className="mt-3 text-base font-semibold">{mine.length ? 'Pick a conversation' : 'No conversations yet'}</h2>
      <p className="mt-1 max-w-sm text-sm text-slate-600 dark:text-slate-400">
        {mine.length
          ? 'Choose a channel on the left.'
          : 'Project channels appear here when you are on a project. Use “New message” to write to someone directly.'}
      </p>
    </div>
  );
}
