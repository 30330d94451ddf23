import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { AlertTriangle, Check, CircleDashed, Flag, Pencil, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useMilestoneTasks } from '../api/overview';
import { useSaveMilestones, type ProjectDetail } from '../api/project';
import { milestoneFormSchema, type MilestoneFormInput } from '../api/schemas';
import { formatDay, todayIso } from '../format';
import { MAX_MILESTONES, milestoneKey, milestonesProblem, milestoneStatus, sortMilestones, type Milestone, type MilestoneStatus } from '../milestones';
import { STATUS_LABEL } from './milestone-styles';
import { MilestoneTimeline } from './milestone-timeline';

const STATUS_ICON: Record<MilestoneStatus, { Icon: typeof Check; className: string }> = {
  done: { Icon: Check, className: 'text-emerald-600 dark:text-emerald-400' },
  overdue: { Icon: AlertTriangle, className: 'text-red-600 dark:text-red-400' },
  upcoming: { Icon: Flag, className: 'text-brand-600 dark:text-indigo-300' },
  unscheduled: { Icon: CircleDashed, className: 'text-slate-400' },
};

const STATUS_TEXT: Record<MilestoneStatus, string> = {
  done: 'text-emerald-700 dark:text-emerald-300',
  overdue: 'text-red-700 dark:text-red-300',
  upcoming: 'text-slate-600 dark:text-slate-400',
  unscheduled: 'text-slate-600 dark:text-slate-400',
};

