import { useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useSaveStaleLeadDays } from '../api/intake-settings';
import { staleLeadsSchema, type StaleLeadsInput } from '../api/schemas';

/** organizations.stale_lead_days: when the daily job flags a lead nobody has touched. */
export function StaleLeadSettings({ organizationId, days }: { organizationId: string; days: number }) {
  const save = useSaveStaleLeadDays(organizationId);
  const form = useForm<StaleLeadsInput>({ resolver: standardSchemaResolver(staleLeadsSchema), values: { stale_lead_days: String(days) }, resetOptions: { keepDirtyValues: true } });
  const typed = Number(useWatch({ control: form.control, name: 'stale_lead_days' }));
  const n = Number.isInteger(typed) && typed >= 1 ? typed : days;
  return (
    <Card title="Stale leads" description={`Leads with no activity for ${n} day${n === 1 ? '' : 's'} are flagged at 03:00 UTC, and their owner (or the managers, when nobody owns them) is notified once.`}>
      <form
        onSubmit={form.handleSubmit((v) => save.mutate(Number(v.stale_lead_days), { onSuccess: () => toast('Stale lead setting saved.') }))}
        noValidate
        className="flex flex-wrap items-start gap-3"
      >
        {save.error && (
          <div className="w-full">
            <Alert>{errorMessage(save.error)}</Alert>
          </div>
        )}
        <TextField
          label="Days without activity"
          inputMode="numeric"
          className="w-48"
          hint="From 1 to 365."
          error={form.formState.errors.stale_lead_days?.message}
          {...form.register('stale_lead_days')}
        />
        <Button type="submit" variant="secondary" className="mt-6" loading={save.isPending} disabled={!form.formState.isDirty}>
          Save
        </Button>
      </form>
    </Card>
  );
}
