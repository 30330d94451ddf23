// RLS matrix entries for messaging: channels, channel_members and messages. Only a channel's members
// read it (for a project channel: the staff and the project's client members), direct messages only
// their two people (not the organization's owner), and every write but posting, editing your own
// message and muting your own membership goes through RPCs and triggers.
import { randomUUID } from 'node:crypto';
import type { Actor, MatrixContext, TableSpec } from './harness.ts';

const SERVICE = ['service_role'] as const satisfies readonly Actor[];
const ALL_MEMBERS = ['client', 'member', 'manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const MANAGERS_UP = ['manager', 'admin', 'owner', 'service_role'] as const satisfies readonly Actor[];
const MEMBER_ONLY = ['member', 'service_role'] as const satisfies readonly Actor[];

/** A project of the client the `client` actor stands for, and its channel (made by the project's trigger). */
async function projectChannel(ctx: MatrixContext, org: string): Promise<string> {
  const { rows: clients } = await ctx.db.query(`insert into public.clients (organization_id, name) values ($1, 'Matrix client') returning id`, [org]);
  await ctx.db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [clients[0].id, org, ctx.users.client]);
  const { rows: projects } = await ctx.db.query(`insert into public.projects (organization_id, client_id, name) values ($1, $2, 'Matrix project') returning id`, [
    org,
    clients[0].id,
  ]);
  const { rows } = await ctx.db.query(`select id from public.channels where project_id = $1`, [projects[0].id]);
  return rows[0].id as string;
}

/** A direct channel between the `member` actor and another member of a fresh organization. */
async function directChannel(ctx: MatrixContext): Promise<string> {
  const org = await ctx.newOrg();
  const other = await ctx.newMember(org, 'member');
  const [a, b] = [ctx.users.member, other].sort();
  const { rows } = await ctx.db.query(
    `insert into public.channels (organization_id, kind, name, direct_key) values ($1, 'direct', 'Direct message', $2) returning id`,
    [org, `${a}:${b}`],
  );
  await ctx.db.query(`insert into public.channel_members (channel_id, user_id, organization_id) values ($1, $2, $3), ($1, $4, $3)`, [
    rows[0].id,
    ctx.users.member,
    org,
    other,
  ]);
  return rows[0].id as string;
}

export const MESSAGING_TABLES: TableSpec[] = [
  {
    table: 'channels',
    label: 'channels (project)',
    existing: async (ctx) => ({ match: { id: await projectChannel(ctx, await ctx.newOrg()) } }),
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, kind: 'direct', name: 'Forged', direct_key: `${randomUUID()}:${randomUUID()}` }, match: { id } };
    },
    patch: { topic: 'Set by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: MANAGERS_UP, delete: SERVICE },
  },
  {
    table: 'channels',
    label: 'channels (direct, between the member and someone else)',
    existing: async (ctx) => ({ match: { id: await directChannel(ctx) } }),
    newRow: async (_ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, kind: 'direct', name: 'Forged', direct_key: `${randomUUID()}:${randomUUID()}` }, match: { id } };
    },
    patch: { topic: 'Set by the matrix' },
    allowed: { select: MEMBER_ONLY, insert: SERVICE, update: SERVICE, delete: SERVICE },
  },
  {
    table: 'channel_members',
    label: 'channel_members (the member’s own row in a project channel)',
    existing: async (ctx) => ({ match: { channel_id: await projectChannel(ctx, await ctx.newOrg()), user_id: ctx.users.member } }),
    newRow: async (ctx, org) => {
      const channel = await projectChannel(ctx, org);
      return { row: { channel_id: channel, user_id: ctx.users.outsider, organization_id: org }, match: { channel_id: channel, user_id: ctx.users.outsider } };
    },
    patch: { muted: true },
    allowed: { select: ALL_MEMBERS, insert: SERVICE, update: MEMBER_ONLY, delete: SERVICE },
  },
  {
    table: 'messages',
    label: 'messages (written by the member in a project channel)',
    existing: async (ctx) => {
      const org = await ctx.newOrg();
      const channel = await projectChannel(ctx, org);
      const { rows } = await ctx.db.query(
        `insert into public.messages (organization_id, channel_id, author_id, body) values ($1, $2, $3, 'Hello from the matrix') returning id`,
        [org, channel, ctx.users.member],
      );
      return { match: { id: rows[0].id } };
    },
    // Each member posts as themselves (author_id defaults to the caller).
    newRow: async (ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, channel_id: await projectChannel(ctx, org), body: 'Posted by the matrix' }, match: { id } };
    },
    patch: { body: 'Edited by the matrix' },
    allowed: { select: ALL_MEMBERS, insert: ALL_MEMBERS, update: MEMBER_ONLY, delete: SERVICE },
  },
  {
    table: 'messages',
    label: 'messages (in a direct channel of the member)',
    existing: async (ctx) => {
      const channel = await directChannel(ctx);
      const { rows } = await ctx.db.query(
        `insert into public.messages (organization_id, channel_id, author_id, body)
         select organization_id, id, $2, 'Private' from public.channels where id = $1 returning id`,
        [channel, ctx.users.member],
      );
      return { match: { id: rows[0].id } };
    },
    newRow: async (ctx, org) => {
      const id = randomUUID();
      return { row: { id, organization_id: org, channel_id: await projectChannel(ctx, org), body: 'Posted by the matrix' }, match: { id } };
    },
    patch: { body: 'Edited by the matrix' },
    allowed: { select: MEMBER_ONLY, insert: ALL_MEMBERS, update: MEMBER_ONLY, delete: SERVICE },
  },
];
