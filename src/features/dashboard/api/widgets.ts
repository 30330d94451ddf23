// Queries behind the work widgets: one or two small requests each, a handful of rows, counts from
// the server. Staff widgets read the organization's records; client widgets get only what row-level
// security lets a client member see.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { worstBand } from '../widgets';
import { dashboardKeys } from './dashboard';

const SHOWN = 5;
const OPEN_PROJECT_STATUSES = ['planning', 'active', 'on_hold'] as const;

export const activeProjectsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.projects(organizationId),
    queryFn: async () => {
      const { data, count } = await supabase
        .from('projects')
        .select('id, name, status, clients(name)', { count: 'exact' })
        .eq('organization_id', organizationId)
        .in('status', [...OPEN_PROJECT_STATUSES])
        .order('updated_at', { ascending: false })
        .limit(SHOWN)
        .throwOnError();
      const ids = data.map((p) => p.id);
      const budgets = ids.length
        ? (await supabase.from('project_budget_status').select('project_id, money_band, hours_band').in('project_id', ids).throwOnError()).data
        : [];
      const band = new Map(budgets.map((b) => [b.project_id, worstBand(b.money_band, b.hours_band)]));
      return { total: count ?? 0, projects: data.map((p) => ({ ...p, band: band.get(p.id) ?? null })) };
    },
  });

export function useActiveProjects(organizationId: string) {
  return useQuery(activeProjectsQuery(organizationId));
}

const TASK_COLUMNS = 'id, title, due_on, status, project_id, projects(name), assignee:profiles!tasks_assignee_id_fkey(display_name)';
// Accepted work only: a client's pending or declined request is not a task anyone is due to do.
const REAL_TASK = 'or(request_status.is.null,request_status.eq.accepted)';

/** Open tasks due by the end of this week (overdue ones included): mine, then everyone else's. */
export const tasksDueQuery = (organizationId: string, userId: string, weekEnd: string) =>
  queryOptions({
    queryKey: dashboardKeys.tasksDue(organizationId, userId, weekEnd),
    queryFn: async () => {
      const base = () =>
        supabase
          .from('tasks')
          .select(TASK_COLUMNS, { count: 'exact' })
          .eq('organization_id', organizationId)
          .neq('status', 'done')
          .lte('due_on', weekEnd)
          .order('due_on')
          .order('position')
          .limit(SHOWN);
      const [mine, others] = await Promise.all([
        base().eq('assignee_id', userId).or(REAL_TASK).throwOnError(),
        base().or(`and(or(assignee_id.is.null,assignee_id.neq.${userId}),${REAL_TASK})`).throwOnError(),
      ]);
      return { mine: mine.data, mineTotal: mine.count ?? 0, others: others.data, othersTotal: others.count ?? 0 };
    },
  });

export function useTasksDue(organizationId: string, userId: string, weekEnd: string) {
  return useQuery(tasksDueQuery(organizationId, userId, weekEnd));
}

/** Leads, those the daily job flagged as going cold first, then the longest without activity. */
export const leadsToFollowUpQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.leads(organizationId),
    queryFn: async () => {
      const leads = () => supabase.from('clients').select('id', { count: 'exact', head: true }).eq('organization_id', organizationId).eq('status', 'lead');
      const [list, stale] = await Promise.all([
        supabase
          .from('clients')
          .select('id, name, stale_since, last_activity_at, owner:profiles!clients_owner_id_fkey(display_name)', { count: 'exact' })
          .eq('organization_id', organizationId)
          .eq('status', 'lead')
          .order('stale_since', { ascending: true, nullsFirst: false })
          .order('last_activity_at', { ascending: true })
          .limit(SHOWN)
          .throwOnError(),
        leads().not('stale_since', 'is', null).throwOnError(),
      ]);
      return { leads: list.data, total: list.count ?? 0, stale: stale.count ?? 0 };
    },
  });

export function useLeadsToFollowUp(organizationId: string) {
  return useQuery(leadsToFollowUpQuery(organizationId));
}

/** A client member's projects (row-level security keeps them to their own client's). */
export const clientProjectsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.clientProjects(organizationId),
    queryFn: async () => {
      const { data, count } = await supabase
        .from('projects')
        .select('id, name, status, milestones, end_on', { count: 'exact' })
        .eq('organization_id', organizationId)
        .neq('status', 'archived')
        .order('name')
        .limit(6)
        .throwOnError();
      return { projects: data, total: count ?? 0 };
    },
  });

export function useClientProjects(organizationId: string) {
  return useQuery(clientProjectsQuery(organizationId));
}

/** The latest client updates (never internal notes: row-level security holds those back too). */
export const latestUpdatesQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.latestUpdates(organizationId),
    queryFn: async () => {
      const { data } = await supabase
        .from('project_updates')
        .select('id, body, created_at, project_id, projects(name), author:profiles!project_updates_author_id_fkey(display_name)')
        .eq('organization_id', organizationId)
        .eq('visibility', 'client')
        .is('parent_id', null)
        .order('created_at', { ascending: false })
        .limit(4)
        .throwOnError();
      return data;
    },
  });

export function useLatestUpdates(organizationId: string) {
  return useQuery(latestUpdatesQuery(organizationId));
}
