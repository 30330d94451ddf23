import { useMutation, useQueryClient } from '@tanstack/react-query';

export const orgKeys = {
  all: ['organizations'] as const,
  memberships: (userId: string) => ['organizations', 'memberships', userId] as const,
  organization: (id: string) => ['organizations', id] as const,
  members: (id: string, page: number) => ['organizations', id, 'members', page] as const,
  invitations: (id: string) => ['organizations', id, 'invitations'] as const,
  invitationPreview: (token: string) => ['invitations', 'preview', token] as const,
};

/** A mutation that changes organizations, members or invitations; everything cached about them refetches. */
export function useOrganizationMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }) });
}
