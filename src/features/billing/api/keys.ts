/** Query keys of the billing module, per organization. */
export const billingKeys = {
  all: (orgId: string) => ['billing', orgId] as const,
  plan: (orgId: string) => ['billing', orgId, 'plan'] as const,
};
