import { useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { estimateKeys } from './keys';

export const ESTIMATE_BUCKET = 'estimate-files';

/** An estimate (RLS decides) with its request files; null when missing or hidden. */
export async function fetchEstimate(id: string) {
  const { data } = await supabase
    .from('estimates')
    .select(
      'id, organization_id, client_id, project_id, crowd_project_id, service_type, description, budget_min, budget_max, wished_deadline, requested_by, status, currency, scope, line_items, price_amount, timeline, starts_on, delivers_on, valid_until, answered_at, decided_at, decision_comment, invoice_id, created_at, clients(name), projects(name)',
    )
    .eq('id', id)
    .maybeSingle()
    .throwOnError();
  if (!data) return null;
  const { data: files, error } = await supabase.storage.from(ESTIMATE_BUCKET).list(`${data.organization_id}/${data.id}`, { limit: 20, sortBy: { column: 'name', order: 'asc' } });
  if (error) throw error;
  return { ...data, files: (files ?? []).filter((f) => f.id !== null).map((f) => ({ name: f.name, size: (f.metadata as { size?: number } | null)?.size ?? null })) };
}

export function useEstimate(organizationId: string, id: string) {
  return useQuery({ queryKey: estimateKeys.detail(organizationId, id), queryFn: () => fetchEstimate(id) });
}

export type EstimateDetail = NonNullable<Awaited<ReturnType<typeof fetchEstimate>>>;

/** A short-lived link to download one request file. */
export async function estimateFileUrl(organizationId: string, estimateId: string, name: string) {
  const { data, error } = await supabase.storage.from(ESTIMATE_BUCKET).createSignedUrl(`${organizationId}/${estimateId}/${name}`, 60, { download: name });
  if (error) throw error;
  return data.signedUrl;
}
