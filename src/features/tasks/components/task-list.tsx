import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ArrowDown, ArrowUp, ArrowUpDown, ListFilter } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SelectField } from '@/components/ui/select-field';
import { Button } from '@/components/ui/button';
import type { StaffMember } from '@/lib/staff';
import { TimerButton } from '@/components/timer-button';
import { filterTasks, readListState, sortTasks, STATUS_OPTIONS, type SortKey } from '../list';
import { personName, type Task } from '../api/project-tasks';
import type { Milestone } from '../api/project';
import { AssigneeAvatar, ClientVisibleMark, DueDate, MilestoneChip, StatusBadge } from './task-meta';

const PAGE_SIZE = 50;
const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'title', label: 'Title' },
  { key: 'status', label: 'Status' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'due_on', label: 'Due' },
  { key: 'milestone', label: 'Milestone' },
];

export interface TaskListProps {
  tasks: Task[];
  staff: StaffMember[];
  milestones: Milestone[];
  onOpen: (taskId: string) => void;
}

/** The project's tasks as a table: filters and sort order live in the URL, 50 rows a page. */
export function TaskList({ tasks, staff, milestones, onOpen }: TaskListProps) {
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const milestoneTitles = useMemo(() => new Map(milestones.map((m) => [m.key, m.title])), [milestones]);
  const milestoneOf = (t: Task) => (t.milestone_key ? (milestoneTitles.get(t.milestone_key) ?? t.milestone_key) : null);
  // A project's tasks are all loaded for the board, so the list filters and sorts them in the browser.
  const rows = sortTasks(filterTasks(tasks, state), state.sort, state.dir, {
    assignee: (t) => (t.assignee ? personName(t.assignee) : null),
    milestone: milestoneOf,
  });
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const filtered = !!(state.status || state.assignee || state.milestone || state.visible);

  const update = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const sortBy = (key: SortKey) => update({ sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc' });

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Filter tasks" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
        <SelectField label="Status" value={state.status} onChange={(e) => update({ status: e.target.value })} options={[{ value: '', label: 'Any status' }, ...STATUS_OPTIONS]} />
        <SelectField
          label="Assignee"
          value={state.assignee}
          onChange={(e) => update({ assignee: e.target.value })}
          options={[{ value: '', label: 'Anyone' }, { value: 'none', label: 'Unassigned' }, ...staff.map((s) => ({ value: s.userId, label: s.name }))]}
        />
        <SelectField
          label="Milestone"
          value={state.milestone}
          onChange={(e) => update({ milestone: e.target.value })}
          options={[{ value: '', label: 'Any milestone' }, { value: 'none', label: 'No milestone' }, ...milestones.map((m) => ({ value: m.key, label: m.title }))]}
        />
        <SelectField
          label="Client can see"
          value={state.visible}
          onChange={(e) => update({ visible: e.target.value })}
          options={[
            { value: '', label: 'All tasks' },
            { value: 'yes', label: 'Visible to the client' },
            { value: 'no', label: 'Internal only' },
          ]}
        />
        {filtered && (
          <Button variant="ghost" onClick={() => update({ status: '', assignee: '', milestone: '', visible: '' })}>
            Clear filters
          </Button>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={ListFilter} title={filtered ? 'No tasks match these filters' : 'No tasks yet'}>
          {filtered ? 'Change or clear the filters to see more.' : 'Add the first task with “New task”.'}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Tasks, sorted by {COLUMNS.find((c) => c.key === state.sort)?.label.toLowerCase()} ({state.dir === 'asc' ? 'ascending' : 'descending'})</caption>
            <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                {COLUMNS.map((c) => {
                  const active = state.sort === c.key;
                  const Icon = !active ? ArrowUpDown : state.dir === 'asc' ? ArrowUp : ArrowDown;
                  return (
                    <th key={c.key} scope="col" aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined} className="px-3 py-2 font-semibold">
                      <button type="button" onClick={() => sortBy(c.key)} className="inline-flex items-center gap-1 rounded hover:text-slate-900 dark:hover:text-white">
                        {c.label}
                        <Icon className={`size-3.5 ${active ? '' : 'opacity-50'}`} aria-hidden />
                      </button>
                    </th>
                  );
                })}
                <th scope="col" className="px-3 py-2 font-semibold">
                  <span className="sr-only">Client can see</span>
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  <span className="sr-only">Timer</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {shown.map((t) => {
                const assignee = t.assignee ? personName(t.assignee) : null;
                return (
                  <tr key={t.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                    <td className="max-w-xs px-3 py-2">
                      <button type="button" onClick={() => onOpen(t.id)} className="text-left font-medium hover:underline">
                        {t.title}
                      </button>
                    </td>
                    <td className="px-3 py-2">
                      <StatusBadge status={t.status} />
                    </td>
                    <td className="px-3 py-2">
                      <span className="inline-flex items-center gap-2">
                        <AssigneeAvatar name={assignee} avatarUrl={t.assignee?.avatar_url} />
                        <span aria-hidden className="text-slate-700 dark:text-slate-300">{assignee ?? '—'}</span>
                      </span>
                    </td>
                    <td className="whitespace-nowrap px-3 py-2">{t.due_on ? <DueDate dueOn={t.due_on} status={t.status} /> : <span className="text-slate-500 dark:text-slate-400">—</span>}</td>
                    <td className="px-3 py-2">{milestoneOf(t) ? <MilestoneChip title={milestoneOf(t)} /> : <span className="text-slate-500 dark:text-slate-400">—</span>}</td>
                    <td className="px-3 py-2">{t.client_visible && <ClientVisibleMark />}</td>
                    <td className="px-3 py-2 text-right">
                      <TimerButton projectId={t.project_id} taskId={t.id} label={t.title} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={rows.length} onPageChange={(p) => update({ page: String(p) })} />}
    </div>
  );
}
