// When a task is due, seen from today: overdue, this week, later or no date (my tasks), and whether a
// card shows its date as overdue.
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { parseISODate, startOfWeek, toISODate } from '@/lib/week';

export type DueGroup = 'overdue' | 'this_week' | 'later' | 'no_date';

export const DUE_GROUPS: ReadonlyArray<{ group: DueGroup; label: string }> = [
  { group: 'overdue', label: 'Overdue' },
  { group: 'this_week', label: 'This week' },
  { group: 'later', label: 'Later' },
  { group: 'no_date', label: 'No date' },
];

/** "This week" runs from today to Sunday; anything before today is overdue. */
export function dueGroup(dueOn: string | null, today = new Date()): DueGroup {
  if (!dueOn) return 'no_date';
  const todayISO = toISODate(today);
  if (dueOn < todayISO) return 'overdue';
  const sunday = toISODate(addDays(startOfWeek(today), 6));
  return dueOn <= sunday ? 'this_week' : 'later';
}

export function groupByDue<T extends { due_on: string | null }>(tasks: readonly T[], today = new Date()): Record<DueGroup, T[]> {
  const groups: Record<DueGroup, T[]> = { overdue: [], this_week: [], later: [], no_date: [] };
  for (const t of tasks) groups[dueGroup(t.due_on, today)].push(t);
  return groups;
}

/** An open task whose date has passed. */
export function isOverdue(task: { due_on: string | null; status: string }, today = new Date()): boolean {
  return !!task.due_on && task.status !== 'done' && task.due_on < toISODate(today);
}

/** "Today", "Tomorrow", "Yesterday", "Mon, Nov 30", or with the year when not this year. */
export function formatDue(dueOn: string, today = new Date()): string {
  const date = parseISODate(dueOn);
  if (!date) return dueOn;
  const days = differenceInCalendarDays(date, today);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return format(date, date.getFullYear() === today.getFullYear() ? 'EEE, MMM d' : 'MMM d, yyyy');
}
