// The organization's billing settings (currency, terms, tax, reminders): read by every money page, written
// by Settings → Invoicing. One cache entry per organization.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from './supabase';

export const ORG_BILLING_COLUMNS =
  'id, name, currency, billing_email, invoice_prefix, payment_terms_days, default_tax_rate_bp, estimate_valid_days, reminder_delay_days, reminder_interval_days, reminder_max, late_fee_kind, late_fee_value';

export const orgBillingKeys = { detail: (organizationId: string) => ['org-billing', organizationId] as const };

export const orgBillingQuery = (organizationId: string) =>
  queryOptions({
    queryKey: orgBillingKeys.detail(organizationId),
    queryFn: async () => {
      const { data } = await supabase.from('organizations').select(ORG_BILLING_COLUMNS).eq('id', organizationId).single().throwOnError();
      return data;
    },
    staleTime: 60_000,
  });

export function useOrgBilling(organizationId: string) {
  return useQuery(orgBillingQuery(organizationId));
}

export type OrgBilling = NonNullable<ReturnType<typeof useOrgBilling>['data']>;
