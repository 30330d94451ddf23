import { describe, expect, it } from 'vitest';
import { spanLabel, daysOfWeek, parseISODate, shiftWeek, startOfDayISO, startOfWeek, toISODate, weekFromParam, weekRangeLabel, weeksFrom } from './week';

describe('week maths', () => {
  it('starts weeks on Monday, also from a Sunday', () => {
    expect(toISODate(startOfWeek(new Date(2026, 10, 25)))).toBe('2026-11-23'); // Wednesday
    expect(toISODate(startOfWeek(new Date(2026, 10, 29, 23, 59)))).toBe('2026-11-23'); // Sunday night
    expect(toISODate(startOfWeek(new Date(2026, 10, 30, 0, 1)))).toBe('2026-11-30'); // Monday morning
  });

  it('reads a week from the URL, falling back to this week', () => {
    const today = new Date(2026, 10, 25);
    expect(weekFromParam('2026-12-03', today)).toBe('2026-11-30');
    expect(weekFromParam(null, today)).toBe('2026-11-23');
    expect(weekFromParam('not-a-date', today)).toBe('2026-11-23');
    expect(weekFromParam('2026-02-31', today)).toBe('2026-11-23');
  });

  it('steps across months, years and daylight saving changes', () => {
    expect(shiftWeek('2026-11-23', 1)).toBe('2026-11-30');
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftWeek('2026-03-23', 1)).toBe('2026-03-30');
    expect(shiftWeek('2026-10-26', -1)).toBe('2026-10-19');
    expect(weeksFrom('2026-11-25', 3)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
  });

  it('lists the days of a week and labels it', () => {
    expect(daysOfWeek('2026-11-30')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weekRangeLabel('2026-11-23')).toBe('Nov 23 – 29, 2026');
    expect(weekRangeLabel('2026-11-30')).toBe('Nov 30 – Dec 6, 2026');
    expect(spanLabel('2026-11-23', 2)).toBe('Nov 23 – Dec 6, 2026');
    expect(spanLabel('2026-12-21', 4)).toBe('Dec 21, 2026 – Jan 17, 2027');
  });

  it('parses only real dates, as local days', () => {
    expect(parseISODate('2026-11-23')?.getDate()).toBe(23);
    expect(parseISODate('23.11.2026')).toBeNull();
    expect(new Date(startOfDayISO('2026-11-23')).getHours()).toBe(0);
  });
});
