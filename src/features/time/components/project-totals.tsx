import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import { budgetBandLabel, budgetBandTone } from '@/lib/budget';
import { formatHours } from '@/lib/duration';
import { errorMessage } from '@/lib/errors';
import { useProjectTotals } from '../api/entries';
import { formatMoney, useCurrency } from '../api/lookups';

/** Tracked, billable and cost totals of a project against its budget (finished entries, from the database). */
export function ProjectTotals({ projectId, organizationId }: { projectId: string; organizationId: string }) {
  const totals = useProjectTotals(projectId);
  const currency = useCurrency(organizationId);
  if (totals.isPending) return <Skeleton className="h-20 w-full" />;
  if (totals.error) return <p className="text-sm text-red-700 dark:text-red-300">Totals could not be loaded: {errorMessage(totals.error)}</p>;
  const t = totals.data;
  const tracked = Number(t?.tracked_hours ?? 0);
  const billable = Number(t?.billable_hours ?? 0);
  return (
    <dl className="grid gap-4 sm:grid-cols-4">
      <Stat label="Tracked">
        {formatHours(tracked)}
        {t?.budget_hours != null && <span className="text-sm font-normal text-slate-600 dark:text-slate-400"> of {formatHours(Number(t.budget_hours))}</span>}
      </Stat>
      <Stat label="Billable">{formatHours(billable)}</Stat>
      <Stat label="Non-billable">{formatHours(Math.max(0, tracked - billable))}</Stat>
      <Stat label="Cost at rates">
        {formatMoney(Number(t?.spent ?? 0), currency)}
        <span className="mt-1 block">
          <Badge tone={budgetBandTone(t?.money_band)}>{budgetBandLabel(t?.money_band)}</Badge>
        </span>
      </Stat>
    </dl>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{children}</dd>
    </div>
  );
}
