// What the overview shows next to the details: budget burn (staff) and task progress per milestone.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { projectKeys } from './keys';

export const budgetStatusQuery = (projectId: string) =>
  queryOptions({
    queryKey: projectKeys.budget(projectId),
    queryFn: async () => {
      const { data } = await supabase
        .from('project_budget_status')
        .select('budget, budget_hours, tracked_hours, billable_hours, spent, hours_band, money_band')
        .eq('project_id', projectId)
        .maybeSingle()
        .throwOnError();
      return data;
    },
  });

/** Staff only: tracked hours and cost against the budget (the view is empty for clients). */
export function useBudgetStatus(projectId: string, enabled: boolean) {
  return useQuery({ ...budgetStatusQuery(projectId), enabled });
}

export interface MilestoneProgress {
  done: number;
  total: number;
}

export const milestoneTasksQuery = (projectId: string) =>
  queryOptions({
    queryKey: projectKeys.milestoneTasks(projectId),
    queryFn: async () => {
      // Clients see only client-visible tasks here: row-level security decides.
      const { data } = await supabase
        .from('tasks')
        .select('milestone_key, status')
        .eq('project_id', projectId)
        .not('milestone_key', 'is', null)
        .limit(10000)
        .throwOnError();
      const progress = new Map<string, MilestoneProgress>();
      for (const t of data) {
        const entry = progress.get(t.milestone_key!) ?? { done: 0, total: 0 };
        entry.total++;
        if (t.status === 'done') entry.done++;
        progress.set(t.milestone_key!, entry);
      }
      return progress;
    },
  });

export function useMilestoneTasks(projectId: string) {
  return useQuery(milestoneTasksQuery(projectId));
}
