import { Link } from 'react-router';
import { CalendarCheck } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useTasksDue } from '../api/widgets';
import { dueLabel, thisWeek } from '../widgets';

interface DueTask {
  id: string;
  title: string;
  due_on: string | null;
  project_id: string;
  projects: { name: string } | null;
  assignee: { display_name: string | null } | null;
}

function TaskRow({ task, today, showAssignee }: { task: DueTask; today: string; showAssignee: boolean }) {
  const due = dueLabel(task.due_on!, today);
  return (
    <li className="flex items-center gap-3 py-2 text-sm">
      <div className="min-w-0 flex-1">
        <Link to={`/projects/${task.project_id}/tasks?task=${task.id}`} className="block truncate font-medium hover:underline">
          {task.title}
        </Link>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400">
          {task.projects?.name}
          {showAssignee && ` · ${task.assignee?.display_name ?? 'Unassigned'}`}
        </p>
      </div>
      {due.overdue ? <Badge tone="danger">Overdue</Badge> : <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">{due.label}</span>}
    </li>
  );
}

/** Open tasks due by Sunday: the member's own first, then the rest of the team's; overdue marked. */
export function TasksDueCard({ organizationId, userId }: { organizationId: string; userId: string }) {
  const { today, weekEnd } = thisWeek();
  const tasks = useTasksDue(organizationId, userId, weekEnd);
  return (
    <Card title="Tasks due this week" description="Open tasks due by Sunday, overdue ones included.">
      {tasks.isPending ? (
        <SkeletonRows rows={3} label="Loading tasks" />
      ) : tasks.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Tasks could not be loaded: {errorMessage(tasks.error)}</p>
      ) : tasks.data.mineTotal + tasks.data.othersTotal === 0 ? (
        <EmptyState icon={CalendarCheck} title="Nothing due this week">Tasks with a due date this week show up here, yours first.</EmptyState>
      ) : (
        <div className="space-y-4">
          {[
            { title: 'Assigned to you', rows: tasks.data.mine, total: tasks.data.mineTotal, showAssignee: false },
            { title: 'Everyone else', rows: tasks.data.others, total: tasks.data.othersTotal, showAssignee: true },
          ].map(
            (group) =>
              group.total > 0 && (
                <section key={group.title} aria-label={group.title}>
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                    {group.title} <span className="font-normal normal-case">({group.total})</span>
                  </h3>
                  <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                    {group.rows.map((t) => (
                      <TaskRow key={t.id} task={t} today={today} showAssignee={group.showAssignee} />
                    ))}
                  </ul>
                  {group.total > group.rows.length && (
                    <p className="text-xs text-slate-600 dark:text-slate-400">and {group.total - group.rows.length} more</p>
                  )}
                </section>
              ),
          )}
        </div>
      )}
    </Card>
  );
}
