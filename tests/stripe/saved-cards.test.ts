// Saved cards and refunds through the stack's emulator, as the crowd functions use them: a setup-mode
// Checkout saves the card on the crowd participant (the webhook reads the SetupIntent's payment
// method), an off-session PaymentIntent pays an invoice, a refund gives the money back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentsOf, setUpBilling, stripeUrl, type BillingWorld } from './fixtures.ts';

let w: BillingWorld;
const KEY = 'sk_test_local_atrium_stack_emulator';

beforeAll(async () => {
  w = await setUpBilling();
});
afterAll(async () => {
  await w?.close();
});

async function stripe(method: string, path: string, form: Record<string, string> = {}) {
  const res = await fetch(stripeUrl(path), {
    method,
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: method === 'POST' ? new URLSearchParams(form) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('saved cards, off-session charges and refunds', () => {
  it('a setup-mode Checkout saves the card on the participant; an off-session charge pays; a refund reopens the invoice', async () => {
    const crowd = (await w.db.query(
      `insert into public.crowd_projects (organization_id, title, quorum, target_budget, currency, deadline) values ($1, 'Mural', 2, 100000, 'EUR', current_date + 30) returning id`,
      [w.org],
    )).rows[0].id as string;
    const participant = (await w.db.query(
      `insert into public.crowd_participants (organization_id, crowd_project_id, user_id) values ($1, $2, $3) returning id`,
      [w.org, crowd, w.users.client],
    )).rows[0].id as string;

    const session = await stripe('POST', '/v1/checkout/sessions', {
      mode: 'setup',
      currency: 'eur',
      customer_email: w.emails.client,
      success_url: 'http://127.0.0.1:5173/crowd/x?setup=success',
      cancel_url: 'http://127.0.0.1:5173/crowd/x?setup=cancel',
      'metadata[crowd_participant_id]': participant,
      'setup_intent_data[metadata][crowd_participant_id]': participant,
    });
    expect(session.status).toBe(200);
    const page = await (await fetch(session.body.url)).text();
    expect(page).toContain('Save card');
    const done = await fetch(session.body.url, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
    expect(done.headers.get('location')).toBe('http://127.0.0.1:5173/crowd/x?setup=success');
    const saved = (await w.db.query(`select stripe_customer_id, stripe_setup_intent_id, stripe_payment_method_id from public.crowd_participants where id = $1`, [participant])).rows[0];
    expect(saved.stripe_customer_id).toMatch(/^cus_/);
    expect(saved.stripe_setup_intent_id).toMatch(/^seti_/);
    expect(saved.stripe_payment_method_id).toMatch(/^pm_/);

    const invoice = await w.newInvoice(8_000);
    const charge = await stripe('POST', '/v1/payment_intents', {
      amount: '8000', currency: 'eur', customer: saved.stripe_customer_id, payment_method: saved.stripe_payment_method_id,
      confirm: 'true', off_session: 'true', 'metadata[invoice_id]': invoice,
    });
    expect(charge.body).toMatchObject({ status: 'succeeded', amount: 8_000 });
    const paid = await until(() => paymentsOf(w.db, invoice), (p) => p[0]?.status === 'succeeded');
    expect(paid).toMatchObject([{ status: 'succeeded', amount: 8_000, stripe_payment_intent_id: charge.body.id }]);
    const status = async () => (await w.db.query(`select status::text, amount_paid::int from public.invoices where id = $1`, [invoice])).rows[0];
    expect(await status()).toEqual({ status: 'paid', amount_paid: 8_000 });

    const refund = await stripe('POST', '/v1/refunds', { payment_intent: charge.body.id });
    expect(refund.body).toMatchObject({ object: 'refund', amount: 8_000, status: 'succeeded' });
    const refunded = await until(() => paymentsOf(w.db, invoice), (p) => p[0]?.status === 'refunded');
    expect(refunded).toMatchObject([{ status: 'refunded', amount_refunded: 8_000 }]);
    expect((await status()).amount_paid).toBe(0);
  });

  it('the declining test card is refused off-session with a 402 card_error and records a failed payment', async () => {
    const invoice = await w.newInvoice(1_500);
    const customer = await stripe('POST', '/v1/customers', { email: w.emails.client });
    const declined = await stripe('POST', '/v1/payment_intents', {
      amount: '1500', currency: 'eur', customer: customer.body.id, payment_method: 'pm_card_chargeDeclined',
      confirm: 'true', off_session: 'true', 'metadata[invoice_id]': invoice,
    });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', payment_intent: { status: 'requires_payment_method' } });
    const failed = await until(() => paymentsOf(w.db, invoice), (p) => p.length > 0);
    expect(failed).toMatchObject([{ status: 'failed', failure_message: 'Your card was declined.' }]);
  });
});
