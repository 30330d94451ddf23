import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Link } from 'react-router';
import { Copy, UserPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select-field';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import type { OrgRole } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { inviteSchema, invitableRoles, useInvitableClients, useInvite, type InviteInput } from '../api/invitations';

export function InviteForm({ organizationId, myRole }: { organizationId: string; myRole: OrgRole }) {
  const invite = useInvite();
  const [lastLink, setLastLink] = useState<string | null>(null);
  const form = useForm<InviteInput>({ resolver: standardSchemaResolver(inviteSchema), defaultValues: { email: '', role: 'member', client_id: '' } });
  const role = useWatch({ control: form.control, name: 'role' });
  const handleSubmit = form.handleSubmit((values) =>
    invite.mutate(
      { ...values, organizationId },
      {
        onSuccess: (result) => {
          toast(`Invitation sent to ${values.email}.`);
          setLastLink(result.link);
          form.reset({ email: '', role: values.role, client_id: values.client_id });
        },
      },
    ),
  );
  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-3">
      {invite.error && <Alert>{errorMessage(invite.error)}</Alert>}
      <div className="grid gap-3 sm:grid-cols-[1fr_16rem_auto] sm:items-start">
        <TextField label="Email address" type="email" autoComplete="off" error={form.formState.errors.email?.message} {...form.register('email')} />
        <SelectField label="Role" options={invitableRoles(myRole)} {...form.register('role')} />
        <Button type="submit" className="sm:mt-6" loading={invite.isPending}>
          <UserPlus className="size-4" aria-hidden /> Invite
        </Button>
      </div>
      {role === 'client' && <ClientSelect organizationId={organizationId} form={form} />}
      {lastLink && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          We emailed the link. You can also share it yourself:
          <button
            type="button"
            className="inline-flex items-center gap-1 text-brand-600 hover:underline dark:text-indigo-300"
            onClick={() => void navigator.clipboard.writeText(lastLink).then(() => toast('Invitation link copied.'))}
          >
            <Copy className="size-3.5" aria-hidden /> Copy invitation link
          </button>
        </p>
      )}
    </form>
  );
}

/** A client member stands for one client: which one is required. */
function ClientSelect({ organizationId, form }: { organizationId: string; form: ReturnType<typeof useForm<InviteInput>> }) {
  const clients = useInvitableClients(organizationId);
  const error = form.formState.errors.client_id?.message;
  if (clients.isPending) return <Skeleton className="h-16 w-full sm:w-[calc(100%-16rem-6rem)]" />;
  if (clients.error) return <Alert>The clients could not be loaded: {errorMessage(clients.error)}</Alert>;
  if (!clients.data.length) {
    return (
      <Alert>
        A client member stands for one of your clients, and there are none yet.{' '}
        <Link to="/clients" className="underline">
          Add a client first
        </Link>
        .
      </Alert>
    );
  }
  return (
    <SelectField
      label="Client"
      className="sm:max-w-md"
      error={error}
      options={[{ value: '', label: 'Choose the client they stand for' }, ...clients.data.map((c) => ({ value: c.id, label: c.name }))]}
      {...form.register('client_id')}
    />
  );
}
