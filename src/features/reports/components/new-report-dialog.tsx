import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useGenerateReport } from '../api/generate-report';
import { useReportClients } from '../api/list-reports';
import { newReportSchema, type NewReportInput } from '../api/schemas';
import { PERIOD_PRESETS, presetPeriod, type PeriodPreset } from '../periods';

interface Props {
  open: boolean;
  organizationId: string;
  /** A client to start with (e.g. from /reports?new=<client id>). */
  initialClientId?: string | null;
  onClose: () => void;
}

const START: PeriodPreset = 'last_month';

/** Choose a client and a period; the database drafts the report and the editor opens on it. */
export function NewReportDialog({ open, organizationId, initialClientId, onClose }: Props) {
  return (
    <Dialog open={open} onClose={onClose} title="New report" description="Drafted from the period's client updates, finished tasks and milestones. You can edit it before the client sees anything.">
      {open && <NewReportForm organizationId={organizationId} initialClientId={initialClientId} onClose={onClose} />}
    </Dialog>
  );
}

function NewReportForm({ organizationId, initialClientId, onClose }: Omit<Props, 'open'>) {
  const clients = useReportClients(organizationId);
  const generate = useGenerateReport();
  const navigate = useNavigate();
  const initial = presetPeriod(START)!;
  const form = useForm<NewReportInput>({
    resolver: standardSchemaResolver(newReportSchema),
    defaultValues: { client_id: initialClientId ?? '', preset: START, period_start: initial.start, period_end: initial.end },
  });
  const { errors } = form.formState;
  const choosable = (clients.data ?? []).filter((c) => c.status !== 'archived' || c.id === initialClientId);

  const presetField = form.register('preset', {
    onChange: (event: React.ChangeEvent<HTMLSelectElement>) => {
      const period = presetPeriod(event.target.value as PeriodPreset);
      if (!period) return;
      form.setValue('period_start', period.start, { shouldValidate: form.formState.isSubmitted });
      form.setValue('period_end', period.end, { shouldValidate: form.formState.isSubmitted });
    },
  });
  // Typing a date makes the period a custom one.
  const toCustom = () => form.setValue('preset', 'custom');

  const handleSubmit = form.handleSubmit((values) =>
    generate.mutate(values, {
      onSuccess: (draft) => {
        toast('Draft ready. Edit it, then publish it to the client.');
        onClose();
        navigate(`/reports/${draft.id}`);
      },
    }),
  );

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-4">
      {generate.error && <Alert>{errorMessage(generate.error)}</Alert>}
      {clients.error && <Alert>The client list could not be loaded: {errorMessage(clients.error)}</Alert>}
      <SelectField
        label="Client"
        disabled={clients.isPending}
        error={errors.client_id?.message}
        options={[{ value: '', label: clients.isPending ? 'Loading clients…' : 'Choose a client…' }, ...choosable.map((c) => ({ value: c.id, label: c.name }))]}
        {...form.register('client_id')}
      />
      <SelectField label="Period" options={PERIOD_PRESETS} {...presetField} />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="From" type="date" error={errors.period_start?.message} {...form.register('period_start', { onChange: toCustom })} />
        <TextField label="To" type="date" error={errors.period_end?.message} {...form.register('period_end', { onChange: toCustom })} />
      </div>
      <div className="flex justify-end gap-2 pt-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={generate.isPending}>
          Generate draft
        </Button>
      </div>
    </form>
  );
}
