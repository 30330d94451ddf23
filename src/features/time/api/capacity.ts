import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { TIME_KEY } from '@/lib/timer';
import { shiftWeek } from '@/lib/week';
import { timeKeys } from './keys';

/** Planned and tracked hours per member and week, computed by the database (under my RLS). */
export const capacityOverviewQuery = (organizationId: string, from: string, weeks: number) =>
  queryOptions({
    queryKey: timeKeys.capacity(organizationId, from, weeks),
    queryFn: async () => {
      const { data } = await supabase.rpc('capacity_overview', { organization_id: organizationId, from_week: from, weeks }).throwOnError();
      return data;
    },
    placeholderData: keepPreviousData,
  });

export function useCapacityOverview(organizationId: string, from: string, weeks: number) {
  return useQuery(capacityOverviewQuery(organizationId, from, weeks));
}

/** The plan itself: hours per member, project and week in the range. */
export const capacityPlanQuery = (organizationId: string, from: string, weeks: number) =>
  queryOptions({
    queryKey: timeKeys.plan(organizationId, from, weeks),
    queryFn: async () => {
      const { data } = await supabase
        .from('capacity_entries')
        .select('id, user_id, project_id, week_start, planned_hours, project:projects(name)')
        .eq('organization_id', organizationId)
        .gte('week_start', from)
        .lt('week_start', shiftWeek(from, weeks))
        .order('week_start')
        .limit(2000)
        .throwOnError();
      return data;
    },
    placeholderData: keepPreviousData,
  });

export type PlanEntry = Awaited<ReturnType<NonNullable<ReturnType<typeof capacityPlanQuery>['queryFn']>>>[number];

export function useCapacityPlan(organizationId: string, from: string, weeks: number, enabled: boolean) {
  return useQuery({ ...capacityPlanQuery(organizationId, from, weeks), enabled });
}

export interface PlanCell {
  projectId: string;
  userId: string;
  week: string;
  /** null clears the cell. */
  hours: number | null;
}

/** Sets one cell of the plan (insert or update of its hours), or clears it. Managers only, by RLS. */
export function useSetPlannedHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (cell: PlanCell) => {
      if (cell.hours === null) {
        await supabase.from('capacity_entries').delete().match({ project_id: cell.projectId, user_id: cell.userId, week_start: cell.week }).throwOnError();
        return;
      }
      await supabase.rpc('set_planned_hours', { project_id: cell.projectId, user_id: cell.userId, week_start: cell.week, planned_hours: cell.hours }).throwOnError();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: TIME_KEY }),
  });
}

/** Every active project's hours and money used against its budget, with the database's bands. */
export const budgetBurnQuery = (organizationId: string) =>
  queryOptions({
    queryKey: timeKeys.budget(organizationId),
    queryFn: async () => {
      const [{ data: projects }, { data: burn }] = await Promise.all([
        supabase.from('projects').select('id, name').eq('organization_id', organizationId).eq('status', 'active').order('name').limit(200).throwOnError(),
        supabase
          .from('project_budget_status')
          .select('project_id, budget, budget_hours, tracked_hours, spent, hours_band, money_band')
          .eq('organization_id', organizationId)
          .limit(1000)
          .throwOnError(),
      ]);
      const byProject = new Map(burn.map((b) => [b.project_id, b]));
      return projects.map((p) => ({ ...p, burn: byProject.get(p.id) ?? null }));
    },
  });

export type BudgetBurnRow = Awaited<ReturnType<NonNullable<ReturnType<typeof budgetBurnQuery>['queryFn']>>>[number];

export function useBudgetBurn(organizationId: string) {
  return useQuery(budgetBurnQuery(organizationId));
}
