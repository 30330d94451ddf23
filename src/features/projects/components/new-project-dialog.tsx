import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useCreateProject } from '../api/create-project';
import { useClientOptions } from '../api/lookups';
import { EMPTY_PROJECT, newProjectSchema, type NewProjectInput } from '../api/schemas';
import { ProjectFormFields } from './project-form-fields';

interface Props {
  open: boolean;
  onClose: () => void;
  organizationId: string;
  currency: string;
}

export function NewProjectDialog({ open, onClose, organizationId, currency }: Props) {
  const clients = useClientOptions(organizationId, open);
  const create = useCreateProject();
  const navigate = useNavigate();
  const form = useForm<NewProjectInput>({ resolver: standardSchemaResolver(newProjectSchema), defaultValues: EMPTY_PROJECT });
  const choosable = (clients.data ?? []).filter((c) => c.status !== 'archived');

  const handleClose = () => {
    create.reset();
    form.reset(EMPTY_PROJECT);
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) =>
    create.mutate(
      { organizationId, values },
      {
        onSuccess: (project) => {
          toast(`${project.name} was created.`);
          handleClose();
          navigate(`/projects/${project.id}`);
        },
      },
    ),
  );

  return (
    <Dialog open={open} onClose={handleClose} title="New project" description="Set up the work for a client. You can change all of this later." size="lg">
      {clients.isPending ? (
        <SkeletonRows rows={4} label="Loading clients" />
      ) : clients.error ? (
        <Alert>{errorMessage(clients.error)}</Alert>
      ) : choosable.length === 0 ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-600 dark:text-slate-400">A project is always for a client, and this organization has none yet. Add a client first, then come back.</p>
          <div className="flex justify-end">
            <Button variant="secondary" onClick={handleClose}>
              Close
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={handleSubmit} noValidate className="space-y-4">
          {create.error && <Alert>{errorMessage(create.error)}</Alert>}
          <SelectField
            label="Client"
            error={form.formState.errors.client_id?.message}
            options={[{ value: '', label: 'Choose a client…' }, ...choosable.map((c) => ({ value: c.id, label: c.status === 'lead' ? `${c.name} (lead)` : c.name }))]}
            {...form.register('client_id')}
          />
          <ProjectFormFields form={form} currency={currency} />
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={handleClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create project
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
