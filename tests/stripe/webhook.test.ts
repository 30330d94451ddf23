// The stripe-webhook function and handle_stripe_event, through the running stack: signatures are
// checked on the raw body, each event applies once, and late, repeated or out-of-order events end in
// the right state.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentIntent, paymentsOf, sendEvent, setUpBilling, stripeEvent, type BillingWorld } from './fixtures.ts';

let w: BillingWorld;

beforeAll(async () => {
  w = await setUpBilling();
});
afterAll(async () => {
  await w?.close();
});

async function eventCount(id: string): Promise<number> {
  return Number((await w.db.query(`select count(*) from public.stripe_events where id = $1`, [id])).rows[0].count);
}

function session(invoiceId: string, pi: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    id: `cs_test_${randomUUID().replace(/-/g, '')}`, object: 'checkout.session', mode: 'payment', status: 'complete', payment_status: 'paid',
    amount_total: amount, currency: 'eur', payment_intent: pi, customer: null, metadata: { invoice_id: invoiceId, organization_id: w.org, part: 'balance' },
    ...extra,
  };
}

describe('stripe-webhook signatures', () => {
  it('refuses a missing, wrong, tampered or expired signature with 400 and records nothing', async () => {
    const invoice = await w.newInvoice(5_000);
    const event = stripeEvent('payment_intent.succeeded', paymentIntent(invoice, w.org, 5_000, 'succeeded'));
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      await sendEvent(event, { signature: null }),
      await sendEvent(event, { secret: 'whsec_not_ours' }),
      await sendEvent(event, { signature: `t=${now},v1=${'0'.repeat(64)}` }),
      await sendEvent(event, { timestamp: now - 600 }),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/signature/i);
    }
    expect(await eventCount(event.id as string)).toBe(0);
    expect(await paymentsOf(w.db, invoice)).toEqual([]);
  });

  it('refuses a body changed after signing', async () => {
    const invoice = await w.newInvoice(5_000);
    const event = stripeEvent('payment_intent.succeeded', paymentIntent(invoice, w.org, 5_000, 'succeeded'));
    const payload = JSON.stringify(event);
    const { createHmac } = await import('node:crypto');
    const t = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', 'whsec_local_atrium_stack_emulator').update(`${t}.${payload}`).digest('hex');
    const res = await fetch(`${process.env.ATRIUM_TEST_API_URL}/functions/v1/stripe-webhook`, {
      method: 'POST',
      headers: { 'Stripe-Signature': `t=${t},v1=${sig}`, 'Content-Type': 'application/json' },
      body: payload.replace('5000', '9999999'),
    });
    expect(res.status).toBe(400);
    expect(await paymentsOf(w.db, invoice)).toEqual([]);
  });
});

