// Writing a message: Enter sends, Shift+Enter adds a line, `@` suggests channel members (inserting
// `@[Name](id)` tokens), files by button or drop (≤ 5, ≤ 10 MB each, uploaded before the message is
// sent, with progress), the draft kept per channel, Up in an empty box edits your last message.
import { useId, useRef, useState, type DragEvent } from 'react';
import { Check, LoaderCircle, Paperclip, SendHorizontal, X } from 'lucide-react';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { attachmentProblem, formatBytes, MAX_FILES } from '../attachments';
import { uploadMessageFiles, type UploadState } from '../api/attachments';
import { useSendMessage } from '../api/messages';
import { composerAction } from '../composer-keys';
import { clearDraft, readDraft, writeDraft } from '../drafts';
import { filterMembers, insertMention, mentionQueryAt, type MentionQuery } from '../mentions';
import type { Person } from '../types';
import { useChat } from './chat-context';
import { MentionMenu } from './mention-menu';

interface Props {
  /** Replies in a thread go to this message. */
  parentId?: string | null;
  /** Where the draft is kept (the channel, or the thread). */
  draftKey: string;
  label: string;
  placeholder: string;
  members: Person[];
  onSent?: () => void;
  /** Up arrow in an empty box. */
  onEditLast?: () => void;
  onTyping?: () => void;
  onStopped?: () => void;
}

