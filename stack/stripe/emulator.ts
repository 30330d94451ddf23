// The Stripe emulator: the API calls Atrium's functions make (`/v1/...`, Stripe's wire format), the
// test-mode hosted pages (Checkout at `/checkout/:id`, the customer portal at `/billing/:id`) and the
// webhook events they cause, signed like Stripe's and POSTed to the functions' `stripe-webhook`.
// Framework-free: `handle(req, res, path, rawQuery)` serves a request whose prefix was stripped, so the
// gateway mounts it on `/stripe` and tests can run it on its own port (`startStripeEmulator`).
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FormError, parseForm, type FormObject, type FormValue } from './form.ts';
import { checkoutPage, messagePage, portalPage } from './pages.ts';
import { DECLINING_PAYMENT_METHODS, newId, now, StripeState, type Obj } from './state.ts';

export interface EmulatorOptions {
  /** Where the emulator is reachable from a browser, without trailing slash (e.g. `<gateway>/stripe`). */
  publicBase: string;
  /** Where events are POSTed (the `stripe-webhook` function), or null to only record them. */
  webhookUrl: string | null;
  webhookSecret: string;
  /** The account's business name shown on hosted pages. */
  accountName?: string;
  log?: (line: string) => void;
}

const BODY_LIMIT = 256 * 1024;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const missing = (param: string) => new ApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, { code: 'parameter_missing', param });
const invalid = (param: string, message: string) => new ApiError(400, 'invalid_request_error', message, { code: 'parameter_invalid', param });
const noSuch = (kind: string, id: string, param = 'id') =>
  new ApiError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, { code: 'resource_missing', param });

function str(v: FormValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function obj(v: FormValue | undefined): FormObject {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
}
function metadata(v: FormValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string' && val !== '') out[k] = val;
  return out;
}
function int(v: FormValue | undefined, param: string, min = 0): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw invalid(param, `Invalid integer: ${String(v)}`);
  const n = Number(v);
  if (n < min) throw invalid(param, `This value must be greater than or equal to ${min}.`);
  return n;
}
function bool(v: FormValue | undefined): boolean {
  return v === 'true';
}
function currencyOf(v: FormValue | undefined, param: string): string {
  const c = str(v)?.toLowerCase();
  if (!c) throw missing(param);
  if (!/^[a-z]{3}$/.test(c)) throw invalid(param, `Invalid currency: ${c}`);
  return c;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new ApiError(413, 'invalid_request_error', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Request-Id': newId('req'), ...headers });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-store' });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, 'Content-Length': '0' });
  res.end();
}

export function signPayload(payload: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex')}`;
}

export type StripeEmulator = ReturnType<typeof createStripeEmulator>;

