// Starts a subscription to an Atrium plan: POST {organization_id, plan: 'pro'|'business'} with the
// caller's JWT. `billing_account` (run as the caller) refuses anyone below admin; the organization's
// Stripe customer is created once and kept (`set_billing_customer`). Answers {url, id} of a Checkout
// Session in subscription mode; the plan changes only when Stripe's subscription events arrive.
import * as z from 'npm:zod@4.6.7/mini';
import { preflight } from '../_shared/cors.ts';
import { errorResponse, HttpError, json, readJson } from '../_shared/http.ts';
import { stripeFromEnv } from '../_shared/stripe.ts';
import { callStripe, dbErrorToHttp, siteUrl } from '../_shared/stripe-http.ts';
import { userClient } from '../_shared/supabase.ts';

const bodySchema = z.object({
  organization_id: z.uuid({ error: 'organization_id must be an organization id' }),
  plan: z.enum(['pro', 'business'], { error: "plan must be 'pro' or 'business'" }),
});

interface Account {
  organization_id: string;
  name: string;
  plan: string;
  stripe_customer_id: string | null;
  email: string | null;
  subscription_status: string | null;
}

Deno.serve(async (req) => {
  const pre = preflight(req);
  if (pre) return pre;
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    const parsed = bodySchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const { organization_id, plan } = parsed.data;
    const db = userClient(req);
    const { data, error } = await db.rpc('billing_account', { org: organization_id });
    if (error) throw dbErrorToHttp(error);
    const account = (Array.isArray(data) ? data[0] : data) as Account | undefined;
    if (!account) throw new HttpError(404, 'Organization not found');
    if (account.subscription_status && ['active', 'trialing', 'past_due'].includes(account.subscription_status)) {
      throw new HttpError(409, 'This organization already has a subscription: use Manage billing to change or cancel it');
    }
    const price = Deno.env.get(plan === 'pro' ? 'STRIPE_PRICE_PRO' : 'STRIPE_PRICE_BUSINESS');
    if (!price) throw new Error(`STRIPE_PRICE_${plan.toUpperCase()} is not set`);
    const stripe = stripeFromEnv();
    let customer = account.stripe_customer_id;
    if (!customer) {
      const created = await callStripe('create customer', () =>
        stripe.createCustomer(
          { name: account.name, email: account.email ?? undefined, metadata: { organization_id } },
          { idempotencyKey: `org-customer-${organization_id}` },
        ));
      const kept = await db.rpc('set_billing_customer', { org: organization_id, customer: created.id });
      if (kept.error) throw dbErrorToHttp(kept.error);
      customer = kept.data as string;
    }
    const metadata = { organization_id, plan };
    const session = await callStripe('create subscription checkout', () =>
      stripe.createCheckoutSession({
        mode: 'subscription',
        customer,
        line_items: [{ price, quantity: 1 }],
        metadata,
        subscription_data: { metadata },
        client_reference_id: organization_id,
        success_url: `${siteUrl()}/settings/plan?billing=success`,
        cancel_url: `${siteUrl()}/settings/plan?billing=cancel`,
      }));
    return json({ url: session.url, id: session.id });
  } catch (err) {
    return errorResponse(err);
  }
});
