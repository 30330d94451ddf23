// Opens Stripe's customer portal for the organization: POST {organization_id} with the caller's JWT;
// admins only (checked by `billing_account`, run as the caller). Answers {url}.
import * as z from 'npm:zod@4.6.7/mini';
import { preflight } from '../_shared/cors.ts';
import { errorResponse, HttpError, json, readJson } from '../_shared/http.ts';
import { stripeFromEnv } from '../_shared/stripe.ts';
import { callStripe, dbErrorToHttp, siteUrl } from '../_shared/stripe-http.ts';
import { userClient } from '../_shared/supabase.ts';

const bodySchema = z.object({ organization_id: z.uuid({ error: 'organization_id must be an organization id' }) });

Deno.serve(async (req) => {
  const pre = preflight(req);
  if (pre) return pre;
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    const parsed = bodySchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('; '));
    const { data, error } = await userClient(req).rpc('billing_account', { org: parsed.data.organization_id });
    if (error) throw dbErrorToHttp(error);
    const account = (Array.isArray(data) ? data[0] : data) as { stripe_customer_id: string | null } | undefined;
    if (!account) throw new HttpError(404, 'Organization not found');
    if (!account.stripe_customer_id) throw new HttpError(409, 'There is no billing account yet: choose a plan first');
    const customer = account.stripe_customer_id;
    const portal = await callStripe('create billing portal session', () =>
      stripeFromEnv().createBillingPortalSession({ customer, return_url: `${siteUrl()}/settings/plan?billing=portal` }));
    return json({ url: portal.url });
  } catch (err) {
    return errorResponse(err);
  }
});
