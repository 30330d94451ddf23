import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { lookupKeys } from './keys';

/** The project a time tab is about: its name, organization and default rate. */
export const timeProjectQuery = (projectId: string) =>
  queryOptions({
    queryKey: lookupKeys.project(projectId),
    queryFn: async () => {
      const { data } = await supabase.from('projects').select('id, name, organization_id, hourly_rate, status').eq('id', projectId).maybeSingle().throwOnError();
      return data;
    },
  });

export function useTimeProject(projectId: string) {
  return useQuery(timeProjectQuery(projectId));
}

/** Projects time can be logged on (not archived), for the timesheet's project picker. */
export const workProjectsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: lookupKeys.projects(organizationId),
    queryFn: async () => {
      const { data } = await supabase
        .from('projects')
        .select('id, name, hourly_rate, status')
        .eq('organization_id', organizationId)
        .neq('status', 'archived')
        .order('name')
        .limit(500)
        .throwOnError();
      return data;
    },
    staleTime: 60_000,
  });

export type WorkProject = Awaited<ReturnType<NonNullable<ReturnType<typeof workProjectsQuery>['queryFn']>>>[number];

export function useWorkProjects(organizationId: string, enabled = true) {
  return useQuery({ ...workProjectsQuery(organizationId), enabled });
}

/** A project's tasks on the board (not open requests), for the entry form's task picker. */
export const projectTaskOptionsQuery = (projectId: string) =>
  queryOptions({
    queryKey: lookupKeys.tasks(projectId),
    queryFn: async () => {
      const { data } = await supabase
        .from('tasks')
        .select('id, title, status')
        .eq('project_id', projectId)
        .or('request_status.is.null,request_status.eq.accepted')
        .order('title')
        .limit(500)
        .throwOnError();
      return data;
    },
  });

export function useProjectTaskOptions(projectId: string) {
  return useQuery({ ...projectTaskOptionsQuery(projectId), enabled: !!projectId });
}

export const currencyQuery = (organizationId: string) =>
  queryOptions({
    queryKey: lookupKeys.currency(organizationId),
    queryFn: async () => {
      const { data } = await supabase.from('organizations').select('currency').eq('id', organizationId).single().throwOnError();
      return data.currency;
    },
    staleTime: 5 * 60_000,
  });

export function useCurrency(organizationId: string) {
  return useQuery(currencyQuery(organizationId)).data ?? 'USD';
}

/** 1234.5 → "$1,234.50" in the organization's currency. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}
