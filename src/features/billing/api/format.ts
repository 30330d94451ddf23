import type { PlanLimits, PlanName } from './plan';

export const PLAN_LABELS: Record<PlanName, string> = { free: 'Free', pro: 'Pro', business: 'Business' };

const STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  trialing: 'Trial',
  past_due: 'Payment due',
  canceled: 'Cancelled',
  incomplete: 'Incomplete',
  incomplete_expired: 'Expired',
  unpaid: 'Unpaid',
  paused: 'Paused',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** "5 active projects", "Unlimited staff seats". */
export function limitLabel(limit: number | null, noun: string): string {
  return limit === null ? `Unlimited ${noun}` : `${limit} ${noun}`;
}

export function limitLines(limits: PlanLimits): string[] {
  return [limitLabel(limits.max_active_projects, 'active projects'), limitLabel(limits.max_staff, 'staff seats')];
}

/** Whether `usage` is at or past `limit` (null = unlimited, never). */
export function atLimit(usage: number, limit: number | null): boolean {
  return limit !== null && usage >= limit;
}
