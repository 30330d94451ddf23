import { Play, Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/errors';
import { formatElapsed } from '@/lib/duration';
import { toast } from '@/lib/toast';
import { useNow, useRunningTimer, useStartTimer, useStopTimer } from '@/lib/timer';

export interface TimerButtonProps {
  projectId: string;
  taskId?: string | null;
  /** What the timer runs on, for the button's accessible name and the toasts. */
  label: string;
  /** `icon`: a compact button for cards and rows; `full`: a labelled button for dialogs and pages. */
  variant?: 'icon' | 'full';
}

/** Starts or stops my timer on a task (or project); starting here stops a timer running elsewhere. */
export function TimerButton({ projectId, taskId = null, label, variant = 'icon' }: TimerButtonProps) {
  const running = useRunningTimer();
  const start = useStartTimer();
  const stop = useStopTimer();
  const timer = running.data;
  const isMine = !!timer && timer.project_id === projectId && (timer.task_id ?? null) === taskId;
  const pending = start.isPending || stop.isPending;

  const handleClick = () => {
    if (isMine) {
      stop.mutate(undefined, {
        onSuccess: () => toast(`Timer stopped on ${label}.`),
        onError: (e) => toast(errorMessage(e), { tone: 'error' }),
      });
      return;
    }
    const previous = timer ? (timer.task?.title ?? timer.project?.name ?? 'another task') : null;
    start.mutate(
      { projectId, taskId },
      {
        onSuccess: () => toast(previous ? `Timer started on ${label}; the timer on ${previous} was stopped.` : `Timer started on ${label}.`),
        onError: (e) => toast(errorMessage(e), { tone: 'error' }),
      },
    );
  };

  const Icon = isMine ? Square : Play;
  if (variant === 'full') {
    return (
      <Button type="button" variant={isMine ? 'danger' : 'secondary'} onClick={handleClick} loading={pending} disabled={running.isPending}>
        {!pending && <Icon className="size-4" aria-hidden />}
        {isMine ? (
          <>
            Stop timer <Elapsed since={timer.started_at} />
          </>
        ) : (
          'Start timer'
        )}
      </Button>
    );
  }
  return (
    <button
      type="button"
      onClick={handleClick}
      disabled={pending || running.isPending}
      aria-label={`${isMine ? 'Stop' : 'Start'} timer on ${label}`}
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium disabled:opacity-60 ${
        isMine
          ? 'bg-red-50 text-red-700 hover:bg-red-100 dark:bg-red-900/40 dark:text-red-200 dark:hover:bg-red-900/60'
          : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
      }`}
    >
      <Icon className={`size-3.5 ${isMine ? 'fill-current' : ''}`} aria-hidden />
      {isMine && <Elapsed since={timer.started_at} />}
    </button>
  );
}

/** The time since `since`, ticking every second. */
export function Elapsed({ since }: { since: string }) {
  const now = useNow();
  return <span className="tabular-nums">{formatElapsed(now - new Date(since).getTime())}</span>;
}
