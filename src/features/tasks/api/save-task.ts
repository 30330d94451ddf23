import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { taskKeys } from './keys';
import { taskColumns, type TaskInput } from './schemas';

/** A change to tasks refreshes everything cached about them (board, requests, my tasks). */
export function useTaskMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }) });
}

export function useCreateTask() {
  return useTaskMutation(async (input: TaskInput & { projectId: string; organizationId: string; position: number }) => {
    const { data } = await supabase
      .from('tasks')
      .insert({ ...taskColumns(input), project_id: input.projectId, organization_id: input.organizationId, position: input.position })
      .select('id, title')
      .single()
      .throwOnError();
    return data;
  });
}

export function useUpdateTask() {
  return useTaskMutation(async (input: TaskInput & { id: string; position?: number }) => {
    const { data } = await supabase
      .from('tasks')
      .update({ ...taskColumns(input), ...(input.position === undefined ? {} : { position: input.position }) })
      .eq('id', input.id)
      .select('id, title')
      .single()
      .throwOnError();
    return data;
  });
}

export function useDeleteTask() {
  return useTaskMutation(async (id: string) => {
    const { data } = await supabase.from('tasks').delete().eq('id', id).select('id').throwOnError();
    if (!data.length) throw new Error('This task could not be deleted: only its creator or a manager may delete it.');
  });
}

/** Marks a task done, or opens it again (my tasks). */
export function useSetTaskDone() {
  return useTaskMutation(async (input: { id: string; done: boolean }) => {
    await supabase
      .from('tasks')
      .update({ status: input.done ? 'done' : 'todo' })
      .eq('id', input.id)
      .throwOnError();
  });
}
