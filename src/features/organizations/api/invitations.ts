import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { loadAuth } from '@/lib/load-auth';
import { supabase } from '@/lib/supabase';
import { useClientOptions } from '@/lib/client-options';
import { hasRole, type OrgRole } from '@/lib/membership';
import { orgKeys, useOrganizationMutation } from './keys';

export const inviteSchema = z
  .object({
    email: z.email({ error: 'Enter a valid email address' }),
    role: z.enum(['admin', 'manager', 'member', 'client']),
    /** The client a client member stands for ('' for staff roles). */
    client_id: z.string(),
  })
  .check(
    z.refine((v) => v.role !== 'client' || v.client_id !== '', { error: 'Choose the client they stand for', path: ['client_id'] }),
  );
export type InviteInput = z.infer<typeof inviteSchema>;

/** The clients a client member can be invited for (archived ones left out), by name. */
export function useInvitableClients(organizationId: string) {
  return useClientOptions(organizationId, true, (clients) => clients.filter((c) => c.status !== 'archived'));
}

export const invitationsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: orgKeys.invitations(organizationId),
    queryFn: async () => {
      const { data } = await supabase
        .from('invitations')
        .select('id, email, role, expires_at, created_at, client:clients!invitations_client_fkey(name)')
        .eq('organization_id', organizationId)
        .is('accepted_at', null)
        .is('revoked_at', null)
        .order('created_at', { ascending: false })
        .limit(100)
        .throwOnError();
      return data;
    },
  });

export function useInvitations(organizationId: string) {
  return useQuery(invitationsQuery(organizationId));
}

export function invitationLink(token: string): string {
  return `${window.location.origin}/invite/${token}`;
}

/** Invites someone; the link is emailed, and returned so it can also be copied. */
export function useInvite() {
  return useOrganizationMutation(async (input: InviteInput & { organizationId: string }) => {
    const { data } = await supabase
      .rpc('invite_member', {
        organization_id: input.organizationId,
        email: input.email,
        role: input.role,
        ...(input.role === 'client' ? { client_id: input.client_id } : {}),
      })
      .single()
      .throwOnError();
    return { ...data, link: invitationLink(data.token) };
  });
}

export function useResendInvitation() {
  return useOrganizationMutation(async (invitationId: string) => {
    const { data } = await supabase.rpc('resend_invitation', { invitation_id: invitationId }).single().throwOnError();
    return { ...data, link: invitationLink(data.token) };
  });
}

export function useRevokeInvitation() {
  return useOrganizationMutation(async (invitationId: string) => supabase.rpc('revoke_invitation', { invitation_id: invitationId }).throwOnError());
}

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: orgKeys.invitationPreview(token),
    queryFn: async () => {
      const { data } = await supabase.rpc('invitation_preview', { token }).maybeSingle().throwOnError();
      return data;
    },
    retry: false,
  });

export function useInvitationPreview(token: string) {
  return useQuery(invitationPreviewQuery(token));
}

/**
 * Emails the invited address a one-time sign-in link that brings them back to the invitation, so a
 * client can accept without ever choosing a password. Creates the account on first use.
 */
export function useSendInvitationSignInLink() {
  return useMutation({
    mutationFn: async ({ email, token }: { email: string; token: string }) => {
      const auth = await loadAuth();
      const next = `/invite/${token}`;
      const { error } = await auth.signInWithOtp({
        email,
        options: { shouldCreateUser: true, emailRedirectTo: `${window.location.origin}/auth/callback?next=${encodeURIComponent(next)}` },
      });
      if (error) throw error;
    },
  });
}

export function useAcceptInvitation() {
  return useOrganizationMutation(async (token: string) => {
    const { data } = await supabase.rpc('accept_invitation', { token }).throwOnError();
    return data;
  });
}

export const ROLE_OPTIONS = [
  { value: 'member', label: 'Member — works on projects' },
  { value: 'client', label: 'Client — sees their own portal' },
  { value: 'manager', label: 'Manager — runs projects, invites members' },
  { value: 'admin', label: 'Admin — manages the organization' },
] as const;

/** Roles `role` may invite: owners and admins anyone but owner; managers members and clients. */
export function invitableRoles(role: OrgRole) {
  return ROLE_OPTIONS.filter((o) => hasRole(role, 'admin') || o.value === 'member' || o.value === 'client');
}

