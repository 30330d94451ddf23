import { Link } from 'react-router';
import { FolderKanban } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import type { Database } from '@/lib/database.types';
import { RELATED_LIMIT, useClientProjects } from '../api/client-related';

type ProjectStatus = Database['public']['Enums']['project_status'];
const PROJECT_STATUS: Record<ProjectStatus, { label: string; tone: 'neutral' | 'brand' | 'success' | 'warning' | 'danger' }> = {
  planning: { label: 'Planning', tone: 'neutral' },
  active: { label: 'Active', tone: 'brand' },
  on_hold: { label: 'On hold', tone: 'warning' },
  completed: { label: 'Completed', tone: 'success' },
  archived: { label: 'Archived', tone: 'neutral' },
};

function dateRange(start: string | null, end: string | null): string | null {
  const fmt = (d: string) => new Date(`${d}T00:00:00`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
  if (start && end) return `${fmt(start)} – ${fmt(end)}`;
  if (start) return `From ${fmt(start)}`;
  if (end) return `Until ${fmt(end)}`;
  return null;
}

export function ProjectsCard({ organizationId, clientId }: { organizationId: string; clientId: string }) {
  const projects = useClientProjects(organizationId, clientId);
  return (
    <Card title="Projects">
      {projects.isPending ? (
        <SkeletonRows rows={2} label="Loading projects" />
      ) : projects.error ? (
        <Alert>The projects could not be loaded: {errorMessage(projects.error)}</Alert>
      ) : projects.data.projects.length === 0 ? (
        <EmptyState icon={FolderKanban} title="No projects yet">
          Projects for this client appear here once they are created.
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {projects.data.projects.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-3 py-2.5 first:pt-0 last:pb-0 text-sm">
                <Link to={`/projects/${p.id}`} className="min-w-0 flex-1 truncate font-medium hover:text-brand-700 hover:underline dark:hover:text-indigo-300">
                  {p.name}
                </Link>
                {dateRange(p.start_on, p.end_on) && <span className="text-xs text-slate-500 dark:text-slate-400">{dateRange(p.start_on, p.end_on)}</span>}
                <Badge tone={PROJECT_STATUS[p.status].tone}>{PROJECT_STATUS[p.status].label}</Badge>
              </li>
            ))}
          </ul>
          {projects.data.total > RELATED_LIMIT && (
            <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">The {RELATED_LIMIT} most recently changed of {projects.data.total} projects.</p>
          )}
        </>
      )}
    </Card>
  );
}
