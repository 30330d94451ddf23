// RLS matrix entries for the money tables. A client reads its own client's estimates, sent invoices,
// their items and payments (never drafts); staff set prices on drafts; totals, statuses, payments,
// Stripe events and subscriptions are written only by the server.
import { randomUUID } from 'node:crypto';
import type { Actor, MatrixContext, TableSpec, Target } from './harness.ts';

const SERVICE = ['service_role'] as const satisfies readonly Actor[];
const NOBODY = [] as const satisfies readonly Actor[];
const ALL_MEMBERS = ['client', 'member', 'manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const SIGNED_IN = ['outsider', ...ALL_MEMBERS] as const satisfies readonly Actor[];
const MANAGERS_UP = ['manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const ADMINS_UP = ['admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const STAFF = ['member', 'manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];

async function id(ctx: MatrixContext, sql: string, values: unknown[]): Promise<string> {
  const { rows } = await ctx.db.query(sql, values);
  return String(rows[0].id);
}

/** A client of `org` the `client` actor stands for. */
async function portalClient(ctx: MatrixContext, org: string): Promise<string> {
  const client = await id(ctx, `insert into public.clients (organization_id, name) values ($1, 'Matrix money client') returning id`, [org]);
  await ctx.db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [client, org, ctx.users.client]);
  return client;
}

/** An invoice of the client actor's client with one item, sent unless `draft`. */
async function invoice(ctx: MatrixContext, draft: boolean, org?: string): Promise<{ org: string; invoice: string }> {
  const o = org ?? (await ctx.newOrg());
  const client = await portalClient(ctx, o);
  const inv = await id(ctx, `insert into public.invoices (organization_id, client_id) values ($1, $2) returning id`, [o, client]);
  await ctx.db.query(`insert into public.invoice_items (organization_id, invoice_id, description, quantity, unit_amount) values ($1, $2, 'Matrix work', 1, 10000)`, [o, inv]);
  if (!draft) await ctx.db.query(`update public.invoices set status = 'sent', sent_at = now() where id = $1`, [inv]);
  return { org: o, invoice: inv };
}

async function estimate(ctx: MatrixContext): Promise<Target> {
  const org = await ctx.newOrg();
  const client = await portalClient(ctx, org);
  return { match: { id: await id(ctx, `insert into public.estimates (organization_id, client_id, service_type, description) values ($1, $2, 'Matrix', 'A matrix request') returning id`, [org, client]) } };
}

async function crowdProject(ctx: MatrixContext, org: string): Promise<string> {
  return id(ctx, `insert into public.crowd_projects (organization_id, title, quorum, target_budget, deadline) values ($1, 'Matrix crowd', 3, 100000, current_date + 30) returning id`, [org]);
}

export const MONEY_TABLES: TableSpec[] = [
  {
    table: 'estimates',
    existing: estimate,
    newRow: async (ctx, org) => {
      const client = await portalClient(ctx, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, client_id: client, service_type: 'Forged', description: 'A forged request' }, match: { id: rowId } };
    },
    patch: { scope: 'Rescoped by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: ALL_MEMBERS, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'estimates',
    label: 'estimates (price and status)',
    existing: estimate,
    newRow: async (ctx, org) => {
      const client = await portalClient(ctx, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, client_id: client, service_type: 'Forged', description: 'Pre-approved', status: 'approved' }, match: { id: rowId } };
    },
    patch: { price_amount: 1 },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: SERVICE, delete: MANAGERS_UP },
  },
  {
    table: 'invoices',
    label: 'invoices (sent)',
    existing: async (ctx) => ({ match: { id: (await invoice(ctx, false)).invoice } }),
    newRow: async (ctx, org) => {
      const client = await portalClient(ctx, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, client_id: client }, match: { id: rowId } };
    },
    patch: { notes: 'Noted by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: STAFF, update: STAFF, delete: SERVICE },
  },
  {
    table: 'invoices',
    label: 'invoices (draft)',
    existing: async (ctx) => ({ match: { id: (await invoice(ctx, true)).invoice } }),
    newRow: async (ctx, org) => {
      const client = await portalClient(ctx, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, client_id: client, status: 'paid' }, match: { id: rowId } };
    },
    patch: { discount_bp: 500 },
    allowed: { select: STAFF, insert: SERVICE, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'invoices',
    label: 'invoices (totals)',
    existing: async (ctx) => ({ match: { id: (await invoice(ctx, false)).invoice } }),
    newRow: async (ctx, org) => {
      const client = await portalClient(ctx, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, client_id: client, total_amount: 1 }, match: { id: rowId } };
    },
    patch: { total_amount: 1 },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'invoice_items',
    label: 'invoice_items (draft: prices)',
    existing: async (ctx) => {
      const { invoice: inv } = await invoice(ctx, true);
      return { match: { invoice_id: inv } };
    },
    newRow: async (ctx, org) => {
      const { invoice: inv } = await invoice(ctx, true, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, invoice_id: inv, description: 'Forged', quantity: 1, unit_amount: 1 }, match: { id: rowId } };
    },
    patch: { unit_amount: 99 },
    allowed: { select: STAFF, insert: STAFF, update: STAFF, delete: STAFF },
  },
  {
    table: 'invoice_items',
    label: 'invoice_items (sent: fixed for everyone)',
    existing: async (ctx) => {
      const { invoice: inv } = await invoice(ctx, false);
      return { match: { invoice_id: inv } };
    },
    newRow: async (ctx, org) => {
      const { invoice: inv } = await invoice(ctx, false, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, invoice_id: inv, description: 'Forged', quantity: 1, unit_amount: 1 }, match: { id: rowId } };
    },
    patch: { unit_amount: 99 },
    allowed: { select: ALL_MEMBERS, insert: NOBODY, update: NOBODY, delete: NOBODY },
  },
  {
    table: 'payments',
    existing: async (ctx) => {
      const { org, invoice: inv } = await invoice(ctx, false);
      return { match: { id: await id(ctx, `insert into public.payments (organization_id, invoice_id, amount, currency, method, status) values ($1, $2, 4000, 'USD', 'bank_transfer', 'succeeded') returning id`, [org, inv]) } };
    },
    newRow: async (ctx, org) => {
      const { invoice: inv } = await invoice(ctx, false, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, invoice_id: inv, amount: 10000, currency: 'USD', method: 'card', status: 'succeeded' }, match: { id: rowId } };
    },
    patch: { note: 'Noted by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'stripe_events',
    existing: async (ctx) => {
      const eventId = `evt_matrix_${randomUUID().replace(/-/g, '')}`;
      await ctx.db.query(`insert into public.stripe_events (id, type, organization_id, stripe_created_at, payload) values ($1, 'charge.refunded', $2, now(), '{}')`, [eventId, await ctx.newOrg()]);
      return { match: { id: eventId } };
    },
    newRow: async (_ctx, org) => {
      const eventId = `evt_forged_${randomUUID().replace(/-/g, '')}`;
      return { row: { id: eventId, type: 'checkout.session.completed', organization_id: org, stripe_created_at: '2026-11-23T10:00:00Z', payload: {} }, match: { id: eventId } };
    },
    patch: { error: 'touched by the matrix' },
    allowed: { select: SERVICE, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'crowd_projects',
    existing: async (ctx) => ({ match: { id: await crowdProject(ctx, await ctx.newOrg()) } }),
    newRow: async (_ctx, org) => {
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, title: 'Forged crowd', quorum: 2, target_budget: 5000, deadline: '2027-01-31' }, match: { id: rowId } };
    },
    patch: { title: 'Retitled by the matrix' },
    allowed: { select: SIGNED_IN, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'crowd_participants',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const crowd = await crowdProject(ctx, org);
      const outsideUser = await ctx.newMember(await ctx.newOrg(), 'member');
      return { match: { id: await id(ctx, `insert into public.crowd_participants (organization_id, crowd_project_id, user_id) values ($1, $2, $3) returning id`, [org, crowd, outsideUser]) } };
    },
    newRow: async (ctx, org) => {
      const crowd = await crowdProject(ctx, org);
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, crowd_project_id: crowd, user_id: ctx.users.outsider }, match: { id: rowId } };
    },
    patch: { agreed_to_charge: true },
    allowed: { select: STAFF, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'subscriptions',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      return { match: { id: await id(ctx, `insert into public.subscriptions (organization_id, plan, status, stripe_customer_id, stripe_subscription_id, stripe_updated_at) values ($1, 'pro', 'active', 'cus_matrix', $2, now()) returning id`, [org, `sub_${randomUUID()}`]) } };
    },
    newRow: async (_ctx, org) => {
      const rowId = randomUUID();
      return { row: { id: rowId, organization_id: org, plan: 'business', status: 'active', stripe_customer_id: 'cus_forged', stripe_subscription_id: `sub_${rowId}`, stripe_updated_at: '2026-11-23T10:00:00Z' }, match: { id: rowId } };
    },
    patch: { plan: 'business' },
    allowed: { select: ADMINS_UP, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
];
