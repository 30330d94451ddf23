import { useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Forbidden } from '@/components/forbidden';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { useOpenBillingPortal, useStartPlanCheckout } from '../api/billing-actions';
import { PLAN_LABELS } from '../api/format';
import { usePlan, type PlanOverview } from '../api/plan';
import { CurrentPlanCard, PlanOptions, UsageCard } from '../components/plan-cards';

export default function PlanSettingsRoute() {
  const { current } = useMembership();
  if (!hasRole(current.role, 'admin')) return <Forbidden what="the plan and billing" />;
  return <PlanPage organizationId={current.organizationId} />;
}

function ReturnBanner({ kind, overview, onDismiss }: { kind: string; overview: PlanOverview | undefined; onDismiss: () => void }) {
  let message: string;
  let tone: 'success' | 'error' = 'success';
  if (kind === 'success') {
    message =
      overview && overview.plan !== 'free'
        ? `You are on the ${PLAN_LABELS[overview.plan]} plan. Thank you!`
        : 'Payment received. Your new plan shows here as soon as Stripe confirms it (usually a few seconds).';
  } else if (kind === 'cancel') {
    message = 'Checkout was cancelled. Nothing was charged.';
    tone = 'error';
  } else if (kind === 'portal') {
    message = 'Back from billing. Changes you made there show here within a few seconds.';
  } else return null;
  return (
    <div className="mb-6">
      <Alert tone={tone}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <span>{message}</span>
          <Button variant="ghost" onClick={onDismiss} className="!px-2 !py-1">
            Dismiss
          </Button>
        </div>
      </Alert>
    </div>
  );
}

function PlanPage({ organizationId }: { organizationId: string }) {
  const [params, setParams] = useSearchParams();
  const returned = params.get('billing');
  const plan = usePlan(organizationId, returned === 'success' || returned === 'portal');
  const checkout = useStartPlanCheckout();
  const portal = useOpenBillingPortal();
  const actionError = checkout.error ?? portal.error;
  const handleManage = () => portal.mutate(organizationId);

  return (
    <>
      <PageHeader title="Plan" description="Your Atrium plan, what it allows and what your organization uses of it." />
      {returned && <ReturnBanner kind={returned} overview={plan.data} onDismiss={() => setParams({}, { replace: true })} />}
      {actionError && (
        <div className="mb-6">
          <Alert>{actionError.message}</Alert>
        </div>
      )}
      {plan.isPending ? (
        <SkeletonRows rows={6} label="Loading plan" />
      ) : plan.error ? (
        <Alert>{errorMessage(plan.error)}</Alert>
      ) : (
        <div className="space-y-6">
          <CurrentPlanCard overview={plan.data} onManage={handleManage} managing={portal.isPending} />
          <UsageCard overview={plan.data} />
          <PlanOptions
            overview={plan.data}
            onManage={handleManage}
            pendingPlan={checkout.isPending ? (checkout.variables?.plan ?? null) : null}
            onUpgrade={(p) => checkout.mutate({ organizationId, plan: p })}
          />
          <p className="text-xs text-slate-600 dark:text-slate-400">Payments are handled by Stripe. Atrium never sees your card number.</p>
        </div>
      )}
    </>
  );
}
