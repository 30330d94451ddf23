import { Link } from 'react-router';
import { FolderKanban } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useActiveProjects } from '../api/widgets';
import { BAND_LABEL } from '../widgets';

const STATUS_LABEL: Record<string, string> = { planning: 'Planning', active: 'Active', on_hold: 'On hold' };

/** Open projects (planning, active, on hold): how many, and the latest few with their budget band. */
export function ActiveProjectsCard({ organizationId }: { organizationId: string }) {
  const projects = useActiveProjects(organizationId);
  return (
    <Card title="Active projects" description="Planning, in progress or on hold, with their budget.">
      {projects.isPending ? (
        <SkeletonRows rows={3} label="Loading projects" />
      ) : projects.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Projects could not be loaded: {errorMessage(projects.error)}</p>
      ) : projects.data.total === 0 ? (
        <EmptyState icon={FolderKanban} title="No active projects">Projects you start for your clients show up here with their budget.</EmptyState>
      ) : (
        <>
          <p className="text-3xl font-semibold">{projects.data.total}</p>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{projects.data.total === 1 ? 'project under way' : 'projects under way'}</p>
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {projects.data.projects.map((p) => {
              const band = p.band ? BAND_LABEL[p.band] : null;
              return (
                <li key={p.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                  <Link to={`/projects/${p.id}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
                    {p.name}
                    <span className="font-normal text-slate-600 dark:text-slate-400"> · {p.clients?.name}</span>
                  </Link>
                  <Badge tone={p.status === 'active' ? 'brand' : 'neutral'}>{STATUS_LABEL[p.status] ?? p.status}</Badge>
                  {band ? <Badge tone={band.tone}>{band.label}</Badge> : <Badge>No budget</Badge>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
