import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { TaskStatus } from '../board';
import { taskKeys } from './keys';
import type { Task } from './project-tasks';

export interface MoveInput {
  id: string;
  status: TaskStatus;
  position: number;
}

/**
 * Moves a card: the board shows the new place at once, the row is written, and on an error the card
 * goes back where it was.
 */
export function useMoveTask(projectId: string) {
  const queryClient = useQueryClient();
  const key = taskKeys.board(projectId);
  return useMutation({
    mutationFn: async (input: MoveInput) => {
      await supabase.from('tasks').update({ status: input.status, position: input.position }).eq('id', input.id).throwOnError();
    },
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Task[]>(key);
      queryClient.setQueryData<Task[]>(key, (tasks) => tasks?.map((t) => (t.id === input.id ? { ...t, status: input.status, position: input.position } : t)));
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
