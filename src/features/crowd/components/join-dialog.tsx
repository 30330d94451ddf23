import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useJoinCrowdProject } from '../api/mutations';
import { formatMoney } from '../api/money';
import { joinSchema, type CrowdSplit, type JoinInput } from '../api/schemas';

interface Props {
  open: boolean;
  onClose: () => void;
  project: { id: string; title: string; split: CrowdSplit; quorum: number; target_budget: number; currency: string };
}

export function JoinDialog({ open, onClose, project }: Props) {
  const join = useJoinCrowdProject();
  const defaults: JoinInput = { pledge: '', agree_to_charge: false };
  const form = useForm<JoinInput>({ resolver: standardSchemaResolver(joinSchema(project.split)), defaultValues: defaults });
  const byPledge = project.split === 'pledge';
  const handleClose = () => {
    join.reset();
    form.reset(defaults);
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) =>
    join.mutate({ id: project.id, values }, { onSuccess: () => { toast(`You joined ${project.title}.`); handleClose(); } }),
  );
  const perHead = Math.round(project.target_budget / project.quorum);

  return (
    <Dialog
      open={open}
      onClose={handleClose}
      title={`Join ${project.title}`}
      description={
        byPledge
          ? 'The final price is split in proportion to what each person pledges. You can leave any time before the quorum is reached.'
          : `The final price is split equally: around ${formatMoney(perHead, project.currency)} each if ${project.quorum} join and the price meets the target. You can leave any time before the quorum is reached.`
      }
    >
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {join.error && <Alert>{errorMessage(join.error)}</Alert>}
        {byPledge && (
          <TextField
            label={`Your pledge (${project.currency})`}
            inputMode="decimal"
            hint="Your share of the final price is in proportion to your pledge."
            error={form.formState.errors.pledge?.message}
            {...form.register('pledge')}
          />
        )}
        <CheckboxField
          label="Charge my saved card when invoices are issued"
          hint="Save a card after joining. Without it you pay your invoice by link."
          {...form.register('agree_to_charge')}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={handleClose}>
            Cancel
          </Button>
          <Button type="submit" loading={join.isPending}>
            Join
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
