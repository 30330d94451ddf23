import { endOfMonth, format, parseISO, startOfMonth, subDays, subMonths } from 'date-fns';

export const PERIOD_PRESETS = [
  { value: 'last_month', label: 'Last month' },
  { value: 'this_month', label: 'This month so far' },
  { value: 'last_2_weeks', label: 'Last 2 weeks' },
  { value: 'custom', label: 'Custom dates' },
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['value'];

export interface Period {
  /** Inclusive first day, YYYY-MM-DD. */
  start: string;
  /** Inclusive last day, YYYY-MM-DD. */
  end: string;
}

/** A calendar date in the browser's time zone as YYYY-MM-DD (what a `date` column and input hold). */
export const isoDate = (date: Date): string => format(date, 'yyyy-MM-dd');

/**
 * The dates a preset stands for, seen from `today` (local calendar days, both ends inclusive).
 * "This month" and "last 2 weeks" end today: a report never looks into the future, where the
 * draft would call upcoming milestones overdue. Custom returns null: the person picks the dates.
 */
export function presetPeriod(preset: PeriodPreset, today: Date = new Date()): Period | null {
  switch (preset) {
    case 'last_month': {
      const month = subMonths(startOfMonth(today), 1);
      return { start: isoDate(month), end: isoDate(endOfMonth(month)) };
    }
    case 'this_month':
      return { start: isoDate(startOfMonth(today)), end: isoDate(today) };
    case 'last_2_weeks':
      return { start: isoDate(subDays(today, 13)), end: isoDate(today) };
    case 'custom':
      return null;
  }
}

/** "Nov 1 – 30, 2026", "Oct 20 – Nov 2, 2026" or "Dec 15, 2025 – Jan 14, 2026". */
export function formatPeriod(start: string, end: string): string {
  const a = parseISO(start);
  const b = parseISO(end);
  if (start === end) return format(a, 'MMM d, yyyy');
  if (a.getFullYear() !== b.getFullYear()) return `${format(a, 'MMM d, yyyy')} – ${format(b, 'MMM d, yyyy')}`;
  if (a.getMonth() !== b.getMonth()) return `${format(a, 'MMM d')} – ${format(b, 'MMM d, yyyy')}`;
  return `${format(a, 'MMM d')} – ${format(b, 'd, yyyy')}`;
}
