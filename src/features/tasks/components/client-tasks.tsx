import { useState } from 'react';
import { format } from 'date-fns';
import { ClipboardList, MessageSquarePlus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { STATUS_LABELS, TASK_STATUSES, columnsOf } from '../board';
import { useProjectTasks, useTask } from '../api/project-tasks';
import type { ProjectInfo } from '../api/project';
import { useAllRequests } from '../api/requests';
import { AskForWorkDialog } from './ask-for-work-dialog';
import { DueDate, MilestoneChip, StatusBadge } from './task-meta';

const REQUEST_BADGES = {
  pending: { tone: 'warning', label: 'Waiting for an answer' },
  accepted: { tone: 'success', label: 'Accepted' },
  declined: { tone: 'danger', label: 'Declined' },
} as const;

export interface ClientTasksProps {
  project: ProjectInfo;
  userId: string;
  openTaskId: string | null;
  onOpen: (taskId: string) => void;
  onClose: () => void;
}

/** The client's view of a project's work: what is shared with them, by status, and what they asked for. */
export function ClientTasks({ project, userId, openTaskId, onOpen, onClose }: ClientTasksProps) {
  const tasks = useProjectTasks(project.id);
  const requests = useAllRequests(project.id);
  const [asking, setAsking] = useState(false);
  const milestoneTitle = (key: string | null) => (key ? (project.milestones.find((m) => m.key === key)?.title ?? null) : null);
  const columns = columnsOf(tasks.data ?? []);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">What the team shares with you on this project, by status. Need something else? Ask for it.</p>
        <Button onClick={() => setAsking(true)}>
          <MessageSquarePlus className="size-4" aria-hidden /> Ask for work
        </Button>
      </div>

      <Card title="Your requests" description="What you asked for, and the team's answer.">
        {requests.isPending ? (
          <SkeletonRows rows={2} label="Loading your requests" />
        ) : requests.error ? (
          <Alert>{errorMessage(requests.error)}</Alert>
        ) : !requests.data.length ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">You have not asked for anything on this project yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {requests.data.map((r) => {
              const badge = REQUEST_BADGES[r.request_status ?? 'pending'];
              return (
                <li key={r.id} className="flex flex-wrap items-start justify-between gap-2 py-3 first:pt-0 last:pb-0">
                  <div className="min-w-0">
                    <button type="button" onClick={() => onOpen(r.id)} className="text-left text-sm font-medium hover:underline">
                      {r.title}
                    </button>
                    <p className="text-xs text-slate-600 dark:text-slate-400">Asked {format(new Date(r.created_at), 'MMM d, yyyy')}</p>
                    {r.request_status === 'declined' && r.decline_reason && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Reason: {r.decline_reason}</p>}
                  </div>
                  <Badge tone={badge.tone}>{badge.label}</Badge>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      {tasks.isPending ? (
        <SkeletonRows rows={4} label="Loading tasks" />
      ) : tasks.error ? (
        <Alert>{errorMessage(tasks.error)}</Alert>
      ) : !tasks.data.length ? (
        <EmptyState icon={ClipboardList} title="No shared tasks yet">
          When the team shares tasks on this project, you can follow them here.
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {TASK_STATUSES.map((status) => (
            <Card key={status} title={`${STATUS_LABELS[status]} (${columns[status].length})`}>
              {columns[status].length ? (
                <ul className="space-y-2">
                  {columns[status].map((t) => (
                    <li key={t.id} className="flex flex-wrap items-center justify-between gap-2">
                      <button type="button" onClick={() => onOpen(t.id)} className="text-left text-sm hover:underline">
                        {t.title}
                      </button>
                      <span className="flex items-center gap-2">
                        <MilestoneChip title={milestoneTitle(t.milestone_key)} />
                        <DueDate dueOn={t.due_on} status={t.status} />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">Nothing here.</p>
              )}
            </Card>
          ))}
        </div>
      )}

      <AskForWorkDialog open={asking} project={project} userId={userId} onClose={() => setAsking(false)} />
      <TaskDetails projectId={project.id} taskId={openTaskId} milestoneTitle={milestoneTitle} onClose={onClose} />
    </div>
  );
}

function TaskDetails({ projectId, taskId, milestoneTitle, onClose }: { projectId: string; taskId: string | null; milestoneTitle: (key: string | null) => string | null; onClose: () => void }) {
  const task = useTask(projectId, taskId);
  const t = task.data;
  return (
    <Dialog open={taskId !== null} onClose={onClose} title={t?.title ?? 'Task'}>
      {task.isPending ? (
        <SkeletonRows rows={2} label="Loading the task" />
      ) : task.error ? (
        <Alert>{errorMessage(task.error)}</Alert>
      ) : !t ? (
        <Alert>This task is not shared with you, or it was removed.</Alert>
      ) : (
        <div className="space-y-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            {t.request_status && t.request_status !== 'accepted' ? <Badge tone={REQUEST_BADGES[t.request_status].tone}>{REQUEST_BADGES[t.request_status].label}</Badge> : <StatusBadge status={t.status} />}
            <MilestoneChip title={milestoneTitle(t.milestone_key)} />
            <DueDate dueOn={t.due_on} status={t.status} />
          </div>
          {t.description ? <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{t.description}</p> : <p className="text-slate-600 dark:text-slate-400">No description.</p>}
          {t.request_status === 'declined' && t.decline_reason && <Alert>Declined: {t.decline_reason}</Alert>}
          <div className="flex justify-end">
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
