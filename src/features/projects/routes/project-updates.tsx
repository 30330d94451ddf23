import { useQueryClient } from '@tanstack/react-query';
import { useUserId } from '@/lib/auth';
import { useMembership } from '@/lib/membership';
import { useTableChanges } from '@/lib/realtime';
import { projectKeys } from '../api/keys';
import { UpdateComposer } from '../components/update-composer';
import { UpdateStream } from '../components/update-stream';
import { useProjectContext } from '../hooks/use-project-context';

/** Updates: staff see internal notes and client updates side by side; clients see client updates. Live. */
export default function ProjectUpdatesRoute() {
  const { project, isStaff } = useProjectContext();
  const { current } = useMembership();
  const userId = useUserId();
  const queryClient = useQueryClient();
  const clientName = project.client_name ?? 'The client';

  // Someone else posted, edited or deleted: refetch the loaded pages (row-level security filters the events).
  useTableChanges({
    table: 'project_updates',
    filter: `project_id=eq.${project.id}`,
    onChange: () => void queryClient.invalidateQueries({ queryKey: projectKeys.updates(project.id) }),
  });

  const streamProps = { projectId: project.id, organizationId: project.organization_id, userId, role: current.role, clientName };
  if (!isStaff) {
    return (
      <div className="mx-auto max-w-3xl">
        <UpdateStream {...streamProps} visibility="client" title="Updates" />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <UpdateComposer organizationId={project.organization_id} projectId={project.id} userId={userId} clientName={clientName} />
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <UpdateStream {...streamProps} visibility="client" />
        <UpdateStream {...streamProps} visibility="internal" />
      </div>
    </div>
  );
}
