import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useUpdateClient, type ClientRecord } from '../api/client';
import { clientColumns, clientSchema, type ClientInput } from '../api/schemas';

interface Props {
  organizationId: string;
  client: ClientRecord;
  open: boolean;
  onClose: () => void;
}

/** Name, email, phone and website; status and owner change in place on the header. */
export function EditDetailsDialog({ organizationId, client, open, onClose }: Props) {
  const update = useUpdateClient(organizationId, client.id);
  const current: ClientInput = {
    name: client.name,
    status: client.status,
    email: client.email ?? '',
    phone: client.phone ?? '',
    website: client.website ?? '',
    owner_id: client.owner_id ?? '',
  };
  const form = useForm<ClientInput>({ resolver: standardSchemaResolver(clientSchema), values: current, resetOptions: { keepDirtyValues: true } });
  const { errors } = form.formState;
  const close = () => {
    update.reset();
    form.reset(current);
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) => {
    const { name, email, phone, website } = clientColumns(values);
    update.mutate({ name, email, phone, website }, { onSuccess: () => (toast('Details saved.'), onClose()) });
  });
  return (
    <Dialog open={open} onClose={close} title={`Edit ${client.name}`}>
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {update.error && <Alert>{errorMessage(update.error)}</Alert>}
        <TextField label="Name" error={errors.name?.message} {...form.register('name')} />
        <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Phone" type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
          <TextField label="Website" type="url" placeholder="https://" autoComplete="off" error={errors.website?.message} {...form.register('website')} />
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save details
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
