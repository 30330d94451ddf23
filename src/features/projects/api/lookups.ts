// Small lookups the project pages need: the clients staff can pick (shared, in lib), the client a client member
// stands for (clients cannot read the clients table), and the organization's currency.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { projectKeys } from './keys';

export { useClientOptions } from '@/lib/client-options';

export const myClientAccountsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: projectKeys.myClients(organizationId),
    queryFn: async () => {
      const { data } = await supabase.rpc('my_client_accounts').throwOnError();
      return data.filter((a) => a.organization_id === organizationId);
    },
    staleTime: 5 * 60_000,
  });

/** Client members: the client(s) they stand for in this organization. */
export function useMyClientAccounts(organizationId: string, enabled = true) {
  return useQuery({ ...myClientAccountsQuery(organizationId), enabled });
}

export const currencyQuery = (organizationId: string) =>
  queryOptions({
    queryKey: projectKeys.currency(organizationId),
    queryFn: async () => {
      const { data } = await supabase.from('organizations').select('currency').eq('id', organizationId).single().throwOnError();
      return data.currency;
    },
    staleTime: 10 * 60_000,
  });

export function useCurrency(organizationId: string) {
  return useQuery(currencyQuery(organizationId)).data ?? 'USD';
}
