// Paying an invoice through create-checkout and the stack's test-mode Checkout: who may pay, the
// amount computed in SQL (never the body's), and the invoice ending paid from the webhook events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../helpers/env.ts';
import { functionsUrl, paymentsOf, setUpBilling, stripeUrl, type BillingWorld } from './fixtures.ts';

let w: BillingWorld;

beforeAll(async () => {
  w = await setUpBilling();
});
afterAll(async () => {
  await w?.close();
});

async function checkout(token: string, body: unknown) {
  const res = await fetch(functionsUrl('create-checkout'), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, apikey: stackEnv.anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function press(url: string, action: string) {
  const res = await fetch(url, { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') ?? '' };
}

async function invoice(id: string) {
  return (await w.db.query(`select status::text, total_amount::int, amount_paid::int, amount_due::int, number from public.invoices where id = $1`, [id])).rows[0];
}

async function recorded(): Promise<any[]> {
  return (await (await fetch(stripeUrl('/_emulator/requests'))).json()) as any[];
}

describe('create-checkout', () => {
  it('refuses bad input, strangers and unpayable invoices with clear 4xx answers', async () => {
    const id = await w.newInvoice(10_000);
    expect((await checkout(w.tokens.client, { invoice_id: 'nope' })).status).toBe(400);
    expect((await checkout(w.tokens.client, { invoice_id: id, part: 'everything' })).status).toBe(400);
    // Another organization's owner knows the id but cannot read the invoice.
    const stranger = await checkout(w.tokens.outsider, { invoice_id: id });
    expect(stranger).toMatchObject({ status: 403, body: { error: 'You are not allowed to pay this invoice' } });
    // A client never pays a draft (it cannot even see it).
    const draft = (await w.db.query(`insert into public.invoices (organization_id, client_id, due_on) values ($1, $2, current_date + 7) returning id`, [w.org, w.clientId])).rows[0].id;
    expect((await checkout(w.tokens.client, { invoice_id: draft })).status).toBe(403);
    const noDeposit = await checkout(w.tokens.client, { invoice_id: id, part: 'deposit' });
    expect(noDeposit.status).toBe(409);
    const anon = await fetch(functionsUrl('create-checkout'), { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(anon.status).toBe(401);
  });

  it('charges the amount SQL computes, whatever the body says, and the paid checkout settles the invoice', async () => {
    const id = await w.newInvoice(12_345);
    const before = await invoice(id);
    expect(before).toMatchObject({ status: 'sent', total_amount: 12_345, amount_due: 12_345 });
    await fetch(stripeUrl('/_emulator/requests'), { method: 'DELETE' });
    const started = await checkout(w.tokens.client, { invoice_id: id, amount: 1, unit_amount: 1, currency: 'usd' });
    expect(started.status).toBe(200);
    expect(started.body.url).toMatch(/\/stripe\/checkout\/cs_test_/);
    const [request] = await recorded();
    expect(request).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', status: 200 });
    expect(request.idempotencyKey).toContain(id);
    expect(request.body).toMatchObject({
      mode: 'payment',
      customer_email: w.emails.client,
      line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: '12345', product_data: { name: `Invoice ${before.number} — Billing ${w.run}` } } }],
      metadata: { invoice_id: id, organization_id: w.org, part: 'balance' },
      payment_intent_data: { metadata: { invoice_id: id, organization_id: w.org, part: 'balance' } },
    });
    expect(request.body.success_url).toMatch(new RegExp(`/invoices/${id}\\?checkout=success`));
    expect(request.body.cancel_url).toMatch(new RegExp(`/invoices/${id}\\?checkout=cancel$`));

    // Asking again gives the same session (same idempotency key), not a second one.
    expect((await checkout(w.tokens.client, { invoice_id: id })).body.id).toBe(started.body.id);

    const page = await (await fetch(started.body.url)).text();
    expect(page).toContain('Pay €123.45');
    const declined = await press(started.body.url, 'decline');
    expect(declined.location).toContain('declined=1');
    expect(await paymentsOf(w.db, id)).toMatchObject([{ status: 'failed', failure_message: 'Your card was declined.' }]);
    expect((await invoice(id)).status).toBe('sent');

    const paid = await press(started.body.url, 'pay');
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(new RegExp(`/invoices/${id}\\?checkout=success&session_id=cs_test_`));
    expect(await paymentsOf(w.db, id)).toMatchObject([{ status: 'succeeded', amount: 12_345 }]);
    expect(await invoice(id)).toMatchObject({ status: 'paid', amount_paid: 12_345, amount_due: 0 });
    expect((await checkout(w.tokens.client, { invoice_id: id })).status).toBe(409);
  });

  it('pays a deposit first, then the balance', async () => {
    const id = await w.newInvoice(20_000, 5_000);
    const deposit = await checkout(w.tokens.client, { invoice_id: id, part: 'deposit' });
    expect((await (await fetch(deposit.body.url)).text())).toContain('Pay €50.00');
    await press(deposit.body.url, 'pay');
    expect(await invoice(id)).toMatchObject({ status: 'partially_paid', amount_paid: 5_000, amount_due: 15_000 });
    const balance = await checkout(w.tokens.client, { invoice_id: id });
    expect((await (await fetch(balance.body.url)).text())).toContain('Pay €150.00');
    await press(balance.body.url, 'pay');
    expect(await invoice(id)).toMatchObject({ status: 'paid', amount_paid: 20_000 });
    expect(await paymentsOf(w.db, id)).toHaveLength(2);
  });

  it('a cancelled checkout returns to the invoice and changes nothing', async () => {
    const id = await w.newInvoice(3_000);
    const started = await checkout(w.tokens.client, { invoice_id: id });
    const cancelled = await press(started.body.url, 'cancel');
    expect(cancelled.location).toMatch(new RegExp(`/invoices/${id}\\?checkout=cancel$`));
    expect(await paymentsOf(w.db, id)).toEqual([]);
  });
});
