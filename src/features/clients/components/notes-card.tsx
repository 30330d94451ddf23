import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useUpdateClient, type ClientRecord } from '../api/client';
import { notesSchema, type NotesInput } from '../api/schemas';

/** Free-form notes about the client, for the team only. */
export function NotesCard({ organizationId, client }: { organizationId: string; client: ClientRecord }) {
  const update = useUpdateClient(organizationId, client.id);
  const form = useForm<NotesInput>({ resolver: standardSchemaResolver(notesSchema), values: { notes: client.notes ?? '' }, resetOptions: { keepDirtyValues: true } });
  return (
    <Card title="Notes" description="Only your team sees these, never the client.">
      <form
        onSubmit={form.handleSubmit((values) => update.mutate({ notes: values.notes || null }, { onSuccess: () => toast('Notes saved.') }))}
        noValidate
        className="space-y-3"
      >
        {update.error && <Alert>{errorMessage(update.error)}</Alert>}
        <TextareaField label="Notes about this client" rows={5} maxLength={10_000} error={form.formState.errors.notes?.message} {...form.register('notes')} />
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" loading={update.isPending} disabled={!form.formState.isDirty}>
            Save notes
          </Button>
        </div>
      </form>
    </Card>
  );
}
