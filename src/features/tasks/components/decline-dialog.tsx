import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { declineSchema, type DeclineInput } from '../api/schemas';
import { useDeclineRequest } from '../api/requests';

/** Declining a client's request asks for the reason they will read. */
export function DeclineDialog({ request, onClose, onDeclined }: { request: { id: string; title: string } | null; onClose: () => void; onDeclined?: () => void }) {
  const decline = useDeclineRequest();
  const form = useForm<DeclineInput>({ resolver: standardSchemaResolver(declineSchema), defaultValues: { reason: '' } });
  const close = () => {
    form.reset();
    decline.reset();
    onClose();
  };
  const handleSubmit = form.handleSubmit(({ reason }) =>
    decline.mutate(
      { id: request!.id, reason },
      {
        onSuccess: () => {
          toast(`Request declined: ${request!.title}.`);
          form.reset();
          onDeclined?.();
          onClose();
        },
      },
    ),
  );
  return (
    <Dialog open={request !== null} onClose={close} title="Decline this request?" description={request ? `The client sees your reason next to “${request.title}”.` : undefined}>
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {decline.error && <Alert>{errorMessage(decline.error)}</Alert>}
        <TextareaField label="Reason for the client" rows={3} autoFocus error={form.formState.errors.reason?.message} {...form.register('reason')} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={decline.isPending}>
            Decline request
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
