import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useClientOptions } from '@/lib/client-options';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useEstimateMutation } from '../api/keys';
import { checkFiles, MAX_FILES, requestEstimate, requestSchema, SERVICE_TYPES, type RequestValues } from '../api/request-estimate';

interface Props {
  organizationId: string;
  currency: string;
  /** The client a client member stands for; staff choose one. */
  clientId: string | null;
  onClose: () => void;
}

/** "Request an estimate": service, description, budget range, wished deadline and up to 5 files. */
export function RequestEstimateDialog({ organizationId, currency, clientId, onClose }: Props) {
  const staff = clientId === null;
  const clients = useClientOptions(organizationId, staff, (all) => all.filter((c) => c.status !== 'archived'));
  const navigate = useNavigate();
  const request = useEstimateMutation(organizationId, requestEstimate);
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<RequestValues>({
    resolver: standardSchemaResolver(requestSchema(() => currency)),
    defaultValues: { client_id: clientId ?? '', service: 'Website', other_service: '', description: '', budget_min: '', budget_max: '', wished_deadline: '' },
  });
  const { errors } = form.formState;
  const service = useWatch({ control: form.control, name: 'service' });
  const handleSubmit = form.handleSubmit((values) => {
    const problem = checkFiles(files);
    setFileError(problem);
    if (problem) return;
    request.mutate(
      { organizationId, currency, values, files },
      {
        onSuccess: ({ id, failed }) => {
          toast(failed.length ? `Request sent, but ${failed.join(', ')} could not be uploaded.` : 'Your request was sent.', { tone: failed.length ? 'error' : undefined });
          onClose();
          navigate(`/estimates/${id}`);
        },
      },
    );
  });
  return (
    <Dialog open onClose={onClose} size="lg" title="Request an estimate" description="Tell us what you need; we answer with a scope, a price and a timeline.">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {request.error && <Alert>The request could not be sent: {errorMessage(request.error)}</Alert>}
        {staff && (
          <SelectField
            label="Client"
            error={errors.client_id?.message}
            options={[{ value: '', label: clients.isPending ? 'Loading clients…' : 'Choose the client' }, ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            {...form.register('client_id')}
          />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Service" options={SERVICE_TYPES.map((s) => ({ value: s, label: s }))} {...form.register('service')} />
          {service === 'Other' && <TextField label="Which service?" error={errors.other_service?.message} {...form.register('other_service')} />}
        </div>
        <TextareaField label="Description" rows={5} hint="Goals, audience, must-haves, links." error={errors.description?.message} {...form.register('description')} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={`Budget from (${currency})`} inputMode="decimal" error={errors.budget_min?.message} {...form.register('budget_min')} />
          <TextField label={`Budget up to (${currency})`} inputMode="decimal" error={errors.budget_max?.message} {...form.register('budget_max')} />
          <TextField label="Wished deadline" type="date" {...form.register('wished_deadline')} />
        </div>
        <div>
          <label htmlFor="estimate-files" className="block text-sm font-medium text-slate-700 dark:text-slate-200">
            Attachments (optional, up to {MAX_FILES}, 10 MB each)
          </label>
          <input
            id="estimate-files"
            type="file"
            multiple
            aria-describedby={fileError ? 'estimate-files-error' : undefined}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium dark:file:bg-slate-800 dark:file:text-slate-200"
            onChange={(e) => {
              const picked = Array.from(e.target.files ?? []);
              setFiles(picked);
              setFileError(checkFiles(picked));
            }}
          />
          {fileError && (
            <p id="estimate-files-error" className="mt-1 text-sm text-red-600 dark:text-red-400">
              {fileError}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={request.isPending}>
            Send request
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
