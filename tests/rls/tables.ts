// The RLS matrix: every table in `public`, who may do what. A new table adds its entry here (the
// matrix test fails until it does). `ALL_MEMBERS` = every role in the organization, clients included.
import { randomUUID } from 'node:crypto';
import type { Actor, MatrixContext, TableSpec } from './harness.ts';
import { MONEY_TABLES } from './money-tables.ts';
import { MESSAGING_TABLES } from './tables-messaging.ts';

const SERVICE = ['service_role'] as const satisfies readonly Actor[];
const ALL_MEMBERS = ['client', 'member', 'manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const MANAGERS_UP = ['manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const ADMINS_UP = ['admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const STAFF = ['member', 'manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];

/** A client of `org` that the `client` actor stands for, and a project of it. */
async function portalProject(ctx: MatrixContext, org: string): Promise<{ client: string; project: string }> {
  const client = await insertReturningId(ctx, `insert into public.clients (organization_id, name) values ($1, 'Matrix client') returning id`, [org]);
  await ctx.db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [client, org, ctx.users.client]);
  const project = await insertReturningId(
    ctx,
    `insert into public.projects (organization_id, client_id, name) values ($1, $2, 'Matrix project') returning id`,
    [org, client],
  );
  return { client, project };
}

async function insertReturningId(ctx: MatrixContext, sql: string, values: unknown[]): Promise<string> {
  const { rows } = await ctx.db.query(sql, values);
  return String(rows[0].id);
}

