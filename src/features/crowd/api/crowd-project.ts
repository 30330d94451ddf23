import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { useTableChanges } from '@/lib/realtime';
import { crowdKeys } from './keys';

export const crowdProjectQuery = (id: string) =>
  queryOptions({
    queryKey: crowdKeys.project(id),
    queryFn: async () => {
      // RLS: staff of its organization, its participants, or anyone while it is open.
      const { data } = await supabase
        .from('crowd_projects')
        .select('id, organization_id, title, description, quorum, joined_count, target_budget, currency, deadline, split, status, quorum_reached_at, estimate_id, created_at')
        .eq('id', id)
        .maybeSingle()
        .throwOnError();
      return data;
    },
  });

export type CrowdProject = NonNullable<Awaited<ReturnType<NonNullable<ReturnType<typeof crowdProjectQuery>['queryFn']>>>>;

/** Participants with names, shares and paid state; only staff and participants may ask (else empty). */
export const crowdParticipantsQuery = (id: string) =>
  queryOptions({
    queryKey: crowdKeys.participants(id),
    queryFn: async () => {
      const { data, error } = await supabase.rpc('crowd_project_status', { crowd_project_id: id });
      if (error?.code === 'P0002') return null;
      if (error) throw error;
      return data;
    },
  });

export type CrowdParticipant = NonNullable<Awaited<ReturnType<NonNullable<ReturnType<typeof crowdParticipantsQuery>['queryFn']>>>>[number];

export const crowdEstimateQuery = (id: string, estimateId: string | null) =>
  queryOptions({
    queryKey: [...crowdKeys.estimate(id), estimateId] as const,
    queryFn: async () => {
      if (!estimateId) return null;
      const { data } = await supabase
        .from('estimates')
        .select('id, status, price_amount, currency, valid_until, timeline, scope, answered_at')
        .eq('id', estimateId)
        .maybeSingle()
        .throwOnError();
      return data;
    },
  });

export const useCrowdProject = (id: string) => useQuery(crowdProjectQuery(id));
export const useCrowdParticipants = (id: string, enabled: boolean) => useQuery({ ...crowdParticipantsQuery(id), enabled });
export const useCrowdEstimate = (id: string, estimateId: string | null) => useQuery({ ...crowdEstimateQuery(id, estimateId), enabled: !!estimateId });

/** Live: the project's row, its participants, its estimate and its invoices (each under the viewer's RLS). */
export function useCrowdProjectLive(id: string, estimateId: string | null) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: crowdKeys.detail(id) });
  useTableChanges({ table: 'crowd_projects', filter: `id=eq.${id}`, onChange: refresh });
  useTableChanges({ table: 'crowd_participants', filter: `crowd_project_id=eq.${id}`, onChange: refresh });
  useTableChanges({ table: 'invoices', filter: `crowd_project_id=eq.${id}`, onChange: refresh });
  useTableChanges({ table: 'estimates', filter: `id=eq.${estimateId}`, onChange: refresh, enabled: !!estimateId });
}
