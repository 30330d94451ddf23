import { useEffect, useRef } from 'react';
import { X } from 'lucide-react';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { useThread } from '../api/messages';
import type { Person } from '../types';
import { useChat } from './chat-context';
import { Composer } from './composer';
import { MessageItem } from './message-item';
import { continuesGroup } from '../timeline';

/** Replies to one message, beside the channel; its own composer sends replies into the thread. */
export function ThreadPanel({ parentId, members, onClose }: { parentId: string; members: Person[]; onClose: () => void }) {
  const { me, setEditingId } = useChat();
  const thread = useThread(parentId);
  const replies = thread.data?.replies ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  // New replies (yours or live) bring the thread to its end.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [replies.length]);
  const handleEditLast = () => {
    const last = [...replies].reverse().find((m) => m.author_id === me.userId && !m.deleted_at);
    if (last && !last.status) setEditingId(last.id);
  };
  return (
    <aside aria-label="Thread" className="flex min-h-0 w-full flex-col border-l border-slate-200 bg-white md:w-96 dark:border-slate-800 dark:bg-slate-950">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 className="text-base font-semibold">Thread</h2>
        <button type="button" onClick={onClose} aria-label="Close thread" className="rounded-md p-1 text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
          <X className="size-5" aria-hidden />
        </button>
      </header>
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto py-2" data-thread>
        {thread.isPending && (
          <div className="p-4">
            <SkeletonRows rows={3} label="Loading thread" />
          </div>
        )}
        {thread.error && (
          <div className="p-4">
            <Alert>The thread could not be loaded: {errorMessage(thread.error)}</Alert>
          </div>
        )}
        {thread.data && !thread.data.parent && (
          <div className="p-4">
            <Alert>This message is no longer available.</Alert>
          </div>
        )}
        {thread.data?.parent && (
          <>
            <MessageItem message={thread.data.parent} showHeader inThread />
            <p className="my-2 flex items-center gap-3 px-4 text-xs text-slate-600 dark:text-slate-400">
              <span>{replies.length === 1 ? '1 reply' : `${replies.length} replies`}</span>
              <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" aria-hidden />
            </p>
            {replies.map((reply, i) => (
              <MessageItem key={reply.id} message={reply} showHeader={!continuesGroup(replies[i - 1], reply)} inThread />
            ))}
          </>
        )}
      </div>
      {thread.data?.parent && !thread.data.parent.deleted_at && (
        <div className="border-t border-slate-200 p-3 dark:border-slate-800">
          <Composer parentId={parentId} draftKey={`thread:${parentId}`} label="Reply in thread" placeholder="Reply…" members={members} onEditLast={handleEditLast} />
        </div>
      )}
    </aside>
  );
}
