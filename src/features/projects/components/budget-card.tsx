import { Wallet } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { BudgetBandBadge } from '@/components/budget-band-badge';
import { Card } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BAND_STYLES, isBudgetBand } from '@/lib/budget';
import { errorMessage } from '@/lib/errors';
import { useBudgetStatus } from '../api/overview';
import { formatHours, formatMoney } from '../format';

function Meter({ label, used, budget, band, format }: { label: string; used: number; budget: number | null; band: string | null; format: (n: number) => string }) {
  if (budget === null || budget <= 0) {
    return (
      <div>
        <p className="text-sm font-medium">{label}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {format(used)} used · no budget set
        </p>
      </div>
    );
  }
  const style = isBudgetBand(band) ? BAND_STYLES[band] : null;
  const over = used - budget;
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium">{label}</p>
        {isBudgetBand(band) && <BudgetBandBadge band={band} />}
      </div>
      <p className="mt-1 text-sm">
        <span className={`font-semibold ${style?.text ?? ''}`}>{format(used)}</span>
        <span className="text-slate-600 dark:text-slate-400"> of {format(budget)} ({Math.round((used / budget) * 100)}%)</span>
      </p>
      <div className="mt-2">
        <ProgressBar label={label} value={used} max={budget} valueText={`${format(used)} of ${format(budget)}`} barClassName={style?.bar} />
      </div>
      {over > 0 && <p className={`mt-1 text-xs font-medium ${style?.text ?? ''}`}>{format(over)} over budget</p>}
    </div>
  );
}

/** Staff only: tracked hours and their cost against the budget, with the burn bands. */
export function BudgetCard({ projectId, currency, hourlyRate }: { projectId: string; currency: string; hourlyRate: number | null | undefined }) {
  const status = useBudgetStatus(projectId, true);
  const money = (n: number) => formatMoney(Math.round(n * 100) / 100, currency);
  return (
    <Card title="Budget burn" description="Tracked time and its cost against the budget. Only your team sees this.">
      {status.isPending ? (
        <SkeletonRows rows={2} label="Loading the budget" />
      ) : status.error ? (
        <Alert>{errorMessage(status.error)}</Alert>
      ) : !status.data ? (
        <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
          <Wallet className="size-4" aria-hidden /> No budget figures for this project.
        </p>
      ) : (
        <div className="space-y-5">
          <Meter label="Hours" used={status.data.tracked_hours ?? 0} budget={status.data.budget_hours} band={status.data.hours_band} format={formatHours} />
          <Meter label="Money" used={status.data.spent ?? 0} budget={status.data.budget} band={status.data.money_band} format={money} />
          <p className="border-t border-slate-200 pt-3 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
            {formatHours(status.data.billable_hours ?? 0)} billable
            {hourlyRate != null && <> · default rate {formatMoney(hourlyRate, currency)}/h</>}
          </p>
        </div>
      )}
    </Card>
  );
}
