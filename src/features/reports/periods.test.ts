import { describe, expect, it } from 'vitest';
import { formatPeriod, presetPeriod } from './periods';

// Local dates: new Date(y, m, d) is midnight in the test's own time zone, as in the browser.
const day = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);

describe('presetPeriod', () => {
  it('last month is the whole previous calendar month', () => {
    expect(presetPeriod('last_month', day(2026, 11, 23))).toEqual({ start: '2026-10-01', end: '2026-10-31' });
    expect(presetPeriod('last_month', day(2026, 3, 1, 0))).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(presetPeriod('last_month', day(2028, 3, 15))).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('crosses the year boundary in January', () => {
    expect(presetPeriod('last_month', day(2027, 1, 5))).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(presetPeriod('last_2_weeks', day(2027, 1, 5))).toEqual({ start: '2026-12-23', end: '2027-01-05' });
  });

  it('this month runs from the first to today', () => {
    expect(presetPeriod('this_month', day(2026, 11, 23))).toEqual({ start: '2026-11-01', end: '2026-11-23' });
    expect(presetPeriod('this_month', day(2026, 11, 1, 23))).toEqual({ start: '2026-11-01', end: '2026-11-01' });
  });

  it('last 2 weeks is the 14 days ending today', () => {
    expect(presetPeriod('last_2_weeks', day(2026, 11, 23))).toEqual({ start: '2026-11-10', end: '2026-11-23' });
  });

  it('leaves custom periods to the person', () => {
    expect(presetPeriod('custom', day(2026, 11, 23))).toBeNull();
  });
});

describe('formatPeriod', () => {
  it('says each part once', () => {
    expect(formatPeriod('2026-11-01', '2026-11-30')).toBe('Nov 1 – 30, 2026');
    expect(formatPeriod('2026-10-20', '2026-11-02')).toBe('Oct 20 – Nov 2, 2026');
    expect(formatPeriod('2025-12-15', '2026-01-14')).toBe('Dec 15, 2025 – Jan 14, 2026');
    expect(formatPeriod('2026-11-05', '2026-11-05')).toBe('Nov 5, 2026');
  });
});
