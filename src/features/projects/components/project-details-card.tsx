import { useState, type ReactNode } from 'react';
import { Pencil } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { ProjectDetail } from '../api/project';
import { formatDay, formatHours, formatMoney } from '../format';
import { EditProjectDialog } from './edit-project-dialog';
import { ProjectStatusBadge } from './project-status-badge';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-500 dark:text-slate-400">Not set</span>;

/** The project's facts; staff also see (and edit) budget, rate and checkpoints. */
export function ProjectDetailsCard({ project, isStaff, currency }: { project: ProjectDetail; isStaff: boolean; currency: string }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Details"
      actions={
        isStaff && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden /> Edit details
          </Button>
        )
      }
    >
      {project.description ? (
        <p className="mb-4 whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{project.description}</p>
      ) : (
        <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">No description yet.</p>
      )}
      <dl className="grid gap-4 sm:grid-cols-3">
        <Item label="Status">
          <ProjectStatusBadge status={project.status} />
        </Item>
        <Item label="Start">{project.start_on ? formatDay(project.start_on) : none}</Item>
        <Item label="End">{project.end_on ? formatDay(project.end_on) : none}</Item>
        {isStaff && (
          <>
            <Item label="Budget">{project.budget != null ? formatMoney(project.budget, currency) : none}</Item>
            <Item label="Budget hours">{project.budget_hours != null ? formatHours(project.budget_hours) : none}</Item>
            <Item label="Hourly rate">{project.hourly_rate != null ? formatMoney(project.hourly_rate, currency) : none}</Item>
            <Item label="Checkpoints">
              {project.checkpoint_every_days ? (
                <>
                  Every {project.checkpoint_every_days} {project.checkpoint_every_days === 1 ? 'day' : 'days'}
                  {project.next_checkpoint_on && <span className="block text-slate-500 dark:text-slate-400">Next on {formatDay(project.next_checkpoint_on)}</span>}
                </>
              ) : (
                <span className="text-slate-500 dark:text-slate-400">None</span>
              )}
            </Item>
          </>
        )}
      </dl>
      {isStaff && <EditProjectDialog project={project} currency={currency} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
