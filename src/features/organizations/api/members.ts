import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { OrgRole } from '@/lib/membership';
import { orgKeys, useOrganizationMutation } from './keys';

export const MEMBERS_PAGE_SIZE = 25;

export const membersQuery = (organizationId: string, page: number) =>
  queryOptions({
    queryKey: orgKeys.members(organizationId, page),
    queryFn: async () => {
      const from = (page - 1) * MEMBERS_PAGE_SIZE;
      const { data, count } = await supabase
        .from('organization_members')
        .select('id, user_id, role, created_at, profiles(display_name, username, avatar_url)', { count: 'exact' })
        .eq('organization_id', organizationId)
        .order('role', { ascending: false })
        .order('created_at')
        .range(from, from + MEMBERS_PAGE_SIZE - 1)
        .throwOnError();
      return { members: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

export function useMembers(organizationId: string, page: number) {
  return useQuery(membersQuery(organizationId, page));
}

export function useChangeRole() {
  return useOrganizationMutation(async (input: { memberId: string; role: OrgRole }) =>
    supabase.rpc('change_member_role', { member_id: input.memberId, new_role: input.role }).throwOnError(),
  );
}

export function useRemoveMember() {
  return useOrganizationMutation(async (memberId: string) => supabase.rpc('remove_member', { member_id: memberId }).throwOnError());
}

export function useTransferOwnership() {
  return useOrganizationMutation(async (input: { organizationId: string; userId: string }) =>
    supabase.rpc('transfer_ownership', { organization_id: input.organizationId, new_owner_id: input.userId }).throwOnError(),
  );
}

export function useLeaveOrganization() {
  return useOrganizationMutation(async (organizationId: string) => supabase.rpc('leave_organization', { organization_id: organizationId }).throwOnError());
}