const PLATFORM_TABLES: TableSpec[] = [
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

// Clients, projects and the portal. "existing" rows sit on a project of the client the `client` actor
// stands for, so the matrix shows exactly what a client member reaches on their own projects; rows are
// authored by another member, so "own row" rules do not let the actors through.
async function update(ctx: MatrixContext, org: string, project: string, visibility: 'internal' | 'client'): Promise<string> {
  const author = await ctx.newMember(org, 'member');
  return insertReturningId(
    ctx,
    `insert into public.project_updates (organization_id, project_id, visibility, body, author_id) values ($1, $2, $3, 'Matrix update', $4) returning id`,
    [org, project, visibility, author],
  );
}

async function attachment(ctx: MatrixContext, clientVisible: boolean): Promise<{ match: Record<string, unknown> }> {
  const org = await ctx.newOrg();
  const { project } = await portalProject(ctx, org);
  const id = randomUUID();
  await ctx.db.query(
    `insert into public.attachments (id, organization_id, project_id, object_path, file_name, size_bytes, client_visible, uploaded_by)
     values ($1, $2, $3, $4, 'matrix.txt', 10, $5, $6)`,
    [id, org, project, `${org}/${project}/${id}/matrix.txt`, clientVisible, await ctx.newMember(org, 'member')],
  );
  return { match: { id } };
}

async function report(ctx: MatrixContext, status: 'draft' | 'published'): Promise<{ match: Record<string, unknown> }> {
  const org = await ctx.newOrg();
  const { client } = await portalProject(ctx, org);
  const id = await insertReturningId(
    ctx,
    `insert into public.report_drafts (organization_id, client_id, period_start, period_end, title, body, status)
     values ($1, $2, '2026-10-01', '2026-10-31', 'Matrix report', 'Body', $3) returning id`,
    [org, client, status],
  );
  return { match: { id } };
}

const PORTAL_TABLES: TableSpec[] = [
  {
    table: 'clients',
    // Even the client's own row: client members read only its name, through my_client_accounts().
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const id = await insertReturningId(ctx, `insert into public.clients (organization_id, name) values ($1, 'Matrix client') returning id`, [org]);
      await ctx.db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [id, org, ctx.users.client]);
      return { match: { id } };
    },
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, name: 'Forged client' }, match: { id } };
    },
    patch: { notes: 'Edited by the matrix' },
    allowed: { select: STAFF, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'projects',
    existing: async (ctx) => ({ match: { id: (await portalProject(ctx, await ctx.newOrg())).project } }),
    newRow: async (ctx, org) => {
      const client = await insertReturningId(ctx, `insert into public.clients (organization_id, name) values ($1, 'Matrix client') returning id`, [org]);
      const id = randomUUID();
      return { row: { id, organization_id: org, client_id: client, name: 'Forged project' }, match: { id } };
    },
    patch: { status: 'on_hold' },
    allowed: { select: ALL_MEMBERS, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'tasks',
    label: 'tasks (client-visible, created by another member)',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const { project } = await portalProject(ctx, org);
      const creator = await ctx.newMember(org, 'member');
      const id = await insertReturningId(
        ctx,
        `insert into public.tasks (organization_id, project_id, title, client_visible, created_by) values ($1, $2, 'Matrix task', true, $3) returning id`,
        [org, project, creator],
      );
      return { match: { id } };
    },
    // A task request as the client would send it: staff may add it too, outsiders may not.
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return {
        row: { id, organization_id: org, project_id: project, title: 'Please add a page', client_visible: true, request_status: 'pending', requested_by: ctx.users.client },
        match: { id },
      };
    },
    patch: { status: 'done' },
    allowed: { select: ALL_MEMBERS, insert: ALL_MEMBERS, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'tasks',
    label: 'tasks (internal)',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const { project } = await portalProject(ctx, org);
      const id = await insertReturningId(ctx, `insert into public.tasks (organization_id, project_id, title) values ($1, $2, 'Internal task') returning id`, [org, project]);
      return { match: { id } };
    },
    // Not a valid request (internal, not pending): only staff may add it.
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return { row: { id, organization_id: org, project_id: project, title: 'Internal task' }, match: { id } };
    },
    patch: { title: 'Renamed by the matrix' },
    allowed: { select: STAFF, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'project_updates',
    label: 'project_updates (client updates by another member)',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      return { match: { id: await update(ctx, org, (await portalProject(ctx, org)).project, 'client') } };
    },
    // author_id defaults to the caller; a client comment on their own project is allowed.
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return { row: { id, organization_id: org, project_id: project, visibility: 'client', body: 'Forged update' }, match: { id } };
    },
    patch: { body: 'Edited by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: ALL_MEMBERS, update: SERVICE, delete: MANAGERS_UP },
  },
  {
    table: 'project_updates',
    label: 'project_updates (internal notes by another member)',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      return { match: { id: await update(ctx, org, (await portalProject(ctx, org)).project, 'internal') } };
    },
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return { row: { id, organization_id: org, project_id: project, visibility: 'internal', body: 'Forged note' }, match: { id } };
    },
    patch: { visibility: 'client' },
    allowed: { select: STAFF, insert: STAFF, update: SERVICE, delete: MANAGERS_UP },
  },
  {
    table: 'attachments',
    label: 'attachments (shared with the client)',
    existing: (ctx) => attachment(ctx, true),
    // A project file: staff may attach one; a client only to their own comments and requests.
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return {
        row: { id, organization_id: org, project_id: project, object_path: `${org}/${project}/${id}/forged.txt`, file_name: 'forged.txt', size_bytes: 5, client_visible: true },
        match: { id },
      };
    },
    patch: { client_visible: false },
    allowed: { select: ALL_MEMBERS, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'attachments',
    label: 'attachments (not shared)',
    existing: (ctx) => attachment(ctx, false),
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return {
        row: { id, organization_id: org, project_id: project, object_path: `${org}/${project}/${id}/forged.txt`, file_name: 'forged.txt', size_bytes: 5 },
        match: { id },
      };
    },
    patch: { client_visible: true },
    allowed: { select: STAFF, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'time_entries',
    // Another member's time: staff read it, managers may log or change anyone's.
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const { project } = await portalProject(ctx, org);
      const id = await insertReturningId(
        ctx,
        `insert into public.time_entries (organization_id, project_id, user_id, started_at, ended_at, hourly_rate)
         values ($1, $2, $3, now() - interval '2 hours', now() - interval '1 hour', 100) returning id`,
        [org, project, await ctx.newMember(org, 'member')],
      );
      return { match: { id } };
    },
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      const user = await ctx.newMember(org, 'member');
      return {
        row: { id, organization_id: org, project_id: project, user_id: user, started_at: '2026-11-02T09:00:00Z', ended_at: '2026-11-02T10:00:00Z', hourly_rate: 90 },
        match: { id },
      };
    },
    patch: { billable: false },
    allowed: { select: STAFF, insert: MANAGERS_UP, update: MANAGERS_UP, delete: MANAGERS_UP },
  },
  {
    table: 'capacity_entries',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const { project } = await portalProject(ctx, org);
      const id = await insertReturningId(
        ctx,
        `insert into public.capacity_entries (organization_id, user_id, project_id, week_start, planned_hours) values ($1, $2, $3, '2026-11-23', 20) returning id`,
        [org, ctx.users.member, project],
      );
      return { match: { id } };
    },
    newRow: async (ctx, org) => {
      const { project } = await portalProject(ctx, org);
      const id = randomUUID();
      return { row: { id, organization_id: org, user_id: ctx.users.member, project_id: project, week_start: '2026-11-30', planned_hours: 12 }, match: { id } };
    },
    patch: { planned_hours: 33 },
    allowed: { select: STAFF, insert: MANAGERS_UP, update: MANAGERS_UP, delete: MANAGERS_UP },
  },
  {
    table: 'report_drafts',
    label: 'report_drafts (published)',
    existing: (ctx) => report(ctx, 'published'),
    newRow: async (ctx, org) => {
      const { client } = await portalProject(ctx, org);
      const id = randomUUID();
      return { row: { id, organization_id: org, client_id: client, period_start: '2026-10-01', period_end: '2026-10-31', title: 'Forged report' }, match: { id } };
    },
    patch: { title: 'Retitled by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'report_drafts',
    label: 'report_drafts (draft)',
    existing: (ctx) => report(ctx, 'draft'),
    newRow: async (ctx, org) => {
      const { client } = await portalProject(ctx, org);
      const id = randomUUID();
      return { row: { id, organization_id: org, client_id: client, period_start: '2026-10-01', period_end: '2026-10-31', title: 'Forged report', status: 'published' }, match: { id } };
    },
    patch: { status: 'published' },
    allowed: { select: STAFF, insert: STAFF, update: STAFF, delete: MANAGERS_UP },
  },
  {
    table: 'intake_forms',
    existing: async (ctx) => ({
      match: { id: await insertReturningId(ctx, `insert into public.intake_forms (organization_id) values ($1) returning id`, [await ctx.newOrg()]) },
    }),
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, title: 'Forged form' }, match: { id } };
    },
    patch: { enabled: false },
    allowed: { select: STAFF, insert: ADMINS_UP, update: ADMINS_UP, delete: ADMINS_UP },
  },
  {
    table: 'intake_submissions',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const form = await insertReturningId(ctx, `insert into public.intake_forms (organization_id) values ($1) returning id`, [org]);
      const id = await insertReturningId(
        ctx,
        `insert into public.intake_submissions (organization_id, form_id, name, email, message) values ($1, $2, 'Visitor', 'v@rls.test', 'Please build us a site') returning id`,
        [org, form],
      );
      return { match: { id } };
    },
    newRow: async (ctx, org) => {
      const form = await insertReturningId(ctx, `insert into public.intake_forms (organization_id) values ($1) returning id`, [org]);
      const id = randomUUID();
      return { row: { id, organization_id: org, form_id: form, name: 'Forged', email: 'f@rls.test', message: 'Forged submission text' }, match: { id } };
    },
    patch: { name: 'Renamed by the matrix' },
    allowed: { select: STAFF, insert: SERVICE, update: SERVICE, delete: MANAGERS_UP },
  },
  {
    table: 'rate_limits',
    existing: async (ctx) => {
      const subject = `matrix-${randomUUID()}`;
      await ctx.db.query(`insert into public.rate_limits (bucket, subject, window_start, hits) values ('matrix', $1, now(), 1)`, [subject]);
      return { match: { bucket: 'matrix', subject } };
    },
    newRow: async () => {
      const subject = `forged-${randomUUID()}`;
      return { row: { bucket: 'matrix', subject, window_start: '2026-11-23T10:00:00Z', hits: 0 }, match: { bucket: 'matrix', subject } };
    },
    patch: { hits: 1000 },
    allowed: { select: SERVICE, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
];

export const TABLES: TableSpec[] = [...PLATFORM_TABLES, ...PORTAL_TABLES, ...MONEY_TABLES, ...MESSAGING_TABLES];
