import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { crowdKeys } from './keys';
import { parseMoney } from './money';
import { toCrowdProjectRow, type CrowdProjectInput, type JoinInput } from './schemas';

function useInvalidatingMutation<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: crowdKeys.all }) });
}

export async function createCrowdProject({ organizationId, currency, values }: { organizationId: string; currency: string; values: CrowdProjectInput }) {
  const { data } = await supabase
    .from('crowd_projects')
    .insert({ ...toCrowdProjectRow(values), organization_id: organizationId, currency })
    .select('id, title')
    .single()
    .throwOnError();
  return data;
}
export const useCreateCrowdProject = () => useInvalidatingMutation(createCrowdProject);

export async function updateCrowdProject({ id, values }: { id: string; values: CrowdProjectInput }) {
  await supabase.from('crowd_projects').update(toCrowdProjectRow(values)).eq('id', id).throwOnError();
}
export const useUpdateCrowdProject = () => useInvalidatingMutation(updateCrowdProject);

export async function joinCrowdProject({ id, values }: { id: string; values: JoinInput }) {
  const { data, error } = await supabase.rpc('join_crowd_project', {
    crowd_project_id: id,
    pledge_amount: values.pledge.trim() ? (parseMoney(values.pledge) ?? undefined) : undefined,
    agree_to_charge: values.agree_to_charge,
  });
  if (error) throw error;
  return data;
}
export const useJoinCrowdProject = () => useInvalidatingMutation(joinCrowdProject);

export async function leaveCrowdProject(id: string) {
  const { error } = await supabase.rpc('leave_crowd_project', { crowd_project_id: id });
  if (error) throw error;
}
export const useLeaveCrowdProject = () => useInvalidatingMutation(leaveCrowdProject);

export async function cancelCrowdProject(id: string) {
  const { error } = await supabase.rpc('cancel_crowd_project', { crowd_project_id: id });
  if (error) throw error;
}
export const useCancelCrowdProject = () => useInvalidatingMutation(cancelCrowdProject);

export async function approveCrowdEstimate(estimateId: string) {
  const { data, error } = await supabase.rpc('approve_crowd_estimate', { estimate_id: estimateId });
  if (error) throw error;
  return data;
}
export const useApproveCrowdEstimate = () => useInvalidatingMutation(approveCrowdEstimate);

export async function notifyCrowdParticipants({ id, message }: { id: string; message: string }) {
  const { data, error } = await supabase.rpc('notify_crowd_participants', { crowd_project_id: id, message });
  if (error) throw error;
  return data;
}
export const useNotifyCrowdParticipants = () => useInvalidatingMutation(notifyCrowdParticipants);

/** Opens Stripe Checkout in setup mode (the test-mode page locally) to save a card. */
export async function startCardSetup(id: string): Promise<string> {
  const { data, error } = await supabase.functions.invoke<{ url: string }>('crowd-setup', { body: { crowd_project_id: id } });
  if (error) {
    const body = await (error as { context?: Response }).context?.json?.().catch(() => null);
    throw new Error(body?.error ?? 'The card page could not be opened. Try again.');
  }
  if (!data?.url) throw new Error('The card page could not be opened. Try again.');
  return data.url;
}
export const useStartCardSetup = () => useMutation({ mutationFn: startCardSetup });

export const currencyOf = async (organizationId: string) => {
  const { data } = await supabase.from('organizations').select('currency').eq('id', organizationId).single().throwOnError();
  return data.currency;
};
