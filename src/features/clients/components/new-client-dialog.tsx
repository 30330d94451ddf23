import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { Skeleton } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useCreateClient } from '../api/create-client';
import { CLIENT_STATUSES, STATUS_LABEL, clientSchema, type ClientInput } from '../api/schemas';
import { useStaff } from '@/lib/staff';

interface Props {
  organizationId: string;
  myUserId: string;
  open: boolean;
  onClose: () => void;
}

const STATUS_OPTIONS = CLIENT_STATUSES.filter((s) => s !== 'archived').map((s) => ({ value: s, label: STATUS_LABEL[s] }));

/** "New client": the essentials; contacts, billing and the rest are added on the client's page. */
export function NewClientDialog({ organizationId, myUserId, open, onClose }: Props) {
  const create = useCreateClient(organizationId);
  const staff = useStaff(organizationId);
  const navigate = useNavigate();
  const form = useForm<ClientInput>({
    resolver: standardSchemaResolver(clientSchema),
    defaultValues: { name: '', status: 'lead', email: '', phone: '', website: '', owner_id: myUserId },
  });
  const { errors } = form.formState;
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (client) => {
        toast(`${client.name} was added.`);
        close();
        navigate(`/clients/${client.id}`);
      },
    }),
  );
  const ownerOptions = [{ value: '', label: 'Nobody yet' }, ...(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name }))];
  return (
    <Dialog open={open} onClose={close} title="New client" description="Start with the essentials; add contacts and billing details on the client's page.">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {create.error && <Alert>{errorMessage(create.error)}</Alert>}
        <TextField label="Name" autoFocus error={errors.name?.message} {...form.register('name')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Status" options={STATUS_OPTIONS} {...form.register('status')} />
          {staff.data ? (
            <SelectField label="Owner" options={ownerOptions} {...form.register('owner_id')} />
          ) : (
            <OwnerPlaceholder failed={staff.isError} />
          )}
        </div>
        <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Phone" type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
          <TextField label="Website" type="url" placeholder="https://" autoComplete="off" error={errors.website?.message} {...form.register('website')} />
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create client
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function OwnerPlaceholder({ failed }: { failed: boolean }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-700 dark:text-slate-200">Owner</p>
      {failed ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">You, for now (the team could not be loaded).</p> : <Skeleton className="mt-1 h-9 w-full" />}
    </div>
  );
}
