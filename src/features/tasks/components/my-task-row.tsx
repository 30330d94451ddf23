import { Link } from 'react-router';
import { TimerButton } from '@/components/timer-button';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import type { MyTask } from '../api/my-tasks';
import { useSetTaskDone } from '../api/save-task';
import { DueDate, StatusBadge } from './task-meta';

/** One of my tasks: a done toggle, the task and its project as links, status, due date and timer. */
export function MyTaskRow({ task }: { task: MyTask }) {
  const setDone = useSetTaskDone();
  const done = task.status === 'done';
  const toggle = () =>
    setDone.mutate(
      { id: task.id, done: !done },
      {
        onSuccess: () => toast(done ? `Opened again: ${task.title}.` : `Done: ${task.title}.`),
        onError: (e) => toast(errorMessage(e), { tone: 'error' }),
      },
    );
  return (
    <li className="flex flex-wrap items-center gap-3 px-4 py-3">
      <input
        type="checkbox"
        checked={done}
        disabled={setDone.isPending}
        onChange={toggle}
        aria-label={done ? `Mark ${task.title} as not done` : `Mark ${task.title} as done`}
        className="size-4 accent-brand-600"
      />
      <div className="min-w-0 flex-1">
        <Link to={`/projects/${task.project_id}/tasks?task=${task.id}`} className={`text-sm font-medium hover:underline ${done ? 'text-slate-500 line-through dark:text-slate-400' : ''}`}>
          {task.title}
        </Link>
        <p className="text-xs">
          <Link to={`/projects/${task.project_id}/tasks`} className="text-slate-600 hover:underline dark:text-slate-400">
            {task.project?.name ?? 'Project'}
          </Link>
        </p>
      </div>
      <StatusBadge status={task.status} />
      {!done && <DueDate dueOn={task.due_on} status={task.status} />}
      {!done && <TimerButton projectId={task.project_id} taskId={task.id} label={task.title} />}
    </li>
  );
}
