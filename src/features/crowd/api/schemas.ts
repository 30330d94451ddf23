// Form schemas of the crowd module. Inputs stay strings while edited; toCrowdProjectRow turns a valid
// form into columns. Postgres repeats every rule (checks, the deadline trigger).
import * as z from 'zod/mini';
import type { Database } from '@/lib/database.types';
import { parseMoney } from './money';

export type CrowdStatus = Database['public']['Enums']['crowd_status'];
export type CrowdSplit = Database['public']['Enums']['crowd_split'];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const amount = (message: string) =>
  z.string().check(
    z.refine((v) => parseMoney(v) !== null, { error: 'Use a positive amount with at most 2 decimals' }),
    z.refine((v) => (parseMoney(v) ?? 0) > 0, { error: message }),
    z.refine((v) => (parseMoney(v) ?? 0) <= 99_999_999_999, { error: 'That amount is too large' }),
  );

export function todayIso(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export const crowdProjectSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, { error: 'Give the crowd project a title' }), z.maxLength(160, { error: 'Use at most 160 characters' })),
  description: z.string().check(z.maxLength(10000, { error: 'Use at most 10,000 characters' })),
  quorum: z.string().check(z.refine((v) => /^\d+$/.test(v.trim()) && Number(v) >= 2 && Number(v) <= 1000, { error: 'Use a whole number from 2 to 1000' })),
  target_budget: amount('The target budget must be more than zero'),
  deadline: z.string().check(
    z.refine((v) => DATE.test(v), { error: 'Choose the last day to join' }),
    z.refine((v) => !DATE.test(v) || v >= todayIso(), { error: 'The deadline must be today or later' }),
  ),
  split: z.enum(['equal', 'pledge']),
});
export type CrowdProjectInput = z.infer<typeof crowdProjectSchema>;

export const EMPTY_CROWD_PROJECT: CrowdProjectInput = { title: '', description: '', quorum: '5', target_budget: '', deadline: '', split: 'equal' };

export function toCrowdProjectRow(values: CrowdProjectInput) {
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    quorum: Number(values.quorum),
    target_budget: parseMoney(values.target_budget)!,
    deadline: values.deadline,
    split: values.split,
  };
}

/** Joining: a pledge only when the project splits by pledge. */
export const joinSchema = (split: CrowdSplit) =>
  z.object({
    pledge: split === 'pledge' ? amount('Pledge more than zero') : z.string(),
    agree_to_charge: z.boolean(),
  });
export type JoinInput = { pledge: string; agree_to_charge: boolean };

export const CROWD_STATUS_LABELS: Record<CrowdStatus, string> = {
  open: 'Open',
  quorum_reached: 'Quorum reached',
  estimated: 'Estimate ready',
  invoiced: 'Invoiced',
  completed: 'Paid in full',
  cancelled: 'Cancelled',
};

/** Whole days from today until the deadline (0 = today is the last day; negative = passed). */
export function daysLeft(deadline: string, now = new Date()): number {
  const [y, m, d] = deadline.split('-').map(Number);
  const end = Date.UTC(y!, m! - 1, d!);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((end - today) / 86_400_000);
}

export function deadlineText(deadline: string, now = new Date()): string {
  const left = daysLeft(deadline, now);
  if (left < 0) return 'Closed for joining';
  if (left === 0) return 'Last day to join';
  return left === 1 ? '1 day left to join' : `${left} days left to join`;
}

/** A Markdown description as one line of plain text, for cards. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