export function Composer({ parentId = null, draftKey, label, placeholder, members, onSent, onEditLast, onTyping, onStopped }: Props) {
  const { channelId, organizationId, me, editingId } = useChat();
  const send = useSendMessage();
  const [text, setText] = useState(() => readDraft(draftKey));
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<UploadState[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [mention, setMention] = useState<(MentionQuery & { caret: number }) | null>(null);
  const [active, setActive] = useState(0);
  const [dragging, setDragging] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { menu: useId(), hint: useId(), field: useId() };

  const others = members.filter((m) => m.userId !== me.userId);
  const matches = mention ? filterMembers(others, mention.query) : [];
  const menuOpen = mention !== null;

  const updateText = (next: string, caret: number) => {
    setText(next);
    writeDraft(draftKey, next);
    const q = mentionQueryAt(next, caret);
    setMention(q ? { ...q, caret } : null);
    setActive(0);
    if (next.trim()) onTyping?.();
  };

  const addFiles = (picked: File[]) => {
    const next = [...files, ...picked];
    const refused = attachmentProblem(next);
    setProblem(refused);
    if (!refused) setFiles(next);
  };

  const pick = (person: Person) => {
    if (!mention) return;
    const result = insertMention(text, mention, mention.caret, { userId: person.userId, name: person.name });
    setText(result.text);
    writeDraft(draftKey, result.text);
    setMention(null);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(result.caret, result.caret);
    });
  };

  const submit = async () => {
    const body = text.trim();
    if ((!body && !files.length) || uploading) return;
    if (body.length > 8000) {
      setProblem(`A message can be at most 8,000 characters (this one has ${body.length.toLocaleString()}).`);
      return;
    }
    let attachments: Awaited<ReturnType<typeof uploadMessageFiles>> = [];
    if (files.length) {
      setUploading(true);
      setProgress(files.map(() => 'waiting'));
      try {
        attachments = await uploadMessageFiles({ organizationId, channelId, files }, (index, state) => setProgress((prev) => prev.map((s, i) => (i === index ? state : s))));
      } catch (error) {
        setProblem(errorMessage(error));
        setUploading(false);
        return;
      }
      setUploading(false);
    }
    send.mutate(
      { id: crypto.randomUUID(), organizationId, channelId, authorId: me.userId, body, parentId, attachments },
      { onError: (error) => toast(`Your message was not sent: ${errorMessage(error)}`, { tone: 'error' }) },
    );
    setText('');
    clearDraft(draftKey);
    setFiles([]);
    setProgress([]);
    setProblem(null);
    setMention(null);
    onStopped?.();
    onSent?.();
  };

  const handleKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const action = composerAction(
      { key: event.key, shiftKey: event.shiftKey, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, isComposing: event.nativeEvent.isComposing },
      { text, menuOpen, editing: editingId !== null },
    );
    if (!action || action === 'newline') return;
    event.preventDefault();
    if (action === 'send') void submit();
    else if (action === 'edit-last') onEditLast?.();
    else if (action === 'menu-next') setActive((a) => (matches.length ? (a + 1) % matches.length : 0));
    else if (action === 'menu-prev') setActive((a) => (matches.length ? (a - 1 + matches.length) % matches.length : 0));
    else if (action === 'menu-pick') {
      if (matches[active]) pick(matches[active]);
      else setMention(null);
    } else if (action === 'menu-close') setMention(null);
  };

  const handleDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files];
    if (dropped.length) addFiles(dropped);
  };

  const rows = Math.min(10, Math.max(1, text.split('\n').length));
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
      className={`relative rounded-lg border bg-white dark:bg-slate-900 ${dragging ? 'border-brand-500 ring-2 ring-brand-500/30' : 'border-slate-300 dark:border-slate-700'}`}
    >
      {menuOpen && <MentionMenu id={ids.menu} people={matches} active={active} onPick={pick} />}
      {problem && (
        <p role="alert" className="flex items-start gap-2 border-b border-red-200 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:text-red-300">
          <span className="flex-1">{problem}</span>
          <button type="button" onClick={() => setProblem(null)} aria-label="Dismiss" className="rounded p-0.5 hover:bg-red-50 dark:hover:bg-red-950">
            <X className="size-4" aria-hidden />
          </button>
        </p>
      )}
      {files.length > 0 && (
        <ul aria-label="Files to send" className="flex flex-wrap gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
          {files.map((file, i) => {
            const state = progress[i];
            return (
              <li key={`${file.name}-${i}`} className="inline-flex max-w-60 items-center gap-1.5 rounded-md bg-slate-100 px-2 py-1 text-xs dark:bg-slate-800">
                {state === 'uploading' && <LoaderCircle className="size-3.5 animate-spin" aria-label="Uploading" />}
                {state === 'done' && <Check className="size-3.5 text-emerald-600 dark:text-emerald-400" aria-label="Uploaded" />}
                <span className="truncate">{file.name}</span>
                <span className="text-slate-500 dark:text-slate-400">{formatBytes(file.size)}</span>
                {!uploading && (
                  <button type="button" onClick={() => setFiles(files.filter((_, j) => j !== i))} aria-label={`Remove ${file.name}`} className="rounded p-0.5 hover:bg-slate-200 dark:hover:bg-slate-700">
                    <X className="size-3" aria-hidden />
                  </button>
                )}
              </li>
            );
          })}
          {uploading && (
            <li aria-live="polite" className="self-center text-xs text-slate-600 dark:text-slate-400">
              Uploading {progress.filter((s) => s === 'done').length} of {files.length}…
            </li>
          )}
        </ul>
      )}
      <div className="flex items-end gap-1 p-1.5">
        <input
          ref={fileInput}
          type="file"
          multiple
          className="hidden"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            const picked = [...(e.target.files ?? [])];
            e.target.value = '';
            if (picked.length) addFiles(picked);
          }}
        />
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          disabled={uploading || files.length >= MAX_FILES}
          aria-label="Attach files"
          title={`Attach files (up to ${MAX_FILES}, 10 MB each)`}
          className="rounded-md p-2 text-slate-500 hover:bg-slate-100 hover:text-slate-800 disabled:opacity-50 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <Paperclip className="size-5" aria-hidden />
        </button>
        <label htmlFor={ids.field} className="sr-only">
          {label}
        </label>
        <textarea
          ref={textarea}
          id={ids.field}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? ids.menu : undefined}
          aria-activedescendant={menuOpen && matches[active] ? `${ids.menu}-${active}` : undefined}
          aria-describedby={ids.hint}
          rows={rows}
          value={text}
          placeholder={placeholder}
          onChange={(e) => updateText(e.target.value, e.target.selectionStart)}
          onSelect={(e) => {
            const caret = e.currentTarget.selectionStart;
            if (mention && caret !== mention.caret) {
              const q = mentionQueryAt(text, caret);
              setMention(q ? { ...q, caret } : null);
            }
          }}
          onBlur={() => setMention(null)}
          onKeyDown={handleKeyDown}
          className="max-h-60 min-h-9 flex-1 resize-none bg-transparent px-2 py-2 text-sm outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
        />
        <button
          type="submit"
          disabled={uploading || (!text.trim() && !files.length)}
          aria-label="Send message"
          className="rounded-md bg-brand-600 p-2 text-white hover:bg-brand-700 disabled:bg-slate-200 disabled:text-slate-500 dark:disabled:bg-slate-800 dark:disabled:text-slate-400"
        >
          {uploading ? <LoaderCircle className="size-5 animate-spin" aria-hidden /> : <SendHorizontal className="size-5" aria-hidden />}
        </button>
      </div>
      <p id={ids.hint} className="sr-only">
        Enter sends, Shift+Enter adds a line, @ mentions someone, Up edits your last message.
      </p>
    </form>
  );
}
