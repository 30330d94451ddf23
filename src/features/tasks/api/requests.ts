import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { taskKeys } from './keys';
import { useTaskMutation } from './save-task';
import type { AskForWorkInput } from './schemas';

const REQUEST_COLUMNS = 'id, title, description, request_status, decline_reason, created_at, requester:profiles!tasks_requested_by_fkey(display_name, username)';

/** Requests waiting for an answer (staff). */
export const pendingRequestsQuery = (projectId: string) =>
  queryOptions({
    queryKey: taskKeys.requests(projectId, 'pending'),
    queryFn: async () => {
      const { data } = await supabase
        .from('tasks')
        .select(REQUEST_COLUMNS)
        .eq('project_id', projectId)
        .eq('request_status', 'pending')
        .order('created_at')
        .limit(100)
        .throwOnError();
      return data;
    },
  });

/** Every request on the project with its answer (the client's view of what they asked for). */
export const allRequestsQuery = (projectId: string) =>
  queryOptions({
    queryKey: taskKeys.requests(projectId, 'all'),
    queryFn: async () => {
      const { data } = await supabase
        .from('tasks')
        .select(`${REQUEST_COLUMNS}, status`)
        .eq('project_id', projectId)
        .not('request_status', 'is', null)
        .order('created_at', { ascending: false })
        .limit(50)
        .throwOnError();
      return data;
    },
  });

export function usePendingRequests(projectId: string, enabled = true) {
  return useQuery({ ...pendingRequestsQuery(projectId), enabled });
}

export function useAllRequests(projectId: string) {
  return useQuery(allRequestsQuery(projectId));
}

export function useAcceptRequest() {
  return useTaskMutation(async (id: string) => {
    await supabase.from('tasks').update({ request_status: 'accepted' }).eq('id', id).eq('request_status', 'pending').throwOnError();
  });
}

export function useDeclineRequest() {
  return useTaskMutation(async (input: { id: string; reason: string }) => {
    await supabase
      .from('tasks')
      .update({ request_status: 'declined', decline_reason: input.reason.trim() })
      .eq('id', input.id)
      .eq('request_status', 'pending')
      .throwOnError();
  });
}

/** A client asks for work: a pending, client-visible task they requested (the only kind RLS lets them add). */
export function useAskForWork() {
  return useTaskMutation(async (input: AskForWorkInput & { projectId: string; organizationId: string; userId: string }) => {
    const { data } = await supabase
      .from('tasks')
      .insert({
        project_id: input.projectId,
        organization_id: input.organizationId,
        title: input.title.trim(),
        description: input.description.trim() || null,
        client_visible: true,
        requested_by: input.userId,
        request_status: 'pending',
      })
      .select('id')
      .single()
      .throwOnError();
    return data;
  });
}
