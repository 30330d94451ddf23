import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EstimateListParams } from './list-params';

export const estimateKeys = {
  all: (orgId: string) => ['estimates', orgId] as const,
  list: (orgId: string, params: EstimateListParams) => ['estimates', orgId, 'list', params] as const,
  detail: (orgId: string, id: string) => ['estimates', orgId, 'detail', id] as const,
};

/** A mutation that changes estimates; everything cached about them refetches. */
export function useEstimateMutation<T, R>(organizationId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: estimateKeys.all(organizationId) }) });
}
