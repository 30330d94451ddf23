// Settings → Invoicing: the organization's billing columns (admins; RLS and column grants decide). The
// currency is refused by SQL once the organization has invoices; that message is shown as is.
import * as z from 'zod/mini';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { minorToInput, parseMoney, parsePercent } from '@/lib/money';
import { orgBillingKeys, type OrgBilling } from '@/lib/org-billing';

export const BILLING_CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'KRW', 'BHD', 'KWD'] as const;
export const LATE_FEE_KINDS = ['none', 'flat', 'percent'] as const;

const days = (min: number, max: number, label: string) =>
  z.string().check(z.refine((v) => /^\d{1,3}$/.test(v.trim()) && Number(v) >= min && Number(v) <= max, { error: `${label}: a whole number from ${min} to ${max}` }));

export const invoicingSettingsSchema = z
  .object({
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'Choose a currency' })),
    invoice_prefix: z.string().check(z.regex(/^[A-Za-z0-9-]{0,12}$/, { error: 'Up to 12 letters, digits or dashes' })),
    payment_terms_days: days(0, 365, 'Payment terms'),
    default_tax: z.string().check(z.refine((v) => v.trim() === '' || parsePercent(v) !== null, { error: 'A percentage from 0 to 100' })),
    estimate_valid_days: days(1, 365, 'Validity'),
    reminder_delay_days: days(0, 90, 'Delay'),
    reminder_interval_days: days(1, 90, 'Interval'),
    reminder_max: days(0, 3, 'Reminders'),
    late_fee_kind: z.enum(LATE_FEE_KINDS),
    late_fee_value: z.string(),
  })
  .check(
    z.refine((v) => v.late_fee_kind !== 'percent' || parsePercent(v.late_fee_value) !== null, { error: 'A percentage from 0 to 100', path: ['late_fee_value'] }),
    z.refine((v) => v.late_fee_kind !== 'flat' || parseMoney(v.late_fee_value, v.currency).ok, { error: 'Enter an amount', path: ['late_fee_value'] }),
  );
export type InvoicingSettingsValues = z.infer<typeof invoicingSettingsSchema>;

export function settingsToForm(org: OrgBilling): InvoicingSettingsValues {
  return {
    currency: org.currency,
    invoice_prefix: org.invoice_prefix,
    payment_terms_days: String(org.payment_terms_days),
    default_tax: String(org.default_tax_rate_bp / 100),
    estimate_valid_days: String(org.estimate_valid_days),
    reminder_delay_days: String(org.reminder_delay_days),
    reminder_interval_days: String(org.reminder_interval_days),
    reminder_max: String(org.reminder_max),
    late_fee_kind: org.late_fee_kind as InvoicingSettingsValues['late_fee_kind'],
    late_fee_value:
      org.late_fee_kind === 'percent' ? String(org.late_fee_value / 100) : org.late_fee_kind === 'flat' ? minorToInput(org.late_fee_value, org.currency) : '',
  };
}

export function formToColumns(v: InvoicingSettingsValues) {
  const flat = parseMoney(v.late_fee_value, v.currency);
  const fee = v.late_fee_kind === 'percent' ? (parsePercent(v.late_fee_value) ?? 0) : v.late_fee_kind === 'flat' && flat.ok ? flat.minor : 0;
  return {
    invoice_prefix: v.invoice_prefix,
    payment_terms_days: Number(v.payment_terms_days),
    default_tax_rate_bp: v.default_tax.trim() ? (parsePercent(v.default_tax) ?? 0) : 0,
    estimate_valid_days: Number(v.estimate_valid_days),
    reminder_delay_days: Number(v.reminder_delay_days),
    reminder_interval_days: Number(v.reminder_interval_days),
    reminder_max: Number(v.reminder_max),
    late_fee_kind: v.late_fee_kind,
    late_fee_value: fee,
  };
}

/** Saves the settings; the currency only when it changed (SQL refuses it once invoices exist). */
export async function saveInvoicingSettings(input: { organizationId: string; values: InvoicingSettingsValues; currencyChanged: boolean }) {
  const columns = formToColumns(input.values);
  const { data } = await supabase
    .from('organizations')
    .update(input.currencyChanged ? { ...columns, currency: input.values.currency } : columns)
    .eq('id', input.organizationId)
    .select('id')
    .maybeSingle()
    .throwOnError();
  if (!data) throw new Error('Only admins of this organization can change its invoicing settings.');
}

export function useSaveInvoicingSettings(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveInvoicingSettings, onSuccess: () => queryClient.invalidateQueries({ queryKey: orgBillingKeys.detail(organizationId) }) });
}
