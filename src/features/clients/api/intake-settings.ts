import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { clientKeys, useClientMutation } from './keys';
import type { IntakeSettingsInput } from './schemas';

/** The organization's intake form (null until one is saved) and how many days make a lead stale. */
export const intakeSettingsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: clientKeys.intakeSettings(organizationId),
    queryFn: async () => {
      const [{ data: form }, { data: org }] = await Promise.all([
        supabase
          .from('intake_forms')
          .select('id, enabled, title, intro, thank_you, ask_budget, updated_at')
          .eq('organization_id', organizationId)
          .maybeSingle()
          .throwOnError(),
        supabase.from('organizations').select('slug, stale_lead_days').eq('id', organizationId).single().throwOnError(),
      ]);
      return { form, slug: org.slug, staleLeadDays: org.stale_lead_days };
    },
  });

export function useIntakeSettings(organizationId: string) {
  return useQuery(intakeSettingsQuery(organizationId));
}

/** Saves the form: updates the organization's row, or creates it the first time. */
export async function saveIntakeForm(organizationId: string, formId: string | null, input: IntakeSettingsInput) {
  const values = { ...input, intro: input.intro || null, thank_you: input.thank_you || null };
  if (formId) {
    const { data } = await supabase.from('intake_forms').update(values).eq('id', formId).select('id').maybeSingle().throwOnError();
    if (!data) throw new Error('Only admins and owners can change the intake form.');
    return data;
  }
  const { data } = await supabase.from('intake_forms').insert({ organization_id: organizationId, ...values }).select('id').single().throwOnError();
  return data;
}

export function useSaveIntakeForm(organizationId: string) {
  return useClientMutation(organizationId, ({ formId, input }: { formId: string | null; input: IntakeSettingsInput }) => saveIntakeForm(organizationId, formId, input));
}

export function useSaveStaleLeadDays(organizationId: string) {
  return useClientMutation(organizationId, async (days: number) => {
    const { data } = await supabase.from('organizations').update({ stale_lead_days: days }).eq('id', organizationId).select('id').maybeSingle().throwOnError();
    if (!data) throw new Error('Only admins and owners can change this setting.');
    return data;
  });
}

export function publicIntakeUrl(slug: string): string {
  return `${window.location.origin}/intake/${slug}`;
}
