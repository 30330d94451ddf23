import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import type { ProjectDetail } from '../api/project';
import { useUpdateProject } from '../api/project';
import { newProjectSchema, toProjectForm, type NewProjectInput } from '../api/schemas';
import { ProjectFormFields } from './project-form-fields';

export function EditProjectDialog({ project, currency, open, onClose }: { project: ProjectDetail; currency: string; open: boolean; onClose: () => void }) {
  const update = useUpdateProject(project.id);
  const initial = (): NewProjectInput => ({ ...toProjectForm(project), client_id: project.client_id });
  const form = useForm<NewProjectInput>({ resolver: standardSchemaResolver(newProjectSchema), values: open ? initial() : undefined });
  const handleClose = () => {
    update.reset();
    onClose();
  };
  const handleSubmit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => {
        toast('Project details saved.');
        handleClose();
      },
    }),
  );
  return (
    <Dialog open={open} onClose={handleClose} title="Edit project" description={project.client_name ? `For ${project.client_name}.` : undefined} size="lg">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {update.error && <Alert>{errorMessage(update.error)}</Alert>}
        <ProjectFormFields form={form} currency={currency} />
        <div className="flex justify-end gap-2 pt-2">
          <Button variant="secondary" onClick={handleClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.formState.isDirty}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
