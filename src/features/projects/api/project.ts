// One project: its details (staff see budget and rates, clients do not), and the edits staff make.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { parseMilestones, toMilestonesJson, type Milestone } from '../milestones';
import { projectKeys } from './keys';
import { toProjectRow, type ProjectDetailsInput, type ProjectStatus } from './schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIENT_COLUMNS = 'id, organization_id, client_id, name, description, status, start_on, end_on, milestones, updated_at';
const STAFF_COLUMNS = `${CLIENT_COLUMNS}, budget, budget_hours, hourly_rate, checkpoint_every_days, next_checkpoint_on, clients(name)`;

export interface ProjectDetail {
  id: string;
  organization_id: string;
  client_id: string;
  client_name: string | null;
  name: string;
  description: string | null;
  status: ProjectStatus;
  start_on: string | null;
  end_on: string | null;
  milestones: Milestone[];
  updated_at: string;
  /** Staff only; undefined for client members. */
  budget?: number | null;
  budget_hours?: number | null;
  hourly_rate?: number | null;
  checkpoint_every_days?: number | null;
  next_checkpoint_on?: string | null;
}

export type ProjectScope = 'staff' | 'client';

/** The project, or null when it does not exist or the member may not read it. */
export const projectQuery = (projectId: string, scope: ProjectScope) =>
  queryOptions({
    queryKey: projectKeys.project(projectId, scope),
    queryFn: async (): Promise<ProjectDetail | null> => {
      if (!UUID.test(projectId)) return null;
      if (scope === 'staff') {
        const { data } = await supabase.from('projects').select(STAFF_COLUMNS).eq('id', projectId).maybeSingle().throwOnError();
        if (!data) return null;
        const { clients, milestones, ...rest } = data;
        return { ...rest, client_name: clients?.name ?? null, milestones: parseMilestones(milestones) };
      }
      const [{ data }, { data: accounts }] = await Promise.all([
        supabase.from('projects').select(CLIENT_COLUMNS).eq('id', projectId).maybeSingle().throwOnError(),
        supabase.rpc('my_client_accounts').throwOnError(),
      ]);
      if (!data) return null;
      const account = accounts.find((a) => a.client_id === data.client_id);
      return { ...data, client_name: account?.client_name ?? null, milestones: parseMilestones(data.milestones) };
    },
  });

export function useProject(projectId: string, scope: ProjectScope) {
  return useQuery(projectQuery(projectId, scope));
}

function useProjectMutation<T, R>(projectId: string, fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }), queryClient.invalidateQueries({ queryKey: ['projects', 'list'] })]),
  });
}

export function useUpdateProject(projectId: string) {
  return useProjectMutation(projectId, async (values: ProjectDetailsInput) => {
    const { data } = await supabase.from('projects').update(toProjectRow(values)).eq('id', projectId).select('id').single().throwOnError();
    return data;
  });
}

export class StaleProjectError extends Error {
  constructor() {
    super('Someone changed this project while you were working on it. The latest version is shown now; please try again.');
    this.name = 'StaleProjectError';
  }
}

/**
 * Saves the whole milestone list, but only over the version it was edited from (updated_at), so two
 * people editing milestones at once cannot silently overwrite each other.
 */
export function useSaveMilestones(projectId: string) {
  const queryClient = useQueryClient();
  const key = projectKeys.project(projectId, 'staff');
  return useMutation({
    mutationFn: async ({ milestones, basedOn }: { milestones: Milestone[]; basedOn: string }) => {
      const { data } = await supabase
        .from('projects')
        .update({ milestones: toMilestonesJson(milestones) })
        .eq('id', projectId)
        .eq('updated_at', basedOn)
        .select('id, updated_at')
        .maybeSingle()
        .throwOnError();
      if (!data) throw new StaleProjectError();
      return data;
    },
    // Show the change at once (a ticked box stays ticked); put the old list back if the save fails.
    onMutate: async ({ milestones }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ProjectDetail | null>(key);
      queryClient.setQueryData<ProjectDetail | null>(key, (old) => (old ? { ...old, milestones } : old));
      return { previous };
    },
    onError: (_error, _input, context) => queryClient.setQueryData(key, context?.previous),
    // The new version at once, so a quick second edit is based on it rather than refused as stale.
    onSuccess: (saved) => queryClient.setQueryData<ProjectDetail | null>(key, (old) => (old ? { ...old, updated_at: saved.updated_at } : old)),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }), queryClient.invalidateQueries({ queryKey: ['projects', 'list'] })]),
  });
}
