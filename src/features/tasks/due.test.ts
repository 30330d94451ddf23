import { describe, expect, it } from 'vitest';
import { dueGroup, formatDue, groupByDue, isOverdue } from './due';

// Wednesday, November 25, 2026 (local time).
const today = new Date(2026, 10, 25, 15, 30);

describe('dueGroup', () => {
  it('sorts dates into overdue, this week (to Sunday), later and no date', () => {
    expect(dueGroup('2026-11-24', today)).toBe('overdue');
    expect(dueGroup('2026-11-25', today)).toBe('this_week');
    expect(dueGroup('2026-11-29', today)).toBe('this_week');
    expect(dueGroup('2026-11-30', today)).toBe('later');
    expect(dueGroup(null, today)).toBe('no_date');
  });

  it('groups a list, keeping its order inside each group', () => {
    const tasks = [{ id: 'a', due_on: '2026-12-10' }, { id: 'b', due_on: null }, { id: 'c', due_on: '2026-11-01' }, { id: 'd', due_on: '2026-12-01' }];
    const groups = groupByDue(tasks, today);
    expect(groups.overdue.map((t) => t.id)).toEqual(['c']);
    expect(groups.later.map((t) => t.id)).toEqual(['a', 'd']);
    expect(groups.no_date.map((t) => t.id)).toEqual(['b']);
    expect(groups.this_week).toEqual([]);
  });
});

describe('isOverdue and formatDue', () => {
  it('flags only open tasks whose date has passed', () => {
    expect(isOverdue({ due_on: '2026-11-24', status: 'todo' }, today)).toBe(true);
    expect(isOverdue({ due_on: '2026-11-24', status: 'done' }, today)).toBe(false);
    expect(isOverdue({ due_on: '2026-11-25', status: 'todo' }, today)).toBe(false);
    expect(isOverdue({ due_on: null, status: 'todo' }, today)).toBe(false);
  });

  it('says today, tomorrow and yesterday, and adds the year only when it differs', () => {
    expect(formatDue('2026-11-25', today)).toBe('Today');
    expect(formatDue('2026-11-26', today)).toBe('Tomorrow');
    expect(formatDue('2026-11-24', today)).toBe('Yesterday');
    expect(formatDue('2026-12-02', today)).toBe('Wed, Dec 2');
    expect(formatDue('2027-01-05', today)).toBe('Jan 5, 2027');
  });
});
