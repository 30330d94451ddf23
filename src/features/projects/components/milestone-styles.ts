import type { MilestoneStatus } from '../milestones';

export const STATUS_LABEL: Record<MilestoneStatus, string> = { done: 'Done', overdue: 'Overdue', upcoming: 'Upcoming', unscheduled: 'No date' };

export const MARKER_STYLE: Record<MilestoneStatus, string> = {
  done: 'border-emerald-600 bg-emerald-600 text-white dark:border-emerald-400 dark:bg-emerald-400 dark:text-slate-950',
  overdue: 'border-red-600 bg-red-50 dark:border-red-400 dark:bg-red-950',
  upcoming: 'border-brand-600 bg-white dark:border-indigo-400 dark:bg-slate-900',
  unscheduled: 'border-slate-400 bg-white dark:bg-slate-900',
};
