import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClientListParams } from './list-params';

/** Query keys of the clients module, per organization, so switching organizations never mixes caches. */
export const clientKeys = {
  all: (orgId: string) => ['clients', orgId] as const,
  list: (orgId: string, params: ClientListParams) => ['clients', orgId, 'list', params] as const,
  detail: (orgId: string, clientId: string) => ['clients', orgId, 'detail', clientId] as const,
  projects: (orgId: string, clientId: string) => ['clients', orgId, 'detail', clientId, 'projects'] as const,
  submissions: (orgId: string, clientId: string) => ['clients', orgId, 'detail', clientId, 'submissions'] as const,
  portal: (orgId: string, clientId: string) => ['clients', orgId, 'detail', clientId, 'portal'] as const,
  intakeSettings: (orgId: string) => ['clients', orgId, 'intake-settings'] as const,
};

/** The public intake form: no organization context, keyed by its address. */
export const publicIntakeKey = (slug: string) => ['public-intake', slug] as const;

/** A mutation that changes an organization's clients; everything cached about them refetches. */
export function useClientMutation<T, R>(organizationId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all(organizationId) }) });
}
