import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { estimateKeys } from './keys';
import { ESTIMATES_PAGE_SIZE, type EstimateListParams } from './list-params';

/** One page of estimates under RLS (clients: their own), newest first. */
export async function listEstimates(organizationId: string, params: EstimateListParams) {
  const from = (params.page - 1) * ESTIMATES_PAGE_SIZE;
  let query = supabase
    .from('estimates')
    .select('id, service_type, status, currency, budget_min, budget_max, price_amount, wished_deadline, valid_until, created_at, client_id, clients(name)', { count: 'exact' })
    .eq('organization_id', organizationId);
  if (params.status) query = query.eq('status', params.status);
  if (params.client) query = query.eq('client_id', params.client);
  const { data, count } = await query.order('created_at', { ascending: false }).order('id').range(from, from + ESTIMATES_PAGE_SIZE - 1).throwOnError();
  return { estimates: data, total: count ?? 0 };
}

export function useEstimateList(organizationId: string, params: EstimateListParams) {
  return useQuery({ queryKey: estimateKeys.list(organizationId, params), queryFn: () => listEstimates(organizationId, params), placeholderData: keepPreviousData });
}

export type EstimateListRow = Awaited<ReturnType<typeof listEstimates>>['estimates'][number];
