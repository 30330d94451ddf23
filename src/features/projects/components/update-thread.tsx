import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Eye, Lock, MessageSquare } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { hasRole, type OrgRole } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { useChangeVisibility, useDeleteUpdate, usePostUpdate, type UpdateComment, type UpdateThread as Thread } from '../api/updates';
import { updateBodySchema, type UpdateBodyInput } from '../api/schemas';
import { UpdateEntry } from './update-entry';
import { VISIBILITY } from './visibility';

interface Props {
  thread: Thread;
  projectId: string;
  organizationId: string;
  userId: string;
  role: OrgRole;
  clientName: string;
}

type Pending = { kind: 'delete'; entry: UpdateComment; isComment: boolean } | { kind: 'share' | 'unshare' };

/** An update with its comments and a reply box; comments share the update's visibility. */
export function UpdateThread({ thread, projectId, organizationId, userId, role, clientName }: Props) {
  const isStaff = role !== 'client';
  const isManager = hasRole(role, 'manager');
  const remove = useDeleteUpdate(projectId);
  const changeVisibility = useChangeVisibility(projectId);
  const [pending, setPending] = useState<Pending | null>(null);
  const style = VISIBILITY[thread.visibility];
  const canDelete = (entry: UpdateComment) => entry.author_id === userId || (isStaff && isManager);
  const canMove = isStaff && thread.author_id === userId && thread.comments.length === 0;

  const handleConfirm = () => {
    if (!pending) return;
    const done = () => setPending(null);
    const onError = (e: unknown) => (toast(errorMessage(e), { tone: 'error' }), done());
    if (pending.kind === 'delete') {
      const files = [...pending.entry.files, ...(pending.isComment ? [] : thread.comments.flatMap((c) => c.files))];
      remove.mutate(
        { id: pending.entry.id, objectPaths: files.map((f) => f.object_path) },
        { onSuccess: () => (toast(pending.isComment ? 'Comment deleted.' : 'Update deleted.'), done()), onError },
      );
    } else {
      const visibility = pending.kind === 'share' ? 'client' : 'internal';
      changeVisibility.mutate(
        { id: thread.id, visibility },
        {
          onSuccess: () => (toast(visibility === 'client' ? `Shared with ${clientName}.` : 'Moved to internal notes.'), done()),
          onError,
        },
      );
    }
  };

  const deleting = pending?.kind === 'delete' ? pending : null;
  return (
    <article aria-label={`${style.badge} from ${thread.author_id === userId ? 'you' : (thread.profiles?.display_name ?? 'a former member')}`} className={`rounded-lg border bg-white p-4 dark:bg-slate-900 ${thread.visibility === 'internal' ? 'border-amber-200 dark:border-amber-800/60' : 'border-sky-200 dark:border-sky-800/60'}`}>
      <UpdateEntry
        entry={thread}
        projectId={projectId}
        userId={userId}
        variant="update"
        canDelete={canDelete(thread)}
        onDelete={() => setPending({ kind: 'delete', entry: thread, isComment: false })}
        actions={
          canMove && (
            <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setPending({ kind: thread.visibility === 'internal' ? 'share' : 'unshare' })}>
              {thread.visibility === 'internal' ? <Eye className="size-3.5" aria-hidden /> : <Lock className="size-3.5" aria-hidden />}
              {thread.visibility === 'internal' ? 'Share with client' : 'Make internal'}
            </Button>
          )
        }
      />
      {thread.comments.length > 0 && (
        <ul aria-label="Comments" className="ml-10 mt-3 space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
          {thread.comments.map((c) => (
            <li key={c.id}>
              <UpdateEntry entry={c} projectId={projectId} userId={userId} variant="comment" canDelete={canDelete(c)} onDelete={() => setPending({ kind: 'delete', entry: c, isComment: true })} />
            </li>
          ))}
        </ul>
      )}
      <div className="pl-10">
        <CommentForm thread={thread} projectId={projectId} organizationId={organizationId} userId={userId} isStaff={isStaff} clientName={clientName} />
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={
          deleting ? (deleting.isComment ? 'Delete this comment?' : 'Delete this update?') : pending?.kind === 'share' ? `Share this note with ${clientName}?` : 'Make this update internal?'
        }
        description={
          deleting
            ? deleting.isComment
              ? 'It is removed for everyone.'
              : `It is removed for everyone${thread.comments.length ? `, with its ${thread.comments.length} ${thread.comments.length === 1 ? 'comment' : 'comments'}` : ''}${thread.files.length ? ' and attached files' : ''}.`
            : pending?.kind === 'share'
              ? `The client will see this${thread.files.length ? ', and its attached files,' : ''} in their portal and is notified.`
              : `${clientName} no longer sees it; it moves to the internal notes.`
        }
        confirmLabel={deleting ? 'Delete' : pending?.kind === 'share' ? 'Share with client' : 'Make internal'}
        tone={deleting ? 'danger' : 'primary'}
        pending={remove.isPending || changeVisibility.isPending}
        onConfirm={handleConfirm}
        onCancel={() => setPending(null)}
      />
    </article>
  );
}

function CommentForm({ thread, projectId, organizationId, userId, isStaff, clientName }: { thread: Thread; projectId: string; organizationId: string; userId: string; isStaff: boolean; clientName: string }) {
  const post = usePostUpdate(projectId);
  const [open, setOpen] = useState(false);
  const form = useForm<UpdateBodyInput>({ resolver: standardSchemaResolver(updateBodySchema), defaultValues: { body: '' } });
  const handleSubmit = form.handleSubmit((values) =>
    post.mutate(
      { organizationId, userId, visibility: thread.visibility, body: values.body, parentId: thread.id },
      { onSuccess: () => (form.reset({ body: '' }), setOpen(false), toast('Comment posted.')), onError: (e) => toast(errorMessage(e), { tone: 'error' }) },
    ),
  );
  if (!open) {
    return (
      <Button variant="ghost" className="-ml-2 mt-1 px-2 py-1 text-xs" onClick={() => setOpen(true)}>
        <MessageSquare className="size-3.5" aria-hidden /> Comment
      </Button>
    );
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="mt-3 space-y-2">
      <TextareaField
        label="Your comment"
        rows={2}
        autoFocus
        hint={thread.visibility === 'internal' ? 'Internal: only your team sees comments on internal notes.' : isStaff ? `${clientName} sees comments on client updates.` : undefined}
        error={form.formState.errors.body?.message}
        {...form.register('body')}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => (form.reset({ body: '' }), setOpen(false))}>
          Cancel
        </Button>
        <Button type="submit" loading={post.isPending}>
          Post comment
        </Button>
      </div>
    </form>
  );
}
