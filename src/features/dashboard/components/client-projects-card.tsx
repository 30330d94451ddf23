import { Link } from 'react-router';
import { format, parseISO } from 'date-fns';
import { FolderKanban } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useClientProjects } from '../api/widgets';
import { nextMilestone } from '../widgets';

const STATUS: Record<string, { label: string; tone: 'brand' | 'neutral' | 'warning' | 'success' }> = {
  planning: { label: 'Planning', tone: 'neutral' },
  active: { label: 'In progress', tone: 'brand' },
  on_hold: { label: 'On hold', tone: 'warning' },
  completed: { label: 'Completed', tone: 'success' },
};

/** For a client member: their projects, each with its status and next milestone. */
export function ClientProjectsCard({ organizationId }: { organizationId: string }) {
  const projects = useClientProjects(organizationId);
  return (
    <Card title="Your projects">
      {projects.isPending ? (
        <SkeletonRows rows={2} label="Loading your projects" />
      ) : projects.error ? (
        <p className="text-sm text-red-600 dark:text-red-400">Your projects could not be loaded: {errorMessage(projects.error)}</p>
      ) : projects.data.total === 0 ? (
        <EmptyState icon={FolderKanban} title="No projects yet">When work on your first project starts, you can follow it here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {projects.data.projects.map((p) => {
            const status = STATUS[p.status] ?? { label: p.status, tone: 'neutral' as const };
            const next = nextMilestone(p.milestones);
            return (
              <li key={p.id} className="py-3 text-sm">
                <div className="flex items-center gap-3">
                  <Link to={`/projects/${p.id}`} className="min-w-0 flex-1 truncate font-medium hover:underline">
                    {p.name}
                  </Link>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </div>
                <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                  {next ? (
                    <>
                      Next: {next.title}
                      {next.due_on && ` · ${format(parseISO(next.due_on), 'MMM d')}`}
                    </>
                  ) : p.status === 'completed' ? (
                    'All done.'
                  ) : (
                    'No upcoming milestones.'
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
