import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { format } from 'date-fns';
import { Check, Inbox, Trash2, X } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { TimerButton } from '@/components/timer-button';
import { errorMessage } from '@/lib/errors';
import { useStaff } from '@/lib/staff';
import { toast } from '@/lib/toast';
import { positionAtEnd, type TaskStatus } from '../board';
import { personName, useTask, type Task, type TaskDetail } from '../api/project-tasks';
import type { ProjectInfo } from '../api/project';
import { useAcceptRequest } from '../api/requests';
import { useCreateTask, useDeleteTask, useUpdateTask } from '../api/save-task';
import { EMPTY_TASK, taskSchema, type TaskInput } from '../api/schemas';
import { STATUS_OPTIONS } from '../list';
import { DeclineDialog } from './decline-dialog';

export interface TaskDialogProps {
  project: ProjectInfo;
  /** A task id, 'new', or null when closed. */
  taskId: string | null;
  defaultStatus?: TaskStatus;
  boardTasks: Task[];
  userId: string;
  isManager: boolean;
  onClose: () => void;
}

/** Create or edit a task; for a pending client request, accept or decline it first. */
export function TaskDialog({ project, taskId, defaultStatus = 'todo', boardTasks, userId, isManager, onClose }: TaskDialogProps) {
  const isNew = taskId === 'new';
  const task = useTask(project.id, isNew ? null : taskId);
  const title = isNew ? 'New task' : task.data?.request_status === 'pending' ? 'Task request' : 'Edit task';
  return (
    <Dialog open={taskId !== null} onClose={onClose} title={title} size="lg">
      {isNew ? (
        <TaskForm key="new" project={project} defaultStatus={defaultStatus} boardTasks={boardTasks} userId={userId} isManager={isManager} onClose={onClose} />
      ) : task.isPending ? (
        <SkeletonRows rows={4} label="Loading the task" />
      ) : task.error ? (
        <Alert>{errorMessage(task.error)}</Alert>
      ) : !task.data ? (
        <Alert>This task does not exist any more, or you cannot see it.</Alert>
      ) : (
        <TaskForm key={task.data.id} project={project} task={task.data} boardTasks={boardTasks} userId={userId} isManager={isManager} onClose={onClose} />
      )}
    </Dialog>
  );
}

function valuesOf(task: TaskDetail): TaskInput {
  return {
    title: task.title,
    description: task.description ?? '',
    status: task.status,
    assignee_id: task.assignee_id ?? '',
    due_on: task.due_on ?? '',
    milestone_key: task.milestone_key ?? '',
    client_visible: task.client_visible,
  };
}

interface TaskFormProps extends Omit<TaskDialogProps, 'taskId' | 'project'> {
  project: ProjectInfo;
  task?: TaskDetail;
}

