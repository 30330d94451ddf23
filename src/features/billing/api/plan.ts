import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import type { Tables } from '@/lib/database.types';
import { billingKeys } from './keys';

export const PLANS = ['free', 'pro', 'business'] as const;
export type PlanName = (typeof PLANS)[number];

/** A limit of null means unlimited. */
export interface PlanLimits {
  max_active_projects: number | null;
  max_staff: number | null;
}

export interface PlanUsage {
  active_projects: number;
  staff: number;
}

export interface PlanOverview {
  plan: PlanName;
  hasBillingAccount: boolean;
  subscription: Pick<Tables<'subscriptions'>, 'plan' | 'status' | 'current_period_end' | 'cancel_at_period_end'> | null;
  limits: PlanLimits;
  usage: PlanUsage;
  /** Every plan's limits, for the comparison (platform rows `plan.<name>` in feature_flags). */
  catalog: Record<PlanName, PlanLimits>;
}

function asLimits(value: unknown): PlanLimits {
  const v = (value ?? {}) as Record<string, unknown>;
  const n = (x: unknown) => (typeof x === 'number' ? x : null);
  return { max_active_projects: n(v.max_active_projects), max_staff: n(v.max_staff) };
}

export async function fetchPlan(organizationId: string): Promise<PlanOverview> {
  const [org, sub, limits, usage, flags] = await Promise.all([
    supabase.from('organizations').select('plan, stripe_customer_id').eq('id', organizationId).single().throwOnError(),
    supabase.from('subscriptions').select('plan, status, current_period_end, cancel_at_period_end').eq('organization_id', organizationId).maybeSingle().throwOnError(),
    supabase.rpc('plan_limits', { org: organizationId }).throwOnError(),
    supabase.rpc('plan_usage', { org: organizationId }).throwOnError(),
    supabase.from('feature_flags').select('key, value').is('organization_id', null).in('key', PLANS.map((p) => `plan.${p}`)).throwOnError(),
  ]);
  const catalog = Object.fromEntries(PLANS.map((p) => [p, asLimits(flags.data?.find((f) => f.key === `plan.${p}`)?.value)])) as Record<PlanName, PlanLimits>;
  const u = (usage.data ?? {}) as Record<string, unknown>;
  return {
    plan: org.data.plan,
    hasBillingAccount: !!org.data.stripe_customer_id,
    subscription: sub.data,
    limits: asLimits(limits.data),
    usage: { active_projects: Number(u.active_projects ?? 0), staff: Number(u.staff ?? 0) },
    catalog,
  };
}

export const planQuery = (organizationId: string) => queryOptions({ queryKey: billingKeys.plan(organizationId), queryFn: () => fetchPlan(organizationId) });

/** The plan; while `waitingForUpgrade`, re-read every 2 s until Stripe's events have changed it. */
export function usePlan(organizationId: string, waitingForUpgrade = false) {
  return useQuery({
    ...planQuery(organizationId),
    refetchInterval: (query) => (waitingForUpgrade && query.state.data?.plan === 'free' && query.state.dataUpdateCount < 30 ? 2000 : false),
  });
}