describe('stripe-webhook events', () => {
  it('records the same event sent 10 times once, with one payment', async () => {
    const invoice = await w.newInvoice(7_500);
    const event = stripeEvent('payment_intent.succeeded', paymentIntent(invoice, w.org, 7_500, 'succeeded'));
    const results = await Promise.all(Array.from({ length: 10 }, () => sendEvent(event)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.filter((r) => r.body.result === 'duplicate')).toHaveLength(9);
    expect(await eventCount(event.id as string)).toBe(1);
    const payments = await paymentsOf(w.db, invoice);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ status: 'succeeded', amount: 7_500 });
  });

  it('payment_intent.succeeded before checkout.session.completed makes one payment with both ids', async () => {
    const invoice = await w.newInvoice(4_200);
    const pi = paymentIntent(invoice, w.org, 4_200, 'succeeded');
    const cs = session(invoice, pi.id, 4_200);
    expect((await sendEvent(stripeEvent('payment_intent.succeeded', pi))).body.result).toBe('payment created');
    expect((await sendEvent(stripeEvent('checkout.session.completed', cs))).body.result).toBe('payment updated');
    expect(await paymentsOf(w.db, invoice)).toEqual([
      { status: 'succeeded', amount: 4_200, amount_refunded: 0, stripe_payment_intent_id: pi.id, stripe_checkout_session_id: cs.id, failure_message: null },
    ]);
  });

  it('a decline then a success of the same PaymentIntent ends succeeded; a late decline does not undo it', async () => {
    const invoice = await w.newInvoice(3_000);
    const id = `pi_test_${randomUUID().replace(/-/g, '')}`;
    await sendEvent(stripeEvent('payment_intent.payment_failed', paymentIntent(invoice, w.org, 3_000, 'requires_payment_method', id)));
    expect(await paymentsOf(w.db, invoice)).toMatchObject([{ status: 'failed', failure_message: 'Your card was declined.' }]);
    await sendEvent(stripeEvent('payment_intent.succeeded', paymentIntent(invoice, w.org, 3_000, 'succeeded', id)));
    await sendEvent(stripeEvent('payment_intent.payment_failed', paymentIntent(invoice, w.org, 3_000, 'requires_payment_method', id)));
    expect(await paymentsOf(w.db, invoice)).toMatchObject([{ status: 'succeeded', amount: 3_000, failure_message: null }]);
  });

  it('a refund that arrives before the success ends refunded', async () => {
    const invoice = await w.newInvoice(2_000);
    const pi = paymentIntent(invoice, w.org, 2_000, 'succeeded');
    const charge = { id: pi.latest_charge, object: 'charge', amount: 2_000, amount_refunded: 2_000, refunded: true, currency: 'eur', payment_intent: pi.id, metadata: pi.metadata };
    await sendEvent(stripeEvent('charge.refunded', charge));
    await sendEvent(stripeEvent('payment_intent.succeeded', pi));
    await sendEvent(stripeEvent('checkout.session.completed', session(invoice, pi.id, 2_000)));
    expect(await paymentsOf(w.db, invoice)).toMatchObject([{ status: 'refunded', amount: 2_000, amount_refunded: 2_000 }]);
  });

  it('a partial refund keeps the payment succeeded with the refunded amount', async () => {
    const invoice = await w.newInvoice(2_000);
    const pi = paymentIntent(invoice, w.org, 2_000, 'succeeded');
    await sendEvent(stripeEvent('payment_intent.succeeded', pi));
    const charge = { id: pi.latest_charge, object: 'charge', amount: 2_000, amount_refunded: 500, refunded: false, currency: 'eur', payment_intent: pi.id, metadata: pi.metadata };
    await sendEvent(stripeEvent('charge.refunded', charge));
    expect(await paymentsOf(w.db, invoice)).toMatchObject([{ status: 'succeeded', amount_refunded: 500 }]);
  });

  it('records and ignores unknown event types and events for unknown invoices', async () => {
    const unknown = stripeEvent('customer.tax_id.created', { id: 'txi_1', object: 'tax_id' });
    expect(await sendEvent(unknown)).toMatchObject({ status: 200, body: { result: 'ignored' } });
    expect(await eventCount(unknown.id as string)).toBe(1);
    const stray = stripeEvent('payment_intent.succeeded', paymentIntent(randomUUID(), w.org, 100, 'succeeded'));
    expect(await sendEvent(stray)).toMatchObject({ status: 200, body: { result: 'ignored: no invoice' } });
  });
});

describe('subscription events', () => {
  function subscription(id: string, plan: 'pro' | 'business', status: string) {
    return {
      id, object: 'subscription', customer: `cus_${w.run}`, status, cancel_at_period_end: false,
      current_period_end: Math.floor(Date.now() / 1000) + 30 * 86400, metadata: { organization_id: w.org, plan: 'pro' },
      items: { object: 'list', data: [{ id: 'si_1', price: { id: `price_${plan}`, lookup_key: plan } }] },
    };
  }
  async function orgPlan() {
    return (await w.db.query(`select o.plan::text, s.status, s.plan::text as sub_plan from public.organizations o left join public.subscriptions s on s.organization_id = o.id where o.id = $1`, [w.org])).rows[0];
  }

  it('updated before created ends on the update; deleted sets free; a stale update after that changes nothing', async () => {
    const id = `sub_${w.run}`;
    const t = Math.floor(Date.now() / 1000);
    await sendEvent(stripeEvent('customer.subscription.updated', subscription(id, 'business', 'active'), t));
    await sendEvent(stripeEvent('customer.subscription.created', subscription(id, 'pro', 'active'), t));
    expect(await orgPlan()).toEqual({ plan: 'business', status: 'active', sub_plan: 'business' });
    await sendEvent(stripeEvent('customer.subscription.deleted', subscription(id, 'business', 'canceled'), t + 5));
    expect(await orgPlan()).toMatchObject({ plan: 'free', status: 'canceled' });
    const stale = await sendEvent(stripeEvent('customer.subscription.updated', subscription(id, 'pro', 'active'), t + 2));
    expect(stale.body.result).toBe('ignored: older than the applied state');
    expect(await orgPlan()).toMatchObject({ plan: 'free', status: 'canceled' });
  });
});
