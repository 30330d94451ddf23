import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { TablesUpdate } from '@/lib/database.types';
import { clientKeys, useClientMutation } from './keys';

const CLIENT_COLUMNS =
  'id, name, status, email, phone, website, contacts, billing_details, custom_fields, notes, owner_id, source, last_activity_at, stale_since, created_at, updated_at';

/** One client, or null when it does not exist or the member may not read it. */
export const clientQuery = (organizationId: string, clientId: string) =>
  queryOptions({
    queryKey: clientKeys.detail(organizationId, clientId),
    queryFn: async () => {
      const { data } = await supabase.from('clients').select(CLIENT_COLUMNS).eq('organization_id', organizationId).eq('id', clientId).maybeSingle().throwOnError();
      return data;
    },
  });

export function useClient(organizationId: string, clientId: string) {
  return useQuery(clientQuery(organizationId, clientId));
}

export type ClientRecord = NonNullable<Awaited<ReturnType<NonNullable<ReturnType<typeof clientQuery>['queryFn']>>>>;

/** The columns staff may change (the grants allow exactly these). */
export type ClientPatch = Pick<
  TablesUpdate<'clients'>,
  'name' | 'status' | 'email' | 'phone' | 'website' | 'contacts' | 'billing_details' | 'custom_fields' | 'notes' | 'owner_id'
>;

export async function updateClient(clientId: string, patch: ClientPatch) {
  const { data } = await supabase.from('clients').update(patch).eq('id', clientId).select('id').maybeSingle().throwOnError();
  if (!data) throw new Error('This client could not be changed: it may have been deleted.');
  return data;
}

export function useUpdateClient(organizationId: string, clientId: string) {
  return useClientMutation(organizationId, (patch: ClientPatch) => updateClient(clientId, patch));
}

export async function deleteClient(clientId: string) {
  const { data, error } = await supabase.from('clients').delete().eq('id', clientId).select('id');
  if (error?.code === '23503') throw new Error('This client still has projects. Archive the client instead, or remove its projects first.');
  if (error) throw error;
  // RLS answers a delete it does not allow with "no rows", not an error.
  if (!data?.length) throw new Error('Only managers, admins and owners can delete clients.');
}

/**
 * Deleting a client: cached client data is only marked stale, not refetched and awaited, so the
 * page that asked can move away before its own client query comes back empty.
 */
export function useDeleteClient(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteClient,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clientKeys.all(organizationId), refetchType: 'none' }),
  });
}
