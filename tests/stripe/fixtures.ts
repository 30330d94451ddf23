// A small billing world for the Stripe tests: an organization with an owner, an admin, a member, a
// client member and an outsider (member of another organization), and a sent invoice for the client.
// Made directly in the database; checks then act through supabase-js, the functions and the emulator.
import { createHmac, randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { stackClient, stackEnv } from '../helpers/env.ts';

const PASSWORD = 'stripe-test-password';
/** The secret the stack's Stripe emulator signs with (stack/keys.ts STRIPE_LOCAL_WEBHOOK_SECRET). */
export const WEBHOOK_SECRET = 'whsec_local_atrium_stack_emulator';
const PEOPLE = ['owner', 'admin', 'member', 'client', 'outsider'] as const;
type Person = (typeof PEOPLE)[number];

export interface BillingWorld {
  db: pg.Client;
  run: string;
  org: string;
  otherOrg: string;
  clientId: string;
  users: Record<Person, string>;
  emails: Record<Person, string>;
  as: Record<Person, SupabaseClient>;
  tokens: Record<Person, string>;
  /** A new invoice for the client, sent, with one line of `amount` minor units (and an optional deposit). */
  newInvoice(amount?: number, deposit?: number): Promise<string>;
  close(): Promise<void>;
}

export async function createUser(db: pg.Client, email: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}',
       '{}', now(), now())`,
    [id, email, PASSWORD],
  );
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text), 'email', now(), now())`,
    [id, id, email],
  );
  return id;
}

export async function signIn(email: string): Promise<{ client: SupabaseClient; token: string }> {
  const client = stackClient(stackEnv.anonKey);
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error || !data.session) throw new Error(`stripe tests: ${email} could not sign in: ${error?.message}`);
  return { client, token: data.session.access_token };
}

export async function setUpBilling(): Promise<BillingWorld> {
  const db = new pg.Client({ connectionString: stackEnv.dbUrl });
  await db.connect();
  const run = randomUUID().slice(0, 8);
  const org = (await db.query(`insert into public.organizations (name, slug, currency) values ($1, $2, 'EUR') returning id`, [`Billing ${run}`, `billing-${run}`])).rows[0].id as string;
  const otherOrg = (await db.query(`insert into public.organizations (name, slug) values ($1, $2) returning id`, [`Elsewhere ${run}`, `elsewhere-${run}`])).rows[0].id as string;
  const clientId = (await db.query(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [org, `Acme ${run}`])).rows[0].id as string;
  const users = {} as Record<Person, string>;
  const emails = {} as Record<Person, string>;
  const as = {} as Record<Person, SupabaseClient>;
  const tokens = {} as Record<Person, string>;
  for (const person of PEOPLE) {
    emails[person] = `stripe-${person}-${run}@billing.test`;
    users[person] = await createUser(db, emails[person]);
    const role = person === 'outsider' ? 'owner' : person;
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, $3, $4)`, [
      person === 'outsider' ? otherOrg : org, users[person], role, person === 'client' ? clientId : null,
    ]);
    const { client, token } = await signIn(emails[person]);
    as[person] = client;
    tokens[person] = token;
  }
  const newInvoice = async (amount = 12_345, deposit?: number) => {
    const id = (
      await db.query(
        `insert into public.invoices (organization_id, client_id, due_on, deposit_amount, deposit_due_on)
         values ($1, $2, current_date + 14, $3, case when $3::bigint is null then null else current_date + 7 end) returning id`,
        [org, clientId, deposit ?? null],
      )
    ).rows[0].id as string;
    await db.query(`insert into public.invoice_items (organization_id, invoice_id, description, quantity, unit_amount) values ($1, $2, 'Design work', 1, $3)`, [org, id, amount]);
    await db.query(`update public.invoices set status = 'sent', sent_at = now() where id = $1`, [id]);
    return id;
  };
  return { db, run, org, otherOrg, clientId, users, emails, as, tokens, newInvoice, close: () => db.end() };
}

export function functionsUrl(name: string): string {
  return `${stackEnv.apiUrl}/functions/v1/${name}`;
}

export function stripeUrl(path: string): string {
  return `${stackEnv.apiUrl}/stripe${path}`;
}

/** POSTs an event to the stripe-webhook function, signed like Stripe (or with the given header). */
export async function sendEvent(event: object, options: { signature?: string | null; secret?: string; timestamp?: number } = {}): Promise<{ status: number; body: any }> {
  const payload = JSON.stringify(event);
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature === undefined
      ? `t=${t},v1=${createHmac('sha256', options.secret ?? WEBHOOK_SECRET).update(`${t}.${payload}`).digest('hex')}`
      : options.signature;
  const res = await fetch(functionsUrl('stripe-webhook'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(signature === null ? {} : { 'Stripe-Signature': signature }) },
    body: payload,
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body };
}

let seq = 0;
/** A Stripe event object as Stripe sends it. */
export function stripeEvent(type: string, object: Record<string, unknown>, created = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return {
    id: `evt_test_${randomUUID().replace(/-/g, '')}${seq++}`,
    object: 'event',
    api_version: '2025-03-31.basil',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function paymentIntent(invoiceId: string, org: string, amount: number, status: 'succeeded' | 'requires_payment_method', id = `pi_test_${randomUUID().replace(/-/g, '')}`) {
  return {
    id,
    object: 'payment_intent',
    amount,
    amount_received: status === 'succeeded' ? amount : 0,
    currency: 'eur',
    status,
    latest_charge: status === 'succeeded' ? `ch_${id.slice(3)}` : null,
    last_payment_error: status === 'succeeded' ? null : { code: 'card_declined', message: 'Your card was declined.' },
    metadata: { invoice_id: invoiceId, organization_id: org, part: 'balance' },
  };
}

export async function paymentsOf(db: pg.Client, invoiceId: string) {
  return (
    await db.query(
      `select status::text, amount::int, amount_refunded::int, stripe_payment_intent_id, stripe_checkout_session_id, failure_message
       from public.payments where invoice_id = $1 order by created_at`,
      [invoiceId],
    )
  ).rows;
}
