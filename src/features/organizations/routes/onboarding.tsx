import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { Building2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { rememberOrganization } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { createOrganizationSchema, slugify, useCreateOrganization, type CreateOrganizationInput } from '../api/create-organization';

export default function OnboardingRoute() {
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const form = useForm<CreateOrganizationInput>({ resolver: standardSchemaResolver(createOrganizationSchema), defaultValues: { name: '', slug: '' } });
  const { errors, dirtyFields } = form.formState;
  const nameField = form.register('name', {
    onChange: (e) => {
      if (!dirtyFields.slug) form.setValue('slug', slugify(e.target.value));
    },
  });

  const handleSubmit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: (org) => {
        rememberOrganization(org.id);
        toast(`${org.name} is ready.`);
        navigate('/', { replace: true });
      },
    }),
  );

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 dark:bg-slate-950">
      <section className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <Building2 className="size-8 text-brand-600" aria-hidden />
        <h1 className="mt-3 text-xl font-semibold">Create your organization</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Your studio, agency or collective. You will be its owner and can invite your team and clients next.
        </p>
        <form onSubmit={handleSubmit} noValidate className="mt-5 space-y-4">
          {create.error && <Alert>{errorMessage(create.error)}</Alert>}
          <TextField label="Organization name" autoFocus placeholder="Northwind Studio" error={errors.name?.message} {...nameField} />
          <TextField
            label="Address"
            hint="Used in links: lowercase letters, digits and dashes."
            error={errors.slug?.message}
            {...form.register('slug')}
          />
          <Button type="submit" className="w-full" loading={create.isPending}>
            Create organization
          </Button>
        </form>
      </section>
    </main>
  );
}
