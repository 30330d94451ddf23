import { useMutation } from '@tanstack/react-query';
import { invokeFunction } from '@/lib/edge-functions';
import type { PlanName } from './plan';

/** Starts Stripe Checkout for a paid plan (admins only, checked on the server) and leaves for it. */
export async function startPlanCheckout(input: { organizationId: string; plan: Exclude<PlanName, 'free'> }): Promise<void> {
  const { url } = await invokeFunction<{ url: string }>('billing-checkout', { organization_id: input.organizationId, plan: input.plan });
  window.location.assign(url);
}

/** Opens Stripe's customer portal (change plan, card, cancel). */
export async function openBillingPortal(organizationId: string): Promise<void> {
  const { url } = await invokeFunction<{ url: string }>('billing-portal', { organization_id: organizationId });
  window.location.assign(url);
}

export function useStartPlanCheckout() {
  return useMutation({ mutationFn: startPlanCheckout });
}

export function useOpenBillingPortal() {
  return useMutation({ mutationFn: openBillingPortal });
}
