import { Link, useSearchParams } from 'react-router';
import { CalendarDays, Flag, FolderKanban } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { CLIENT_PROJECTS_PAGE_SIZE, useClientProjects } from '../api/list-projects';
import { useMyClientAccounts } from '../api/lookups';
import { formatDateRange, formatDay } from '../format';
import { sortMilestones } from '../milestones';
import { ProjectStatusBadge } from './project-status-badge';

/** Client members: the projects the studio runs for them, as cards. */
export function ClientProjectCards({ organizationId, organizationName }: { organizationId: string; organizationName: string }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const projects = useClientProjects(organizationId, page);
  const accounts = useMyClientAccounts(organizationId);
  const clientName = accounts.data?.[0]?.client_name;

  return (
    <>
      <PageHeader
        title="Your projects"
        description={clientName ? `What ${organizationName} is working on for ${clientName}.` : `What ${organizationName} is working on for you.`}
      />
      {projects.error && <Alert>{errorMessage(projects.error)}</Alert>}
      {projects.isPending ? (
        <div role="status" aria-label="Loading projects" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} className="h-40" />
          ))}
        </div>
      ) : !projects.data ? null : projects.data.total === 0 ? (
        <EmptyState icon={FolderKanban} title="No projects yet">
          When {organizationName} starts work for you, your projects appear here with their milestones, updates and shared files.
        </EmptyState>
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {projects.data.projects.map((p) => {
              const done = p.milestones.filter((m) => m.done).length;
              const next = sortMilestones(p.milestones).find((m) => !m.done);
              return (
                <li key={p.id} className="relative flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-brand-500 hover:border-brand-500 dark:border-slate-800 dark:bg-slate-900">
                  <div className="flex items-start justify-between gap-3">
                    <h2 className="font-semibold">
                      {/* The whole card is the link's target area. */}
                      <Link to={`/projects/${p.id}`} className="after:absolute after:inset-0 focus:outline-none">
                        {p.name}
                      </Link>
                    </h2>
                    <ProjectStatusBadge status={p.status} />
                  </div>
                  {p.description && <p className="mt-2 line-clamp-3 text-sm text-slate-600 dark:text-slate-400">{p.description}</p>}
                  <dl className="mt-auto space-y-1 pt-4 text-sm text-slate-700 dark:text-slate-300">
                    <div className="flex items-center gap-2">
                      <dt>
                        <CalendarDays className="size-4 text-slate-400" aria-hidden />
                        <span className="sr-only">Dates</span>
                      </dt>
                      <dd>{formatDateRange(p.start_on, p.end_on)}</dd>
                    </div>
                    {p.milestones.length > 0 && (
                      <div className="flex items-start gap-2">
                        <dt className="mt-0.5">
                          <Flag className="size-4 text-slate-400" aria-hidden />
                          <span className="sr-only">Milestones</span>
                        </dt>
                        <dd>
                          {done} of {p.milestones.length} milestones done
                          {next && (
                            <span className="block text-slate-500 dark:text-slate-400">
                              Next: {next.title}
                              {next.due_on ? ` (${formatDay(next.due_on)})` : ''}
                            </span>
                          )}
                        </dd>
                      </div>
                    )}
                  </dl>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageSize={CLIENT_PROJECTS_PAGE_SIZE} total={projects.data.total} onPageChange={(p) => setParams({ page: String(p) })} />
        </>
      )}
    </>
  );
}
