import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { MessagesSquare } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { preloadChannel, useChannel, useChannelMembers } from '../api/channels';
import { useChannelMessagesLive, useRoom } from '../api/live';
import { preloadFirstPage, useChannelMessages, useMessageRef } from '../api/messages';
import { ChatContext, type ChatContextValue } from '../components/chat-context';
import { ChannelHeader } from '../components/channel-header';
import { Composer } from '../components/composer';
import { MessageList } from '../components/message-list';
import { ThreadPanel } from '../components/thread-panel';
import { TypingIndicator } from '../components/typing-indicator';
import { useMarkRead } from '../hooks/use-mark-read';
import { plainText } from '../mentions';
import type { Person } from '../types';

// On a full page load this module loads alongside the app shell: start the newest messages now rather
// than after the shell has loaded the person's memberships (first render of a channel, issue 12).
const opened = /^\/messages\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(window.location.pathname);
if (opened) {
  preloadFirstPage(opened[1]!.toLowerCase());
  preloadChannel(opened[1]!.toLowerCase());
}

/** /messages/:channelId — keyed by channel, so every open starts fresh (scroll, hints, benchmark mark). */
export default function ChannelRoute() {
  const { channelId = '' } = useParams();
  return <ChannelView key={channelId} channelId={channelId} />;
}

function ChannelSkeleton() {
  return (
    <div role="status" aria-label="Loading the channel" className="flex flex-1 flex-col gap-4 p-4">
      <Skeleton className="h-6 w-48" />
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-9 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-3 w-32" />
            <Skeleton className="h-3 w-3/4" />
          </div>
        </div>
      ))}
    </div>
  );
}

