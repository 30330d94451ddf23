import { deepStrictEqual as assertEquals, ok } from 'node:assert/strict';
import { encodeForm, signWebhookPayload, StripeClient, StripeError, verifyWebhookSignature, WebhookSignatureError } from './stripe.ts';

const SECRET = 'whsec_test_secret';
const BODY = JSON.stringify({ id: 'evt_1', object: 'event', type: 'payment_intent.succeeded', created: 1, livemode: false, data: { object: {} } });

Deno.test('encodeForm writes nested objects, arrays and metadata with bracketed keys', () => {
  const form = encodeForm({
    mode: 'payment',
    line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 1250, product_data: { name: 'INV-0001 & co' } } }],
    metadata: { invoice_id: 'abc', part: 'balance' },
    payment_method_types: ['card'],
    confirm: true,
    off_session: false,
    skipped: undefined,
    description: null,
  });
  assertEquals(form.split('&'), [
    'mode=payment',
    'line_items[0][quantity]=1',
    'line_items[0][price_data][currency]=eur',
    'line_items[0][price_data][unit_amount]=1250',
    'line_items[0][price_data][product_data][name]=INV-0001%20%26%20co',
    'metadata[invoice_id]=abc',
    'metadata[part]=balance',
    'payment_method_types[0]=card',
    'confirm=true',
    'off_session=false',
    'description=',
  ]);
  // What a form parser reads back.
  const parsed = new URLSearchParams(form);
  assertEquals(parsed.get('line_items[0][price_data][product_data][name]'), 'INV-0001 & co');
});

Deno.test('a signed payload verifies', async () => {
  const t = 1_700_000_000;
  const header = await signWebhookPayload(BODY, SECRET, t);
  ok(/^t=1700000000,v1=[0-9a-f]{64}$/.test(header));
  const event = await verifyWebhookSignature(BODY, header, SECRET, 300, t + 10);
  assertEquals(event.id, 'evt_1');
});

Deno.test('a tampered payload, a wrong secret or a missing header is refused', async () => {
  const t = 1_700_000_000;
  const header = await signWebhookPayload(BODY, SECRET, t);
  const refuse = async (body: string, h: string | null, secret: string) => {
    const err = await verifyWebhookSignature(body, h, secret, 300, t).then(() => null, (e) => e);
    ok(err instanceof WebhookSignatureError, `expected a refusal for ${h}`);
  };
  await refuse(BODY.replace('succeeded', 'payment_failed'), header, SECRET);
  await refuse(BODY, header, 'whsec_other');
  await refuse(BODY, null, SECRET);
  await refuse(BODY, 'garbage', SECRET);
  await refuse(BODY, `t=${t}`, SECRET);
  await refuse(BODY, header.replace(`t=${t}`, `t=${t + 1}`), SECRET);
});

Deno.test('an expired timestamp is refused, within tolerance accepted', async () => {
  const t = 1_700_000_000;
  const header = await signWebhookPayload(BODY, SECRET, t);
  const err = await verifyWebhookSignature(BODY, header, SECRET, 300, t + 301).then(() => null, (e) => e);
  ok(err instanceof WebhookSignatureError && /tolerance/.test(err.message));
  await verifyWebhookSignature(BODY, header, SECRET, 300, t - 299);
});

Deno.test('any of several v1 signatures may match (secret rotation)', async () => {
  const t = 1_700_000_000;
  const good = (await signWebhookPayload(BODY, SECRET, t)).split(',')[1]!;
  const old = (await signWebhookPayload(BODY, 'whsec_old', t)).split(',')[1]!;
  const event = await verifyWebhookSignature(BODY, `t=${t},${old},${good},v0=ignored`, SECRET, 300, t);
  assertEquals(event.type, 'payment_intent.succeeded');
});

Deno.test('request sends a form body, bearer key and idempotency key; errors become StripeError', async () => {
  const seen: Request[] = [];
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(req.clone());
    if (req.url.endsWith('/v1/refunds')) {
      return new Response(JSON.stringify({ error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Already refunded' } }), { status: 400 });
    }
    return new Response(JSON.stringify({ id: 'cs_1', object: 'checkout.session', url: 'http://x' }), { status: 200 });
  }) as typeof fetch;
  const stripe = new StripeClient({ secretKey: 'sk_test_x', apiBase: 'http://stripe.local/', fetch: fakeFetch });
  const session = await stripe.createCheckoutSession({ mode: 'payment', metadata: { invoice_id: 'i1' } }, { idempotencyKey: 'key-1' });
  assertEquals(session.id, 'cs_1');
  const req = seen[0]!;
  assertEquals(req.url, 'http://stripe.local/v1/checkout/sessions');
  assertEquals(req.headers.get('authorization'), 'Bearer sk_test_x');
  assertEquals(req.headers.get('idempotency-key'), 'key-1');
  assertEquals(req.headers.get('content-type'), 'application/x-www-form-urlencoded');
  assertEquals(await req.text(), 'mode=payment&metadata[invoice_id]=i1');

  const err = await stripe.createRefund({ payment_intent: 'pi_1' }).then(() => null, (e) => e);
  ok(err instanceof StripeError);
  assertEquals([err.status, err.type, err.code, err.message], [400, 'invalid_request_error', 'charge_already_refunded', 'Already refunded']);

  await stripe.retrieveSetupIntent('seti_1');
  assertEquals([seen[2]!.method, seen[2]!.url], ['GET', 'http://stripe.local/v1/setup_intents/seti_1']);
});