export function createStripeEmulator(options: EmulatorOptions) {
  const state = new StripeState();
  const log = options.log ?? (() => {});
  const accountName = options.accountName ?? 'Atrium (test account)';
  const pending = new Set<Promise<void>>();

  // -------------------------------------------------------------------------------------------------
  // Events
  // -------------------------------------------------------------------------------------------------
  async function deliver(event: Obj): Promise<void> {
    const entry = { event, status: null as number | null, error: null as string | null };
    state.events.push(entry);
    if (!options.webhookUrl) return;
    const payload = JSON.stringify(event, null, 2);
    try {
      const res = await fetch(options.webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'Stripe-Signature': signPayload(payload, options.webhookSecret, now()),
        },
        body: payload,
      });
      entry.status = res.status;
      await res.text();
      if (!res.ok) log(`stripe: webhook ${event.type} ${event.id} answered ${res.status}`);
    } catch (err) {
      entry.error = (err as Error).message;
      log(`stripe: webhook ${event.type} ${event.id} failed: ${entry.error}`);
    }
  }

  function event(type: string, object: Obj, previous?: Record<string, unknown>): Obj {
    return {
      id: newId('evt'),
      object: 'event',
      api_version: '2025-03-31.basil',
      created: now(),
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
  }

  /** Sends events one after another, in order; the returned promise settles when all were answered. */
  function emit(events: Obj[]): Promise<void> {
    const run = (async () => {
      for (const e of events) await deliver(e);
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
    return run;
  }

  // -------------------------------------------------------------------------------------------------
  // Objects
  // -------------------------------------------------------------------------------------------------
  function createCustomer(p: { email?: string | null; name?: string | null; metadata?: Record<string, string> }): Obj {
    return state.put({
      id: newId('cus'), object: 'customer', created: now(), email: p.email ?? null, name: p.name ?? null,
      metadata: p.metadata ?? {}, livemode: false, invoice_settings: { default_payment_method: null },
    });
  }

  function createPaymentMethod(customer: string | null, declines: boolean): Obj {
    const pm = state.put({
      id: newId('pm'), object: 'payment_method', type: 'card', created: now(), customer,
      card: { brand: 'visa', last4: declines ? '0341' : '4242', exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: 'credit' },
      billing_details: { email: null, name: null }, livemode: false, metadata: {},
    });
    if (declines) DECLINING_PAYMENT_METHODS.add(pm.id);
    return pm;
  }

  function charge(pi: Obj, pm: string): Obj {
    return state.put({
      id: newId('ch'), object: 'charge', amount: pi.amount, amount_captured: pi.amount, amount_refunded: 0, captured: true,
      created: now(), currency: pi.currency, customer: pi.customer, metadata: { ...pi.metadata }, paid: true,
      payment_intent: pi.id, payment_method: pm, refunded: false, status: 'succeeded', livemode: false,
      refunds: { object: 'list', data: [], has_more: false },
    });
  }

  const DECLINE = { code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', type: 'card_error' };

  /** Confirms a PaymentIntent with a payment method: succeeded (+charge) or declined. */
  function confirmIntent(pi: Obj, pm: string): { events: Obj[]; declined: boolean } {
    pi.payment_method = pm;
    if (DECLINING_PAYMENT_METHODS.has(pm)) {
      pi.status = 'requires_payment_method';
      pi.last_payment_error = { ...DECLINE, payment_method: { id: pm, object: 'payment_method' } };
      return { events: [event('payment_intent.payment_failed', pi)], declined: true };
    }
    const ch = charge(pi, pm);
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = ch.id;
    pi.last_payment_error = null;
    return { events: [event('payment_intent.succeeded', pi), event('charge.succeeded', ch)], declined: false };
  }

  function newPaymentIntent(p: { amount: number; currency: string; customer: string | null; metadata: Record<string, string>; description?: string | null }): Obj {
    return state.put({
      id: newId('pi'), object: 'payment_intent', amount: p.amount, amount_received: 0, currency: p.currency, customer: p.customer,
      created: now(), description: p.description ?? null, last_payment_error: null, latest_charge: null, livemode: false,
      metadata: p.metadata, payment_method: null, payment_method_types: ['card'], status: 'requires_payment_method',
      client_secret: `${newId('pi')}_secret_${newId('x').slice(2)}`,
    });
  }

  // -------------------------------------------------------------------------------------------------
  // API routes
  // -------------------------------------------------------------------------------------------------
  function createCheckoutSession(p: FormObject): Obj {
    const mode = str(p.mode);
    if (!mode) throw missing('mode');
    if (!['payment', 'setup', 'subscription'].includes(mode)) throw invalid('mode', `Invalid mode: must be one of payment, setup, or subscription`);
    const successUrl = str(p.success_url);
    if (!successUrl) throw missing('success_url');
    const customer = str(p.customer) ?? null;
    if (customer && !state.get(customer, 'customer')) throw noSuch('customer', customer, 'customer');
    const items = Array.isArray(p.line_items) ? p.line_items.map(obj) : [];
    let amount: number | null = null;
    let currency: string | null = null;
    const lines: Obj[] = [];
    if (mode !== 'setup') {
      if (!items.length) throw missing('line_items');
      amount = 0;
      items.forEach((item, i) => {
        const quantity = int(item.quantity, `line_items[${i}][quantity]`, 1) ?? 1;
        let unit: number;
        let lineCurrency: string;
        let name: string;
        let price: Obj | null = null;
        const priceId = str(item.price);
        if (priceId) {
          price = state.get(priceId, 'price');
          if (!price) throw noSuch('price', priceId, `line_items[${i}][price]`);
          unit = price.unit_amount;
          lineCurrency = price.currency;
          name = price.nickname ?? price.id;
        } else {
          const pd = obj(item.price_data);
          if (!item.price_data) throw missing(`line_items[${i}][price] or line_items[${i}][price_data]`);
          lineCurrency = currencyOf(pd.currency, `line_items[${i}][price_data][currency]`);
          const u = int(pd.unit_amount, `line_items[${i}][price_data][unit_amount]`, 0);
          if (u === undefined) throw missing(`line_items[${i}][price_data][unit_amount]`);
          unit = u;
          name = str(obj(pd.product_data).name) ?? '';
          if (!name) throw missing(`line_items[${i}][price_data][product_data][name]`);
        }
        if (mode === 'subscription' && !price?.recurring) throw invalid(`line_items[${i}][price]`, 'Subscription mode needs a recurring price.');
        if (mode === 'payment' && price?.recurring) throw invalid(`line_items[${i}][price]`, 'You specified `payment` mode but passed a recurring price.');
        if (currency && currency !== lineCurrency) throw invalid(`line_items[${i}]`, 'All line items must use the same currency.');
        currency = lineCurrency;
        amount! += unit * quantity;
        lines.push({ id: newId('li'), object: 'item', description: name, quantity, amount_total: unit * quantity, currency: lineCurrency, price: price ?? { id: null, unit_amount: unit, currency: lineCurrency } });
      });
      if (mode === 'payment' && amount! < 50) throw invalid('line_items', 'The Checkout Session\'s total amount due must add up to at least 0.50.');
    } else if (p.currency) currency = currencyOf(p.currency, 'currency');
    const id = newId('cs_test');
    return state.put({
      id, object: 'checkout.session', url: `${options.publicBase}/checkout/${id}`, mode, status: 'open',
      payment_status: mode === 'setup' ? 'no_payment_required' : 'unpaid',
      amount_subtotal: amount, amount_total: amount, currency, customer, customer_email: str(p.customer_email) ?? null,
      customer_details: null, client_reference_id: str(p.client_reference_id) ?? null, metadata: metadata(p.metadata),
      payment_intent: null, setup_intent: null, subscription: null, invoice: null, success_url: successUrl, cancel_url: str(p.cancel_url) ?? null,
      created: now(), expires_at: int(p.expires_at, 'expires_at') ?? now() + 24 * 3600, livemode: false,
      locale: str(p.locale) ?? null, payment_method_types: ['card'],
      // Kept for the hosted page and completion; Stripe returns these only when expanded.
      _line_items: lines,
      _payment_intent_data: { metadata: metadata(obj(p.payment_intent_data).metadata), description: str(obj(p.payment_intent_data).description) ?? null },
      _setup_intent_data: { metadata: metadata(obj(p.setup_intent_data).metadata) },
      _subscription_data: { metadata: metadata(obj(p.subscription_data).metadata) },
    });
  }

  function publicView(o: Obj): Obj {
    return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_'))) as Obj;
  }

  function createPaymentIntent(p: FormObject): { status: number; body: unknown } {
    const amount = int(p.amount, 'amount', 1);
    if (amount === undefined) throw missing('amount');
    const currency = currencyOf(p.currency, 'currency');
    const customer = str(p.customer) ?? null;
    if (customer && !state.get(customer, 'customer')) throw noSuch('customer', customer, 'customer');
    const pmId = str(p.payment_method) ?? null;
    if (pmId && !pmId.startsWith('pm_card_')) {
      const pm = state.get(pmId, 'payment_method');
      if (!pm) throw noSuch('PaymentMethod', pmId, 'payment_method');
      if (customer && pm.customer && pm.customer !== customer) {
        throw invalid('payment_method', `The provided PaymentMethod was previously used with a different customer.`);
      }
    }
    const pi = newPaymentIntent({ amount, currency, customer, metadata: metadata(p.metadata), description: str(p.description) });
    if (bool(p.confirm)) {
      if (!pmId) throw missing('payment_method');
      const { events, declined } = confirmIntent(pi, pmId);
      void emit(events);
      if (declined) {
        return {
          status: 402,
          body: { error: { ...DECLINE, doc_url: 'https://stripe.com/docs/error-codes/card-declined', payment_intent: publicView(pi), payment_method: { id: pmId } } },
        };
      }
    } else if (pmId) {
      pi.payment_method = pmId;
      pi.status = 'requires_confirmation';
    }
    return { status: 200, body: pi };
  }

  function createRefund(p: FormObject): Obj {
    const piId = str(p.payment_intent);
    const chId = str(p.charge);
    let ch: Obj | null;
    if (chId) ch = state.get(chId, 'charge');
    else if (piId) {
      const pi = state.get(piId, 'payment_intent');
      if (!pi) throw noSuch('payment_intent', piId, 'payment_intent');
      ch = pi.latest_charge ? state.get(pi.latest_charge, 'charge') : null;
      if (!ch) throw new ApiError(400, 'invalid_request_error', `This PaymentIntent (${piId}) does not have a successful charge to refund.`, { code: 'charge_not_refundable' });
    } else throw missing('charge or payment_intent');
    if (!ch) throw noSuch('charge', chId!, 'charge');
    const left = ch.amount - ch.amount_refunded;
    const amount = int(p.amount, 'amount', 1) ?? left;
    if (left <= 0) throw new ApiError(400, 'invalid_request_error', `Charge ${ch.id} has already been refunded.`, { code: 'charge_already_refunded' });
    if (amount > left) throw invalid('amount', `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`);
    const refund = state.put({
      id: newId('re'), object: 'refund', amount, charge: ch.id, currency: ch.currency, created: now(),
      metadata: metadata(p.metadata), payment_intent: ch.payment_intent, reason: str(p.reason) ?? null, status: 'succeeded',
    });
    ch.amount_refunded += amount;
    ch.refunded = ch.amount_refunded >= ch.amount;
    ch.refunds.data.unshift(refund);
    void emit([event('charge.refunded', ch), event('refund.created', refund)]);
    return refund;
  }

  function updateSubscription(sub: Obj, p: FormObject): Obj[] {
    const previous: Record<string, unknown> = {};
    const items = Array.isArray(p.items) ? p.items.map(obj) : [];
    const priceId = str(items[0]?.price);
    if (priceId) {
      const price = state.get(priceId, 'price');
      if (!price?.recurring) throw noSuch('price', priceId, 'items[0][price]');
      previous.items = structuredClone(sub.items);
      sub.items.data[0].price = structuredClone(price);
      sub.items.data[0].plan = { id: price.id, object: 'plan', amount: price.unit_amount, currency: price.currency, interval: price.recurring.interval };
      sub.plan = sub.items.data[0].plan;
    }
    if (p.cancel_at_period_end !== undefined) {
      previous.cancel_at_period_end = sub.cancel_at_period_end;
      sub.cancel_at_period_end = bool(p.cancel_at_period_end);
    }
    if (p.metadata) {
      previous.metadata = sub.metadata;
      sub.metadata = { ...sub.metadata, ...metadata(p.metadata) };
    }
    return [event('customer.subscription.updated', sub, previous)];
  }

  function cancelSubscription(sub: Obj): Obj[] {
    sub.status = 'canceled';
    sub.canceled_at = now();
    sub.ended_at = now();
    return [event('customer.subscription.deleted', sub)];
  }

  async function api(method: string, path: string, params: FormObject): Promise<{ status: number; body: unknown }> {
    const m = /^\/v1\/(checkout\/sessions|billing_portal\/sessions|[a-z_]+)(?:\/([^/]+))?$/.exec(path);
    const route = m ? `${method} /v1/${m[1]}${m[2] ? '/:id' : ''}` : '';
    const id = m?.[2] ? decodeURIComponent(m[2]) : '';
    const ok = (body: unknown) => ({ status: 200, body });
    switch (route) {
      case 'POST /v1/customers':
        return ok(createCustomer({ email: str(params.email), name: str(params.name), metadata: metadata(params.metadata) }));
      case 'GET /v1/customers/:id':
        return ok(state.get(id, 'customer') ?? (() => { throw noSuch('customer', id); })());
      case 'POST /v1/checkout/sessions':
        return ok(publicView(createCheckoutSession(params)));
      case 'GET /v1/checkout/sessions/:id': {
        const s = state.get(id, 'checkout.session');
        if (!s) throw noSuch('checkout.session', id);
        return ok(publicView(s));
      }
      case 'POST /v1/payment_intents':
        return createPaymentIntent(params);
      case 'GET /v1/payment_intents/:id':
        return ok(state.get(id, 'payment_intent') ?? (() => { throw noSuch('payment_intent', id); })());
      case 'GET /v1/setup_intents/:id':
        return ok(state.get(id, 'setup_intent') ?? (() => { throw noSuch('setup_intent', id); })());
      case 'GET /v1/payment_methods/:id':
        return ok(state.get(id, 'payment_method') ?? (() => { throw noSuch('PaymentMethod', id); })());
      case 'GET /v1/prices/:id':
        return ok(state.get(id, 'price') ?? (() => { throw noSuch('price', id); })());
      case 'POST /v1/refunds':
        return ok(createRefund(params));
      case 'POST /v1/billing_portal/sessions': {
        const customer = str(params.customer);
        if (!customer) throw missing('customer');
        if (!state.get(customer, 'customer')) throw noSuch('customer', customer, 'customer');
        const bpsId = newId('bps');
        return ok(state.put({
          id: bpsId, object: 'billing_portal.session', created: now(), customer, livemode: false,
          return_url: str(params.return_url) ?? null, url: `${options.publicBase}/billing/${bpsId}`,
        }));
      }
      case 'GET /v1/subscriptions/:id':
        return ok(state.get(id, 'subscription') ?? (() => { throw noSuch('subscription', id); })());
      case 'POST /v1/subscriptions/:id': {
        const sub = state.get(id, 'subscription');
        if (!sub) throw noSuch('subscription', id);
        void emit(updateSubscription(sub, params));
        return ok(sub);
      }
      case 'DELETE /v1/subscriptions/:id': {
        const sub = state.get(id, 'subscription');
        if (!sub) throw noSuch('subscription', id);
        void emit(cancelSubscription(sub));
        return ok(sub);
      }
      default:
        throw new ApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    let params: FormObject = {};
    let status = 500;
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
    try {
      const text = method === 'POST' ? await readBody(req) : rawQuery;
      params = parseForm(text);
      const auth = req.headers.authorization ?? '';
      const key = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      if (!key) throw new ApiError(401, 'invalid_request_error', "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
      if (!/^(sk|rk)_(test|live)_/.test(key)) throw new ApiError(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}****`);
      let result: { status: number; body: unknown };
      if (method === 'POST' && idempotencyKey) {
        const fingerprint = createHash('sha256').update(`${path}\n${text}`).digest('hex');
        const seen = state.idempotent.get(idempotencyKey);
        if (seen && seen.fingerprint !== fingerprint) {
          throw new ApiError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`);
        }
        if (seen) {
          result = { status: seen.status, body: seen.body };
          status = result.status;
          return sendJson(res, status, result.body, { 'Idempotent-Replayed': 'true' });
        }
        result = await api(method, path, params);
        state.idempotent.set(idempotencyKey, { fingerprint, status: result.status, body: structuredClone(result.body) });
      } else result = await api(method, path, params);
      status = result.status;
      sendJson(res, status, result.body);
    } catch (caught) {
      const err = caught instanceof FormError ? new ApiError(400, 'invalid_request_error', caught.message) : caught;
      if (!(err instanceof ApiError)) throw err;
      status = err.status;
      sendJson(res, status, { error: { type: err.type, message: err.message, ...err.extra } });
    } finally {
      state.record({ method, path, query: method === 'POST' ? {} : params, body: method === 'POST' ? params : {}, idempotencyKey, status, at: new Date().toISOString() });
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Hosted pages
  // -------------------------------------------------------------------------------------------------
  function withSessionId(url: string, id: string): string {
    return url.replace(/\{CHECKOUT_SESSION_ID\}/g, id);
  }

  async function completeCheckout(session: Obj, action: string): Promise<string> {
    if (action === 'cancel') return session.cancel_url ?? withSessionId(session.success_url, session.id);
    const declines = action === 'decline';
    const events: Obj[] = [];
    let customer: string | null = session.customer;
    const ensureCustomer = () => {
      if (!customer) customer = createCustomer({ email: session.customer_email }).id;
      session.customer = customer;
      return customer;
    };
    const email = session.customer_email ?? (customer ? state.get(customer)?.email : null) ?? null;
    if (session.mode === 'payment') {
      let pi = session.payment_intent ? state.get(session.payment_intent, 'payment_intent') : null;
      if (!pi) {
        pi = newPaymentIntent({ amount: session.amount_total, currency: session.currency, customer, metadata: { ...session._payment_intent_data.metadata }, description: session._payment_intent_data.description });
        session.payment_intent = pi.id;
      }
      const pm = createPaymentMethod(customer, declines);
      const result = confirmIntent(pi, pm.id);
      events.push(...result.events);
      if (result.declined) {
        await emit(events);
        return `${options.publicBase}/checkout/${session.id}?declined=1`;
      }
      session.payment_status = 'paid';
    } else if (session.mode === 'setup') {
      const cus = ensureCustomer();
      const pm = createPaymentMethod(cus, declines);
      const seti = state.put({
        id: newId('seti'), object: 'setup_intent', created: now(), customer: cus, payment_method: pm.id, status: 'succeeded',
        usage: 'off_session', metadata: { ...session._setup_intent_data.metadata }, livemode: false, payment_method_types: ['card'],
      });
      session.setup_intent = seti.id;
      events.push(event('setup_intent.succeeded', seti));
    } else {
      if (declines) return `${options.publicBase}/checkout/${session.id}?declined=1`;
      const cus = ensureCustomer();
      const pm = createPaymentMethod(cus, false);
      const price = structuredClone(state.get(session._line_items[0].price.id, 'price')!);
      const start = now();
      const end = start + 30 * 24 * 3600;
      const plan = { id: price.id, object: 'plan', amount: price.unit_amount, currency: price.currency, interval: price.recurring.interval };
      const sub = state.put({
        id: newId('sub'), object: 'subscription', customer: cus, status: 'active', created: start, start_date: start,
        current_period_start: start, current_period_end: end, cancel_at_period_end: false, canceled_at: null, ended_at: null,
        default_payment_method: pm.id, metadata: { ...session._subscription_data.metadata }, livemode: false, plan,
        items: { object: 'list', data: [{ id: newId('si'), object: 'subscription_item', price, plan, quantity: 1, current_period_start: start, current_period_end: end }] },
        latest_invoice: null as string | null,
      });
      const invoice = state.put({
        id: newId('in'), object: 'invoice', customer: cus, subscription: sub.id, status: 'paid', amount_due: price.unit_amount,
        amount_paid: price.unit_amount, currency: price.currency, created: start, billing_reason: 'subscription_create', livemode: false,
        period_start: start, period_end: end, parent: { subscription_details: { subscription: sub.id, metadata: sub.metadata }, type: 'subscription_details' },
      });
      sub.latest_invoice = invoice.id;
      session.subscription = sub.id;
      session.invoice = invoice.id;
      session.payment_status = 'paid';
      events.push(event('customer.subscription.created', sub), event('invoice.paid', invoice));
    }
    session.status = 'complete';
    session.customer_details = { email };
    events.unshift(event('checkout.session.completed', publicView(session)));
    await emit(events);
    return withSessionId(session.success_url, session.id);
  }

  async function handlePage(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const [, kind, id] = path.split('/');
    const query = new URLSearchParams(rawQuery);
    const form = method === 'POST' ? new URLSearchParams(await readBody(req)) : null;
    if (kind === 'checkout') {
      const session = state.get(id ?? '', 'checkout.session');
      if (!session) return sendHtml(res, 404, messagePage('Checkout not found', 'This checkout session does not exist or has expired.'));
      if (method === 'GET') {
        if (session.status !== 'open') return sendHtml(res, 410, messagePage('Checkout complete', 'This checkout session was already completed.', withSessionId(session.success_url, session.id)));
        return sendHtml(res, 200, checkoutPage({ session, accountName, declined: query.get('declined') === '1', action: `${options.publicBase}/checkout/${session.id}` }));
      }
      if (session.status !== 'open') return redirect(res, withSessionId(session.success_url, session.id));
      const action = form?.get('action') ?? '';
      if (!['pay', 'decline', 'cancel'].includes(action)) return sendHtml(res, 400, messagePage('Unknown action', 'Choose one of the buttons on the checkout page.'));
      return redirect(res, await completeCheckout(session, action));
    }
    if (kind === 'billing') {
      const portal = state.get(id ?? '', 'billing_portal.session');
      if (!portal) return sendHtml(res, 404, messagePage('Portal session not found', 'This billing portal link does not exist.'));
      const subs = state.list('subscription', (s) => s.customer === portal.customer && s.status !== 'canceled');
      if (method === 'POST') {
        const sub = state.get(form?.get('subscription') ?? '', 'subscription');
        if (!sub || sub.customer !== portal.customer) return sendHtml(res, 404, messagePage('Subscription not found', 'This subscription does not belong to this customer.'));
        const action = form?.get('action');
        if (action === 'switch') await emit(updateSubscription(sub, { items: [{ price: form?.get('price') ?? '' }] }));
        else if (action === 'cancel') await emit(cancelSubscription(sub));
        else return sendHtml(res, 400, messagePage('Unknown action', 'Choose one of the buttons on the billing page.'));
        return redirect(res, `${options.publicBase}/billing/${portal.id}?updated=1`);
      }
      const customer = state.get(portal.customer, 'customer')!;
      return sendHtml(res, 200, portalPage({ portal, customer, subscriptions: subs, prices: state.list('price', (p) => !!p.recurring), accountName, updated: query.get('updated') === '1', action: `${options.publicBase}/billing/${portal.id}` }));
    }
    sendHtml(res, 404, messagePage('Not found', 'There is nothing at this address.'));
  }

  /** Test hooks: what the emulator received and sent. */
  function handleInspect(req: IncomingMessage, res: ServerResponse, path: string): void {
    const method = (req.method ?? 'GET').toUpperCase();
    if (path === '/_emulator/requests') {
      if (method === 'DELETE') {
        state.requests.length = 0;
        return sendJson(res, 200, { cleared: true });
      }
      return sendJson(res, 200, state.requests);
    }
    if (path === '/_emulator/events') return sendJson(res, 200, state.events);
    sendJson(res, 404, { error: { type: 'invalid_request_error', message: 'Unknown emulator endpoint' } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> {
    if (path.startsWith('/v1/')) return handleApi(req, res, path, rawQuery);
    if (path.startsWith('/_emulator/')) return handleInspect(req, res, path);
    return handlePage(req, res, path, rawQuery);
  }

  return {
    state,
    handle,
    /** Resolves when every event sent so far was answered. */
    async settled(): Promise<void> {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

/** Runs the emulator on its own port (tests' stand-in server); `url` is its API base. */
export async function startStripeEmulator(options: Omit<EmulatorOptions, 'publicBase'> & { port?: number; host?: string }): Promise<{ url: string; emulator: StripeEmulator; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  let emulator: StripeEmulator | null = null;
  const server = http.createServer((req, res) => {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    emulator!.handle(req, res, q === -1 ? raw : raw.slice(0, q), q === -1 ? '' : raw.slice(q + 1)).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: { type: 'api_error', message: (err as Error).message } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  emulator = createStripeEmulator({ ...options, publicBase: url });
  return {
    url,
    emulator,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
