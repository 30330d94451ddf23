import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select-field';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { CURRENCIES, organizationSettingsSchema, useOrganization, useUpdateOrganization, type OrganizationSettingsInput } from '../api/update-organization';
import { useLeaveOrganization } from '../api/members';
import { timezoneOptions } from '../timezones';


export default function OrganizationSettingsRoute() {
  const { current } = useMembership();
  if (!hasRole(current.role, 'admin')) return <Forbidden what="organization settings" />;
  return (
    <>
      <PageHeader title="Organization" description="Name, address and the defaults new clients, estimates and invoices start from." />
      <div className="space-y-6">
        <SettingsForm organizationId={current.organizationId} />
        <LeaveCard organizationId={current.organizationId} name={current.organizationName} />
      </div>
    </>
  );
}

function SettingsForm({ organizationId }: { organizationId: string }) {
  const org = useOrganization(organizationId);
  const update = useUpdateOrganization();
  const form = useForm<OrganizationSettingsInput>({
    resolver: standardSchemaResolver(organizationSettingsSchema),
    values: org.data
      ? { name: org.data.name, slug: org.data.slug, currency: org.data.currency as OrganizationSettingsInput['currency'], timezone: org.data.timezone, billing_email: org.data.billing_email ?? '' }
      : undefined,
  });
  const { errors } = form.formState;
  if (org.isPending) return <SkeletonRows rows={4} label="Loading organization" />;
  return (
    <Card title="Details">
      <form onSubmit={form.handleSubmit((v) => update.mutate({ ...v, id: organizationId }, { onSuccess: () => toast('Organization saved.') }))} noValidate className="space-y-4">
        {(update.error || org.error) && <Alert>{errorMessage(update.error ?? org.error)}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" error={errors.name?.message} {...form.register('name')} />
          <TextField label="Address" hint="Lowercase letters, digits and dashes." error={errors.slug?.message} {...form.register('slug')} />
          <SelectField label="Currency" options={CURRENCIES.map((c) => ({ value: c, label: c }))} {...form.register('currency')} />
          <SelectField label="Time zone" options={timezoneOptions(org.data?.timezone).map((t) => ({ value: t, label: t }))} {...form.register('timezone')} />
          <TextField label="Billing email" type="email" hint="Where invoices to you are sent." error={errors.billing_email?.message} {...form.register('billing_email')} />
        </div>
        <div className="flex justify-end">
          <Button type="submit" loading={update.isPending} disabled={!form.formState.isDirty}>
            Save changes
          </Button>
        </div>
      </form>
    </Card>
  );
}

function LeaveCard({ organizationId, name }: { organizationId: string; name: string }) {
  const leave = useLeaveOrganization();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <Card title="Leave organization" description={`You lose access to ${name}. An only owner must transfer ownership first.`}>
      {leave.error && <div className="mb-3"><Alert>{errorMessage(leave.error)}</Alert></div>}
      <Button variant="danger" onClick={() => setOpen(true)}>
        Leave {name}
      </Button>
      <ConfirmDialog
        open={open}
        title={`Leave ${name}?`}
        description="You will need a new invitation to come back."
        confirmLabel="Leave organization"
        pending={leave.isPending}
        onConfirm={() => leave.mutate(organizationId, { onSuccess: () => navigate('/', { replace: true }), onSettled: () => setOpen(false) })}
        onCancel={() => setOpen(false)}
      />
    </Card>
  );
}
