import { Link } from 'react-router';
import { Wallet } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { BUDGET_BANDS, budgetBandLabel, budgetBandTone, type BudgetTone } from '@/lib/budget';
import { formatHours } from '@/lib/duration';
import { errorMessage } from '@/lib/errors';
import { useBudgetBurn, type BudgetBurnRow } from '../api/capacity';
import { formatMoney, useCurrency } from '../api/lookups';

const BAR: Record<BudgetTone, string> = { neutral: 'bg-slate-400', success: 'bg-emerald-500', warning: 'bg-amber-500', danger: 'bg-red-600' };

/** Worst band first: over budget, critical, warning, on track, no budget. */
function severity(row: BudgetBurnRow): number {
  const rank = (band: string | null | undefined) => BUDGET_BANDS.indexOf((band ?? '') as never);
  return Math.max(rank(row.burn?.hours_band), rank(row.burn?.money_band));
}

/** Every active project's hours and money used against its budget, with the database's bands. */
export function BudgetBurn({ organizationId }: { organizationId: string }) {
  const burn = useBudgetBurn(organizationId);
  const currency = useCurrency(organizationId);
  return (
    <Card title="Budget burn" description="Active projects: tracked hours and their cost against each budget. Bands: warning from 75%, critical from 90%.">
      {burn.isPending ? (
        <SkeletonRows rows={3} label="Loading budgets" />
      ) : burn.error ? (
        <Alert>Budgets could not be loaded: {errorMessage(burn.error)}</Alert>
      ) : !burn.data.length ? (
        <EmptyState icon={Wallet} title="No active projects">
          Budget burn shows here once a project is active.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-2 py-2 font-semibold">Project</th>
                <th scope="col" className="px-2 py-2 font-semibold">Hours</th>
                <th scope="col" className="px-2 py-2 font-semibold">Money</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {[...burn.data]
                .sort((a, b) => severity(b) - severity(a) || a.name.localeCompare(b.name))
                .map((p) => (
                  <tr key={p.id}>
                    <th scope="row" className="px-2 py-3 text-left font-medium">
                      <Link to={`/projects/${p.id}/time`} className="hover:underline">
                        {p.name}
                      </Link>
                    </th>
                    <td className="px-2 py-3">
                      <Burn
                        used={Number(p.burn?.tracked_hours ?? 0)}
                        budget={p.burn?.budget_hours == null ? null : Number(p.burn.budget_hours)}
                        band={p.burn?.hours_band}
                        format={formatHours}
                      />
                    </td>
                    <td className="px-2 py-3">
                      <Burn
                        used={Number(p.burn?.spent ?? 0)}
                        budget={p.burn?.budget == null ? null : Number(p.burn.budget)}
                        band={p.burn?.money_band}
                        format={(n) => formatMoney(n, currency)}
                      />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function Burn({ used, budget, band, format }: { used: number; budget: number | null; band: string | null | undefined; format: (n: number) => string }) {
  const tone = budgetBandTone(band);
  const share = budget ? used / budget : 0;
  return (
    <div className="min-w-48 space-y-1">
      <div className="flex items-center justify-between gap-2">
        <span className="tabular-nums">
          {format(used)}
          {budget !== null && <span className="text-slate-600 dark:text-slate-400"> of {format(budget)}</span>}
        </span>
        <Badge tone={tone}>{budgetBandLabel(band)}</Badge>
      </div>
      {budget !== null && (
        <div className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700" aria-hidden>
          <div className={`h-full ${BAR[tone]}`} style={{ width: `${Math.min(100, share * 100)}%` }} />
        </div>
      )}
    </div>
  );
}
