import type { UseFormReturn } from 'react-hook-form';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { PROJECT_STATUSES, type NewProjectInput } from '../api/schemas';

/** The fields a project has, shared by the new-project and edit dialogs. */
export function ProjectFormFields({ form, currency }: { form: UseFormReturn<NewProjectInput>; currency: string }) {
  const { errors } = form.formState;
  const { register } = form;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField className="sm:col-span-2" label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
      <TextareaField className="sm:col-span-2" label="Description" rows={3} error={errors.description?.message} {...register('description')} />
      <SelectField label="Status" options={PROJECT_STATUSES} error={errors.status?.message} {...register('status')} />
      <div className="hidden sm:block" />
      <TextField label="Start date" type="date" error={errors.start_on?.message} {...register('start_on')} />
      <TextField label="End date" type="date" error={errors.end_on?.message} {...register('end_on')} />
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">Budget</legend>
        <TextField label={`Budget (${currency})`} inputMode="decimal" error={errors.budget?.message} {...register('budget')} />
        <TextField label="Budget hours" inputMode="decimal" error={errors.budget_hours?.message} {...register('budget_hours')} />
        <TextField label={`Hourly rate (${currency})`} inputMode="decimal" error={errors.hourly_rate?.message} {...register('hourly_rate')} />
      </fieldset>
      <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold">Recurring checkpoint</legend>
        <p className="-mt-1 text-sm text-slate-600 sm:col-span-2 dark:text-slate-400">
          A checkpoint task is added to the project every few days, to review progress and budget. Leave empty for none.
        </p>
        <TextField label="Every (days)" inputMode="numeric" placeholder="e.g. 14" error={errors.checkpoint_every_days?.message} {...register('checkpoint_every_days')} />
        <TextField label="First checkpoint" type="date" error={errors.next_checkpoint_on?.message} {...register('next_checkpoint_on')} />
      </fieldset>
    </div>
  );
}
