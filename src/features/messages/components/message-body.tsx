import { Markdown } from '@/lib/markdown';
import type { ChatMessage } from '../types';
import { useChat } from './chat-context';

/** The text of a message: the safe Markdown subset with mentions highlighted (mine more strongly). */
export function MessageBody({ message }: { message: ChatMessage }) {
  const { me } = useChat();
  if (message.deleted_at) return <p className="text-sm italic text-slate-500 dark:text-slate-400">This message was deleted</p>;
  if (!message.body) return null;
  return (
    <Markdown
      source={message.body}
      breaks
      mentions
      className="text-sm leading-relaxed text-slate-800 dark:text-slate-100 [&_li]:my-0 [&_p]:my-0 [&_p+p]:mt-1 [&_ul]:my-1 [&_ol]:my-1"
      renderMention={({ userId, name }, key) => (
        <span
          key={key}
          data-mention={userId}
          className={
            userId === me.userId
              ? 'rounded bg-amber-100 px-0.5 font-medium text-amber-900 dark:bg-amber-500/25 dark:text-amber-200'
              : 'rounded bg-brand-50 px-0.5 font-medium text-brand-700 dark:bg-brand-700/30 dark:text-indigo-200'
          }
        >
          @{name}
        </span>
      )}
    />
  );
}
