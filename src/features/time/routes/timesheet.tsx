import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ChevronLeft, ChevronRight, Plus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { useUserId } from '@/lib/auth';
import { formatMinutes } from '@/lib/duration';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { daysOfWeek, shiftWeek, toISODate, weekFromParam, weekRangeLabel } from '@/lib/week';
import { useWeekEntries, type TimeEntry } from '../api/entries';
import { useWorkProjects } from '../api/lookups';
import { DeleteEntryDialog } from '../components/delete-entry-dialog';
import { EntryDialog, type EntryDialogState } from '../components/entry-dialog';
import { TimerCard } from '../components/timer-card';
import { WeekSheet } from '../components/week-sheet';
import { entryTotals } from '../totals';

/** My timesheet: the running timer, a week of my entries, manual entries, billable and non-billable totals. */
export default function TimesheetRoute() {
  const { current } = useMembership();
  const userId = useUserId();
  const [params, setParams] = useSearchParams();
  const monday = weekFromParam(params.get('week'));
  const thisWeek = weekFromParam(null);
  const entries = useWeekEntries(userId, monday);
  const projects = useWorkProjects(current.organizationId, hasRole(current.role, 'member'));
  const [dialog, setDialog] = useState<EntryDialogState>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);

  if (!hasRole(current.role, 'member')) return <Forbidden what="time tracking" />;

  const goTo = (week: string) => setParams(week === thisWeek ? {} : { week });
  // Entries of other organizations I work in stay out of this organization's timesheet.
  const mine = (entries.data ?? []).filter((e) => e.organization_id === current.organizationId);
  const totals = entryTotals(mine);
  const today = toISODate(new Date());
  const defaultDay = daysOfWeek(monday).includes(today) ? today : monday;

  return (
    <>
      <PageHeader
        title="Time"
        description={`Your timesheet at ${current.organizationName}.`}
        actions={
          <Button onClick={() => setDialog({ kind: 'new', date: defaultDay })} disabled={!projects.data?.length}>
            <Plus className="size-4" aria-hidden /> Add time
          </Button>
        }
      />
      <div className="space-y-6">
        <TimerCard projects={projects.data ?? []} />
        <nav aria-label="Week" className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2">
            <Button variant="secondary" aria-label="Previous week" onClick={() => goTo(shiftWeek(monday, -1))}>
              <ChevronLeft className="size-4" aria-hidden />
            </Button>
            <h2 className="min-w-52 text-center text-sm font-semibold" aria-live="polite">
              {weekRangeLabel(monday)}
            </h2>
            <Button variant="secondary" aria-label="Next week" onClick={() => goTo(shiftWeek(monday, 1))}>
              <ChevronRight className="size-4" aria-hidden />
            </Button>
            {monday !== thisWeek && (
              <Button variant="ghost" onClick={() => goTo(thisWeek)}>
                This week
              </Button>
            )}
          </div>
          <dl className="flex gap-6 text-sm">
            <Total label="Total" minutes={totals.total} />
            <Total label="Billable" minutes={totals.billable} />
            <Total label="Non-billable" minutes={totals.nonBillable} />
          </dl>
        </nav>
        {entries.isPending ? (
          <SkeletonRows rows={7} label="Loading your week" />
        ) : entries.error ? (
          <Alert>Your entries could not be loaded: {errorMessage(entries.error)}</Alert>
        ) : (
          <WeekSheet monday={monday} entries={mine} onAdd={(day) => setDialog({ kind: 'new', date: day })} onEdit={(entry) => setDialog({ kind: 'edit', entry })} onDelete={setDeleting} />
        )}
        {projects.data && !projects.data.length && <Alert>There are no projects to log time on yet.</Alert>}
      </div>
      <EntryDialog state={dialog} organizationId={current.organizationId} userId={userId} projects={projects.data ?? []} onClose={() => setDialog(null)} />
      <DeleteEntryDialog entry={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

function Total({ label, minutes }: { label: string; minutes: number }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-semibold tabular-nums">{formatMinutes(minutes)}</dd>
    </div>
  );
}
