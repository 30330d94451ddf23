import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { taskKeys } from './keys';

export const TASK_COLUMNS =
  'id, project_id, organization_id, title, description, status, position, assignee_id, due_on, milestone_key, client_visible, requested_by, request_status, decline_reason, created_by, created_at, completed_at, assignee:profiles!tasks_assignee_id_fkey(display_name, username, avatar_url)';

/** A project holds at most this many tasks on its board; beyond it the page says so. */
export const BOARD_LIMIT = 1000;

async function fetchProjectTasks(projectId: string) {
  const { data } = await supabase
    .from('tasks')
    .select(TASK_COLUMNS)
    .eq('project_id', projectId)
    // Requests are on the board only once accepted.
    .or('request_status.is.null,request_status.eq.accepted')
    .order('position')
    .limit(BOARD_LIMIT)
    .throwOnError();
  return data;
}

export type Task = Awaited<ReturnType<typeof fetchProjectTasks>>[number];

/** The project's tasks (for a client, RLS leaves the client-visible ones): the board and the list. */
export const projectTasksQuery = (projectId: string) =>
  queryOptions({ queryKey: taskKeys.board(projectId), queryFn: () => fetchProjectTasks(projectId) });

export function useProjectTasks(projectId: string) {
  return useQuery(projectTasksQuery(projectId));
}

/** One task by id, whatever its request state (a notification may point at a pending request). */
export const taskQuery = (projectId: string, taskId: string) =>
  queryOptions({
    queryKey: taskKeys.task(projectId, taskId),
    queryFn: async () => {
      const { data } = await supabase
        .from('tasks')
        .select(`${TASK_COLUMNS}, requester:profiles!tasks_requested_by_fkey(display_name, username)`)
        .eq('id', taskId)
        .eq('project_id', projectId)
        .maybeSingle()
        .throwOnError();
      return data;
    },
  });

export type TaskDetail = NonNullable<Awaited<ReturnType<NonNullable<ReturnType<typeof taskQuery>['queryFn']>>>>;

export function useTask(projectId: string, taskId: string | null) {
  return useQuery({ ...taskQuery(projectId, taskId ?? ''), enabled: !!taskId });
}

export function personName(p: { display_name: string | null; username?: string | null } | null | undefined): string {
  return p?.display_name || p?.username || 'Unnamed member';
}
