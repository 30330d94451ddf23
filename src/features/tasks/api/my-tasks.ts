import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { taskKeys } from './keys';

const MY_TASK_COLUMNS = 'id, title, status, due_on, completed_at, project_id, client_visible, project:projects(name)';
export const MY_OPEN_LIMIT = 500;
export const MY_DONE_PAGE_SIZE = 20;

async function fetchMyOpenTasks(organizationId: string, userId: string) {
  const { data } = await supabase
    .from('tasks')
    .select(MY_TASK_COLUMNS)
    .eq('organization_id', organizationId)
    .eq('assignee_id', userId)
    .neq('status', 'done')
    .order('due_on', { ascending: true, nullsFirst: false })
    .order('created_at')
    .limit(MY_OPEN_LIMIT)
    .throwOnError();
  return data;
}

export type MyTask = Awaited<ReturnType<typeof fetchMyOpenTasks>>[number];

/** Open tasks assigned to me in this organization, soonest due first. */
export const myOpenTasksQuery = (organizationId: string, userId: string) =>
  queryOptions({ queryKey: taskKeys.mine(organizationId, userId), queryFn: () => fetchMyOpenTasks(organizationId, userId) });

export function useMyOpenTasks(organizationId: string, userId: string) {
  return useQuery(myOpenTasksQuery(organizationId, userId));
}

/** What I finished, newest first, a page at a time. */
export const myDoneTasksQuery = (organizationId: string, userId: string, page: number) =>
  queryOptions({
    queryKey: taskKeys.mineDone(organizationId, userId, page),
    queryFn: async () => {
      const from = (page - 1) * MY_DONE_PAGE_SIZE;
      const { data, count } = await supabase
        .from('tasks')
        .select(MY_TASK_COLUMNS, { count: 'exact' })
        .eq('organization_id', organizationId)
        .eq('assignee_id', userId)
        .eq('status', 'done')
        .order('completed_at', { ascending: false, nullsFirst: false })
        .range(from, from + MY_DONE_PAGE_SIZE - 1)
        .throwOnError();
      return { tasks: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

export function useMyDoneTasks(organizationId: string, userId: string, page: number, enabled: boolean) {
  return useQuery({ ...myDoneTasksQuery(organizationId, userId, page), enabled });
}
