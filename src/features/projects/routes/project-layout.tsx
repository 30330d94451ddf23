import { Link, Outlet, useParams } from 'react-router';
import { ChevronRight, FolderX } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { TabNav } from '@/components/ui/tab-nav';
import { errorMessage } from '@/lib/errors';
import { useMembership } from '@/lib/membership';
import { useProject } from '../api/project';
import { ProjectStatusBadge } from '../components/project-status-badge';
import { formatDateRange } from '../format';
import type { ProjectOutletContext } from '../hooks/use-project-context';

/** The frame of one project: its name, client and status, the section tabs, and the open section. */
export default function ProjectLayoutRoute() {
  const { projectId = '' } = useParams();
  const { current } = useMembership();
  const isStaff = current.role !== 'client';
  const project = useProject(projectId, isStaff ? 'staff' : 'client');

  if (project.isPending) {
    return (
      <div role="status" aria-label="Loading the project" className="space-y-4">
        <Skeleton className="h-4 w-40" />
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (project.error) return <Alert>This project could not be loaded: {errorMessage(project.error)}</Alert>;
  if (!project.data) {
    return (
      <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
        <FolderX className="size-8 text-slate-400" aria-hidden />
        <h1 className="mt-3 text-lg font-semibold">Project not found</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          It may have been deleted, the link may be mistyped, or you do not have access to it in {current.organizationName}.
        </p>
        <Link to="/projects" className="mt-4 text-sm text-brand-600 underline dark:text-indigo-300">
          Back to projects
        </Link>
      </div>
    );
  }

  const p = project.data;
  const base = `/projects/${p.id}`;
  const tabs = [
    { to: base, label: 'Overview', end: true },
    { to: `${base}/tasks`, label: 'Tasks' },
    { to: `${base}/updates`, label: 'Updates' },
    { to: `${base}/files`, label: 'Files' },
    ...(isStaff ? [{ to: `${base}/time`, label: 'Time' }] : []),
  ];
  const context: ProjectOutletContext = { project: p, isStaff };
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600 dark:text-slate-400">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link to="/projects" className="hover:underline">
              Projects
            </Link>
          </li>
          {p.client_name && (
            <li className="flex items-center gap-1">
              <ChevronRight className="size-3.5" aria-hidden />
              {isStaff ? (
                <Link to={`/projects?client=${p.client_id}`} className="hover:underline">
                  {p.client_name}
                </Link>
              ) : (
                p.client_name
              )}
            </li>
          )}
        </ol>
      </nav>
      <header className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{p.name}</h1>
        <ProjectStatusBadge status={p.status} />
        <p className="w-full text-sm text-slate-600 dark:text-slate-400">{formatDateRange(p.start_on, p.end_on)}</p>
      </header>
      <TabNav label="Project sections" items={tabs} />
      <Outlet context={context} />
    </>
  );
}
