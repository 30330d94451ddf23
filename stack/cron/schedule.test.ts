import { describe, expect, it } from 'vitest';
import { isDue, parseSchedule } from './schedule.ts';

const at = (iso: string) => new Date(iso);

describe('parseSchedule', () => {
  it('reads pg_cron seconds, 5-field cron, `$`, names and shorthands', () => {
    expect(parseSchedule('5 seconds')).toEqual({ kind: 'seconds', every: 5 });
    expect(parseSchedule(' 1 second ')).toEqual({ kind: 'seconds', every: 1 });
    for (const s of ['*/5 * * * *', '0 0 $ * *', '0 9 * jan-mar mon-fri', '@daily', '@hourly', '0 0 * * 7', '1-5,10 */2 1,15 * *']) {
      expect(parseSchedule(s)?.kind, s).toBe('cron');
    }
  });

  it('rejects what pg_cron rejects', () => {
    for (const s of ['60 seconds', '0 seconds', 'every day', '* * * *', '* * * * * *', '61 * * * *', '0 25 * * *']) {
      expect(parseSchedule(s), s).toBeNull();
    }
  });
});

describe('isDue', () => {
  it('fires a cron schedule once when its time falls in the window, in GMT', () => {
    const daily = parseSchedule('0 3 * * *')!;
    expect(isDue(daily, at('2026-05-01T02:59:59Z'), at('2026-05-01T03:00:00Z'))).toBe(true);
    expect(isDue(daily, at('2026-05-01T03:00:00Z'), at('2026-05-01T03:00:01Z'))).toBe(false);
    expect(isDue(daily, at('2026-05-01T04:00:00Z'), at('2026-05-02T02:00:00Z'))).toBe(false);
    // A big clock jump still gives one run, not one per missed day.
    expect(isDue(daily, at('2026-05-01T04:00:00Z'), at('2026-05-09T04:00:00Z'))).toBe(true);
  });

  it('treats `$` as the last day of the month and 7 as Sunday', () => {
    const last = parseSchedule('0 0 $ * *')!;
    expect(isDue(last, at('2026-02-27T23:59:59Z'), at('2026-02-28T00:00:00Z'))).toBe(true);
    expect(isDue(last, at('2026-03-27T23:59:59Z'), at('2026-03-28T00:00:00Z'))).toBe(false);
    const sunday = parseSchedule('0 12 * * 7')!;
    expect(isDue(sunday, at('2026-05-03T11:59:59Z'), at('2026-05-03T12:00:00Z'))).toBe(true); // a Sunday
    expect(isDue(sunday, at('2026-05-04T11:59:59Z'), at('2026-05-04T12:00:00Z'))).toBe(false);
  });

  it('fires a seconds schedule on each multiple of its interval', () => {
    const every5 = parseSchedule('5 seconds')!;
    expect(isDue(every5, at('2026-05-01T00:00:04Z'), at('2026-05-01T00:00:05Z'))).toBe(true);
    expect(isDue(every5, at('2026-05-01T00:00:05Z'), at('2026-05-01T00:00:06Z'))).toBe(false);
    expect(isDue(every5, at('2026-05-01T00:00:06Z'), at('2026-05-01T00:00:06Z'))).toBe(false);
  });
});
