import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';

export const dashboardKeys = {
  team: (orgId: string) => ['dashboard', orgId, 'team'] as const,
  activity: (orgId: string) => ['dashboard', orgId, 'activity'] as const,
  staff: (orgId: string) => ['dashboard', orgId, 'staff'] as const,
  projects: (orgId: string) => ['dashboard', orgId, 'projects'] as const,
  tasksDue: (orgId: string, userId: string, weekEnd: string) => ['dashboard', orgId, 'tasks-due', userId, weekEnd] as const,
  leads: (orgId: string) => ['dashboard', orgId, 'leads'] as const,
  clientProjects: (orgId: string) => ['dashboard', orgId, 'client-projects'] as const,
  latestUpdates: (orgId: string) => ['dashboard', orgId, 'latest-updates'] as const,
};

/** Members per role and open invitations: the team at a glance. */
export const teamSummaryQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.team(organizationId),
    queryFn: async () => {
      const [{ data: members }, { count: openInvitations }] = await Promise.all([
        supabase.from('organization_members').select('role').eq('organization_id', organizationId).throwOnError(),
        supabase
          .from('invitations')
          .select('id', { count: 'exact', head: true })
          .eq('organization_id', organizationId)
          .is('accepted_at', null)
          .is('revoked_at', null)
          .gt('expires_at', new Date().toISOString())
          .throwOnError(),
      ]);
      const byRole: Record<string, number> = {};
      for (const m of members) byRole[m.role] = (byRole[m.role] ?? 0) + 1;
      return { total: members.length, byRole, openInvitations: openInvitations ?? 0 };
    },
  });

export function useTeamSummary(organizationId: string, enabled: boolean) {
  return useQuery({ ...teamSummaryQuery(organizationId), enabled });
}

export const recentActivityQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.activity(organizationId),
    queryFn: async () => {
      const { data } = await supabase
        .from('audit_logs')
        .select('id, action, table_name, created_at, actor_id, after, before')
        .eq('organization_id', organizationId)
        .order('created_at', { ascending: false })
        .limit(8)
        .throwOnError();
      return data;
    },
  });

export function useRecentActivity(organizationId: string, enabled: boolean) {
  return useQuery({ ...recentActivityQuery(organizationId), enabled });
}

/** The studio's people a client can reach. */
export const staffContactsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: dashboardKeys.staff(organizationId),
    queryFn: async () => {
      const { data } = await supabase
        .from('organization_members')
        .select('id, role, profiles(display_name, avatar_url, headline)')
        .eq('organization_id', organizationId)
        .in('role', ['owner', 'admin', 'manager'])
        .order('role', { ascending: false })
        .limit(6)
        .throwOnError();
      return data;
    },
  });

export function useStaffContacts(organizationId: string, enabled: boolean) {
  return useQuery({ ...staffContactsQuery(organizationId), enabled });
}
