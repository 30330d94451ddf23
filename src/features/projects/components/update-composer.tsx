import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { X } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { FilesNotUploadedError, usePostUpdate } from '../api/updates';
import { updateBodySchema, type UpdateBodyInput, type UpdateVisibility } from '../api/schemas';
import { filesProblem, formatBytes } from '../files';
import { FilePicker } from './file-picker';
import { UploadProgress, type UploadItem } from './upload-progress';
import { VISIBILITY, visibilityHint } from './visibility';

interface Props {
  organizationId: string;
  projectId: string;
  userId: string;
  clientName: string;
}

/** Staff write an internal note or a client update, optionally with files; a client update is confirmed first. */
export function UpdateComposer({ organizationId, projectId, userId, clientName }: Props) {
  const post = usePostUpdate(projectId);
  const [visibility, setVisibility] = useState<UpdateVisibility>('internal');
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadItem[]>([]);
  const [confirming, setConfirming] = useState<UpdateBodyInput | null>(null);
  const form = useForm<UpdateBodyInput>({ resolver: standardSchemaResolver(updateBodySchema), defaultValues: { body: '' } });
  const style = VISIBILITY[visibility];

  const handleFiles = (picked: File[]) => {
    const next = [...files, ...picked];
    const problem = filesProblem(next, 0, 'update');
    setFileProblem(problem);
    if (!problem) setFiles(next);
  };

  const send = (values: UpdateBodyInput) => {
    setProgress(files.map((f) => ({ name: f.name, size: f.size, state: 'waiting' })));
    post.mutate(
      {
        organizationId,
        userId,
        visibility,
        body: values.body,
        files,
        onProgress: (index, state) => setProgress((prev) => prev.map((item, i) => (i === index ? { ...item, state } : item))),
      },
      {
        onSuccess: () => {
          toast(visibility === 'client' ? `Client update posted; ${clientName} can see it now.` : 'Internal note posted.');
          reset();
        },
        onError: (error) => {
          // The update itself went out: clear the form so it is not posted twice.
          if (error instanceof FilesNotUploadedError) form.reset({ body: '' });
        },
        onSettled: () => setConfirming(null),
      },
    );
  };
  const reset = () => {
    form.reset({ body: '' });
    setFiles([]);
    setProgress([]);
    setFileProblem(null);
  };
  const handleSubmit = form.handleSubmit((values) => (visibility === 'client' ? setConfirming(values) : send(values)));

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Write an update" className={`space-y-3 rounded-xl border-2 p-4 ${style.frame}`}>
      <fieldset>
        <legend className="mb-2 text-sm font-semibold">Who sees this?</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(['internal', 'client'] as const).map((v) => {
            const s = VISIBILITY[v];
            const checked = visibility === v;
            return (
              <label
                key={v}
                className={`flex cursor-pointer items-start gap-3 rounded-lg border bg-white p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 dark:bg-slate-900 ${
                  checked ? `border-2 ${v === 'internal' ? 'border-amber-500' : 'border-sky-500'}` : 'border-slate-300 dark:border-slate-700'
                }`}
              >
                <input type="radio" name="visibility" value={v} checked={checked} onChange={() => setVisibility(v)} className="sr-only" />
                <s.Icon className={`mt-0.5 size-4 shrink-0 ${s.accent}`} aria-hidden />
                <span>
                  <span className="block font-medium">{v === 'internal' ? 'Internal note' : 'Client update'}</span>
                  <span className="block text-slate-600 dark:text-slate-400">{visibilityHint(v, clientName)}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <TextareaField
        label={visibility === 'internal' ? 'Internal note' : `Update for ${clientName}`}
        rows={4}
        placeholder={visibility === 'internal' ? 'Notes for the team: risks, decisions, context…' : `What ${clientName} should know: progress, next steps, questions…`}
        error={form.formState.errors.body?.message}
        {...form.register('body')}
      />
      {fileProblem && <Alert>{fileProblem}</Alert>}
      {post.error && <Alert>{errorMessage(post.error)}</Alert>}
      {files.length > 0 && !post.isPending && (
        <ul aria-label="Files to attach" className="space-y-1">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="flex items-center gap-2 rounded-md bg-white px-2 py-1 text-sm dark:bg-slate-900">
              <span className="min-w-0 flex-1 truncate">{f.name}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">{formatBytes(f.size)}</span>
              <button
                type="button"
                className="rounded p-1 text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
                aria-label={`Do not attach ${f.name}`}
                onClick={() => setFiles(files.filter((_, j) => j !== i))}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      {post.isPending && <UploadProgress items={progress} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <FilePicker onFiles={handleFiles} disabled={post.isPending || files.length >= 5} buttonLabel="Attach files" />
        <Button type="submit" loading={post.isPending && !confirming}>
          <style.Icon className="size-4" aria-hidden /> {visibility === 'internal' ? 'Post internal note' : 'Post client update'}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={`Post this update to ${clientName}?`}
        description={`The client will see this in their portal and is notified.${files.length ? ` The ${files.length === 1 ? 'attached file is' : `${files.length} attached files are`} shared too.` : ''}`}
        confirmLabel="Post client update"
        tone="primary"
        pending={post.isPending}
        onConfirm={() => confirming && send(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </form>
  );
}
