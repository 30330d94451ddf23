import { Check } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { atLimit, limitLines, PLAN_LABELS, statusLabel } from '../api/format';
import { PLANS, type PlanName, type PlanOverview } from '../api/plan';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function CurrentPlanCard({ overview, onManage, managing }: { overview: PlanOverview; onManage: () => void; managing: boolean }) {
  const sub = overview.subscription;
  const live = sub && ['active', 'trialing', 'past_due'].includes(sub.status);
  const renewal = sub?.current_period_end ? dateFormat.format(new Date(sub.current_period_end)) : null;
  return (
    <Card
      title="Current plan"
      actions={
        overview.hasBillingAccount && (
          <Button variant="secondary" onClick={onManage} loading={managing}>
            Manage billing
          </Button>
        )
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-2xl font-semibold">{PLAN_LABELS[overview.plan]}</p>
        {sub && <Badge tone={sub.status === 'active' || sub.status === 'trialing' ? 'success' : sub.status === 'past_due' ? 'warning' : 'neutral'}>{statusLabel(sub.status)}</Badge>}
      </div>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {live && renewal
          ? sub.cancel_at_period_end
            ? `Ends on ${renewal}; you go back to Free after that.`
            : `Renews on ${renewal}.`
          : overview.plan === 'free'
            ? 'The Free plan costs nothing. Upgrade when you need more projects or seats.'
            : 'Your plan is active.'}
      </p>
      {sub?.status === 'past_due' && <p className="mt-2 text-sm font-medium text-amber-800 dark:text-amber-300">The last payment failed. Update your card in Manage billing to keep your plan.</p>}
    </Card>
  );
}

function UsageRow({ label, used, limit, unit }: { label: string; used: number; limit: number | null; unit: string }) {
  const full = atLimit(used, limit);
  const text = limit === null ? `${used} ${unit}, unlimited` : `${used} of ${limit} ${unit}`;
  return (
    <div>
      <div className="mb-1 flex justify-between gap-4 text-sm">
        <span className="font-medium">{label}</span>
        <span className={full ? 'font-medium text-amber-800 dark:text-amber-300' : 'text-slate-600 dark:text-slate-400'}>{text}</span>
      </div>
      <ProgressBar
        label={label}
        value={used}
        max={limit ?? Math.max(used, 1)}
        valueText={text}
        barClassName={limit === null ? 'bg-slate-400 dark:bg-slate-500' : full ? 'bg-amber-500 dark:bg-amber-400' : undefined}
      />
    </div>
  );
}

export function UsageCard({ overview }: { overview: PlanOverview }) {
  return (
    <Card title="Usage" description="Planning, active and on-hold projects count as active; client members take no seat.">
      <div className="space-y-4">
        <UsageRow label="Active projects" used={overview.usage.active_projects} limit={overview.limits.max_active_projects} unit="projects" />
        <UsageRow label="Staff seats" used={overview.usage.staff} limit={overview.limits.max_staff} unit="seats" />
      </div>
    </Card>
  );
}

export function PlanOptions({
  overview,
  onUpgrade,
  pendingPlan,
  onManage,
}: {
  overview: PlanOverview;
  onUpgrade: (plan: Exclude<PlanName, 'free'>) => void;
  pendingPlan: PlanName | null;
  onManage: () => void;
}) {
  const subscribed = !!overview.subscription && ['active', 'trialing', 'past_due'].includes(overview.subscription.status);
  return (
    <section aria-labelledby="plans-heading">
      <h2 id="plans-heading" className="mb-3 text-sm font-semibold">
        Plans
      </h2>
      <ul className="grid gap-4 md:grid-cols-3">
        {PLANS.map((plan) => {
          const current = plan === overview.plan;
          return (
            <li
              key={plan}
              className={`flex flex-col rounded-xl border bg-white p-5 shadow-sm dark:bg-slate-900 ${current ? 'border-brand-600 dark:border-indigo-400' : 'border-slate-200 dark:border-slate-800'}`}
            >
              <div className="flex items-center justify-between gap-2">
                <h3 className="text-base font-semibold">{PLAN_LABELS[plan]}</h3>
                {current && <Badge tone="brand">Current plan</Badge>}
              </div>
              <ul className="mt-3 flex-1 space-y-1.5 text-sm text-slate-700 dark:text-slate-300">
                {limitLines(overview.catalog[plan]).map((line) => (
                  <li key={line} className="flex items-center gap-2">
                    <Check className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden />
                    {line}
                  </li>
                ))}
              </ul>
              <div className="mt-4">
                {current || plan === 'free' ? null : subscribed ? (
                  <Button variant="secondary" className="w-full" onClick={onManage}>
                    Switch in Manage billing
                  </Button>
                ) : (
                  <Button className="w-full" onClick={() => onUpgrade(plan)} loading={pendingPlan === plan} disabled={pendingPlan !== null && pendingPlan !== plan}>
                    Upgrade to {PLAN_LABELS[plan]}
                  </Button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
