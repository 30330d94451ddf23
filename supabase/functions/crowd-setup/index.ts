// A crowd participant saves a card for later off-session charges: Stripe Checkout in setup mode (card
// holds expire after about a week, a saved payment method does not). Caller's JWT; SQL
// (crowd_setup_quote, run as the caller) checks they joined the project. The webhook stores the payment
// method from checkout.session.completed (metadata crowd_participant_id).
// Body: {"crowd_project_id": uuid}. Answers {url, id}: the browser goes to url.
import * as z from 'npm:zod@4.6.7/mini';
import { callerRole } from '../_shared/auth.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, HttpError, json, readJson } from '../_shared/http.ts';
import { StripeError, stripeFromEnv } from '../_shared/stripe.ts';
import { serviceClient, userClient } from '../_shared/supabase.ts';

const bodySchema = z.object({ crowd_project_id: z.uuid({ error: 'crowd_project_id must be a crowd project id' }) }, { error: 'The body must be a JSON object' });

interface Quote {
  participant_id: string;
  organization_id: string;
  organization_name: string;
  title: string;
  currency: string;
  email: string;
  display_name: string;
  stripe_customer_id: string | null;
}

const sqlStatus: Record<string, number> = { '42501': 403, P0002: 404, '23514': 409 };

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    if (callerRole(req) !== 'authenticated') throw new HttpError(401, 'Sign in to save a card');
    const body = bodySchema.safeParse(await readJson(req));
    if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '));
    const projectId = body.data.crowd_project_id;

    // As the caller: SQL decides whether they may (joined, project still running).
    const { data, error } = await userClient(req).rpc('crowd_setup_quote', { crowd_project_id: projectId }).single<Quote>();
    if (error) throw new HttpError(sqlStatus[error.code] ?? 400, error.message);

    let stripe;
    try {
      stripe = stripeFromEnv();
    } catch {
      throw new HttpError(503, 'Card payments are not configured');
    }
    try {
      let customer = data.stripe_customer_id;
      if (!customer) {
        const created = await stripe.createCustomer(
          { email: data.email, name: data.display_name, metadata: { crowd_participant_id: data.participant_id } },
          { idempotencyKey: `crowd-customer-${data.participant_id}` },
        );
        customer = created.id;
      }
      // Service client: participants cannot write their own Stripe ids (column grants); the function
      // is granted to service_role alone. Also stores a reused customer on this participation.
      const saved = await serviceClient().rpc('save_crowd_customer', { participant_id: data.participant_id, customer_id: customer });
      if (saved.error) throw new Error(`save_crowd_customer: ${saved.error.message}`);
      const siteUrl = (Deno.env.get('SITE_URL') || 'http://127.0.0.1:5173').replace(/\/+$/, '');
      const metadata = { crowd_participant_id: data.participant_id, crowd_project_id: projectId, organization_id: data.organization_id };
      const session = await stripe.createCheckoutSession({
        mode: 'setup',
        customer,
        currency: data.currency,
        payment_method_types: ['card'],
        success_url: `${siteUrl}/crowd/${projectId}?card=saved`,
        cancel_url: `${siteUrl}/crowd/${projectId}?card=cancelled`,
        metadata,
        setup_intent_data: { metadata, description: `Card for ${data.title} (${data.organization_name})` },
      });
      return json({ url: session.url, id: session.id });
    } catch (err) {
      if (err instanceof StripeError) {
        console.error(`crowd-setup: Stripe ${err.status} ${err.type} ${err.code ?? ''}: ${err.message}`);
        throw new HttpError(502, 'The card page could not be opened. Please try again.');
      }
      throw err;
    }
  } catch (err) {
    return errorResponse(err);
  }
});
