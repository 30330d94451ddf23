// Pure helpers behind the dashboard widgets: budget bands, milestones and the week's bounds.
import { endOfWeek, format } from 'date-fns';
import type { Json } from '@/lib/database.types';

export type BudgetBand = 'on_track' | 'warning' | 'critical' | 'over_budget';
const BAND_RANK: Record<BudgetBand, number> = { on_track: 0, warning: 1, critical: 2, over_budget: 3 };

export const BAND_LABEL: Record<BudgetBand, { label: string; tone: 'success' | 'warning' | 'danger' }> = {
  on_track: { label: 'On budget', tone: 'success' },
  warning: { label: 'Budget 75%+', tone: 'warning' },
  critical: { label: 'Budget 90%+', tone: 'danger' },
  over_budget: { label: 'Over budget', tone: 'danger' },
};

const isBand = (value: unknown): value is BudgetBand => typeof value === 'string' && value in BAND_RANK;

/** The more alarming of a project's money and hours bands; null when it has neither budget. */
export function worstBand(...bands: Array<string | null | undefined>): BudgetBand | null {
  return bands.filter(isBand).reduce<BudgetBand | null>((worst, b) => (worst === null || BAND_RANK[b] > BAND_RANK[worst] ? b : worst), null);
}

export interface Milestone {
  key: string;
  title: string;
  due_on: string | null;
  done: boolean;
}

/** The first open milestone by due date (undated ones last), read defensively from the JSON column. */
export function nextMilestone(milestones: Json): Milestone | null {
  if (!Array.isArray(milestones)) return null;
  const open = milestones
    .filter((m): m is Record<string, Json> => !!m && typeof m === 'object' && !Array.isArray(m))
    .map((m) => ({
      key: String(m.key ?? ''),
      title: typeof m.title === 'string' ? m.title : '',
      due_on: typeof m.due_on === 'string' ? m.due_on : null,
      done: m.done === true,
    }))
    .filter((m) => m.title && !m.done);
  open.sort((a, b) => (a.due_on ?? '9999-12-31').localeCompare(b.due_on ?? '9999-12-31'));
  return open[0] ?? null;
}

/** Today and the last day (Sunday) of this week, as YYYY-MM-DD in the browser's time zone. */
export function thisWeek(now: Date = new Date()): { today: string; weekEnd: string } {
  return { today: format(now, 'yyyy-MM-dd'), weekEnd: format(endOfWeek(now, { weekStartsOn: 1 }), 'yyyy-MM-dd') };
}

/** "Overdue", "Today", "Tomorrow" or the weekday, for a task due on `due` (YYYY-MM-DD). */
export function dueLabel(due: string, today: string): { label: string; overdue: boolean } {
  if (due < today) return { label: 'Overdue', overdue: true };
  if (due === today) return { label: 'Today', overdue: false };
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(ty, tm - 1, td + 1);
  if (date.getTime() === tomorrow.getTime()) return { label: 'Tomorrow', overdue: false };
  return { label: format(date, 'EEEE'), overdue: false };
}
