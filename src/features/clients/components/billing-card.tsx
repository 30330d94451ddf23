import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Pencil } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useUpdateClient, type ClientRecord } from '../api/client';
import { BILLING_LABELS, billingColumn, billingSchema, parseBilling, type BillingInput } from '../api/schemas';

/** Who invoices go to and on what terms (clients.billing_details). */
export function BillingCard({ organizationId, client }: { organizationId: string; client: ClientRecord }) {
  const billing = parseBilling(client.billing_details);
  const [editing, setEditing] = useState(false);
  const filled = (Object.keys(BILLING_LABELS) as Array<keyof BillingInput>).filter((k) => billing[k]);
  return (
    <Card
      title="Billing details"
      actions={
        !editing && (
          <Button variant="ghost" aria-label="Edit billing details" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden />
          </Button>
        )
      }
    >
      {editing ? (
        <BillingForm organizationId={organizationId} clientId={client.id} initial={billing} onDone={() => setEditing(false)} />
      ) : filled.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No billing details yet.{' '}
          <button type="button" className="text-brand-600 hover:underline dark:text-indigo-300" onClick={() => setEditing(true)}>
            Add them
          </button>{' '}
          before the first invoice.
        </p>
      ) : (
        <dl className="space-y-2 text-sm">
          {filled.map((k) => (
            <div key={k}>
              <dt className="text-xs text-slate-500 dark:text-slate-400">{BILLING_LABELS[k]}</dt>
              <dd className="whitespace-pre-line break-words">{k === 'payment_terms_days' ? `${billing[k]} days` : billing[k]}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function BillingForm({ organizationId, clientId, initial, onDone }: { organizationId: string; clientId: string; initial: BillingInput; onDone: () => void }) {
  const update = useUpdateClient(organizationId, clientId);
  const form = useForm<BillingInput>({ resolver: standardSchemaResolver(billingSchema), defaultValues: initial });
  const { errors } = form.formState;
  return (
    <form
      onSubmit={form.handleSubmit((values) => update.mutate({ billing_details: billingColumn(values) }, { onSuccess: () => (toast('Billing details saved.'), onDone()) }))}
      noValidate
      className="space-y-3"
    >
      {update.error && <Alert>{errorMessage(update.error)}</Alert>}
      <TextField label={BILLING_LABELS.legal_name} autoFocus error={errors.legal_name?.message} {...form.register('legal_name')} />
      <TextField label={BILLING_LABELS.tax_id} error={errors.tax_id?.message} {...form.register('tax_id')} />
      <TextareaField label={BILLING_LABELS.address} rows={3} error={errors.address?.message} {...form.register('address')} />
      <TextField label={BILLING_LABELS.payment_terms_days} inputMode="numeric" error={errors.payment_terms_days?.message} {...form.register('payment_terms_days')} />
      <TextField label={BILLING_LABELS.billing_email} type="email" autoComplete="off" error={errors.billing_email?.message} {...form.register('billing_email')} />
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={update.isPending}>
          Save billing
        </Button>
      </div>
    </form>
  );
}
