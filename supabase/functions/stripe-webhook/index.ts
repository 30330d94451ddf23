// Stripe's webhook endpoint (verify_jwt off: Stripe signs instead). Verifies the Stripe-Signature over
// the raw body (400 and nothing recorded when it is missing, wrong or older than 5 minutes), then hands
// the event to `public.handle_stripe_event`, which records it once by id and applies it in one
// transaction. Answers 200 for duplicates and unknown types, so Stripe stops retrying them; 500 when
// the database could not take it, so Stripe retries.
import { errorResponse, HttpError, json } from '../_shared/http.ts';
import { stripeFromEnv, verifyWebhookSignature, WebhookSignatureError, type StripeEvent } from '../_shared/stripe.ts';
import { serviceClient } from '../_shared/supabase.ts';

Deno.serve(async (req) => {
  try {
    if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
    const secret = Deno.env.get('STRIPE_WEBHOOK_SECRET');
    if (!secret) throw new Error('STRIPE_WEBHOOK_SECRET is not set');
    const raw = await req.text();
    let event: StripeEvent;
    try {
      event = await verifyWebhookSignature(raw, req.headers.get('Stripe-Signature'), secret);
    } catch (err) {
      if (err instanceof WebhookSignatureError) throw new HttpError(400, `Webhook signature verification failed: ${err.message}`);
      throw err;
    }
    if (event?.object !== 'event' || typeof event.id !== 'string' || typeof event.type !== 'string' || !event.data?.object) {
      throw new HttpError(400, 'The payload is not a Stripe event');
    }
    const context: Record<string, string> = {};
    const obj = event.data.object as Record<string, unknown>;
    // A completed setup-mode Checkout names its SetupIntent; the saved card is on the SetupIntent.
    if (event.type === 'checkout.session.completed' && obj.mode === 'setup' && typeof obj.setup_intent === 'string') {
      const setupIntent = await stripeFromEnv().retrieveSetupIntent(obj.setup_intent);
      if (setupIntent.payment_method) context.payment_method = setupIntent.payment_method;
    }
    // Service client: the event is verified above; stripe_events and Stripe payments are written by the
    // server alone (handle_stripe_event is granted to service_role only).
    const { data, error } = await serviceClient().rpc('handle_stripe_event', { event, context });
    if (error) throw new Error(`handle_stripe_event failed for ${event.id}: ${error.code} ${error.message}`);
    console.log(`stripe-webhook: ${event.type} ${event.id}: ${data}`);
    return json({ received: true, result: data });
  } catch (err) {
    return errorResponse(err);
  }
});
