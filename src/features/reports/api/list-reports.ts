import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { reportKeys, type ReportFilters } from './keys';

export const REPORTS_PAGE_SIZE = 20;

const range = (page: number) => [(page - 1) * REPORTS_PAGE_SIZE, page * REPORTS_PAGE_SIZE - 1] as const;

/** Staff: every report of the organization, newest work first, filtered by client and status. */
export const staffReportsQuery = (organizationId: string, filters: ReportFilters) =>
  queryOptions({
    queryKey: reportKeys.list(organizationId, 'staff', filters),
    queryFn: async () => {
      let query = supabase
        .from('report_drafts')
        .select('id, title, status, period_start, period_end, updated_at, published_at, client_id, clients(name)', { count: 'exact' })
        .eq('organization_id', organizationId);
      if (filters.clientId) query = query.eq('client_id', filters.clientId);
      if (filters.status) query = query.eq('status', filters.status);
      const { data, count } = await query
        .order('updated_at', { ascending: false })
        .order('id')
        .range(...range(filters.page))
        .throwOnError();
      return { reports: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

export function useStaffReports(organizationId: string, filters: ReportFilters) {
  return useQuery(staffReportsQuery(organizationId, filters));
}

/** A client member: the reports published to them (row-level security leaves only those). */
export const clientReportsQuery = (organizationId: string, page: number) =>
  queryOptions({
    queryKey: reportKeys.list(organizationId, 'client', { clientId: null, status: 'published', page }),
    queryFn: async () => {
      const { data, count } = await supabase
        .from('report_drafts')
        .select('id, title, period_start, period_end, published_at', { count: 'exact' })
        .eq('organization_id', organizationId)
        .eq('status', 'published')
        .order('period_end', { ascending: false })
        .order('published_at', { ascending: false })
        .range(...range(page))
        .throwOnError();
      return { reports: data, total: count ?? 0 };
    },
    placeholderData: keepPreviousData,
  });

export function useClientReports(organizationId: string, page: number) {
  return useQuery(clientReportsQuery(organizationId, page));
}

/** The organization's clients, for the filter and the new-report form (staff only). */
export { useClientOptions as useReportClients } from '@/lib/client-options';
