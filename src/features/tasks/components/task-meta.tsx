import { CalendarDays, Eye, Flag } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { STATUS_LABELS, type TaskStatus } from '../board';
import { formatDue, isOverdue } from '../due';

export function DueDate({ dueOn, status }: { dueOn: string | null; status: string }) {
  if (!dueOn) return null;
  const overdue = isOverdue({ due_on: dueOn, status });
  return (
    <span
      className={`inline-flex items-center gap-1 text-xs ${overdue ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
      title={dueOn}
    >
      <CalendarDays className="size-3.5" aria-hidden />
      {overdue && <span className="sr-only">Overdue, was due</span>}
      {!overdue && <span className="sr-only">Due</span>}
      {formatDue(dueOn)}
    </span>
  );
}

export function MilestoneChip({ title }: { title: string | null }) {
  if (!title) return null;
  return (
    <span className="inline-flex max-w-full items-center gap-1 truncate rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-800 dark:bg-indigo-900/40 dark:text-indigo-200">
      <Flag className="size-3 shrink-0" aria-hidden />
      <span className="sr-only">Milestone:</span>
      <span className="truncate">{title}</span>
    </span>
  );
}

export function ClientVisibleMark() {
  return (
    <span className="inline-flex shrink-0 text-emerald-700 dark:text-emerald-300" title="Visible to the client">
      <Eye className="size-4" aria-hidden />
      <span className="sr-only">Visible to the client</span>
    </span>
  );
}

export function AssigneeAvatar({ name, avatarUrl }: { name: string | null; avatarUrl?: string | null }) {
  if (!name) {
    return (
      <span className="inline-flex size-7 items-center justify-center rounded-full border border-dashed border-slate-400 text-xs text-slate-600 dark:border-slate-500 dark:text-slate-400" title="Unassigned">
        <span aria-hidden>?</span>
        <span className="sr-only">Unassigned</span>
      </span>
    );
  }
  return (
    <span className="inline-flex" title={name}>
      <Avatar name={name} url={avatarUrl} size="sm" />
      <span className="sr-only">Assigned to {name}</span>
    </span>
  );
}

const STATUS_TONES: Record<TaskStatus, 'neutral' | 'brand' | 'warning' | 'success'> = { todo: 'neutral', in_progress: 'brand', review: 'warning', done: 'success' };

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
