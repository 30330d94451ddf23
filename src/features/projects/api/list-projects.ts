import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { worstBand, type BudgetBand } from '@/lib/budget';
import { parseMilestones } from '../milestones';
import { projectKeys, type ProjectListFilters } from './keys';
import type { ProjectStatus } from './schemas';

export const PROJECTS_PAGE_SIZE = 20;
export const CLIENT_PROJECTS_PAGE_SIZE = 12;

/** Makes user input literal inside an ilike pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const staffProjectsQuery = (organizationId: string, filters: ProjectListFilters) =>
  queryOptions({
    queryKey: projectKeys.list(organizationId, 'staff', filters),
    queryFn: async () => {
      let query = supabase
        .from('projects')
        .select('id, name, status, start_on, end_on, budget, budget_hours, client_id, clients(name)', { count: 'exact' })
        .eq('organization_id', organizationId);
      if (filters.status) query = query.eq('status', filters.status as ProjectStatus);
      if (filters.clientId) query = query.eq('client_id', filters.clientId);
      if (filters.search.trim()) query = query.ilike('name', `%${escapeLike(filters.search.trim())}%`);
      const from = (filters.page - 1) * PROJECTS_PAGE_SIZE;
      const { data, count } = await query
        .order('updated_at', { ascending: false })
        .order('id')
        .range(from, from + PROJECTS_PAGE_SIZE - 1)
        .throwOnError();
      const ids = data.map((p) => p.id);
      const { data: burn } = ids.length
        ? await supabase.from('project_budget_status').select('project_id, hours_band, money_band').in('project_id', ids).throwOnError()
        : { data: [] };
      const bands = new Map<string, BudgetBand | null>(burn.map((b) => [b.project_id, worstBand(b.money_band, b.hours_band)]));
      return {
        projects: data.map((p) => ({ ...p, client_name: p.clients?.name ?? null, band: bands.get(p.id) ?? null })),
        total: count ?? 0,
      };
    },
    placeholderData: keepPreviousData,
  });

export function useStaffProjects(organizationId: string, filters: ProjectListFilters, enabled = true) {
  return useQuery({ ...staffProjectsQuery(organizationId, filters), enabled });
}

export const clientProjectsQuery = (organizationId: string, page: number) =>
  queryOptions({
    queryKey: projectKeys.list(organizationId, 'client', { status: '', clientId: '', search: '', page }),
    queryFn: async () => {
      const from = (page - 1) * CLIENT_PROJECTS_PAGE_SIZE;
      // Row-level security returns only the projects of the client this member stands for.
      const { data, count } = await supabase
        .from('projects')
        .select('id, name, description, status, start_on, end_on, milestones, client_id', { count: 'exact' })
        .eq('organization_id', organizationId)
        .order('updated_at', { ascending: false })
        .order('id')
        .range(from, from + CLIENT_PROJECTS_PAGE_SIZE - 1)
        .throwOnError();
      return { projects: data.map((p) => ({ ...p, milestones: parseMilestones(p.milestones) })), total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

export function useClientProjects(organizationId: string, page: number, enabled = true) {
  return useQuery({ ...clientProjectsQuery(organizationId, page), enabled });
}
