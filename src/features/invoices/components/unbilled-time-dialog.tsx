import { useState } from 'react';
import { useNavigate } from 'react-router';
import { format } from 'date-fns';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { Skeleton } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { invoiceFromUnbilledTime } from '../api/invoice-actions';
import { useInvoiceMutation } from '../api/keys';
import { useInvoiceProjects } from '../api/projects';

/** "New invoice from unbilled time": SQL gathers the project's finished billable entries into a draft. */
export function UnbilledTimeDialog({ organizationId, onClose, projectId: initialProject = '' }: { organizationId: string; onClose: () => void; projectId?: string }) {
  const projects = useInvoiceProjects(organizationId);
  const navigate = useNavigate();
  const [projectId, setProjectId] = useState(initialProject);
  const [untilOn, setUntilOn] = useState(() => format(new Date(), 'yyyy-MM-dd'));
  const [missing, setMissing] = useState(false);
  const create = useInvoiceMutation(organizationId, invoiceFromUnbilledTime);
  const handleSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!projectId) return setMissing(true);
    create.mutate(
      { projectId, untilOn },
      {
        onSuccess: (invoice) => {
          toast(`Draft ${invoice.number} was created from unbilled time.`);
          navigate(`/invoices/${invoice.id}/edit`);
        },
      },
    );
  };
  return (
    <Dialog open onClose={onClose} title="New invoice from unbilled time" description="Finished, billable time entries not yet on an invoice become lines of a draft, one per person and rate.">
      <form onSubmit={handleSubmit} noValidate className="space-y-4">
        {create.error && <Alert>{errorMessage(create.error)}</Alert>}
        {projects.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : projects.error ? (
          <Alert>The projects could not be loaded: {errorMessage(projects.error)}</Alert>
        ) : (
          <SelectField
            label="Project"
            value={projectId}
            error={missing && !projectId ? 'Choose a project' : undefined}
            onChange={(e) => setProjectId(e.target.value)}
            options={[{ value: '', label: 'Choose a project' }, ...projects.data.map((p) => ({ value: p.id, label: p.clients?.name ? `${p.name} — ${p.clients.name}` : p.name }))]}
          />
        )}
        <TextField label="Time up to and including" type="date" value={untilOn} onChange={(e) => setUntilOn(e.target.value)} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create draft
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
