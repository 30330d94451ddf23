// The list view's filters and sort order, read from and written to the URL.
import { STATUS_LABELS, TASK_STATUSES, type TaskStatus } from './board';

export type SortKey = 'title' | 'status' | 'assignee' | 'due_on' | 'milestone';
export type SortDir = 'asc' | 'desc';

export interface ListFilters {
  status: TaskStatus | '';
  /** A user id, 'none' for unassigned, '' for everyone. */
  assignee: string;
  /** A milestone key, 'none' for no milestone, '' for all. */
  milestone: string;
  visible: 'yes' | 'no' | '';
}

export interface ListState extends ListFilters {
  sort: SortKey;
  dir: SortDir;
}

const SORT_KEYS: readonly SortKey[] = ['title', 'status', 'assignee', 'due_on', 'milestone'];

export function readListState(params: URLSearchParams): ListState {
  const status = params.get('status') as TaskStatus;
  const sort = params.get('sort') as SortKey;
  const visible = params.get('visible');
  return {
    status: TASK_STATUSES.includes(status) ? status : '',
    assignee: params.get('assignee') ?? '',
    milestone: params.get('milestone') ?? '',
    visible: visible === 'yes' || visible === 'no' ? visible : '',
    sort: SORT_KEYS.includes(sort) ? sort : 'status',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

export interface ListRow {
  id: string;
  title: string;
  status: TaskStatus;
  position: number;
  assignee_id: string | null;
  due_on: string | null;
  milestone_key: string | null;
  client_visible: boolean;
}

export function filterTasks<T extends ListRow>(tasks: readonly T[], f: ListFilters): T[] {
  return tasks.filter(
    (t) =>
      (!f.status || t.status === f.status) &&
      (!f.assignee || (f.assignee === 'none' ? !t.assignee_id : t.assignee_id === f.assignee)) &&
      (!f.milestone || (f.milestone === 'none' ? !t.milestone_key : t.milestone_key === f.milestone)) &&
      (!f.visible || t.client_visible === (f.visible === 'yes')),
  );
}

/**
 * Sorts for the table. Empty values (no date, nobody, no milestone) go last whichever the direction;
 * ties keep board order.
 */
export function sortTasks<T extends ListRow>(tasks: readonly T[], sort: SortKey, dir: SortDir, names: { assignee: (t: T) => string | null; milestone: (t: T) => string | null }): T[] {
  const value = (t: T): string | number | null => {
    switch (sort) {
      case 'title':
        return t.title.toLocaleLowerCase();
      case 'status':
        return TASK_STATUSES.indexOf(t.status);
      case 'assignee':
        return names.assignee(t)?.toLocaleLowerCase() ?? null;
      case 'due_on':
        return t.due_on;
      case 'milestone':
        return names.milestone(t)?.toLocaleLowerCase() ?? null;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...tasks].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? a.position - b.position : va === null ? 1 : -1;
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return order * sign || a.position - b.position;
  });
}

export const STATUS_OPTIONS = TASK_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
