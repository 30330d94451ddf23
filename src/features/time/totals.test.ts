import { describe, expect, it } from 'vitest';
import { entryTotals } from './totals';

describe('entryTotals', () => {
  it('splits finished entries into billable and non-billable minutes, leaving out a running timer', () => {
    const end = '2026-11-24T10:00:00Z';
    expect(
      entryTotals([
        { minutes: 90, billable: true, ended_at: end },
        { minutes: 30, billable: false, ended_at: end },
        { minutes: 45, billable: true, ended_at: end },
        { minutes: null, billable: true, ended_at: null },
      ]),
    ).toEqual({ total: 165, billable: 135, nonBillable: 30 });
    expect(entryTotals([])).toEqual({ total: 0, billable: 0, nonBillable: 0 });
  });
});
