import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { invoiceKeys } from './keys';

/** The organization's projects (not archived) with their client, for the editor and "from unbilled time". */
export const invoiceProjectsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: invoiceKeys.projects(organizationId),
    queryFn: async () => {
      const { data } = await supabase
        .from('projects')
        .select('id, name, client_id, status, clients(name)')
        .eq('organization_id', organizationId)
        .neq('status', 'archived')
        .order('name')
        .limit(1000)
        .throwOnError();
      return data;
    },
    staleTime: 60_000,
  });

export function useInvoiceProjects(organizationId: string) {
  return useQuery(invoiceProjectsQuery(organizationId));
}
