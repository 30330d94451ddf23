import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { rememberMemberships, rememberedMemberships, type Membership } from '@/lib/membership';
import { orgKeys } from './keys';

export async function listMemberships(userId: string): Promise<Membership[]> {
  const { data } = await supabase
    .from('organization_members')
    .select('id, role, client_id, organization_id, organizations!inner(name, slug)')
    .eq('user_id', userId)
    .order('created_at')
    .throwOnError();
  return data.map((m) => ({
    memberId: m.id,
    organizationId: m.organization_id,
    organizationName: m.organizations.name,
    organizationSlug: m.organizations.slug,
    role: m.role,
    clientId: m.client_id,
  }));
}

export const membershipsQuery = (userId: string) =>
  queryOptions({
    queryKey: orgKeys.memberships(userId),
    queryFn: async () => {
      const memberships = await listMemberships(userId);
      rememberMemberships(userId, memberships);
      return memberships;
    },
  });

/**
 * The member's organizations. The last list this browser saw paints the shell at once while the
 * fresh one loads (it only shapes navigation; the database decides what each request may do).
 */
export function useMemberships(userId: string) {
  return useQuery({ ...membershipsQuery(userId), placeholderData: () => rememberedMemberships(userId) });
}
