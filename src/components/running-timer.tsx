import { Link } from 'react-router';
import { Square } from 'lucide-react';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useRunningTimer, useStopTimer } from '@/lib/timer';
import { Elapsed } from './timer-button';

/** The running timer in the app header: what it runs on, the time ticking, and a stop button. Nothing when idle. */
export function RunningTimer() {
  const running = useRunningTimer();
  const stop = useStopTimer();
  const timer = running.data;
  if (!timer) return null;
  const what = timer.task?.title ?? timer.project?.name ?? 'a project';
  const where = timer.task ? timer.project?.name : null;
  return (
    <div
      role="group"
      aria-label="Running timer"
      className="flex items-center gap-2 rounded-full border border-red-200 bg-red-50 py-1 pl-3 pr-1 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <span className="relative flex size-2" aria-hidden>
        <span className="absolute inline-flex size-full animate-ping rounded-full bg-red-400 opacity-75 motion-reduce:animate-none" />
        <span className="relative inline-flex size-2 rounded-full bg-red-600" />
      </span>
      <Link to={`/projects/${timer.project_id}/tasks${timer.task_id ? `?task=${timer.task_id}` : ''}`} className="hidden max-w-48 truncate hover:underline sm:inline" title={where ? `${what} · ${where}` : what}>
        {what}
      </Link>
      <span role="timer" aria-label={`Time on ${what}`} className="font-medium">
        <Elapsed since={timer.started_at} />
      </span>
      <button
        type="button"
        onClick={() =>
          stop.mutate(undefined, { onSuccess: () => toast(`Timer stopped on ${what}.`), onError: (e) => toast(errorMessage(e), { tone: 'error' }) })
        }
        disabled={stop.isPending}
        aria-label={`Stop timer on ${what}`}
        className="inline-flex size-7 items-center justify-center rounded-full bg-red-600 text-white hover:bg-red-700 disabled:opacity-60"
      >
        <Square className="size-3 fill-current" aria-hidden />
      </button>
    </div>
  );
}
