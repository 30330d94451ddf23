import { useParams, useSearchParams } from 'react-router';
import { FolderX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { useProjectInfo } from '../api/project';
import { ClientTasks } from '../components/client-tasks';
import { StaffTasks } from '../components/staff-tasks';
import { useLiveTasks } from '../api/live-tasks';

/** A project's tasks tab: the board and list for staff, the shared tasks and requests for the client. */
export default function ProjectTasksRoute() {
  const { projectId = '' } = useParams();
  const { current, all } = useMembership();
  const userId = useUserId();
  const [params, setParams] = useSearchParams();
  const project = useProjectInfo(projectId);
  useLiveTasks(projectId);

  // ?task=<id> opens that task (notifications link there); ?task=new a blank one.
  const openTaskId = params.get('task');
  const setTask = (taskId: string | null) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (taskId) p.set('task', taskId);
      else p.delete('task');
      return p;
    });

  if (project.isPending) return <SkeletonRows rows={6} label="Loading the project" />;
  if (project.error) return <Alert>The project could not be loaded: {errorMessage(project.error)}</Alert>;
  if (!project.data) {
    return (
      <EmptyState icon={FolderX} title="Project not found">
        It may have been removed, or it belongs to another organization.
      </EmptyState>
    );
  }
  // A link may lead into a project of another of my organizations: my role there decides the view.
  const role = all.find((m) => m.organizationId === project.data!.organization_id)?.role ?? current.role;
  const isClient = role === 'client';
  return (
    <section aria-labelledby="project-tasks-title">
      <header className="mb-4">
        <h2 id="project-tasks-title" className="text-lg font-semibold">
          Tasks
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{project.data.name}</p>
      </header>
      {isClient ? (
        <ClientTasks project={project.data} userId={userId} openTaskId={openTaskId === 'new' ? null : openTaskId} onOpen={setTask} onClose={() => setTask(null)} />
      ) : (
        <StaffTasks project={project.data} userId={userId} isManager={hasRole(role, 'manager')} openTaskId={openTaskId} onOpen={setTask} onClose={() => setTask(null)} />
      )}
    </section>
  );
}
