// A small Stripe REST client for edge functions, speaking Stripe's wire format: form-encoded bodies
// with bracketed nested keys (`line_items[0][price_data][currency]`), `Authorization: Bearer sk_...`,
// `Idempotency-Key`, JSON answers and `{error: {type, code, message}}` errors. Plus webhook signing and
// verification (`Stripe-Signature: t=<unix>,v1=<hex hmac-sha256 of "t.payload">`).
//
// `stripeFromEnv()` reads STRIPE_SECRET_KEY and STRIPE_API_BASE (default https://api.stripe.com); the
// local stack points STRIPE_API_BASE at its Stripe emulator (`<gateway>/stripe`) when no real key is set.

export const STRIPE_API_VERSION = '2025-03-31.basil';

export type StripeParams = { [key: string]: StripeParamValue };
export type StripeParamValue = string | number | boolean | null | undefined | StripeParams | StripeParamValue[];

/** A Stripe API error: the `error` object of Stripe's answer plus the HTTP status. */
export class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | null,
    message: string,
    readonly declineCode: string | null = null,
    readonly param: string | null = null,
    /** The whole `error` object, e.g. `payment_intent` of a declined off-session charge (402 card_error). */
    readonly raw: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StripeError';
  }
}

/**
 * Form-encodes params the way Stripe's clients do: nested objects as `a[b][c]`, arrays with indices
 * `a[0][b]`, booleans as `true`/`false`, `null` as an empty value (Stripe's "unset"), `undefined` skipped.
 */
