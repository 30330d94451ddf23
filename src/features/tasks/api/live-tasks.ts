import { useQueryClient } from '@tanstack/react-query';
import { useTableChanges } from '@/lib/realtime';
import { taskKeys } from './keys';

/** A project's tasks change live for everyone looking at it (RLS decides who hears about which rows). */
export function useLiveTasks(projectId: string) {
  const queryClient = useQueryClient();
  useTableChanges({
    table: 'tasks',
    filter: `project_id=eq.${projectId}`,
    onChange: () => void queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
