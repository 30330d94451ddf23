// What hangs off one client: its projects and the intake requests that created or followed it.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { clientKeys } from './keys';

export const RELATED_LIMIT = 50;

export const clientProjectsQuery = (organizationId: string, clientId: string) =>
  queryOptions({
    queryKey: clientKeys.projects(organizationId, clientId),
    queryFn: async () => {
      const { data, count } = await supabase
        .from('projects')
        .select('id, name, status, start_on, end_on', { count: 'exact' })
        .eq('organization_id', organizationId)
        .eq('client_id', clientId)
        .order('updated_at', { ascending: false })
        .limit(RELATED_LIMIT)
        .throwOnError();
      return { projects: data, total: count ?? data.length };
    },
  });

export function useClientProjects(organizationId: string, clientId: string) {
  return useQuery(clientProjectsQuery(organizationId, clientId));
}

export const clientSubmissionsQuery = (organizationId: string, clientId: string) =>
  queryOptions({
    queryKey: clientKeys.submissions(organizationId, clientId),
    queryFn: async () => {
      const { data, count } = await supabase
        .from('intake_submissions')
        .select('id, name, email, company, phone, budget, message, created_at', { count: 'exact' })
        .eq('organization_id', organizationId)
        .eq('client_id', clientId)
        .order('created_at', { ascending: false })
        .limit(RELATED_LIMIT)
        .throwOnError();
      return { submissions: data, total: count ?? data.length };
    },
  });

export function useClientSubmissions(organizationId: string, clientId: string) {
  return useQuery(clientSubmissionsQuery(organizationId, clientId));
}
