import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Clock, FolderX, Plus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { TimerButton } from '@/components/timer-button';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { toISODate } from '@/lib/week';
import { ENTRIES_PAGE_SIZE, useProjectEntries, type TimeEntry } from '../api/entries';
import { useCurrency, useTimeProject } from '../api/lookups';
import { DeleteEntryDialog } from '../components/delete-entry-dialog';
import { EntriesTable } from '../components/entries-table';
import { EntryDialog, type EntryDialogState } from '../components/entry-dialog';
import { ProjectTotals } from '../components/project-totals';

/** A project's time tab (staff only): every entry, totals against the budget, manual entries. */
export default function ProjectTimeRoute() {
  const { projectId = '' } = useParams();
  const { current, all } = useMembership();
  const userId = useUserId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const project = useTimeProject(projectId);
  const [dialog, setDialog] = useState<EntryDialogState>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);

  if (!hasRole(current.role, 'member')) return <Forbidden what="time tracking" />;
  if (project.isPending) return <SkeletonRows rows={6} label="Loading the project" />;
  if (project.error) return <Alert>The project could not be loaded: {errorMessage(project.error)}</Alert>;
  if (!project.data) {
    return (
      <EmptyState icon={FolderX} title="Project not found">
        It may have been removed, or it belongs to another organization.
      </EmptyState>
    );
  }
  const p = project.data;
  const role = all.find((m) => m.organizationId === p.organization_id)?.role ?? current.role;
  const isManager = hasRole(role, 'manager');

  return (
    <section aria-labelledby="project-time-title" className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="project-time-title" className="text-lg font-semibold">
            Time
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{p.name}</p>
        </div>
        <div className="flex gap-2">
          <TimerButton variant="full" projectId={p.id} label={p.name} />
          <Button onClick={() => setDialog({ kind: 'new', date: toISODate(new Date()) })}>
            <Plus className="size-4" aria-hidden /> Add time
          </Button>
        </div>
      </header>
      <ProjectTotals projectId={p.id} organizationId={p.organization_id} />
      <Entries
        projectId={p.id}
        organizationId={p.organization_id}
        page={page}
        onPage={(n) => setParams({ page: String(n) })}
        canChange={(e) => isManager || e.user_id === userId}
        onEdit={(entry) => setDialog({ kind: 'edit', entry })}
        onDelete={setDeleting}
        onAdd={() => setDialog({ kind: 'new', date: toISODate(new Date()) })}
      />
      <EntryDialog state={dialog} organizationId={p.organization_id} userId={userId} projects={[p]} onClose={() => setDialog(null)} />
      <DeleteEntryDialog entry={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

interface EntriesProps {
  projectId: string;
  organizationId: string;
  page: number;
  onPage: (page: number) => void;
  canChange: (e: TimeEntry) => boolean;
  onEdit: (e: TimeEntry) => void;
  onDelete: (e: TimeEntry) => void;
  onAdd: () => void;
}

function Entries({ projectId, organizationId, page, onPage, canChange, onEdit, onDelete, onAdd }: EntriesProps) {
  const entries = useProjectEntries(projectId, page);
  const currency = useCurrency(organizationId);
  if (entries.isPending) return <SkeletonRows rows={5} label="Loading time entries" />;
  if (entries.error) return <Alert>Time entries could not be loaded: {errorMessage(entries.error)}</Alert>;
  if (!entries.data.total) {
    return (
      <EmptyState icon={Clock} title="No time tracked yet" action={<Button onClick={onAdd}>Add time</Button>}>
        Start a timer on a task, or add time you have already spent.
      </EmptyState>
    );
  }
  return (
    <div>
      <EntriesTable entries={entries.data.entries} currency={currency} canChange={canChange} onEdit={onEdit} onDelete={onDelete} show="member" />
      <Pagination page={page} pageSize={ENTRIES_PAGE_SIZE} total={entries.data.total} onPageChange={onPage} />
    </div>
  );
}
