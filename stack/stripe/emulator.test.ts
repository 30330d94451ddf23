import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeEmulator } from './emulator.ts';
import { formatAmount } from './pages.ts';

const SECRET = 'whsec_unit';
const received: Array<{ signature: string; body: string }> = [];
let hook: http.Server;
let stripe: Awaited<ReturnType<typeof startStripeEmulator>>;

async function api(method: string, path: string, form = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${stripe.url}${path}`, {
    method,
    headers: { Authorization: 'Bearer sk_test_unit', 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: method === 'POST' ? form : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ signature: String(req.headers['stripe-signature']), body });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const port = (hook.address() as AddressInfo).port;
  stripe = await startStripeEmulator({ webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: SECRET });
});

afterAll(async () => {
  await stripe.close();
  await new Promise<void>((r) => hook.close(() => r()));
});

describe('Stripe emulator', () => {
  it('refuses requests without a secret key, in Stripe\'s error shape', async () => {
    const res = await fetch(`${stripe.url}/v1/customers`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.type).toBe('invalid_request_error');
  });

  it('validates checkout sessions', async () => {
    const res = await api('POST', '/v1/checkout/sessions', 'mode=payment&success_url=http://x/ok');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_missing', param: 'line_items' });
  });

  it('pays a checkout session on the test page and sends signed events, then redirects', async () => {
    const form =
      'mode=payment&success_url=http://app/ok?s={CHECKOUT_SESSION_ID}&cancel_url=http://app/cancel&customer_email=a@b.test' +
      '&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur&line_items[0][price_data][unit_amount]=12345' +
      '&line_items[0][price_data][product_data][name]=Invoice INV-0001&metadata[invoice_id]=inv1&payment_intent_data[metadata][invoice_id]=inv1';
    const created = await api('POST', '/v1/checkout/sessions', form, { 'Idempotency-Key': 'k1' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ object: 'checkout.session', mode: 'payment', amount_total: 12345, currency: 'eur', status: 'open' });
    const replay = await api('POST', '/v1/checkout/sessions', form, { 'Idempotency-Key': 'k1' });
    expect(replay.body.id).toBe(created.body.id);
    const conflict = await api('POST', '/v1/checkout/sessions', form.replace('12345', '1'), { 'Idempotency-Key': 'k1' });
    expect(conflict.body.error.type).toBe('idempotency_error');

    const page = await fetch(created.body.url);
    const html = await page.text();
    expect(html).toContain('Test mode — no real money moves');
    expect(html).toContain(`Pay ${formatAmount(12345, 'eur')}`);

    const declined = await fetch(created.body.url, { method: 'POST', body: new URLSearchParams({ action: 'decline' }), redirect: 'manual' });
    expect(declined.headers.get('location')).toContain('declined=1');
    const paid = await fetch(created.body.url, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://app/ok?s=${created.body.id}`);
    await stripe.emulator.settled();

    const types = received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(['payment_intent.payment_failed', 'checkout.session.completed', 'payment_intent.succeeded', 'charge.succeeded']);
    for (const { signature, body } of received) {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(signature)!;
      expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex'));
    }
    const failed = JSON.parse(received[0]!.body).data.object;
    const succeeded = JSON.parse(received[2]!.body).data.object;
    expect(succeeded.id).toBe(failed.id); // one PaymentIntent per session
    expect(succeeded.metadata).toEqual({ invoice_id: 'inv1' });
    expect(stripe.emulator.state.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.idempotencyKey === 'k1').map((r) => r.status)).toEqual([200, 200, 400]);
  });

  it('charges a saved card off-session, and declines the declining test card with a 402 card_error', async () => {
    const customer = await api('POST', '/v1/customers', 'email=c@d.test');
    const ok = await api('POST', '/v1/payment_intents', `amount=500&currency=usd&customer=${customer.body.id}&payment_method=pm_card_visa&confirm=true&off_session=true&metadata[invoice_id]=i2`);
    expect(ok.body).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount: 500 });
    const bad = await api('POST', '/v1/payment_intents', `amount=500&currency=usd&customer=${customer.body.id}&payment_method=pm_card_chargeDeclined&confirm=true&off_session=true`);
    expect(bad.status).toBe(402);
    expect(bad.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', payment_intent: { status: 'requires_payment_method' } });
    const refund = await api('POST', '/v1/refunds', `payment_intent=${ok.body.id}&amount=200`);
    expect(refund.body).toMatchObject({ object: 'refund', amount: 200, status: 'succeeded' });
  });
});
