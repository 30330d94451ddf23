import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Send } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { intakeErrorMessage, useSubmitIntake } from '../api/public-intake';
import { BUDGET_RANGES, intakeSubmissionSchema, type IntakeSubmissionInput } from '../api/schemas';

const EMPTY: IntakeSubmissionInput = { name: '', email: '', company: '', phone: '', budget: '', message: '', website: '' };
const BUDGET_OPTIONS = [{ value: '', label: 'Choose a range (optional)' }, ...BUDGET_RANGES.map((b) => ({ value: b, label: b }))];

interface Props {
  slug: string;
  askBudget: boolean;
  onSent: () => void;
}

/** The request form itself. The `website` field is a honeypot: people never see or reach it. */
export function PublicIntakeForm({ slug, askBudget, onSent }: Props) {
  const submit = useSubmitIntake(slug);
  const form = useForm<IntakeSubmissionInput>({ resolver: standardSchemaResolver(intakeSubmissionSchema), defaultValues: EMPTY });
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((values) => submit.mutate(values, { onSuccess: onSent }))} noValidate className="space-y-5">
      {submit.error && <Alert>{intakeErrorMessage(submit.error)}</Alert>}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Your name" autoComplete="name" required error={errors.name?.message} {...form.register('name')} />
        <TextField label="Email" type="email" autoComplete="email" required error={errors.email?.message} {...form.register('email')} />
        <TextField label="Company" hint="Optional" autoComplete="organization" error={errors.company?.message} {...form.register('company')} />
        <TextField label="Phone" hint="Optional" type="tel" autoComplete="tel" error={errors.phone?.message} {...form.register('phone')} />
      </div>
      {askBudget && <SelectField label="Budget" options={BUDGET_OPTIONS} error={errors.budget?.message} {...form.register('budget')} />}
      <TextareaField
        label="What do you need?"
        hint="A few sentences about the project, goals and timing."
        rows={6}
        required
        maxLength={5000}
        error={errors.message?.message}
        {...form.register('message')}
      />
      {/* Honeypot: off-screen and hidden from assistive technology; a person never fills it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="intake-website">Leave this field empty</label>
        <input id="intake-website" type="text" tabIndex={-1} autoComplete="off" {...form.register('website')} />
      </div>
      <Button type="submit" className="w-full py-2.5 sm:w-auto" loading={submit.isPending}>
        <Send className="size-4" aria-hidden /> Send request
      </Button>
    </form>
  );
}
