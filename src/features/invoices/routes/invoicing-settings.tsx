import { useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { Forbidden } from '@/components/forbidden';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { useOrgBilling, type OrgBilling } from '@/lib/org-billing';
import { toast } from '@/lib/toast';
import { BILLING_CURRENCIES, invoicingSettingsSchema, settingsToForm, useSaveInvoicingSettings, type InvoicingSettingsValues } from '../api/invoicing-settings';

/** /settings/invoicing — currency, numbering, terms, tax, estimate validity, reminders and late fees (admins). */
export default function InvoicingSettingsRoute() {
  const { current } = useMembership();
  const org = useOrgBilling(current.organizationId);
  if (!hasRole(current.role, 'admin')) return <Forbidden what="invoicing settings" />;
  return (
    <>
      <PageHeader title="Invoicing" description="How invoices are numbered, when they are due, and how overdue ones are chased." />
      {org.isPending ? (
        <SkeletonRows rows={6} label="Loading invoicing settings" />
      ) : org.error ? (
        <Alert>The settings could not be loaded: {errorMessage(org.error)}</Alert>
      ) : (
        <SettingsForm organizationId={current.organizationId} org={org.data} />
      )}
    </>
  );
}

function SettingsForm({ organizationId, org }: { organizationId: string; org: OrgBilling }) {
  const save = useSaveInvoicingSettings(organizationId);
  const form = useForm<InvoicingSettingsValues>({ resolver: standardSchemaResolver(invoicingSettingsSchema), values: settingsToForm(org) });
  const { errors } = form.formState;
  const feeKind = useWatch({ control: form.control, name: 'late_fee_kind' });
  const currency = useWatch({ control: form.control, name: 'currency' });
  const prefix = useWatch({ control: form.control, name: 'invoice_prefix' });
  const currencies = BILLING_CURRENCIES.includes(org.currency as never) ? BILLING_CURRENCIES : [org.currency, ...BILLING_CURRENCIES];
  const handleSubmit = form.handleSubmit((values) =>
    save.mutate({ organizationId, values, currencyChanged: values.currency !== org.currency }, { onSuccess: () => toast('Invoicing settings saved.') }),
  );
  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-6">
      {save.error && <Alert>{errorMessage(save.error)}</Alert>}
      <Card title="Invoices" description="One currency per organization; it cannot change once invoices exist.">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Currency" options={currencies.map((c) => ({ value: c, label: c }))} error={errors.currency?.message} {...form.register('currency')} />
          <TextField label="Number prefix" hint={`Numbers look like ${prefix}0001`} error={errors.invoice_prefix?.message} {...form.register('invoice_prefix')} />
          <TextField label="Payment terms (days)" inputMode="numeric" error={errors.payment_terms_days?.message} {...form.register('payment_terms_days')} />
          <TextField label="Default tax %" inputMode="decimal" error={errors.default_tax?.message} {...form.register('default_tax')} />
          <TextField label="Estimates valid for (days)" inputMode="numeric" error={errors.estimate_valid_days?.message} {...form.register('estimate_valid_days')} />
        </div>
      </Card>
      <Card title="Reminders" description="Unpaid invoices become overdue this many days after their due date; a reminder is e-mailed then, and again every interval.">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="First reminder after (days)" inputMode="numeric" error={errors.reminder_delay_days?.message} {...form.register('reminder_delay_days')} />
          <TextField label="Then every (days)" inputMode="numeric" error={errors.reminder_interval_days?.message} {...form.register('reminder_interval_days')} />
          <SelectField label="Reminders at most" options={['0', '1', '2', '3'].map((n) => ({ value: n, label: n === '0' ? 'None' : n }))} {...form.register('reminder_max')} />
        </div>
      </Card>
      <Card title="Late fee" description="Added as a line with each reminder.">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Late fee"
            options={[
              { value: 'none', label: 'None' },
              { value: 'flat', label: 'A fixed amount' },
              { value: 'percent', label: 'A percentage of the amount due' },
            ]}
            {...form.register('late_fee_kind')}
          />
          {feeKind !== 'none' && (
            <TextField label={feeKind === 'flat' ? `Amount (${currency})` : 'Percentage'} inputMode="decimal" error={errors.late_fee_value?.message} {...form.register('late_fee_value')} />
          )}
        </div>
      </Card>
      <div className="flex justify-end">
        <Button type="submit" loading={save.isPending} disabled={!form.formState.isDirty}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
