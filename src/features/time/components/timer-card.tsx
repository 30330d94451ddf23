import { useState } from 'react';
import { Play, Square } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { Skeleton } from '@/components/ui/skeleton';
import { Elapsed } from '@/components/timer-button';
import { errorMessage } from '@/lib/errors';
import { useRunningTimer, useStartTimer, useStopTimer } from '@/lib/timer';
import { toast } from '@/lib/toast';
import type { WorkProject } from '../api/lookups';

/** The running timer with a stop button, or a way to start one on a project. */
export function TimerCard({ projects }: { projects: WorkProject[] }) {
  const running = useRunningTimer();
  const start = useStartTimer();
  const stop = useStopTimer();
  const [projectId, setProjectId] = useState('');
  const timer = running.data;
  return (
    <Card title="Timer">
      {running.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : timer ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <p className="text-sm font-medium">{timer.task?.title ?? timer.project?.name}</p>
            {timer.task && <p className="text-xs text-slate-600 dark:text-slate-400">{timer.project?.name}</p>}
          </div>
          <span role="timer" aria-label="Time on the running timer" className="text-2xl font-semibold">
            <Elapsed since={timer.started_at} />
          </span>
          <Button
            variant="danger"
            loading={stop.isPending}
            onClick={() => stop.mutate(undefined, { onSuccess: () => toast('Timer stopped.'), onError: (e) => toast(errorMessage(e), { tone: 'error' }) })}
          >
            <Square className="size-4 fill-current" aria-hidden /> Stop timer
          </Button>
        </div>
      ) : (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!projectId) return;
            start.mutate({ projectId }, { onSuccess: () => toast('Timer started.'), onError: (err) => toast(errorMessage(err), { tone: 'error' }) });
          }}
        >
          <SelectField
            label="Start a timer on"
            value={projectId}
            onChange={(e) => setProjectId(e.target.value)}
            options={[{ value: '', label: 'Choose a project' }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
            className="min-w-64 flex-1"
          />
          <Button type="submit" disabled={!projectId} loading={start.isPending}>
            <Play className="size-4" aria-hidden /> Start timer
          </Button>
        </form>
      )}
    </Card>
  );
}
