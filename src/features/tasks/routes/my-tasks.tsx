import { useSearchParams } from 'react-router';
import { CheckCircle2, ListChecks } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { TASK_STATUSES, STATUS_LABELS, type TaskStatus } from '../board';
import { DUE_GROUPS, groupByDue } from '../due';
import { MY_DONE_PAGE_SIZE, MY_OPEN_LIMIT, useMyDoneTasks, useMyOpenTasks } from '../api/my-tasks';
import { MyTaskRow } from '../components/my-task-row';

const OPEN_STATUSES = TASK_STATUSES.filter((s) => s !== 'done');

/** Tasks assigned to me across this organization's projects, by when they are due. */
export default function MyTasksRoute() {
  const { current } = useMembership();
  const userId = useUserId();
  const [params, setParams] = useSearchParams();
  const project = params.get('project') ?? '';
  const status = (OPEN_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as TaskStatus) : '';
  const showDone = params.get('done') === '1';
  const donePage = Math.max(1, Number(params.get('page')) || 1);
  const open = useMyOpenTasks(current.organizationId, userId);
  const done = useMyDoneTasks(current.organizationId, userId, donePage, showDone);

  if (!hasRole(current.role, 'member')) return <Forbidden what="tasks" />;

  const update = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const projects = new Map((open.data ?? []).map((t) => [t.project_id, t.project?.name ?? 'Project']));
  const tasks = (open.data ?? []).filter((t) => (!project || t.project_id === project) && (!status || t.status === status));
  const groups = groupByDue(tasks);

  return (
    <>
      <PageHeader title="My tasks" description={`What is assigned to you at ${current.organizationName}, soonest first.`} />
      <div role="group" aria-label="Filter tasks" className="mb-6 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField
          label="Project"
          value={project}
          onChange={(e) => update({ project: e.target.value })}
          options={[{ value: '', label: 'All projects' }, ...[...projects].map(([id, name]) => ({ value: id, label: name }))]}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => update({ status: e.target.value })}
          options={[{ value: '', label: 'Any open status' }, ...OPEN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
        />
        <CheckboxField label="Show completed" checked={showDone} onChange={(e) => update({ done: e.target.checked ? '1' : '', page: '' })} className="sm:pb-2" />
      </div>

      {open.isPending ? (
        <SkeletonRows rows={6} label="Loading your tasks" />
      ) : open.error ? (
        <Alert>Your tasks could not be loaded: {errorMessage(open.error)}</Alert>
      ) : !tasks.length ? (
        <EmptyState icon={ListChecks} title={open.data.length ? 'No tasks match these filters' : 'Nothing assigned to you'}>
          {open.data.length ? 'Change the filters to see the rest.' : 'When someone assigns you a task, it shows up here.'}
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {open.data.length >= MY_OPEN_LIMIT && <Alert>You have more than {MY_OPEN_LIMIT} open tasks; the ones due soonest are shown.</Alert>}
          {DUE_GROUPS.filter((g) => groups[g.group].length).map((g) => (
            <section key={g.group} aria-labelledby={`due-${g.group}`}>
              <h2 id={`due-${g.group}`} className={`mb-2 text-sm font-semibold ${g.group === 'overdue' ? 'text-red-700 dark:text-red-300' : ''}`}>
                {g.label} ({groups[g.group].length})
              </h2>
              <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                {groups[g.group].map((t) => (
                  <MyTaskRow key={t.id} task={t} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {showDone && (
        <section aria-labelledby="due-done" className="mt-8">
          <h2 id="due-done" className="mb-2 flex items-center gap-2 text-sm font-semibold">
            <CheckCircle2 className="size-4 text-emerald-600" aria-hidden /> Completed
          </h2>
          {done.isPending ? (
            <SkeletonRows rows={3} label="Loading completed tasks" />
          ) : done.error ? (
            <Alert>{errorMessage(done.error)}</Alert>
          ) : !done.data.total ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">You have not completed any tasks here yet.</p>
          ) : (
            <>
              <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
                {done.data.tasks.map((t) => (
                  <MyTaskRow key={t.id} task={t} />
                ))}
              </ul>
              <Pagination page={donePage} pageSize={MY_DONE_PAGE_SIZE} total={done.data.total} onPageChange={(p) => update({ page: String(p) })} />
            </>
          )}
        </section>
      )}
    </>
  );
}
