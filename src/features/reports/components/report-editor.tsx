import { useDeferredValue, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Link, useNavigate } from 'react-router';
import { ArrowLeft, EyeOff, Send, Trash2 } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useUnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { errorMessage } from '@/lib/errors';
import { Markdown } from '@/lib/markdown';
import { toast } from '@/lib/toast';
import { ReportChangedError, useDeleteReport, useSaveReport, type StaffReport } from '../api/report';
import { reportSchema, type ReportInput } from '../api/schemas';
import { formatPeriod } from '../periods';
import { ReportStatusBadge } from './report-status-badge';

type Pending = { kind: 'publish' | 'update'; values: ReportInput } | { kind: 'unpublish' | 'delete' } | null;

const MARKDOWN_HINT = 'Markdown: ## headings, - lists, **bold**, *italic*, [links](https://…).';

/** Staff edit a report's title and text with a live preview, save, publish to the client, or withdraw it. */
export function ReportEditor({ report, canDelete, onReload }: { report: StaffReport; canDelete: boolean; onReload: () => Promise<StaffReport | null | undefined> }) {
  const save = useSaveReport();
  const remove = useDeleteReport();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending>(null);
  // The version this form started from: saving never overwrites a change someone else made since.
  const [baseVersion, setBaseVersion] = useState(report.updated_at);
  const form = useForm<ReportInput>({ resolver: standardSchemaResolver(reportSchema), defaultValues: { title: report.title, body: report.body } });
  const { errors, isDirty } = form.formState;
  const body = useDeferredValue(useWatch({ control: form.control, name: 'body' }));
  const guard = useUnsavedChangesGuard(isDirty && !remove.isSuccess);
  const clientName = report.clients?.name ?? 'The client';
  const published = report.status === 'published';

  const persist = (changes: Partial<ReportInput> & { status?: StaffReport['status'] }, done: (saved: StaffReport) => void) =>
    save.mutate(
      { id: report.id, expectedUpdatedAt: baseVersion, ...changes },
      {
        onSuccess: (saved) => {
          setBaseVersion(saved.updated_at);
          if (changes.title !== undefined) form.reset({ title: saved.title, body: saved.body });
          done(saved);
        },
        onSettled: () => setPending(null),
      },
    );

  const handleSave = form.handleSubmit((values) => (published ? setPending({ kind: 'update', values }) : persist(values, () => toast('Report saved.'))));
  const handlePublish = form.handleSubmit((values) => setPending({ kind: 'publish', values }));
  const handleReload = async () => {
    const fresh = await onReload();
    if (!fresh) return;
    setBaseVersion(fresh.updated_at);
    form.reset({ title: fresh.title, body: fresh.body });
    save.reset();
  };

  const onConfirm = () => {
    if (!pending) return;
    if (pending.kind === 'publish') persist({ ...pending.values, status: 'published' }, () => toast(`Published. ${clientName} can read it now and was notified.`));
    else if (pending.kind === 'update') persist(pending.values, () => toast(`Saved. ${clientName} sees the new version.`));
    else if (pending.kind === 'unpublish') persist({ status: 'draft' }, () => toast(`Unpublished. ${clientName} no longer sees this report.`));
    else
      remove.mutate(
        { id: report.id, organizationId: report.organization_id },
        {
          onSuccess: () => {
            guard.allowNavigation();
            toast('Report deleted.');
            navigate('/reports', { replace: true });
          },
          onSettled: () => setPending(null),
        },
      );
  };

  const dialogs: Record<Exclude<Pending, null>['kind'], { title: string; description: string; confirm: string; tone: 'danger' | 'primary' }> = {
    publish: {
      title: 'Publish this report?',
      description: `${clientName} will see this report in their portal and get a notification.${isDirty ? ' Your unsaved changes are saved with it.' : ''}`,
      confirm: 'Publish to client',
      tone: 'primary',
    },
    update: { title: 'Update the published report?', description: `${clientName} already has this report: they will see your changes at once.`, confirm: 'Save and update', tone: 'primary' },
    unpublish: { title: 'Unpublish this report?', description: `${clientName} will no longer see it. You can publish it again later.`, confirm: 'Unpublish', tone: 'danger' },
    delete: {
      title: 'Delete this report?',
      description: `It is removed for good${published ? `, and ${clientName} can no longer read it` : ''}. You can generate a new draft for the same period.`,
      confirm: 'Delete report',
      tone: 'danger',
    },
  };
  const dialog = pending ? dialogs[pending.kind] : null;
  const error = save.error ?? remove.error;

  return (
    <>
      <Link to="/reports" className="mb-3 inline-flex items-center gap-1 text-sm text-brand-600 hover:underline dark:text-indigo-300">
        <ArrowLeft className="size-4" aria-hidden /> All reports
      </Link>
      <PageHeader
        title={report.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>
              {clientName} · {formatPeriod(report.period_start, report.period_end)}
            </span>
            <ReportStatusBadge status={report.status} />
          </span>
        }
        actions={
          <>
            {canDelete && (
              <Button variant="ghost" onClick={() => setPending({ kind: 'delete' })}>
                <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden /> Delete
              </Button>
            )}
            {published ? (
              <Button variant="secondary" onClick={() => setPending({ kind: 'unpublish' })}>
                <EyeOff className="size-4" aria-hidden /> Unpublish
              </Button>
            ) : (
              <Button onClick={() => void handlePublish()}>
                <Send className="size-4" aria-hidden /> Publish to client
              </Button>
            )}
          </>
        }
      />
      <form
        onSubmit={handleSave}
        onKeyDown={(e) => {
          if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            void handleSave();
          }
        }}
        noValidate
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        {error && (
          <Alert>
            {errorMessage(error)}
            {error instanceof ReportChangedError && (
              <button type="button" onClick={() => void handleReload()} className="ml-1 font-medium underline">
                Load their version (discards your edits)
              </button>
            )}
          </Alert>
        )}
        <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
        <div className="grid gap-4 lg:grid-cols-2">
          <TextareaField
            label="Report text"
            hint={MARKDOWN_HINT}
            error={errors.body?.message}
            spellCheck
            className="[&_textarea]:h-80 [&_textarea]:font-mono [&_textarea]:leading-6 lg:[&_textarea]:h-[36rem]"
            {...form.register('body')}
          />
          <div>
            <p id="report-preview-label" className="text-sm font-medium text-slate-700 dark:text-slate-200">
              Preview
            </p>
            <div
              role="region"
              aria-labelledby="report-preview-label"
              tabIndex={0}
              className="mt-1 h-80 overflow-y-auto lg:h-[36rem] rounded-md border border-slate-200 bg-slate-50 px-5 py-4 dark:border-slate-800 dark:bg-slate-950"
            >
              {body.trim() ? <Markdown source={body} className="text-sm leading-6 text-slate-800 dark:text-slate-200" /> : <p className="text-sm text-slate-600 dark:text-slate-400">Nothing to preview yet.</p>}
            </div>
          </div>
        </div>
        <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <p className="mr-auto text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {isDirty ? 'You have unsaved changes.' : published ? `Published: ${clientName} sees this version.` : 'All changes saved. Only your team sees drafts.'}
          </p>
          <Button type="submit" variant={published ? 'secondary' : 'primary'} loading={save.isPending && pending === null} disabled={!isDirty}>
            Save changes
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={dialog !== null}
        title={dialog?.title ?? ''}
        description={dialog?.description ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        tone={dialog?.tone}
        pending={save.isPending || remove.isPending}
        onConfirm={onConfirm}
        onCancel={() => setPending(null)}
      />
      {guard.dialog}
    </>
  );
}
