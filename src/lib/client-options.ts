// The organization's clients as choices for a select or a filter (staff only: clients cannot read the
// clients table). One cache entry serves every page that offers a client.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from './supabase';
import type { Tables } from './database.types';

export type ClientOption = Pick<Tables<'clients'>, 'id' | 'name' | 'status'>;

export const clientOptionsKeys = { list: (organizationId: string) => ['client-options', organizationId] as const };

export const clientOptionsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: clientOptionsKeys.list(organizationId),
    queryFn: async (): Promise<ClientOption[]> => {
      const { data } = await supabase
        .from('clients')
        .select('id, name, status')
        .eq('organization_id', organizationId)
        .order('name')
        .limit(1000)
        .throwOnError();
      return data;
    },
  });

/** Every client of the organization, archived ones too (callers leave them out where they must), by name. */
export function useClientOptions<T = ClientOption[]>(
  organizationId: string,
  enabled = true,
  select?: (clients: ClientOption[]) => T,
) {
  return useQuery({ ...clientOptionsQuery(organizationId), enabled, select });
}
