// The emulator's in-memory Stripe account: objects by id, the known prices, recorded API requests and
// the events it sent. Objects are plain JSON in Stripe's shapes, so API answers and event payloads are
// the stored objects themselves.
import { randomBytes } from 'node:crypto';

export type Obj = Record<string, any> & { id: string; object: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Stripe-looking id: `<prefix>_` + 24 random base62 characters. */
export function newId(prefix: string): string {
  const bytes = randomBytes(24);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

export const now = (): number => Math.floor(Date.now() / 1000);

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  idempotencyKey: string | null;
  status: number;
  at: string;
}

export interface SentEvent {
  event: Obj;
  /** HTTP status the webhook endpoint answered, or null when it could not be reached. */
  status: number | null;
  error: string | null;
}

export const DEFAULT_PRICES: Obj[] = [
  { id: 'price_pro', object: 'price', active: true, currency: 'usd', unit_amount: 2900, lookup_key: 'pro', nickname: 'Pro', product: 'prod_atrium_pro', recurring: { interval: 'month', interval_count: 1 }, type: 'recurring', livemode: false },
  { id: 'price_business', object: 'price', active: true, currency: 'usd', unit_amount: 9900, lookup_key: 'business', nickname: 'Business', product: 'prod_atrium_business', recurring: { interval: 'month', interval_count: 1 }, type: 'recurring', livemode: false },
];

/** Payment methods that attach but are declined when charged (Stripe's 4000 0000 0000 0341 and friends). */
export const DECLINING_PAYMENT_METHODS = new Set(['pm_card_chargeDeclined', 'pm_card_visa_chargeDeclined']);

export class StripeState {
  readonly objects = new Map<string, Obj>();
  readonly requests: RecordedRequest[] = [];
  readonly events: SentEvent[] = [];
  /** Idempotency-Key → the first answer, as Stripe keeps it for 24 hours. */
  readonly idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();

  constructor() {
    for (const price of DEFAULT_PRICES) this.objects.set(price.id, structuredClone(price));
  }

  get<T extends Obj = Obj>(id: string, object?: string): T | null {
    const found = this.objects.get(id);
    if (!found || (object && found.object !== object)) return null;
    return found as T;
  }

  put<T extends Obj>(obj: T): T {
    this.objects.set(obj.id, obj);
    return obj;
  }

  list(object: string, filter: (o: Obj) => boolean = () => true): Obj[] {
    return [...this.objects.values()].filter((o) => o.object === object && filter(o));
  }

  record(entry: RecordedRequest): void {
    this.requests.push(entry);
    if (this.requests.length > 2000) this.requests.splice(0, this.requests.length - 2000);
  }
}
