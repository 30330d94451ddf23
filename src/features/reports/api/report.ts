import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { reportKeys, type ReportStatus } from './keys';
import type { ReportInput } from './schemas';

const STAFF_COLUMNS =
  'id, organization_id, client_id, title, body, status, period_start, period_end, published_at, updated_at, clients(name), publisher:profiles!report_drafts_published_by_fkey(display_name)';
const CLIENT_COLUMNS = 'id, title, body, period_start, period_end, published_at, publisher:profiles!report_drafts_published_by_fkey(display_name)';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const staffReportQuery = (reportId: string) =>
  queryOptions({
    queryKey: reportKeys.detail(reportId, 'staff'),
    queryFn: async () => {
      if (!UUID.test(reportId)) return null;
      const { data } = await supabase.from('report_drafts').select(STAFF_COLUMNS).eq('id', reportId).maybeSingle().throwOnError();
      return data;
    },
  });

export function useStaffReport(reportId: string) {
  return useQuery(staffReportQuery(reportId));
}
export type StaffReport = NonNullable<Awaited<ReturnType<NonNullable<ReturnType<typeof staffReportQuery>['queryFn']>>>>;

export const clientReportQuery = (reportId: string) =>
  queryOptions({
    queryKey: reportKeys.detail(reportId, 'client'),
    queryFn: async () => {
      if (!UUID.test(reportId)) return null;
      const { data } = await supabase
        .from('report_drafts')
        .select(CLIENT_COLUMNS)
        .eq('id', reportId)
        .eq('status', 'published')
        .maybeSingle()
        .throwOnError();
      return data;
    },
  });

export function useClientReport(reportId: string) {
  return useQuery(clientReportQuery(reportId));
}

export class ReportChangedError extends Error {
  constructor() {
    super('Someone else changed this report after you opened it. Copy your text, then reload the page to see their version.');
  }
}

export interface SaveReportInput extends Partial<ReportInput> {
  id: string;
  /** The updated_at the editor started from: a save never silently overwrites someone else's. */
  expectedUpdatedAt: string;
  status?: ReportStatus;
}

export async function saveReport({ id, expectedUpdatedAt, ...changes }: SaveReportInput): Promise<StaffReport> {
  const { data } = await supabase
    .from('report_drafts')
    .update(changes)
    .eq('id', id)
    .eq('updated_at', expectedUpdatedAt)
    .select(STAFF_COLUMNS)
    .maybeSingle()
    .throwOnError();
  if (!data) throw new ReportChangedError();
  return data;
}

/** Saves title, body and/or status; publishing and unpublishing are saves with a status. */
export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReport,
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.detail(report.id, 'staff'), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.lists(report.organization_id) });
    },
  });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (report: { id: string; organizationId: string }) => {
      await supabase.from('report_drafts').delete().eq('id', report.id).throwOnError();
      return report;
    },
    onSuccess: (report) => {
      queryClient.removeQueries({ queryKey: reportKeys.detail(report.id, 'staff') });
      void queryClient.invalidateQueries({ queryKey: reportKeys.lists(report.organizationId) });
    },
  });
}
