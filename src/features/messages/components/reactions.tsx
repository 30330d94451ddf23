import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useToggleReaction } from '../api/messages';
import { reactionsOf, type ChatMessage } from '../types';
import { personName, useChat } from './chat-context';
import { EmojiPicker } from './emoji-picker';
import { whoReacted } from '../format';

export function Reactions({ message }: { message: ChatMessage }) {
  const { me, people } = useChat();
  const toggle = useToggleReaction();
  const reactions = reactionsOf(message);
  if (!reactions.length || message.deleted_at) return null;
  const handleToggle = (emoji: string) => toggle.mutate({ id: message.id, emoji }, { onError: (error) => toast(errorMessage(error), { tone: 'error' }) });
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1" data-reactions>
      {reactions.map(({ emoji, userIds }) => {
        const mine = userIds.includes(me.userId);
        const names = whoReacted(userIds.map((id) => (id === me.userId ? 'You' : personName(people, id))));
        return (
          <button
            key={emoji}
            type="button"
            aria-pressed={mine}
            title={`${names} reacted with ${emoji}`}
            aria-label={`${emoji} ${userIds.length}: ${names}`}
            onClick={() => handleToggle(emoji)}
            className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${
              mine
                ? 'border-brand-500 bg-brand-50 text-brand-700 dark:border-indigo-400 dark:bg-brand-700/30 dark:text-indigo-100'
                : 'border-slate-200 bg-white text-slate-700 hover:border-slate-300 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200'
            }`}
          >
            <span aria-hidden>{emoji}</span>
            <span aria-hidden className="font-medium">{userIds.length}</span>
          </button>
        );
      })}
      <EmojiPicker onPick={handleToggle} className="rounded-full border border-transparent p-1 text-slate-500 hover:border-slate-200 hover:bg-white dark:text-slate-400 dark:hover:border-slate-700 dark:hover:bg-slate-900" />
    </div>
  );
}
