// The live timer: one running time entry per member (the database stops the old one when a new one
// starts). Shared by the header indicator, task cards and the timesheet.
import { useSyncExternalStore } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from './supabase';
import { useUserId } from './auth';

/** Everything about tracked time lives under this key, so one invalidation refreshes every view of it. */
export const TIME_KEY = ['time'] as const;
export const timerKeys = { running: (userId: string) => [...TIME_KEY, 'running', userId] as const };

async function fetchRunningTimer(userId: string) {
  const { data } = await supabase
    .from('time_entries')
    .select('id, organization_id, project_id, task_id, started_at, project:projects(name), task:tasks(title)')
    .eq('user_id', userId)
    .is('ended_at', null)
    .maybeSingle()
    .throwOnError();
  return data;
}

export type RunningTimer = NonNullable<Awaited<ReturnType<typeof fetchRunningTimer>>>;

export const runningTimerQuery = (userId: string) =>
  queryOptions({
    queryKey: timerKeys.running(userId),
    queryFn: () => fetchRunningTimer(userId),
    // Another tab or device may have started or stopped it.
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });

export function useRunningTimer(enabled = true) {
  const userId = useUserId();
  return useQuery({ ...runningTimerQuery(userId), enabled });
}

function useTimeMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: TIME_KEY }) });
}

/** Starts my timer on a project (and task); a timer already running is stopped first, in the same transaction. */
export function useStartTimer() {
  return useTimeMutation(async (input: { projectId: string; taskId?: string | null }) => {
    const { data } = await supabase
      .rpc('start_timer', { project_id: input.projectId, ...(input.taskId ? { task_id: input.taskId } : {}) })
      .throwOnError();
    return data;
  });
}

export function useStopTimer() {
  return useTimeMutation(async () => {
    const { data } = await supabase.rpc('stop_timer').throwOnError();
    return data;
  });
}

// One shared one-second clock for every ticking display.
const listeners = new Set<() => void>();
let interval: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!interval) interval = setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && interval) {
      clearInterval(interval);
      interval = null;
    }
  };
}

/** The current time to the second (stable within a second, as useSyncExternalStore needs). */
const currentSecond = () => Math.floor(Date.now() / 1000) * 1000;

/** The current time, updated every second while a component uses it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, currentSecond);
}
