import * as z from 'zod/mini';
import { parseDuration } from '@/lib/duration';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE = /^\d{1,8}([.,]\d{1,2})?$/;

/** A manual time entry (or an edit of one): the day, how long, at what rate, on which task. */
export const entrySchema = z
  .object({
    project_id: z.string().check(z.minLength(1, { error: 'Choose a project' })),
    /** '' for the project in general. */
    task_id: z.string(),
    date: z.string().check(z.regex(DATE, { error: 'Pick a day' })),
    hours: z.string(),
    minutes: z.string(),
    billable: z.boolean(),
    rate: z.string().check(z.trim(), z.regex(RATE, { error: 'Enter an hourly rate such as 120 or 95.50' })),
    note: z.string().check(z.maxLength(1000, { error: 'Use at most 1,000 characters' })),
  })
  .check((ctx) => {
    const duration = parseDuration(ctx.value.hours, ctx.value.minutes);
    if (!duration.ok) ctx.issues.push({ code: 'custom', message: duration.error, input: ctx.value, path: ['hours'] });
  });
export type EntryInput = z.infer<typeof entrySchema>;

export function parseRate(rate: string): number {
  return Number(rate.trim().replace(',', '.'));
}

/** The columns an entry form writes. */
export function entryColumns(input: EntryInput, startedAt: Date) {
  const duration = parseDuration(input.hours, input.minutes);
  if (!duration.ok) throw new Error(duration.error);
  const times = entryTimes(startedAt, duration.minutes);
  return {
    task_id: input.task_id || null,
    started_at: times.started_at,
    ended_at: times.ended_at,
    billable: input.billable,
    hourly_rate: parseRate(input.rate),
    note: input.note.trim() || null,
  };
}

/** Manual entries start at 09:00 local time on their day. */
export const MANUAL_START_HOUR = 9;

/**
 * When an entry on `date` (yyyy-mm-dd) starts: at 09:00 local for a new one, or at the time of day it
 * already had (`keepTimeOf`) when an edit moves it to another day.
 */
export function entryStart(date: string, keepTimeOf?: Date): Date {
  if (!DATE.test(date)) throw new Error(`Not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return keepTimeOf
    ? new Date(y, m - 1, d, keepTimeOf.getHours(), keepTimeOf.getMinutes(), keepTimeOf.getSeconds())
    : new Date(y, m - 1, d, MANUAL_START_HOUR, 0, 0);
}

export function entryTimes(startedAt: Date, minutes: number): { started_at: string; ended_at: string } {
  return { started_at: startedAt.toISOString(), ended_at: new Date(startedAt.getTime() + minutes * 60_000).toISOString() };
}
