import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useEditMessage } from '../api/messages';
import type { ChatMessage } from '../types';

/** Edits a message in place: Enter saves, Shift+Enter adds a line, Escape cancels. */
export function EditBox({ message, onDone }: { message: ChatMessage; onDone: () => void }) {
  const [body, setBody] = useState(message.body);
  const edit = useEditMessage();
  const save = () => {
    const next = body.trim();
    if (next === message.body.trim()) return onDone();
    if (!next && !(Array.isArray(message.attachments) && message.attachments.length)) {
      toast('A message cannot be empty. Delete it instead.', { tone: 'error' });
      return;
    }
    edit.mutate({ id: message.id, body: next }, { onSuccess: onDone, onError: (error) => toast(`Your edit was not saved: ${errorMessage(error)}`, { tone: 'error' }) });
  };
  return (
    <div className="mt-1">
      <label className="sr-only" htmlFor={`edit-${message.id}`}>
        Edit your message
      </label>
      <textarea
        id={`edit-${message.id}`}
        autoFocus
        rows={Math.min(8, Math.max(2, body.split('\n').length))}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone();
          } else if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            save();
          }
        }}
        className="block w-full resize-none rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <span>Escape to cancel, Enter to save</span>
        <span className="flex-1" />
        <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={onDone}>
          Cancel
        </Button>
        <Button type="button" className="px-2 py-1 text-xs" loading={edit.isPending} onClick={save}>
          Save
        </Button>
      </div>
    </div>
  );
}
