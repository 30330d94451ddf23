import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useCreateCrowdProject, useUpdateCrowdProject } from '../api/mutations';
import { crowdProjectSchema, EMPTY_CROWD_PROJECT, todayIso, type CrowdProjectInput } from '../api/schemas';

interface Props {
  open: boolean;
  onClose: () => void;
  organizationId: string;
  currency: string;
  /** Editing an existing project: its id, current values, and whether its terms may still change. */
  editing?: { id: string; values: CrowdProjectInput; termsLocked: boolean; splitLocked: boolean };
}

/** Staff open a crowd project, or edit one (terms only while it is open). */
export function CrowdProjectDialog({ open, onClose, organizationId, currency, editing }: Props) {
  const create = useCreateCrowdProject();
  const update = useUpdateCrowdProject();
  const mutation = editing ? update : create;
  const navigate = useNavigate();
  const initial = editing?.values ?? EMPTY_CROWD_PROJECT;
  const form = useForm<CrowdProjectInput>({ resolver: standardSchemaResolver(crowdProjectSchema), defaultValues: initial });
  const errors = form.formState.errors;
  const locked = editing?.termsLocked ?? false;

  const handleClose = () => {
    mutation.reset();
    form.reset(initial);
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) => {
    if (editing) {
      update.mutate({ id: editing.id, values }, { onSuccess: () => { toast('The crowd project was saved.'); onClose(); } });
    } else {
      create.mutate(
        { organizationId, currency, values },
        {
          onSuccess: (project) => {
            toast(`${project.title} is open for people to join.`);
            handleClose();
            navigate(`/crowd/${project.id}`);
          },
        },
      );
    }
  });

  return (
    <Dialog
      open={open}
      onClose={handleClose}
      title={editing ? 'Edit crowd project' : 'Open a crowd project'}
      description="People from any organization can join while it is open. At the quorum an estimate request is created for you to answer."
      size="lg"
    >
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {mutation.error && <Alert>{errorMessage(mutation.error)}</Alert>}
        <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
        <TextareaField label="Description" hint="What will be made, for whom, and what joining means." rows={4} error={errors.description?.message} {...form.register('description')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Quorum (people)" inputMode="numeric" disabled={locked} error={errors.quorum?.message} {...form.register('quorum')} />
          <TextField label={`Target budget (${currency})`} inputMode="decimal" disabled={locked} error={errors.target_budget?.message} {...form.register('target_budget')} />
          <TextField label="Deadline to join" type="date" min={todayIso()} disabled={locked} error={errors.deadline?.message} {...form.register('deadline')} />
          <SelectField
            label="Split of the price"
            disabled={locked || editing?.splitLocked}
            options={[
              { value: 'equal', label: 'Equal shares' },
              { value: 'pledge', label: 'In proportion to pledges' },
            ]}
            error={errors.split?.message}
            {...form.register('split')}
          />
        </div>
        {locked && <p className="text-sm text-slate-600 dark:text-slate-400">The quorum was reached, so the terms are fixed; the title and description can still change.</p>}
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={handleClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {editing ? 'Save' : 'Open crowd project'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
