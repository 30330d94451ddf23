import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Copy, ExternalLink } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { publicIntakeUrl, useSaveIntakeForm } from '../api/intake-settings';
import { intakeSettingsSchema, type IntakeSettingsInput } from '../api/schemas';

interface Props {
  organizationId: string;
  slug: string;
  form: { id: string; enabled: boolean; title: string; intro: string | null; thank_you: string | null; ask_budget: boolean } | null;
}

const DEFAULTS: IntakeSettingsInput = {
  enabled: true,
  title: 'Start a project with us',
  intro: 'Tell us about your project and we will get back to you within two working days.',
  thank_you: 'Thanks! We read every request and will reply soon.',
  ask_budget: true,
};

export function IntakeFormSettings({ organizationId, slug, form: saved }: Props) {
  const save = useSaveIntakeForm(organizationId);
  const values: IntakeSettingsInput = saved
    ? { enabled: saved.enabled, title: saved.title, intro: saved.intro ?? '', thank_you: saved.thank_you ?? '', ask_budget: saved.ask_budget }
    : DEFAULTS;
  const form = useForm<IntakeSettingsInput>({ resolver: standardSchemaResolver(intakeSettingsSchema), values, resetOptions: { keepDirtyValues: true } });
  const { errors } = form.formState;
  const url = publicIntakeUrl(slug);
  const live = saved?.enabled ?? false;

  return (
    <>
      <Card
        title="Public address"
        description={live ? 'Share this link or put it on your website.' : saved ? 'The form is turned off: this address shows “not available”.' : 'Save the form below to publish it at this address.'}
        actions={<Badge tone={live ? 'success' : 'neutral'}>{live ? 'Live' : 'Not published'}</Badge>}
      >
        <div className="flex flex-wrap items-center gap-2">
          <code className="min-w-0 flex-1 truncate rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800" data-testid="intake-url">
            {url}
          </code>
          <Button variant="secondary" onClick={() => void navigator.clipboard.writeText(url).then(() => toast('Intake form address copied.'))}>
            <Copy className="size-4" aria-hidden /> Copy link
          </Button>
          {live && (
            <a href={url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 px-2 text-sm text-brand-600 hover:underline dark:text-indigo-300">
              <ExternalLink className="size-4" aria-hidden /> Open
            </a>
          )}
        </div>
      </Card>
      <Card title="Form" description={saved ? undefined : 'Your organization has no intake form yet. These are suggestions; change them and save.'}>
        <form
          onSubmit={form.handleSubmit((input) => save.mutate({ formId: saved?.id ?? null, input }, { onSuccess: () => toast(saved ? 'Intake form saved.' : 'Intake form published.') }))}
          noValidate
          className="space-y-4"
        >
          {save.error && <Alert>{errorMessage(save.error)}</Alert>}
          <CheckboxField label="Accept requests" hint="When off, the public page says the form is not available." {...form.register('enabled')} />
          <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
          <TextareaField label="Introduction" hint="Shown above the form. Up to 2000 characters." rows={3} error={errors.intro?.message} {...form.register('intro')} />
          <TextareaField label="Thank-you message" hint="Shown after someone sends a request." rows={2} error={errors.thank_you?.message} {...form.register('thank_you')} />
          <CheckboxField label="Ask for a budget" hint="Adds a budget range question to the form." {...form.register('ask_budget')} />
          <div className="flex justify-end">
            <Button type="submit" loading={save.isPending} disabled={saved !== null && !form.formState.isDirty}>
              {saved ? 'Save form' : 'Create form'}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