function TaskForm({ project, task, defaultStatus = 'todo', boardTasks, userId, isManager, onClose }: TaskFormProps) {
  const staff = useStaff(project.organization_id);
  const create = useCreateTask();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const [confirmVisible, setConfirmVisible] = useState<TaskInput | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [declining, setDeclining] = useState(false);
  const form = useForm<TaskInput>({ resolver: standardSchemaResolver(taskSchema), defaultValues: task ? valuesOf(task) : { ...EMPTY_TASK, status: defaultStatus } });
  const { errors } = form.formState;
  const error = create.error ?? update.error;

  const save = (values: TaskInput) => {
    const done = (message: string) => () => {
      toast(message);
      onClose();
    };
    if (!task) {
      create.mutate(
        { ...values, projectId: project.id, organizationId: project.organization_id, position: positionAtEnd(boardTasks, values.status) },
        { onSuccess: done(`Task added: ${values.title.trim()}.`), onSettled: () => setConfirmVisible(null) },
      );
    } else {
      const position = values.status !== task.status ? positionAtEnd(boardTasks, values.status, task.id) : undefined;
      update.mutate({ ...values, id: task.id, position }, { onSuccess: done('Task saved.'), onSettled: () => setConfirmVisible(null) });
    }
  };
  const handleSubmit = form.handleSubmit((values) => (values.client_visible && !task?.client_visible ? setConfirmVisible(values) : save(values)));

  const assigneeOptions = [{ value: '', label: 'Nobody yet' }, ...(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name }))];
  if (task?.assignee_id && !staff.data?.some((s) => s.userId === task.assignee_id)) assigneeOptions.push({ value: task.assignee_id, label: personName(task.assignee) });
  const milestoneOptions = [{ value: '', label: 'No milestone' }, ...project.milestones.map((m) => ({ value: m.key, label: m.title }))];
  if (task?.milestone_key && !project.milestones.some((m) => m.key === task.milestone_key)) milestoneOptions.push({ value: task.milestone_key, label: task.milestone_key });
  const canDelete = !!task && (isManager || task.created_by === userId);
  const onBoard = !task || task.request_status === null || task.request_status === 'accepted';

  return (
    <>
      {task && task.request_status && task.request_status !== 'accepted' && <RequestBanner task={task} onDecline={() => setDeclining(true)} />}
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {error && <Alert>{errorMessage(error)}</Alert>}
        <TextField label="Title" autoFocus={!task} error={errors.title?.message} {...form.register('title')} />
        <TextareaField label="Description" rows={4} error={errors.description?.message} {...form.register('description')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Status" options={STATUS_OPTIONS} {...form.register('status')} />
          <SelectField label="Assignee" options={assigneeOptions} disabled={staff.isPending} {...form.register('assignee_id')} />
          <TextField label="Due date" type="date" error={errors.due_on?.message} {...form.register('due_on')} />
          <SelectField label="Milestone" options={milestoneOptions} {...form.register('milestone_key')} />
        </div>
        <CheckboxField
          label="Visible to the client"
          hint="The client sees it in their portal with its description, status, due date and milestone."
          {...form.register('client_visible')}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <div className="flex gap-2">
            {task && onBoard && <TimerButton variant="full" projectId={project.id} taskId={task.id} label={task.title} />}
            {canDelete && (
              <Button type="button" variant="ghost" onClick={() => setConfirmDelete(true)} className="text-red-700 dark:text-red-300">
                <Trash2 className="size-4" aria-hidden /> Delete
              </Button>
            )}
          </div>
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {task ? 'Save task' : 'Add task'}
            </Button>
          </div>
        </div>
      </form>
      <ConfirmDialog
        open={confirmVisible !== null}
        title="Show this task to the client?"
        description={`${project.name}'s client will see “${confirmVisible?.title.trim() ?? ''}” in their portal, with its status, due date and milestone.`}
        confirmLabel="Show to the client"
        tone="primary"
        pending={create.isPending || update.isPending}
        onConfirm={() => confirmVisible && save(confirmVisible)}
        onCancel={() => setConfirmVisible(null)}
      />
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this task?"
        description={`“${task?.title ?? ''}” and its files are deleted for everyone. Time tracked on it stays on the project.`}
        confirmLabel="Delete task"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(task!.id, {
            onSuccess: () => {
              toast(`Task deleted: ${task!.title}.`);
              setConfirmDelete(false);
              onClose();
            },
            onError: (e) => {
              toast(errorMessage(e), { tone: 'error' });
              setConfirmDelete(false);
            },
          })
        }
        onCancel={() => setConfirmDelete(false)}
      />
      <DeclineDialog request={declining && task ? task : null} onClose={() => setDeclining(false)} onDeclined={onClose} />
    </>
  );
}

function RequestBanner({ task, onDecline }: { task: TaskDetail; onDecline: () => void }) {
  const accept = useAcceptRequest();
  const who = personName(task.requester);
  const when = format(new Date(task.created_at), 'MMM d');
  if (task.request_status === 'declined') {
    return (
      <div className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-800/50">
        <p className="font-medium">Declined request from {who}</p>
        {task.decline_reason && <p className="mt-1 text-slate-600 dark:text-slate-400">Reason given: {task.decline_reason}</p>}
      </div>
    );
  }
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <p className="flex items-center gap-2">
        <Inbox className="size-4 shrink-0" aria-hidden />
        {who} asked for this on {when}. It joins the board once accepted.
      </p>
      <div className="flex gap-2">
        <Button
          type="button"
          loading={accept.isPending}
          onClick={() => accept.mutate(task.id, { onSuccess: () => toast(`Request accepted: ${task.title}.`), onError: (e) => toast(errorMessage(e), { tone: 'error' }) })}
        >
          <Check className="size-4" aria-hidden /> Accept
        </Button>
        <Button type="button" variant="secondary" onClick={onDecline}>
          <X className="size-4" aria-hidden /> Decline
        </Button>
      </div>
    </div>
  );
}
