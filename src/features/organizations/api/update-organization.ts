import { queryOptions, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { supabase } from '@/lib/supabase';
import { createOrganizationSchema } from './create-organization';
import { orgKeys, useOrganizationMutation } from './keys';

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'JPY'] as const;

export const organizationSettingsSchema = z.object({
  ...createOrganizationSchema.shape,
  currency: z.enum(CURRENCIES),
  timezone: z.string().check(z.minLength(1)),
  billing_email: z.union([z.literal(''), z.email({ error: 'Enter a valid email address' })]),
});
export type OrganizationSettingsInput = z.infer<typeof organizationSettingsSchema>;

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: orgKeys.organization(id),
    queryFn: async () => {
      const { data } = await supabase.from('organizations').select('id, name, slug, currency, timezone, billing_email').eq('id', id).single().throwOnError();
      return data;
    },
  });

export function useOrganization(id: string) {
  return useQuery(organizationQuery(id));
}

export async function updateOrganization({ id, ...values }: OrganizationSettingsInput & { id: string }) {
  const { data } = await supabase
    .from('organizations')
    .update({ ...values, billing_email: values.billing_email || null })
    .eq('id', id)
    .select('id, name, slug, currency, timezone, billing_email')
    .single()
    .throwOnError();
  return data;
}

export function useUpdateOrganization() {
  return useOrganizationMutation(updateOrganization);
}
