import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { clientKeys } from './keys';
import { CLIENTS_PAGE_SIZE, CLIENT_LIST_COLUMNS, containsFilter, type ClientListParams } from './list-params';

/** One page of the organization's clients, filtered and sorted on the server, with the total count. */
export async function listClients(organizationId: string, params: ClientListParams) {
  const from = (params.page - 1) * CLIENTS_PAGE_SIZE;
  let query = supabase.from('clients').select(CLIENT_LIST_COLUMNS, { count: 'exact' }).eq('organization_id', organizationId);
  if (params.q.trim()) query = query.or(containsFilter(['name', 'email'], params.q));
  if (params.status === '') query = query.neq('status', 'archived');
  else if (params.status !== 'all') query = query.eq('status', params.status);
  if (params.owner === 'none') query = query.is('owner_id', null);
  else if (params.owner) query = query.eq('owner_id', params.owner);
  if (params.stale) query = query.not('stale_since', 'is', null);
  query = params.sort === 'name' ? query.order('name').order('id') : query.order('last_activity_at', { ascending: false }).order('id');
  const { data, count } = await query.range(from, from + CLIENTS_PAGE_SIZE - 1).throwOnError();
  return { clients: data, total: count ?? 0 };
}

export const clientListQuery = (organizationId: string, params: ClientListParams) =>
  queryOptions({
    queryKey: clientKeys.list(organizationId, params),
    queryFn: () => listClients(organizationId, params),
    placeholderData: keepPreviousData,
  });

export function useClientList(organizationId: string, params: ClientListParams) {
  return useQuery(clientListQuery(organizationId, params));
}

export type ClientListRow = Awaited<ReturnType<typeof listClients>>['clients'][number];
