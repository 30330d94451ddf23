import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvoiceListParams } from './list-params';

/** Query keys of the invoices module, per organization. */
export const invoiceKeys = {
  all: (orgId: string) => ['invoices', orgId] as const,
  list: (orgId: string, params: InvoiceListParams) => ['invoices', orgId, 'list', params] as const,
  summary: (orgId: string) => ['invoices', orgId, 'summary'] as const,
  detail: (orgId: string, id: string) => ['invoices', orgId, 'detail', id] as const,
  projects: (orgId: string) => ['invoices', orgId, 'projects'] as const,
};

/** A mutation that changes invoices; everything cached about them refetches. */
export function useInvoiceMutation<T, R>(organizationId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: invoiceKeys.all(organizationId) }) });
}
