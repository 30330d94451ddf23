import { describe, expect, it } from 'vitest';
import { assignLanes, fromDay, labelExtent, timelineLayout, timelineTicks, toDay } from './timeline';
import type { Milestone } from './milestones';

const m = (key: string, due_on: string | null, done = false): Milestone => ({ key, title: key, due_on, done });

describe('days', () => {
  it('round-trips ISO dates as UTC days', () => {
    expect(fromDay(toDay('2026-03-29'))).toBe('2026-03-29');
    expect(toDay('2026-01-02') - toDay('2025-12-31')).toBe(2);
  });
});

describe('timelineLayout', () => {
  it('places milestones in percent from start to end, with a today line', () => {
    const layout = timelineLayout({
      startOn: '2026-01-01',
      endOn: '2026-04-11', // 100 days
      today: '2026-01-26',
      milestones: [m('mid', '2026-02-20'), m('start', '2026-01-01', true), m('late', '2026-01-11'), m('none', null)],
    });
    expect(layout.days).toBe(100);
    expect(layout.todayPosition).toBe(25);
    expect(layout.markers.map((x) => [x.milestone.key, x.position, x.status])).toEqual([
      ['start', 0, 'done'],
      ['late', 10, 'overdue'],
      ['mid', 50, 'upcoming'],
    ]);
    expect(layout.unscheduled.map((x) => x.key)).toEqual(['none']);
  });

  it('widens the axis to take in milestones outside the project dates', () => {
    const layout = timelineLayout({ startOn: '2026-01-11', endOn: '2026-01-31', today: '2025-06-01', milestones: [m('early', '2026-01-01')] });
    expect(layout.from).toBe('2026-01-01');
    expect(layout.to).toBe('2026-01-31');
    expect(layout.markers[0]!.position).toBe(0);
    expect(layout.todayPosition).toBeNull();
  });

  it('falls back to today and pads very short spans', () => {
    const none = timelineLayout({ startOn: null, endOn: null, today: '2026-05-10', milestones: [] });
    expect(none.days).toBeGreaterThanOrEqual(14);
    expect(none.todayPosition).toBe(50);
    const startOnly = timelineLayout({ startOn: '2026-05-01', endOn: null, today: '2026-07-01', milestones: [] });
    expect(startOnly.from).toBe('2026-05-01');
    expect(startOnly.to).toBe('2026-07-01');
    expect(startOnly.todayPosition).toBe(100);
  });
});

describe('labels', () => {
  it('centre on their marker, or keep inside the axis near the ends', () => {
    expect(labelExtent(50, 20)).toEqual({ start: 40, end: 60, align: 'center' });
    expect(labelExtent(5, 20)).toEqual({ start: 5, end: 25, align: 'start' });
    expect(labelExtent(95, 20)).toEqual({ start: 75, end: 95, align: 'end' });
  });

  it('stack on lanes when they would overlap, and reuse lanes when there is room', () => {
    const lanes = (positions: number[], width: number, max = 3) => assignLanes(positions.map((p) => labelExtent(p, width)), max);
    expect(lanes([0, 10, 20, 40, 60, 100], 20)).toEqual([0, 1, 2, 0, 1, 0]);
    expect(lanes([10, 11, 12, 13], 20, 2)).toEqual([0, 1, 0, 1]);
    // The seeded "Website redesign" milestones: 12%, 34%, 80%, 100% on a narrow axis.
    expect(lanes([12, 34, 80, 100], 27)).toEqual([0, 1, 0, 1]);
  });

  it('are placed by the layout with their lane and alignment', () => {
    const layout = timelineLayout({ startOn: '2026-01-01', endOn: '2026-04-11', today: '2026-01-01', milestones: [m('a', '2026-01-01'), m('b', '2026-01-21')], labelWidth: 20 });
    expect(layout.markers.map((x) => [x.lane, x.align])).toEqual([
      [0, 'start'],
      [1, 'center'],
    ]);
  });
});

describe('timelineTicks', () => {
  it('uses month starts for long spans and Mondays for short ones', () => {
    const months = timelineTicks(toDay('2026-01-15'), toDay('2026-05-20'));
    expect(months.map((t) => t.date)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
    const weeks = timelineTicks(toDay('2026-03-01'), toDay('2026-03-20'));
    expect(weeks.map((t) => t.date)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    for (const t of [...months, ...weeks]) expect(t.position).toBeGreaterThanOrEqual(0);
  });

  it('thins ticks to at most about eight', () => {
    const ticks = timelineTicks(toDay('2026-01-01'), toDay('2028-01-01'));
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks[0]!.date).toBe('2026-01-01');
  });
});
