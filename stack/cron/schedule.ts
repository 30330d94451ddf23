// pg_cron schedules: 5-field Vixie cron (with `$` for the last day of the month and the @ shorthands,
// evaluated in GMT as pg_cron does by default) or pg_cron's own '<1-59> seconds'.
import { Cron } from 'croner';

export type Schedule = { kind: 'seconds'; every: number } | { kind: 'cron'; cron: Cron };

const SHORTHANDS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The parsed schedule, or null when pg_cron would reject it (`invalid schedule: ...`). */
export function parseSchedule(text: string): Schedule | null {
  const s = text.trim().toLowerCase();
  const seconds = /^([1-9]|[1-5][0-9]) seconds?$/.exec(s);
  if (seconds) return { kind: 'seconds', every: Number(seconds[1]) };
  const fields = (SHORTHANDS[s] ?? s).split(/\s+/);
  if (fields.length !== 5) return null;
  if (fields[2] === '$') fields[2] = 'L';
  try {
    return { kind: 'cron', cron: new Cron(fields.join(' '), { timezone: 'Etc/UTC', mode: '5-part', paused: true }) };
  } catch {
    return null;
  }
}

/**
 * Whether the schedule fires in (after, upTo]: at most one run per check however far the clock
 * moved, as pg_cron never catches up on missed runs one by one.
 */
export function isDue(schedule: Schedule, after: Date, upTo: Date): boolean {
  if (upTo <= after) return false;
  if (schedule.kind === 'seconds') {
    const step = schedule.every * 1000;
    return Math.floor(upTo.getTime() / step) > Math.floor(after.getTime() / step);
  }
  const next = schedule.cron.nextRun(after);
  return next !== null && next <= upTo;
}
