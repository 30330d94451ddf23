// Charges crowd participants' saved cards once their invoices exist. Called by approve_crowd_estimate
// through pg_net with the service key (after commit); safe to call again: SQL lists only invoices still
// due without a pending or succeeded Stripe payment, and each PaymentIntent carries an idempotency key
// per invoice and amount, so a retry never charges twice. A success is recorded at once (the webhook
// recording the same PaymentIntent later, or first, changes nothing); a failure leaves the invoice
// payable by link and tells the participant.
// Body: {"crowd_project_id": uuid}. Answers {charged, failed, pending} counts.
import * as z from 'npm:zod@4.6.7/mini';
import { callerRole } from '../_shared/auth.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { errorResponse, HttpError, json, readJson } from '../_shared/http.ts';
import { StripeError, stripeFromEnv, type PaymentIntent } from '../_shared/stripe.ts';
import { serviceClient } from '../_shared/supabase.ts';

const bodySchema = z.object({ crowd_project_id: z.uuid({ error: 'crowd_project_id must be a crowd project id' }) }, { error: 'The body must be a JSON object' });

interface Charge {
  invoice_id: string;
  organization_id: string;
  participant_id: string;
  user_id: string;
  amount: number;
  currency: string;
  stripe_customer_id: string;
  stripe_payment_method_id: string;
  number: string;
}

Deno.serve(async (req) => {
  if (req.method === 'OPTIONS') return new Response('ok', { headers: corsHeaders });
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    // Charging other people's cards: only the server may ask.
    if (callerRole(req) !== 'service_role') throw new HttpError(403, 'Only the service role may charge crowd participants');
    const body = bodySchema.safeParse(await readJson(req));
    if (!body.success) throw new HttpError(400, body.error.issues.map((i) => i.message).join('; '));

    // Service client: the plan and the outcome functions are granted to service_role alone.
    const db = serviceClient();
    const plan = await db.rpc('crowd_charge_plan', { crowd_project_id: body.data.crowd_project_id });
    if (plan.error) throw new Error(`crowd_charge_plan: ${plan.error.message}`);
    const charges = (plan.data ?? []) as Charge[];
    const stripe = stripeFromEnv();
    const report = { charged: 0, failed: 0, pending: 0 };

    for (const c of charges) {
      let intent: PaymentIntent | null = null;
      let failure: string | null = null;
      try {
        intent = await stripe.createPaymentIntent(
          {
            amount: c.amount,
            currency: c.currency,
            customer: c.stripe_customer_id,
            payment_method: c.stripe_payment_method_id,
            confirm: true,
            off_session: true,
            description: `Invoice ${c.number}`,
            metadata: { invoice_id: c.invoice_id, organization_id: c.organization_id, crowd_participant_id: c.participant_id },
          },
          { idempotencyKey: `crowd-charge-${c.invoice_id}-${c.amount}` },
        );
      } catch (err) {
        if (!(err instanceof StripeError)) throw err;
        failure = err.code === 'card_declined' || err.type === 'card_error' ? `Your card was declined (${err.message}).` : 'The charge could not be made.';
        console.error(`crowd-charge: invoice ${c.invoice_id}: Stripe ${err.status} ${err.type} ${err.code ?? ''}: ${err.message}`);
      }
      if (intent?.status === 'succeeded') {
        const r = await db.rpc('record_crowd_charge', { invoice_id: c.invoice_id, payment_intent_id: intent.id, succeeded: true, amount: intent.amount });
        if (r.error) throw new Error(`record_crowd_charge: ${r.error.message}`);
        report.charged += 1;
      } else if (intent && (intent.status === 'processing' || intent.status === 'requires_action')) {
        // Processing: the webhook settles it. requires_action cannot happen off-session without the
        // cardholder; the webhook's payment_failed or the pay link takes over.
        report.pending += 1;
      } else {
        failure ??= intent?.last_payment_error?.message ? `Your card was declined (${intent.last_payment_error.message}).` : 'The charge did not go through.';
        const r = await db.rpc('record_crowd_charge', { invoice_id: c.invoice_id, payment_intent_id: intent?.id ?? null, succeeded: false, failure_message: failure });
        if (r.error) throw new Error(`record_crowd_charge: ${r.error.message}`);
        report.failed += 1;
      }
    }
    console.log(`crowd-charge ${body.data.crowd_project_id}: ${JSON.stringify(report)}`);
    return json(report);
  } catch (err) {
    return errorResponse(err);
  }
});
