import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Pencil, Plus, X } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useUpdateClient, type ClientRecord } from '../api/client';
import { MAX_CUSTOM_FIELDS, customFieldsColumn, customFieldsSchema, parseCustomFields, type CustomFieldsInput } from '../api/schemas';

/** Whatever else the studio tracks about a client, as name/value pairs (clients.custom_fields). */
export function CustomFieldsCard({ organizationId, client }: { organizationId: string; client: ClientRecord }) {
  const fields = parseCustomFields(client.custom_fields);
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Custom fields"
      actions={
        !editing && (
          <Button variant="ghost" aria-label="Edit custom fields" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden />
          </Button>
        )
      }
    >
      {editing ? (
        <CustomFieldsForm organizationId={organizationId} clientId={client.id} initial={fields} onDone={() => setEditing(false)} />
      ) : fields.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nothing extra yet: industry, account number, anything your team needs.{' '}
          <button type="button" className="text-brand-600 hover:underline dark:text-indigo-300" onClick={() => setEditing(true)}>
            Add a field
          </button>
        </p>
      ) : (
        <dl className="space-y-2 text-sm">
          {fields.map((f) => (
            <div key={f.key}>
              <dt className="text-xs text-slate-500 dark:text-slate-400">{f.key}</dt>
              <dd className="break-words">{f.value || '—'}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}

function CustomFieldsForm({ organizationId, clientId, initial, onDone }: { organizationId: string; clientId: string; initial: CustomFieldsInput['fields']; onDone: () => void }) {
  const update = useUpdateClient(organizationId, clientId);
  const form = useForm<CustomFieldsInput>({
    resolver: standardSchemaResolver(customFieldsSchema),
    defaultValues: { fields: initial.length ? initial : [{ key: '', value: '' }] },
  });
  const rows = useFieldArray({ control: form.control, name: 'fields' });
  const { errors } = form.formState;
  return (
    <form
      onSubmit={form.handleSubmit((values) => update.mutate({ custom_fields: customFieldsColumn(values.fields) }, { onSuccess: () => (toast('Custom fields saved.'), onDone()) }))}
      noValidate
      className="space-y-3"
    >
      {update.error && <Alert>{errorMessage(update.error)}</Alert>}
      {errors.fields?.message && <Alert>{errors.fields.message}</Alert>}
      {errors.fields?.root?.message && <Alert>{errors.fields.root.message}</Alert>}
      <ul className="space-y-3">
        {rows.fields.map((row, i) => (
          <li key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <TextField label={`Field ${i + 1} name`} error={errors.fields?.[i]?.key?.message} {...form.register(`fields.${i}.key`)} />
            <TextField label={`Field ${i + 1} value`} error={errors.fields?.[i]?.value?.message} {...form.register(`fields.${i}.value`)} />
            <Button type="button" variant="ghost" className="mt-6" aria-label={`Remove field ${i + 1}`} onClick={() => rows.remove(i)}>
              <X className="size-4" aria-hidden />
            </Button>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap justify-between gap-2">
        <Button type="button" variant="ghost" disabled={rows.fields.length >= MAX_CUSTOM_FIELDS} onClick={() => rows.append({ key: '', value: '' })}>
          <Plus className="size-4" aria-hidden /> Add field
        </Button>
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save fields
          </Button>
        </div>
      </div>
    </form>
  );
}