function ChannelView({ channelId }: { channelId: string }) {
  const userId = useUserId();
  const { current } = useMembership();
  const channel = useChannel(channelId);
  const members = useChannelMembers(channelId);
  const messages = useChannelMessages(channelId);
  const [searchParams, setSearchParams] = useSearchParams();
  const threadId = searchParams.get('thread');
  const linked = searchParams.get('message');
  const linkedRef = useMessageRef(linked);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [atEnd, setAtEnd] = useState(true);
  const [newCount, setNewCount] = useState(0);
  const [scrollSignal, setScrollSignal] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const people = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m as Person])), [members.data]);
  const meMember = members.data?.find((m) => m.userId === userId);
  const me = useMemo<Person>(() => ({ userId, name: meMember?.name ?? 'You', avatarUrl: meMember?.avatarUrl ?? null }), [userId, meMember?.name, meMember?.avatarUrl]);
  const room = useRoom(channelId, me, !!meMember);
  const canModerate = meMember?.role === 'owner' || meMember?.role === 'moderator' || hasRole(current.role, 'manager');

  const openThread = useCallback(
    (id: string) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('thread', id);
          next.delete('message');
          return next;
        },
        { replace: false },
      ),
    [setSearchParams],
  );
  const closeThread = () =>
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('thread');
      return next;
    });

  // A link to a reply (from a notification) opens its thread.
  const linkedParent = linkedRef.data?.parent_id;
  useEffect(() => {
    if (linkedParent) openThread(linkedParent);
  }, [linkedParent, openThread]);

  useChannelMessagesLive(channelId, (row, added) => {
    if (!added || row.author_id === userId) return;
    if (!row.parent_id && !atEnd) setNewCount((n) => n + 1);
    const author = people.get(row.author_id ?? '')?.name ?? 'Someone';
    setAnnouncement(`${row.parent_id ? 'New reply' : 'New message'} from ${author}: ${plainText(row.body).slice(0, 140)}`);
  });
  const pages = messages.data?.pages;
  useMarkRead(channelId, userId, pages?.[0]?.[0]?.id, atEnd);

  const context = useMemo<ChatContextValue>(
    () => ({ channelId, organizationId: channel.data?.organization_id ?? current.organizationId, me, people, canModerate, editingId, setEditingId, openThread, threadId }),
    [channelId, channel.data?.organization_id, current.organizationId, me, people, canModerate, editingId, openThread, threadId],
  );

  if (channel.isPending || members.isPending) return <ChannelSkeleton />;
  if (channel.error || members.error) return <div className="p-4"><Alert>This channel could not be loaded: {errorMessage(channel.error ?? members.error)}</Alert></div>;
  if (!channel.data) {
    return (
      <div className="flex flex-1 flex-col items-center justify-center p-8 text-center">
        <MessagesSquare className="size-8 text-slate-400" aria-hidden />
        <h2 className="mt-3 text-base font-semibold">Channel not found</h2>
        <p className="mt-1 max-w-sm text-sm text-slate-600 dark:text-slate-400">It may have been removed, or you are not a member of it.</p>
        <Link to="/messages" className="mt-4 text-sm text-brand-600 underline dark:text-indigo-300">
          Back to your messages
        </Link>
      </div>
    );
  }

  const direct = channel.data.kind === 'direct';
  const other = direct ? members.data.find((m) => m.userId !== userId) : undefined;
  const name = direct ? (other?.name ?? channel.data.name) : channel.data.name;
  const lastOwn = () => {
    for (const page of pages ?? []) {
      const hit = page.find((m) => m.author_id === userId && !m.deleted_at);
      // Still on its way (or failed): nothing to edit yet.
      if (hit) return hit.status ? null : hit.id;
    }
    return null;
  };
  const memberList = members.data;
  const empty = pages && pages[0]?.length === 0;

  return (
    <ChatContext.Provider value={context}>
      <div className="flex min-h-0 min-w-0 flex-1">
        <section aria-label={name} className={`min-h-0 min-w-0 flex-1 flex-col ${threadId ? 'hidden md:flex' : 'flex'}`}>
          <ChannelHeader name={name} topic={channel.data.topic} direct={direct} online={room.online} memberCount={memberList.length} />
          {messages.isPending && <ChannelSkeleton />}
          {messages.error && (
            <div className="p-4">
              <Alert>The messages could not be loaded: {errorMessage(messages.error)}</Alert>
            </div>
          )}
          {empty && (
            <div className="flex flex-1 flex-col items-center justify-center p-8 text-center" data-empty-channel>
              <MessagesSquare className="size-8 text-slate-400" aria-hidden />
              <h3 className="mt-3 text-sm font-semibold">No messages yet</h3>
              <p className="mt-1 max-w-sm text-sm text-slate-600 dark:text-slate-400">
                {direct ? `This is the start of your conversation with ${name}.` : `Say hello to everyone in ${name}.`} Mention someone with @.
              </p>
            </div>
          )}
          {pages && !empty && (
            <MessageList
              channelId={channelId}
              channelName={name}
              focusId={linkedRef.data && !linkedRef.data.parent_id ? linkedRef.data.id : null}
              pages={pages}
              hasOlder={messages.hasNextPage}
              loadingOlder={messages.isFetchingNextPage}
              onLoadOlder={() => void messages.fetchNextPage()}
              onAtEndChange={(end) => {
                setAtEnd(end);
                if (end) setNewCount(0);
              }}
              scrollToEndSignal={scrollSignal}
              newCount={newCount}
              onJumpToLatest={() => setNewCount(0)}
            />
          )}
          <p className="sr-only" aria-live="polite">
            {announcement}
          </p>
          <div className="px-4 pt-2 pb-1">
            {channel.data.archived_at ? (
              <p className="mb-5 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
                This channel is archived: you can read it, but no longer write in it.
              </p>
            ) : (
              <Composer
                draftKey={channelId}
                label={`Message ${name}`}
                placeholder={`Message ${direct ? name : `#${name}`}`}
                members={memberList}
                onSent={() => setScrollSignal((n) => n + 1)}
                onEditLast={() => {
                  const id = lastOwn();
                  if (id) setEditingId(id);
                }}
                onTyping={room.notifyTyping}
                onStopped={room.notifyStopped}
              />
            )}
            {!channel.data.archived_at && <TypingIndicator people={room.typing} />}
          </div>
        </section>
        {threadId && <ThreadPanel key={threadId} parentId={threadId} members={memberList} onClose={closeThread} />}
      </div>
    </ChatContext.Provider>
  );
}
