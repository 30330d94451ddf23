// The RLS matrix: every table in `public`, who may do what. A new table adds its entry here (the
// matrix test fails until it does). `ALL_MEMBERS` = every role in the organization, clients included.
import { randomUUID } from 'node:crypto';
import type { Actor, MatrixContext, TableSpec } from './harness.ts';

const SERVICE = ['service_role'] as const satisfies readonly Actor[];
const ALL_MEMBERS = ['client', 'member', 'manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const MANAGERS_UP = ['manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const ADMINS_UP = ['admin', 'owner', 'service_role'] as const satisfies readonly Actor[];

async function insertReturningId(ctx: MatrixContext, sql: string, values: unknown[]): Promise<string> {
  const { rows } = await ctx.db.query(sql, values);
  return String(rows[0].id);
}

export const TABLES: TableSpec[] = [
  {
    table: 'organizations',
    existing: async (ctx) => ({ match: { id: await ctx.newOrg() } }),
    newRow: async () => {
      const id = randomUUID();
      return { row: { id, name: 'Forged org', slug: `forged-${id.slice(0, 8)}` }, match: { id } };
    },
    patch: { name: 'Renamed by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: ADMINS_UP, delete: ['owner', 'service_role'] },
  },
  {
    table: 'organization_members',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const user = await ctx.newMember(org, 'member');
      return { match: { organization_id: org, user_id: user } };
    },
    newRow: async (ctx, org) => {
      const { rows } = await ctx.db.query(
        `insert into auth.users (id, email, aud, role) values (gen_random_uuid(), $1, 'authenticated', 'authenticated') returning id`,
        [`rls-new-${randomUUID().slice(0, 8)}@rls.test`],
      );
      return { row: { organization_id: org, user_id: rows[0].id, role: 'admin' }, match: { organization_id: org, user_id: rows[0].id } };
    },
    patch: { role: 'admin' },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'invitations',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const id = await insertReturningId(
        ctx,
        `insert into public.invitations (organization_id, email, role, token_hash) values ($1, $2, 'member', $3) returning id`,
        [org, `invitee-${randomUUID().slice(0, 8)}@rls.test`, randomUUID()],
      );
      return { match: { id } };
    },
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, email: 'forged@rls.test', role: 'admin', token_hash: randomUUID() }, match: { id } };
    },
    patch: { role: 'admin' },
    allowed: { select: MANAGERS_UP, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'profiles',
    // Another member's private profile: co-members may read it; only its owner (not an actor here) may edit it.
    existing: async (ctx) => ({ match: { id: await ctx.newMember(await ctx.newOrg(), 'member') } }),
    newRow: async (ctx) => {
      const id = await ctx.newMember(await ctx.newOrg(), 'member');
      await ctx.db.query('delete from public.profiles where id = $1', [id]);
      return { row: { id, display_name: 'Forged' }, match: { id } };
    },
    patch: { headline: 'Edited by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'notifications',
    // A notification addressed to the `member` actor.
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const id = await insertReturningId(
        ctx,
        `insert into public.notifications (organization_id, user_id, kind, title) values ($1, $2, 'test', 'Hello') returning id`,
        [org, ctx.users.member],
      );
      return { match: { id } };
    },
    newRow: async (ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, user_id: ctx.users.member, kind: 'forged', title: 'Forged' }, match: { id } };
    },
    patch: { read_at: '2026-01-01T00:00:00+00:00' },
    allowed: { select: ['member', 'service_role'], insert: SERVICE, update: ['member', 'service_role'], delete: ['member', 'service_role'] },
  },
  {
    table: 'feature_flags',
    existing: async (ctx) => {
      const id = await insertReturningId(ctx, `insert into public.feature_flags (organization_id, key) values ($1, 'matrix.flag') returning id`, [await ctx.newOrg()]);
      return { match: { id } };
    },
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, key: 'forged.flag', enabled: true }, match: { id } };
    },
    patch: { enabled: true },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'email_outbox',
    existing: async (ctx) => {
      const id = await insertReturningId(
        ctx,
        `insert into public.email_outbox (organization_id, to_email, subject, template) values ($1, 'x@rls.test', 'Hi', 'test') returning id`,
        [await ctx.newOrg()],
      );
      return { match: { id } };
    },
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, to_email: 'forged@rls.test', subject: 'Forged', template: 'test' }, match: { id } };
    },
    patch: { status: 'sent' },
    allowed: { select: SERVICE, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'audit_logs',
    existing: async (ctx) => {
      const id = await insertReturningId(
        ctx,
        `insert into public.audit_logs (organization_id, action, table_name, row_id) values ($1, 'update', 'matrix', 'x') returning id`,
        [await ctx.newOrg()],
      );
      return { match: { id: Number(id) } };
    },
    newRow: async (_ctx, org) => {
      const marker = `forged-${randomUUID().slice(0, 8)}`;
      return { row: { organization_id: org, action: 'delete', table_name: marker }, match: { table_name: marker } };
    },
    patch: { action: 'delete' },
    // Nobody edits the trail through the API; the service role may append (server-side audit events).
    allowed: { select: ADMINS_UP, insert: SERVICE, update: [], delete: [] },
  },
];