export function encodeForm(params: StripeParams): string {
  const pairs: string[] = [];
  const add = (key: string, value: StripeParamValue): void => {
    if (value === undefined) return;
    if (value === null) {
      pairs.push(`${encodeKey(key)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => add(`${key}[${i}]`, v));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) add(`${key}[${k}]`, v);
    } else {
      pairs.push(`${encodeKey(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [k, v] of Object.entries(params)) add(k, v);
  return pairs.join('&');
}

// Brackets stay readable, as in stripe-node's requests (qs with encodeValuesOnly).
function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

export interface RequestOptions {
  idempotencyKey?: string;
}

export type StripeObject = Record<string, unknown> & { id: string; object: string };

export interface CheckoutSession extends StripeObject {
  object: 'checkout.session';
  url: string;
  mode: 'payment' | 'setup' | 'subscription';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  customer: string | null;
  payment_intent: string | null;
  setup_intent: string | null;
  subscription: string | null;
  amount_total: number | null;
  currency: string | null;
  metadata: Record<string, string>;
}

export interface Customer extends StripeObject {
  object: 'customer';
  email: string | null;
  metadata: Record<string, string>;
}

export interface PaymentIntent extends StripeObject {
  object: 'payment_intent';
  amount: number;
  currency: string;
  status: 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'processing' | 'succeeded' | 'canceled';
  customer: string | null;
  payment_method: string | null;
  latest_charge: string | null;
  last_payment_error: { code?: string; decline_code?: string; message?: string } | null;
  metadata: Record<string, string>;
}

export interface SetupIntent extends StripeObject {
  object: 'setup_intent';
  status: string;
  customer: string | null;
  payment_method: string | null;
  metadata: Record<string, string>;
}

export interface BillingPortalSession extends StripeObject {
  object: 'billing_portal.session';
  url: string;
  customer: string;
  return_url: string | null;
}

export interface Refund extends StripeObject {
  object: 'refund';
  amount: number;
  status: string;
  payment_intent: string | null;
  charge: string | null;
}

export interface StripeClientOptions {
  secretKey: string;
  apiBase?: string;
  fetch?: typeof fetch;
}

export class StripeClient {
  readonly apiBase: string;
  readonly #secretKey: string;
  readonly #fetch: typeof fetch;

  constructor(options: StripeClientOptions) {
    if (!options.secretKey) throw new Error('Stripe secret key is missing');
    this.#secretKey = options.secretKey;
    this.apiBase = (options.apiBase ?? 'https://api.stripe.com').replace(/\/+$/, '');
    this.#fetch = options.fetch ?? fetch;
  }

  /** One API call: `GET`/`DELETE` params go in the query string, `POST` params in a form body. */
  async request<T = StripeObject>(method: 'GET' | 'POST' | 'DELETE', path: string, params: StripeParams = {}, options: RequestOptions = {}): Promise<T> {
    const form = encodeForm(params);
    const url = `${this.apiBase}${path.startsWith('/') ? path : `/${path}`}${method !== 'POST' && form ? `?${form}` : ''}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.#secretKey}`,
      'Stripe-Version': STRIPE_API_VERSION,
    };
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    let res: Response;
    try {
      res = await this.#fetch(url, { method, headers, body: method === 'POST' ? form : undefined });
    } catch (err) {
      throw new StripeError(0, 'api_connection_error', null, `Could not reach Stripe: ${(err as Error).message}`);
    }
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // fall through: a non-JSON answer is an API error below
    }
    if (!res.ok) {
      const e = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
      throw new StripeError(
        res.status,
        typeof e.type === 'string' ? e.type : 'api_error',
        typeof e.code === 'string' ? e.code : null,
        typeof e.message === 'string' ? e.message : `Stripe answered ${res.status}`,
        typeof e.decline_code === 'string' ? e.decline_code : null,
        typeof e.param === 'string' ? e.param : null,
        e,
      );
    }
    if (!body || typeof body !== 'object') throw new StripeError(res.status, 'api_error', null, 'Stripe answered without a JSON object');
    return body as T;
  }

  createCheckoutSession(params: StripeParams, options?: RequestOptions): Promise<CheckoutSession> {
    return this.request<CheckoutSession>('POST', '/v1/checkout/sessions', params, options);
  }

  retrieveCheckoutSession(id: string): Promise<CheckoutSession> {
    return this.request<CheckoutSession>('GET', `/v1/checkout/sessions/${encodeURIComponent(id)}`);
  }

  createCustomer(params: StripeParams, options?: RequestOptions): Promise<Customer> {
    return this.request<Customer>('POST', '/v1/customers', params, options);
  }

  /** With `confirm: true, off_session: true, customer, payment_method` this charges a saved card. */
  createPaymentIntent(params: StripeParams, options?: RequestOptions): Promise<PaymentIntent> {
    return this.request<PaymentIntent>('POST', '/v1/payment_intents', params, options);
  }

  retrievePaymentIntent(id: string): Promise<PaymentIntent> {
    return this.request<PaymentIntent>('GET', `/v1/payment_intents/${encodeURIComponent(id)}`);
  }

  retrieveSetupIntent(id: string): Promise<SetupIntent> {
    return this.request<SetupIntent>('GET', `/v1/setup_intents/${encodeURIComponent(id)}`);
  }

  createBillingPortalSession(params: StripeParams, options?: RequestOptions): Promise<BillingPortalSession> {
    return this.request<BillingPortalSession>('POST', '/v1/billing_portal/sessions', params, options);
  }

  createRefund(params: StripeParams, options?: RequestOptions): Promise<Refund> {
    return this.request<Refund>('POST', '/v1/refunds', params, options);
  }
}

/** The client configured by the environment; throws when STRIPE_SECRET_KEY is missing. */
export function stripeFromEnv(): StripeClient {
  const secretKey = Deno.env.get('STRIPE_SECRET_KEY');
  if (!secretKey) throw new Error('STRIPE_SECRET_KEY is not set');
  return new StripeClient({ secretKey, apiBase: Deno.env.get('STRIPE_API_BASE') || undefined });
}

// ---------------------------------------------------------------------------------------------------
// Webhook signatures
// ---------------------------------------------------------------------------------------------------

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

async function hmacHex(secret: string, payload: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(payload)));
  return Array.from(sig, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Constant-time comparison of two strings of the same length (different lengths are unequal). */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The `Stripe-Signature` header value for a payload: `t=<timestamp>,v1=<hex>`. */
export async function signWebhookPayload(rawBody: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  return `t=${timestamp},v1=${await hmacHex(secret, `${timestamp}.${rawBody}`)}`;
}

/**
 * Checks a `Stripe-Signature` header against the raw body: any of its `v1` values must be the HMAC of
 * `"<t>.<body>"`, and `t` within `toleranceSeconds` of now. Returns the parsed event; throws
 * WebhookSignatureError otherwise.
 */
export async function verifyWebhookSignature<T = StripeEvent>(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  toleranceSeconds = 300,
  now = Math.floor(Date.now() / 1000),
): Promise<T> {
  if (!secret) throw new WebhookSignatureError('No webhook secret configured');
  if (!header) throw new WebhookSignatureError('Missing Stripe-Signature header');
  let timestamp = -1;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') timestamp = /^\d+$/.test(value) ? Number(value) : -1;
    else if (key === 'v1') signatures.push(value);
  }
  if (timestamp < 0) throw new WebhookSignatureError('Stripe-Signature has no valid timestamp');
  if (!signatures.length) throw new WebhookSignatureError('Stripe-Signature has no v1 signature');
  const expected = await hmacHex(secret, `${timestamp}.${rawBody}`);
  let matched = false;
  for (const sig of signatures) if (timingSafeEqual(sig, expected)) matched = true;
  if (!matched) throw new WebhookSignatureError('No signature matches the payload');
  if (toleranceSeconds > 0 && Math.abs(now - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError('Timestamp outside the tolerance zone');
  }
  try {
    return JSON.parse(rawBody) as T;
  } catch {
    throw new WebhookSignatureError('Payload is not JSON');
  }
}

export interface StripeEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: boolean;
  api_version?: string | null;
  data: { object: Record<string, unknown> & { id?: string; object?: string }; previous_attributes?: Record<string, unknown> };
}
