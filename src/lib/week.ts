// Week maths in the browser's time zone: weeks start on Monday (as capacity_entries.week_start does),
// and dates travel as ISO strings (yyyy-mm-dd) in URLs and to the database.
import { addDays, format, isValid, parseISO, startOfWeek as startOfWeekFns } from 'date-fns';

/** Local midnight of the Monday of the week `date` falls in. */
export function startOfWeek(date: Date): Date {
  return startOfWeekFns(date, { weekStartsOn: 1 });
}

export function addWeeks(date: Date, weeks: number): Date {
  return addDays(date, weeks * 7);
}

/** The local calendar date as yyyy-mm-dd (not UTC: 00:30 on the 5th in Berlin is still the 5th). */
export function toISODate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** Parses yyyy-mm-dd as a local date; null for anything else. */
export function parseISODate(value: string | null | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parseISO(value);
  return isValid(date) ? date : null;
}

/** The Monday (yyyy-mm-dd) of the week named in a URL parameter, or of this week when it is missing or bad. */
export function weekFromParam(value: string | null | undefined, today = new Date()): string {
  return toISODate(startOfWeek(parseISODate(value) ?? today));
}

/** The seven days of the week starting `monday` (yyyy-mm-dd each). */
export function daysOfWeek(monday: string): string[] {
  const start = parseISODate(monday)!;
  return Array.from({ length: 7 }, (_, i) => toISODate(addDays(start, i)));
}

/** The Mondays of `count` weeks from the week of `monday`. */
export function weeksFrom(monday: string, count: number): string[] {
  const start = startOfWeek(parseISODate(monday)!);
  return Array.from({ length: count }, (_, i) => toISODate(addWeeks(start, i)));
}

export function shiftWeek(monday: string, weeks: number): string {
  return toISODate(addWeeks(parseISODate(monday)!, weeks));
}

/** "Nov 23 – 29, 2026" or "Nov 30 – Dec 6, 2026". */
export function weekRangeLabel(monday: string): string {
  const start = parseISODate(monday)!;
  const end = addDays(start, 6);
  const sameMonth = start.getMonth() === end.getMonth();
  return `${format(start, 'MMM d')} – ${format(end, sameMonth ? 'd, yyyy' : 'MMM d, yyyy')}`;
}

/** "Nov 23 – Dec 6, 2026": the span of `weeks` weeks from `monday`. */
export function spanLabel(monday: string, weeks: number): string {
  const start = parseISODate(monday)!;
  const end = addDays(start, weeks * 7 - 1);
  return `${format(start, start.getFullYear() === end.getFullYear() ? 'MMM d' : 'MMM d, yyyy')} – ${format(end, 'MMM d, yyyy')}`;
}

/** The instant a local day begins, as an ISO timestamp for range filters. */
export function startOfDayISO(day: string): string {
  return parseISODate(day)!.toISOString();
}
