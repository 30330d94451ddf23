import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { reportKeys } from './keys';
import type { NewReportInput } from './schemas';

/** Drafts a report in the database from the period's client updates, tasks and milestones. */
export async function generateReport(input: Pick<NewReportInput, 'client_id' | 'period_start' | 'period_end'>) {
  const { data } = await supabase
    .rpc('generate_report_draft', { client_id: input.client_id, period_start: input.period_start, period_end: input.period_end })
    .throwOnError();
  return { id: data.id, organization_id: data.organization_id };
}

export function useGenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: generateReport,
    onSuccess: (draft) => queryClient.invalidateQueries({ queryKey: reportKeys.lists(draft.organization_id) }),
  });
}
