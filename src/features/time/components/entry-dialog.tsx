import { useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { splitMinutes } from '@/lib/duration';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { toISODate } from '@/lib/week';
import { useCreateEntry, useUpdateEntry, type TimeEntry } from '../api/entries';
import { useProjectTaskOptions } from '../api/lookups';
import { entrySchema, entryStart, type EntryInput } from '../api/schemas';

export interface ProjectChoice {
  id: string;
  name: string;
  hourly_rate: number | null;
}

export type EntryDialogState = { kind: 'new'; date: string } | { kind: 'edit'; entry: TimeEntry } | null;

export interface EntryDialogProps {
  state: EntryDialogState;
  organizationId: string;
  userId: string;
  /** One project (the project time tab) or a choice of them (the timesheet). */
  projects: ProjectChoice[];
  onClose: () => void;
}

const rateText = (rate: number | null | undefined) => (rate === null || rate === undefined ? '0' : String(rate));

/** Adds a manual entry (09:00 on the chosen day, for the duration given) or edits one. */
export function EntryDialog({ state, organizationId, userId, projects, onClose }: EntryDialogProps) {
  return (
    <Dialog open={state !== null} onClose={onClose} title={state?.kind === 'edit' ? 'Edit time entry' : 'Add time'} size="lg">
      {state && (
        <EntryForm
          key={state.kind === 'edit' ? state.entry.id : `new-${state.date}`}
          state={state}
          organizationId={organizationId}
          userId={userId}
          projects={projects}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function defaults(state: NonNullable<EntryDialogState>, projects: ProjectChoice[]): EntryInput {
  if (state.kind === 'edit') {
    const e = state.entry;
    const { hours, minutes } = splitMinutes(e.minutes ?? 0);
    return {
      project_id: e.project_id,
      task_id: e.task_id ?? '',
      date: toISODate(new Date(e.started_at)),
      hours,
      minutes,
      billable: e.billable,
      rate: rateText(e.hourly_rate),
      note: e.note ?? '',
    };
  }
  const project = projects.length === 1 ? projects[0] : undefined;
  return { project_id: project?.id ?? '', task_id: '', date: state.date, hours: '', minutes: '', billable: true, rate: rateText(project?.hourly_rate), note: '' };
}

function EntryForm({ state, organizationId, userId, projects, onClose }: Omit<EntryDialogProps, 'state'> & { state: NonNullable<EntryDialogState> }) {
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const form = useForm<EntryInput>({ resolver: standardSchemaResolver(entrySchema), defaultValues: defaults(state, projects) });
  const { errors } = form.formState;
  const projectId = useWatch({ control: form.control, name: 'project_id' });
  const tasks = useProjectTaskOptions(projectId);
  const editing = state.kind === 'edit' ? state.entry : null;
  const error = create.error ?? update.error;

  const projectField = form.register('project_id');
  const handleProjectChange: typeof projectField.onChange = async (event) => {
    await projectField.onChange(event);
    // A new project brings its own rate, unless the rate was already changed by hand.
    const project = projects.find((p) => p.id === event.target.value);
    if (!form.getFieldState('rate').isDirty) form.setValue('rate', rateText(project?.hourly_rate));
    form.setValue('task_id', '');
  };

  const handleSubmit = form.handleSubmit((values) => {
    const done = (message: string) => ({
      onSuccess: () => {
        toast(message);
        onClose();
      },
    });
    if (editing) {
      update.mutate({ ...values, id: editing.id, startedAt: entryStart(values.date, new Date(editing.started_at)) }, done('Time entry saved.'));
    } else {
      create.mutate({ ...values, organizationId, userId, startedAt: entryStart(values.date) }, done('Time added.'));
    }
  });

  const taskOptions = [{ value: '', label: 'No particular task' }, ...(tasks.data ?? []).map((t) => ({ value: t.id, label: t.title }))];
  if (editing?.task_id && !tasks.data?.some((t) => t.id === editing.task_id)) taskOptions.push({ value: editing.task_id, label: editing.task?.title ?? 'Current task' });

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-4">
      {error && <Alert>{errorMessage(error)}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {projects.length > 1 && !editing ? (
          <SelectField
            label="Project"
            options={[{ value: '', label: 'Choose a project' }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
            error={errors.project_id?.message}
            {...projectField}
            onChange={handleProjectChange}
          />
        ) : (
          <div>
            <p className="block text-sm font-medium text-slate-700 dark:text-slate-200">Project</p>
            <p className="mt-1 py-2 text-sm">{editing?.project?.name ?? projects.find((p) => p.id === projectId)?.name}</p>
          </div>
        )}
        <SelectField label="Task" options={taskOptions} disabled={!projectId || tasks.isPending} {...form.register('task_id')} />
        <TextField label="Day" type="date" error={errors.date?.message} {...form.register('date')} />
        <div className="grid grid-cols-2 gap-2">
          <TextField label="Hours" inputMode="decimal" autoFocus={!!projectId} error={errors.hours?.message} {...form.register('hours')} />
          <TextField label="Minutes" inputMode="numeric" {...form.register('minutes')} />
        </div>
        <TextField label="Hourly rate" inputMode="decimal" hint="Starts from the project's rate." error={errors.rate?.message} {...form.register('rate')} />
        <CheckboxField label="Billable" hint="Billable time goes on the client's invoice." className="sm:pt-7" {...form.register('billable')} />
      </div>
      <TextareaField label="Note" rows={2} error={errors.note?.message} {...form.register('note')} />
      {!editing && <p className="text-xs text-slate-600 dark:text-slate-400">Manual entries are recorded from 09:00 on the day you pick.</p>}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {editing ? 'Save entry' : 'Add time'}
        </Button>
      </div>
    </form>
  );
}
