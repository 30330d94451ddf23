// Portal access: the people who stand for a client (client members linked to it) and the open
// invitations that will make someone one. Inviting goes through invite_member, as on the members page.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { clientKeys, useClientMutation } from './keys';
import { personName } from './people';

export const portalAccessQuery = (organizationId: string, clientId: string, canSeeInvitations: boolean) =>
  queryOptions({
    queryKey: [...clientKeys.portal(organizationId, clientId), canSeeInvitations] as const,
    queryFn: async () => {
      const [{ data: members }, invitations] = await Promise.all([
        supabase
          .from('organization_members')
          .select('id, user_id, created_at, profiles!organization_members_user_profile_fkey(display_name, username, avatar_url)')
          .eq('organization_id', organizationId)
          .eq('client_id', clientId)
          .eq('role', 'client')
          .order('created_at')
          .limit(100)
          .throwOnError(),
        // Only managers and above may read invitations; for others the list is simply not asked for.
        canSeeInvitations
          ? supabase
              .from('invitations')
              .select('id, email, expires_at, created_at')
              .eq('organization_id', organizationId)
              .eq('client_id', clientId)
              .is('accepted_at', null)
              .is('revoked_at', null)
              .order('created_at', { ascending: false })
              .limit(100)
              .throwOnError()
              .then((r) => r.data)
          : Promise.resolve([]),
      ]);
      return {
        people: members.map((m) => ({ memberId: m.id, userId: m.user_id, since: m.created_at, name: personName(m.profiles), avatarUrl: m.profiles?.avatar_url ?? null })),
        invitations,
      };
    },
  });

export function usePortalAccess(organizationId: string, clientId: string, canSeeInvitations: boolean) {
  return useQuery(portalAccessQuery(organizationId, clientId, canSeeInvitations));
}

export function invitationLink(token: string): string {
  return `${window.location.origin}/invite/${token}`;
}

export function useInviteToPortal(organizationId: string, clientId: string) {
  return useClientMutation(organizationId, async (email: string) => {
    const { data } = await supabase
      .rpc('invite_member', { organization_id: organizationId, email, role: 'client', client_id: clientId })
      .single()
      .throwOnError();
    return { ...data, link: invitationLink(data.token) };
  });
}

export function useResendPortalInvitation(organizationId: string) {
  return useClientMutation(organizationId, async (invitationId: string) => {
    const { data } = await supabase.rpc('resend_invitation', { invitation_id: invitationId }).single().throwOnError();
    return { ...data, link: invitationLink(data.token) };
  });
}

export function useRevokePortalInvitation(organizationId: string) {
  return useClientMutation(organizationId, async (invitationId: string) => {
    await supabase.rpc('revoke_invitation', { invitation_id: invitationId }).throwOnError();
  });
}

/** Removes a person's portal access (their client membership); the database allows admins and owners. */
export function useRemovePortalAccess(organizationId: string) {
  return useClientMutation(organizationId, async (memberId: string) => {
    await supabase.rpc('remove_member', { member_id: memberId }).throwOnError();
  });
}
