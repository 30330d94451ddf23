import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { askForWorkSchema, type AskForWorkInput } from '../api/schemas';
import { useAskForWork } from '../api/requests';

export interface AskForWorkDialogProps {
  open: boolean;
  project: { id: string; name: string; organization_id: string };
  userId: string;
  onClose: () => void;
}

/** A client asks the studio for new work on a project; it waits as a request until staff answer. */
export function AskForWorkDialog({ open, project, userId, onClose }: AskForWorkDialogProps) {
  const ask = useAskForWork();
  const form = useForm<AskForWorkInput>({ resolver: standardSchemaResolver(askForWorkSchema), defaultValues: { title: '', description: '' } });
  const close = () => {
    form.reset();
    ask.reset();
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) =>
    ask.mutate(
      { ...values, projectId: project.id, organizationId: project.organization_id, userId },
      {
        onSuccess: () => {
          toast('Request sent. The team will accept it or tell you why not.');
          close();
        },
      },
    ),
  );
  return (
    <Dialog open={open} onClose={close} title="Ask for work" description={`Tell the team what you need on ${project.name}.`}>
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {ask.error && <Alert>{errorMessage(ask.error)}</Alert>}
        <TextField label="What do you need?" autoFocus error={form.formState.errors.title?.message} {...form.register('title')} />
        <TextareaField label="Details" hint="Optional: context, links, deadlines." rows={5} error={form.formState.errors.description?.message} {...form.register('description')} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={ask.isPending}>
            Send request
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