/** The milestones: a timeline, the same as a list (with linked-task progress), and for staff the editing. */
export function MilestonesCard({ project, isStaff }: { project: ProjectDetail; isStaff: boolean }) {
  const today = todayIso();
  const tasks = useMilestoneTasks(project.id);
  const save = useSaveMilestones(project.id);
  const [editing, setEditing] = useState<Milestone | null>(null);
  const [removing, setRemoving] = useState<Milestone | null>(null);
  const sorted = sortMilestones(project.milestones);

  /** Saves a new list (checked first), with a toast on success; problems show as a toast. */
  const commit = (next: Milestone[], success: string, after?: () => void, failed?: () => void) => {
    const problem = milestonesProblem(next);
    if (problem) return void (toast(problem, { tone: 'error' }), failed?.());
    save.mutate(
      { milestones: next, basedOn: project.updated_at },
      { onSuccess: () => (toast(success), after?.()), onError: (e) => (toast(errorMessage(e), { tone: 'error' }), failed?.()) },
    );
  };
  const replace = (key: string, change: Partial<Milestone>) => project.milestones.map((m) => (m.key === key ? { ...m, ...change } : m));

  return (
    <Card title="Milestones" description={isStaff ? 'Tasks link to a milestone; the counts show their progress.' : 'Where the project stands, and what comes next.'}>
      {sorted.length > 0 && <MilestoneTimeline startOn={project.start_on} endOn={project.end_on} today={today} milestones={project.milestones} />}
      {sorted.length === 0 ? (
        <EmptyState icon={Flag} title="No milestones yet">
          {isStaff ? 'Add the moments that matter, such as a workshop, an approval or the launch.' : 'Milestones appear here once the team has planned them.'}
        </EmptyState>
      ) : (
        <ol className="mt-4 divide-y divide-slate-200 dark:divide-slate-800" aria-label="Milestones by due date">
          {sorted.map((m) => {
            const status = milestoneStatus(m, today);
            const { Icon, className } = STATUS_ICON[status];
            const progress = tasks.data?.get(m.key);
            return (
              <li key={m.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-3">
                {isStaff ? (
                  <input
                    type="checkbox"
                    className="size-4 rounded border-slate-300 accent-emerald-600"
                    checked={m.done}
                    disabled={save.isPending}
                    aria-label={`${m.title} is done`}
                    onChange={(e) => commit(replace(m.key, { done: e.target.checked }), e.target.checked ? `${m.title} is done.` : `${m.title} is open again.`)}
                  />
                ) : (
                  <Icon className={`size-4 shrink-0 ${className}`} aria-hidden />
                )}
                <div className="min-w-0 flex-1">
                  <p className={`text-sm font-medium ${m.done ? 'text-slate-500 line-through decoration-slate-400 dark:text-slate-400' : ''}`}>{m.title}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {m.due_on ? `Due ${formatDay(m.due_on)}` : 'No due date'} · <span className={STATUS_TEXT[status]}>{STATUS_LABEL[status]}</span>
                    {isStaff && <span className="ml-1 font-mono text-[11px] text-slate-500 dark:text-slate-400">#{m.key}</span>}
                  </p>
                </div>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {tasks.isPending ? '…' : progress ? `${progress.done} of ${progress.total} tasks done` : 'No linked tasks'}
                </p>
                {isStaff && (
                  <div className="flex">
                    <Button variant="ghost" className="px-2" aria-label={`Edit ${m.title}`} onClick={() => setEditing(m)}>
                      <Pencil className="size-4" aria-hidden />
                    </Button>
                    <Button variant="ghost" className="px-2" aria-label={`Remove ${m.title}`} onClick={() => setRemoving(m)}>
                      <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {tasks.error && <p className="mt-2 text-xs text-red-600 dark:text-red-400">Task counts could not be loaded: {errorMessage(tasks.error)}</p>}
      {isStaff && project.milestones.length < MAX_MILESTONES && (
        <AddMilestoneForm
          pending={save.isPending}
          onAdd={(values, restore) =>
            commit(
              [...project.milestones, { key: milestoneKey(values.title, project.milestones.map((m) => m.key)), title: values.title.trim(), due_on: values.due_on || null, done: false }],
              `${values.title.trim()} was added.`,
              undefined,
              restore,
            )
          }
        />
      )}
      {editing && (
        <EditMilestoneDialog
          milestone={editing}
          pending={save.isPending}
          onCancel={() => setEditing(null)}
          onSave={(values) => commit(replace(editing.key, { title: values.title.trim(), due_on: values.due_on || null }), 'Milestone saved.', () => setEditing(null))}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.title}?`}
        description={
          removing && tasks.data?.get(removing.key)
            ? `${tasks.data.get(removing.key)!.total} linked tasks stay on the project but no longer count towards a milestone.`
            : 'It disappears from the timeline. Tasks are not affected.'
        }
        confirmLabel="Remove milestone"
        pending={save.isPending}
        onConfirm={() => removing && commit(project.milestones.filter((m) => m.key !== removing.key), `${removing.title} was removed.`, () => setRemoving(null))}
        onCancel={() => setRemoving(null)}
      />
    </Card>
  );
}

/** The new milestone shows at once; the form clears for the next one and gets its values back if saving fails. */
function AddMilestoneForm({ pending, onAdd }: { pending: boolean; onAdd: (values: MilestoneFormInput, restore: () => void) => void }) {
  const form = useForm<MilestoneFormInput>({ resolver: standardSchemaResolver(milestoneFormSchema), defaultValues: { title: '', due_on: '' } });
  const { errors } = form.formState;
  const handleAdd = form.handleSubmit((values) => {
    form.reset({ title: '', due_on: '' });
    onAdd(values, () => form.reset(values));
  });
  return (
    <form
      onSubmit={handleAdd}
      noValidate
      aria-label="Add a milestone"
      className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_11rem_auto] sm:items-start dark:border-slate-800"
    >
      <TextField label="New milestone" placeholder="e.g. Design approved" autoComplete="off" error={errors.title?.message} {...form.register('title')} />
      <TextField label="Due date" type="date" error={errors.due_on?.message} {...form.register('due_on')} />
      <Button type="submit" variant="secondary" loading={pending} className="sm:mt-6">
        <Plus className="size-4" aria-hidden /> Add
      </Button>
    </form>
  );
}

function EditMilestoneDialog({ milestone, pending, onCancel, onSave }: { milestone: Milestone; pending: boolean; onCancel: () => void; onSave: (v: MilestoneFormInput) => void }) {
  const form = useForm<MilestoneFormInput>({
    resolver: standardSchemaResolver(milestoneFormSchema),
    defaultValues: { title: milestone.title, due_on: milestone.due_on ?? '' },
  });
  const { errors } = form.formState;
  return (
    <Dialog open onClose={onCancel} title="Edit milestone" description={`Tasks link to it as #${milestone.key}; that stays the same.`}>
      <form onSubmit={form.handleSubmit(onSave)} noValidate className="space-y-4">
        <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
        <TextField label="Due date" type="date" error={errors.due_on?.message} {...form.register('due_on')} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Save milestone
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
