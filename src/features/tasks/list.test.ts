import { describe, expect, it } from 'vitest';
import { filterTasks, readListState, sortTasks, type ListRow } from './list';

const row = (id: string, over: Partial<ListRow> = {}): ListRow => ({
  id,
  title: id,
  status: 'todo',
  position: 1,
  assignee_id: null,
  due_on: null,
  milestone_key: null,
  client_visible: false,
  ...over,
});

describe('readListState', () => {
  it('reads known values and ignores the rest', () => {
    expect(readListState(new URLSearchParams('status=review&sort=due_on&dir=desc&visible=yes&assignee=u1'))).toEqual({
      status: 'review',
      assignee: 'u1',
      milestone: '',
      visible: 'yes',
      sort: 'due_on',
      dir: 'desc',
    });
    expect(readListState(new URLSearchParams('status=blocked&sort=nope&visible=maybe'))).toMatchObject({ status: '', sort: 'status', dir: 'asc', visible: '' });
  });
});

describe('filterTasks', () => {
  const tasks = [
    row('a', { assignee_id: 'u1', milestone_key: 'design', client_visible: true }),
    row('b', { status: 'done', milestone_key: 'build' }),
    row('c', { assignee_id: 'u2' }),
  ];
  const none = { status: '', assignee: '', milestone: '', visible: '' } as const;

  it('combines status, assignee, milestone and visibility', () => {
    expect(filterTasks(tasks, none).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(filterTasks(tasks, { ...none, status: 'done' }).map((t) => t.id)).toEqual(['b']);
    expect(filterTasks(tasks, { ...none, assignee: 'none' }).map((t) => t.id)).toEqual(['b']);
    expect(filterTasks(tasks, { ...none, assignee: 'u2' }).map((t) => t.id)).toEqual(['c']);
    expect(filterTasks(tasks, { ...none, milestone: 'none' }).map((t) => t.id)).toEqual(['c']);
    expect(filterTasks(tasks, { ...none, visible: 'yes' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTasks(tasks, { ...none, visible: 'no', status: 'todo' }).map((t) => t.id)).toEqual(['c']);
  });
});

describe('sortTasks', () => {
  const names = { assignee: (t: ListRow) => (t.assignee_id === 'u1' ? 'Zoe' : t.assignee_id === 'u2' ? 'Adam' : null), milestone: () => null };
  const tasks = [
    row('Beta', { due_on: '2026-12-01', assignee_id: 'u1', status: 'review', position: 2 }),
    row('alpha', { due_on: null, status: 'todo', position: 3 }),
    row('Gamma', { due_on: '2026-11-01', assignee_id: 'u2', status: 'todo', position: 1 }),
  ];

  it('sorts by title ignoring case, and by status in board order', () => {
    expect(sortTasks(tasks, 'title', 'asc', names).map((t) => t.id)).toEqual(['alpha', 'Beta', 'Gamma']);
    expect(sortTasks(tasks, 'status', 'asc', names).map((t) => t.id)).toEqual(['Gamma', 'alpha', 'Beta']);
  });

  it('keeps empty values last in both directions', () => {
    expect(sortTasks(tasks, 'due_on', 'asc', names).map((t) => t.id)).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(sortTasks(tasks, 'due_on', 'desc', names).map((t) => t.id)).toEqual(['Beta', 'Gamma', 'alpha']);
    expect(sortTasks(tasks, 'assignee', 'asc', names).map((t) => t.id)).toEqual(['Gamma', 'Beta', 'alpha']);
  });
});
