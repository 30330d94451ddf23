import { describe, expect, it } from 'vitest';
import { dueLabel, nextMilestone, thisWeek, worstBand } from './widgets';

describe('worstBand', () => {
  it('picks the more alarming band and ignores missing budgets', () => {
    expect(worstBand('on_track', 'warning')).toBe('warning');
    expect(worstBand('over_budget', 'critical')).toBe('over_budget');
    expect(worstBand(null, 'on_track')).toBe('on_track');
    expect(worstBand(null, undefined)).toBeNull();
    expect(worstBand('nonsense')).toBeNull();
  });
});

describe('nextMilestone', () => {
  it('is the earliest open milestone, undated ones last', () => {
    const milestones = [
      { key: 'discovery', title: 'Discovery', due_on: '2026-11-03', done: true },
      { key: 'launch', title: 'Launch', due_on: '2027-01-22', done: false },
      { key: 'later', title: 'Someday' },
      { key: 'design', title: 'Design approved', due_on: '2026-11-28' },
    ];
    expect(nextMilestone(milestones)).toEqual({ key: 'design', title: 'Design approved', due_on: '2026-11-28', done: false });
    expect(nextMilestone([{ key: 'a', title: 'Undated' }])?.title).toBe('Undated');
  });

  it('survives empty and malformed JSON', () => {
    expect(nextMilestone([])).toBeNull();
    expect(nextMilestone(null)).toBeNull();
    expect(nextMilestone({ key: 'x' })).toBeNull();
    expect(nextMilestone([1, 'two', null, [], { key: 'no-title' }])).toBeNull();
  });
});

describe('thisWeek', () => {
  it('ends on Sunday, also when today is Sunday', () => {
    expect(thisWeek(new Date(2026, 10, 23, 9))).toEqual({ today: '2026-11-23', weekEnd: '2026-11-29' });
    expect(thisWeek(new Date(2026, 10, 29, 23))).toEqual({ today: '2026-11-29', weekEnd: '2026-11-29' });
    expect(thisWeek(new Date(2026, 11, 31, 12))).toEqual({ today: '2026-12-31', weekEnd: '2027-01-03' });
  });
});

describe('dueLabel', () => {
  it('marks overdue tasks and names near days', () => {
    expect(dueLabel('2026-11-20', '2026-11-23')).toEqual({ label: 'Overdue', overdue: true });
    expect(dueLabel('2026-11-23', '2026-11-23')).toEqual({ label: 'Today', overdue: false });
    expect(dueLabel('2026-11-24', '2026-11-23')).toEqual({ label: 'Tomorrow', overdue: false });
    expect(dueLabel('2026-11-27', '2026-11-23')).toEqual({ label: 'Friday', overdue: false });
    expect(dueLabel('2027-01-01', '2026-12-31').label).toBe('Tomorrow');
  });
});
