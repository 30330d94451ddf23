import { memo, useState } from 'react';
import { format } from 'date-fns';
import { useQueryClient } from '@tanstack/react-query';
import { AlertCircle, MessageSquareReply, Pencil, RotateCw, Trash2, X } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { discardFailed, useDeleteMessage, useSendMessage, useToggleReaction } from '../api/messages';
import { attachmentsOf, type ChatMessage } from '../types';
import { personName, useChat } from './chat-context';
import { EditBox } from './edit-box';
import { EmojiPicker } from './emoji-picker';
import { MessageAttachments } from './message-attachments';
import { MessageBody } from './message-body';
import { Reactions } from './reactions';

const ACTION = 'rounded p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100';

interface Props {
  message: ChatMessage;
  showHeader: boolean;
  /** In the thread panel: no reply link, no thread button. */
  inThread?: boolean;
}

/** One message: author header (unless grouped), body, files, reactions, replies link, and its actions. */
export const MessageItem = memo(function MessageItem({ message, showHeader, inThread = false }: Props) {
  const chat = useChat();
  const queryClient = useQueryClient();
  const send = useSendMessage();
  const remove = useDeleteMessage();
  const react = useToggleReaction();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const author = chat.people.get(message.author_id ?? '');
  const name = personName(chat.people, message.author_id);
  const mine = message.author_id === chat.me.userId;
  const deleted = !!message.deleted_at;
  const editing = chat.editingId === message.id;
  const created = new Date(message.created_at);
  const settled = !message.status;
  const attachments = attachmentsOf(message);

  const handleRetry = () =>
    send.mutate(
      {
        id: message.id,
        organizationId: message.organization_id,
        channelId: message.channel_id,
        authorId: message.author_id ?? chat.me.userId,
        body: message.body,
        parentId: message.parent_id,
        attachments,
      },
      { onError: (error) => toast(`Your message was not sent: ${errorMessage(error)}`, { tone: 'error' }) },
    );
  const handleDelete = () =>
    remove.mutate(message.id, {
      onSuccess: () => {
        setConfirmDelete(false);
        toast('Message deleted.');
      },
      onError: (error) => toast(`The message was not deleted: ${errorMessage(error)}`, { tone: 'error' }),
    });
  const handleReact = (emoji: string) => react.mutate({ id: message.id, emoji }, { onError: (error) => toast(errorMessage(error), { tone: 'error' }) });

  return (
    <div
      data-message-id={message.id}
      data-status={message.status}
      className={`group relative flex gap-3 px-4 ${showHeader ? 'pt-3' : 'pt-0.5'} pb-0.5 hover:bg-slate-50 focus-within:bg-slate-50 dark:hover:bg-slate-900/60 dark:focus-within:bg-slate-900/60 ${
        message.status === 'pending' ? 'opacity-60' : ''
      }`}
    >
      <div className="w-9 shrink-0">
        {showHeader ? (
          <Avatar name={name} url={author?.avatarUrl} />
        ) : (
          <time dateTime={message.created_at} className="invisible block pt-0.5 text-right text-[10px] text-slate-500 group-hover:visible dark:text-slate-400">
            {format(created, 'HH:mm')}
          </time>
        )}
      </div>
      <div className="min-w-0 flex-1">
        {showHeader && (
          <p className="flex items-baseline gap-2">
            <span className="text-sm font-semibold">{name}</span>
            <time dateTime={message.created_at} title={format(created, 'PPPP p')} className="text-xs text-slate-500 dark:text-slate-400">
              {format(created, 'HH:mm')}
            </time>
          </p>
        )}
        {editing ? (
          <EditBox message={message} onDone={() => chat.setEditingId(null)} />
        ) : (
          <div className="flex items-baseline gap-1">
            <div className="min-w-0">
              <MessageBody message={message} />
            </div>
            {message.edited_at && !deleted && <span className="shrink-0 text-[11px] text-slate-500 dark:text-slate-400">(edited)</span>}
          </div>
        )}
        {!deleted && <MessageAttachments attachments={attachments} pending={!settled} />}
        <Reactions message={message} />
        {!inThread && message.reply_count > 0 && (
          <button
            type="button"
            onClick={() => chat.openThread(message.id)}
            className="mt-1 inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:underline dark:text-indigo-300"
          >
            <MessageSquareReply className="size-3.5" aria-hidden />
            {message.reply_count === 1 ? '1 reply' : `${message.reply_count} replies`}
            {message.last_reply_at && <span className="font-normal text-slate-500 dark:text-slate-400">· last {format(new Date(message.last_reply_at), 'MMM d, HH:mm')}</span>}
          </button>
        )}
        {message.status === 'pending' && <p className="sr-only">Sending…</p>}
        {message.status === 'failed' && (
          <p role="alert" className="mt-1 flex flex-wrap items-center gap-2 text-xs text-red-700 dark:text-red-300">
            <AlertCircle className="size-3.5" aria-hidden /> Not sent.
            <button type="button" onClick={handleRetry} className="inline-flex items-center gap-1 font-medium underline">
              <RotateCw className="size-3" aria-hidden /> Retry
            </button>
            <button type="button" onClick={() => discardFailed(queryClient, message)} className="inline-flex items-center gap-1 font-medium underline">
              <X className="size-3" aria-hidden /> Discard
            </button>
          </p>
        )}
      </div>
      {settled && !deleted && !editing && (
        <div
          role="toolbar"
          aria-label={`Actions for ${name}'s message`}
          // Shown on hover, and whenever one of its buttons has keyboard focus (never display:none, so Tab reaches it).
          className="absolute -top-3 right-4 flex items-center rounded-md border border-slate-200 bg-white opacity-0 shadow-sm group-hover:opacity-100 focus-within:opacity-100 has-[[data-open]]:opacity-100 dark:border-slate-700 dark:bg-slate-900"
        >
          <EmojiPicker onPick={handleReact} className={ACTION} />
          {!inThread && (
            <button type="button" onClick={() => chat.openThread(message.id)} aria-label="Reply in thread" title="Reply in thread" className={ACTION}>
              <MessageSquareReply className="size-4" aria-hidden />
            </button>
          )}
          {mine && (
            <button type="button" onClick={() => chat.setEditingId(message.id)} aria-label="Edit message" title="Edit" className={ACTION}>
              <Pencil className="size-4" aria-hidden />
            </button>
          )}
          {(mine || chat.canModerate) && (
            <button type="button" onClick={() => setConfirmDelete(true)} aria-label="Delete message" title="Delete" className={`${ACTION} hover:text-red-700 dark:hover:text-red-300`}>
              <Trash2 className="size-4" aria-hidden />
            </button>
          )}
        </div>
      )}
      {confirmDelete && (
        <ConfirmDialog
          open
          title="Delete this message?"
          description={mine ? 'Everyone in the channel will see “This message was deleted” instead. Its files are removed too.' : `You are deleting ${name}'s message as a moderator. Everyone will see that it was deleted.`}
          confirmLabel="Delete message"
          pending={remove.isPending}
          onConfirm={handleDelete}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
});
