import { useState, type ReactNode } from 'react';
import { format, formatDistanceToNow } from 'date-fns';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Pencil, Trash2 } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useEditUpdate, type UpdateComment } from '../api/updates';
import { updateBodySchema, type UpdateBodyInput } from '../api/schemas';
import { FileRow } from './file-row';

interface Props {
  entry: UpdateComment;
  projectId: string;
  userId: string;
  canDelete: boolean;
  onDelete: () => void;
  /** Comments are smaller and sit under their update. */
  variant: 'update' | 'comment';
  /** Extra actions (e.g. share with the client) next to Edit and Delete. */
  actions?: ReactNode;
}

/** One update or comment: author, time, "edited", body (editable in place by its author), files. */
export function UpdateEntry({ entry, projectId, userId, canDelete, onDelete, variant, actions }: Props) {
  const [editing, setEditing] = useState(false);
  const edit = useEditUpdate(projectId);
  const form = useForm<UpdateBodyInput>({ resolver: standardSchemaResolver(updateBodySchema), values: { body: entry.body } });
  const mine = entry.author_id === userId;
  const name = mine ? 'You' : (entry.profiles?.display_name ?? 'Former member');
  const created = new Date(entry.created_at);

  const handleSave = form.handleSubmit((values) =>
    edit.mutate(
      { id: entry.id, body: values.body },
      { onSuccess: () => (toast('Saved.'), setEditing(false)), onError: (e) => toast(errorMessage(e), { tone: 'error' }) },
    ),
  );

  return (
    <div className="flex gap-3">
      <Avatar name={entry.profiles?.display_name ?? '?'} url={entry.profiles?.avatar_url} size="sm" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-medium">{name}</span>
          <time dateTime={entry.created_at} title={format(created, 'PPpp')} className="text-xs text-slate-600 dark:text-slate-400">
            {formatDistanceToNow(created, { addSuffix: true })}
          </time>
          {entry.edited_at && (
            <span className="text-xs italic text-slate-600 dark:text-slate-400" title={`Edited ${format(new Date(entry.edited_at), 'PPpp')}`}>
              edited
            </span>
          )}
        </p>
        {editing ? (
          <form onSubmit={handleSave} noValidate className="mt-2 space-y-2">
            <TextareaField label={variant === 'update' ? 'Edit the update' : 'Edit the comment'} hideLabel rows={3} error={form.formState.errors.body?.message} {...form.register('body')} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => (form.reset({ body: entry.body }), setEditing(false))}>
                Cancel
              </Button>
              <Button type="submit" loading={edit.isPending}>
                Save
              </Button>
            </div>
          </form>
        ) : (
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800 dark:text-slate-200">{entry.body}</p>
        )}
        {entry.files.length > 0 && (
          <ul aria-label="Attached files" className="mt-2 rounded-md border border-slate-200 bg-white px-3 dark:border-slate-700 dark:bg-slate-900">
            {entry.files.map((f) => (
              <FileRow key={f.id} file={f} showVisibility={false} compact />
            ))}
          </ul>
        )}
        {!editing && (mine || canDelete || actions) && (
          <div className="-ml-2 mt-1 flex flex-wrap items-center gap-1">
            {mine && (
              <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
                <Pencil className="size-3.5" aria-hidden /> Edit
              </Button>
            )}
            {canDelete && (
              <Button variant="ghost" className="px-2 py-1 text-xs text-red-700 dark:text-red-300" onClick={onDelete}>
                <Trash2 className="size-3.5" aria-hidden /> Delete
              </Button>
            )}
            {actions}
          </div>
        )}
      </div>
    </div>
  );
}
