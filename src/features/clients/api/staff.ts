import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { clientKeys } from './keys';

export interface StaffMember {
  userId: string;
  name: string;
  avatarUrl: string | null;
}

export function personName(profile: { display_name?: string | null; username?: string | null } | null | undefined, fallback = 'Unnamed member'): string {
  return profile?.display_name || profile?.username || fallback;
}

/** The people who can own a client: the organization's staff (members and above), by name. */
export const staffQuery = (organizationId: string) =>
  queryOptions({
    queryKey: clientKeys.staff(organizationId),
    queryFn: async (): Promise<StaffMember[]> => {
      const { data } = await supabase
        .from('organization_members')
        .select('user_id, profiles!organization_members_user_profile_fkey(display_name, username, avatar_url)')
        .eq('organization_id', organizationId)
        .in('role', ['owner', 'admin', 'manager', 'member'])
        .limit(500)
        .throwOnError();
      return data
        .map((m) => ({ userId: m.user_id, name: personName(m.profiles), avatarUrl: m.profiles?.avatar_url ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });

export function useStaff(organizationId: string) {
  return useQuery(staffQuery(organizationId));
}
