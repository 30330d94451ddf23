import { describe, expect, it } from 'vitest';
import { byMember, capacityFlag, capacityReason, chartMax } from './capacity-rules';

describe('capacityFlag', () => {
  it('is over with more than 40 h planned, or more tracked than planned', () => {
    expect(capacityFlag({ planned: 40.5, actual: 0 })).toBe('over');
    expect(capacityFlag({ planned: 30, actual: 31 })).toBe('over');
    expect(capacityFlag({ planned: 0, actual: 2 })).toBe('over');
  });

  it('is under below 50% of 40 h planned, unless it is over', () => {
    expect(capacityFlag({ planned: 19.5, actual: 0 })).toBe('under');
    expect(capacityFlag({ planned: 0, actual: 0 })).toBe('under');
    expect(capacityFlag({ planned: 10, actual: 12 })).toBe('over');
  });

  it('is ok from 20 h to 40 h planned, tracked within the plan', () => {
    expect(capacityFlag({ planned: 20, actual: 0 })).toBe('ok');
    expect(capacityFlag({ planned: 40, actual: 40 })).toBe('ok');
  });

  it('explains itself', () => {
    expect(capacityReason({ planned: 48, actual: 0 })).toBe('48 h planned, more than 40 h');
    expect(capacityReason({ planned: 30, actual: 31.25 })).toBe('31.3 h tracked, 30 h planned');
    expect(capacityReason({ planned: 0, actual: 3 })).toBe('3 h tracked, none planned');
    expect(capacityReason({ planned: 12, actual: 0 })).toBe('only 12 h planned, under 20 h');
    expect(capacityReason({ planned: 32, actual: 30 })).toBeNull();
  });
});

describe('byMember', () => {
  it('makes one series per member with every week, counting flagged weeks', () => {
    const rows = [
      { user_id: 'u1', week_start: '2026-11-23', planned_hours: 44, actual_hours: 10 },
      { user_id: 'u1', week_start: '2026-11-30', planned_hours: 30, actual_hours: 0 },
      { user_id: 'u2', week_start: '2026-11-30', planned_hours: 10, actual_hours: 0 },
    ];
    const members = byMember(rows, ['2026-11-23', '2026-11-30']);
    expect(members).toEqual([
      {
        userId: 'u1',
        weeks: [
          { week: '2026-11-23', planned: 44, actual: 10, flag: 'over' },
          { week: '2026-11-30', planned: 30, actual: 0, flag: 'ok' },
        ],
        over: 1,
        under: 0,
      },
      {
        userId: 'u2',
        weeks: [
          { week: '2026-11-23', planned: 0, actual: 0, flag: 'under' },
          { week: '2026-11-30', planned: 10, actual: 0, flag: 'under' },
        ],
        over: 0,
        under: 2,
      },
    ]);
  });

  it('scales charts to fit the 40 h line and the largest bar', () => {
    expect(chartMax([])).toBe(48);
    expect(chartMax(byMember([{ user_id: 'u', week_start: 'w', planned_hours: 60, actual_hours: 0 }], ['w']))).toBe(64);
  });
});
