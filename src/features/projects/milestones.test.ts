import { describe, expect, it } from 'vitest';
import { MILESTONE_KEY_PATTERN, milestoneKey, milestonesProblem, milestoneStatus, parseMilestones, sortMilestones, toMilestonesJson, type Milestone } from './milestones';

const m = (key: string, title = key, due_on: string | null = null, done = false): Milestone => ({ key, title, due_on, done });

describe('milestoneKey', () => {
  it('makes a slug from the title', () => {
    expect(milestoneKey('Design system approved', [])).toBe('design-system-approved');
    expect(milestoneKey('  Über-Launch!! 2.0 ', [])).toBe('uber-launch-2-0');
    expect(milestoneKey('!!!', [])).toBe('milestone');
  });

  it('stays unique among existing keys', () => {
    expect(milestoneKey('Design', ['design'])).toBe('design-2');
    expect(milestoneKey('Design', ['design', 'design-2'])).toBe('design-3');
  });

  it('always matches the database pattern, even for long titles', () => {
    const title = 'A very long milestone title that goes on and on past forty characters';
    const first = milestoneKey(title, []);
    const second = milestoneKey(title, [first]);
    for (const key of [first, second, milestoneKey('-leading dash', []), milestoneKey('9 lives', [])]) {
      expect(key).toMatch(MILESTONE_KEY_PATTERN);
    }
    expect(second).not.toBe(first);
    expect(second.endsWith('-2')).toBe(true);
  });
});

describe('parseMilestones', () => {
  it('reads valid entries and skips malformed ones', () => {
    expect(parseMilestones([{ key: 'a', title: 'A', due_on: '2026-03-01', done: true }, { key: 'b', title: 'B' }, 'x', null, { title: 'no key' }])).toEqual([
      m('a', 'A', '2026-03-01', true),
      m('b', 'B'),
    ]);
    expect(parseMilestones(null)).toEqual([]);
    expect(parseMilestones({})).toEqual([]);
  });
});

describe('milestonesProblem', () => {
  it('accepts a good list and names what is wrong otherwise', () => {
    expect(milestonesProblem([m('a', 'A', '2026-01-01'), m('b', 'B')])).toBeNull();
    expect(milestonesProblem([m('a', '  ')])).toBe('Every milestone needs a title.');
    expect(milestonesProblem([m('a'), m('a')])).toBe('Two milestones share the key "a".');
    expect(milestonesProblem([m('Bad Key')])).toBe('"Bad Key" is not a valid milestone key.');
    expect(milestonesProblem([m('a', 'A', '01/02/2026')])).toBe('"A" has an invalid due date.');
    expect(milestonesProblem(Array.from({ length: 101 }, (_, i) => m(`k${i}`)))).toMatch(/at most 100/);
  });
});

describe('status, order and storage', () => {
  it('tells done, overdue, upcoming and unscheduled apart', () => {
    const today = '2026-05-10';
    expect(milestoneStatus(m('a', 'A', '2026-05-01', true), today)).toBe('done');
    expect(milestoneStatus(m('a', 'A', '2026-05-09'), today)).toBe('overdue');
    expect(milestoneStatus(m('a', 'A', '2026-05-10'), today)).toBe('upcoming');
    expect(milestoneStatus(m('a', 'A'), today)).toBe('unscheduled');
  });

  it('sorts by due date with undated last, stable among equals', () => {
    const list = [m('c', 'C'), m('b', 'B', '2026-02-01'), m('a', 'A', '2026-01-01'), m('d', 'D'), m('e', 'E', '2026-01-01')];
    expect(sortMilestones(list).map((x) => x.key)).toEqual(['a', 'e', 'b', 'c', 'd']);
  });

  it('stores due_on only when set and trims titles', () => {
    expect(toMilestonesJson([m('a', ' A ', null), m('b', 'B', '2026-01-01', true)])).toEqual([
      { key: 'a', title: 'A', done: false },
      { key: 'b', title: 'B', due_on: '2026-01-01', done: true },
    ]);
  });
});
