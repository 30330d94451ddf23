// The people who do the work in an organization (owner, admin, manager, member): assignees, timesheet
// owners and capacity rows. Clients are never among them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from './supabase';
import type { OrgRole } from './membership';

export interface StaffMember {
  userId: string;
  role: OrgRole;
  name: string;
  avatarUrl: string | null;
}

export const staffKeys = { list: (organizationId: string) => ['staff', organizationId] as const };

export const staffQuery = (organizationId: string) =>
  queryOptions({
    queryKey: staffKeys.list(organizationId),
    queryFn: async (): Promise<StaffMember[]> => {
      const { data } = await supabase
        .from('organization_members')
        .select('user_id, role, profiles(display_name, username, avatar_url)')
        .eq('organization_id', organizationId)
        .neq('role', 'client')
        .order('created_at')
        .limit(500)
        .throwOnError();
      return data
        .map((m) => ({
          userId: m.user_id,
          role: m.role,
          name: m.profiles?.display_name || m.profiles?.username || 'Unnamed member',
          avatarUrl: m.profiles?.avatar_url ?? null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });

export function useStaff(organizationId: string, enabled = true) {
  return useQuery({ ...staffQuery(organizationId), enabled });
}

/** A lookup by user id, for lists that show names next to ids. */
export function staffById(staff: StaffMember[] | undefined): Map<string, StaffMember> {
  return new Map((staff ?? []).map((s) => [s.userId, s]));
}
