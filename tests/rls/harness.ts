// The RLS matrix harness: real users signed in through the stack with supabase-js, fresh fixtures per
// check made with a direct connection, and the effect of each attempted operation read back directly
// (RLS often answers a forbidden update or delete with "0 rows", not an error).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { stackClient, stackEnv } from '../helpers/env.ts';

export const ACTORS = ['anon', 'outsider', 'client', 'member', 'manager', 'admin', 'owner', 'service_role'] as const;
export type Actor = (typeof ACTORS)[number];
export type Operation = 'select' | 'insert' | 'update' | 'delete';
export const ROLE_ACTORS = ['client', 'member', 'manager', 'admin', 'owner'] as const;
type RoleActor = (typeof ROLE_ACTORS)[number];

const PASSWORD = 'rls-matrix-password';

export interface MatrixContext {
  db: pg.Client;
  /** User ids of the signed-in actors (outsider included). */
  users: Record<Exclude<Actor, 'anon' | 'service_role'>, string>;
  /** A fresh organization where each role actor holds its role; the outsider belongs to another one. */
  newOrg(): Promise<string>;
  /** A fresh auth user (with its profile) who is a member of `org` with `role`. */
  newMember(org: string, role: RoleActor | 'member'): Promise<string>;
}

export interface Target {
  /** Column/value pairs that identify the row. */
  match: Record<string, unknown>;
}

export interface TableSpec {
  table: string;
  /** Which kind of row this entry exercises, when a table has several (shown in the test name). */
  label?: string;
  /** Create a row the actor will try to read, change or delete. */
  existing(ctx: MatrixContext): Promise<Target>;
  /** A row the actor will try to insert (tenant columns pointing at `org`), and how to find it after. */
  newRow(ctx: MatrixContext, org: string): Promise<{ row: Record<string, unknown>; match: Record<string, unknown> }>;
  /** A change the actor will try to make; must differ from the existing value. */
  patch: Record<string, unknown>;
  /** Actors allowed per operation; everyone else must be refused. */
  allowed: Record<Operation, readonly Actor[]>;
}

function where(match: Record<string, unknown>, offset = 0): { sql: string; values: unknown[] } {
  const keys = Object.keys(match);
  return { sql: keys.map((k, i) => `${pg.escapeIdentifier(k)} = $${i + 1 + offset}`).join(' and '), values: keys.map((k) => match[k]) };
}

export async function rowExists(db: pg.Client, table: string, match: Record<string, unknown>): Promise<boolean> {
  const w = where(match);
  const { rowCount } = await db.query(`select 1 from public.${pg.escapeIdentifier(table)} where ${w.sql}`, w.values);
  return (rowCount ?? 0) > 0;
}

async function rowMatchesPatch(db: pg.Client, table: string, match: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const w = where(match);
  const { rows } = await db.query(`select to_jsonb(t) as row from public.${pg.escapeIdentifier(table)} t where ${w.sql}`, w.values);
  if (!rows[0]) return false;
  return Object.entries(patch).every(([k, v]) => JSON.stringify(rows[0].row[k]) === JSON.stringify(v));
}

const client = (key: string): SupabaseClient => stackClient(key);

async function createUser(db: pg.Client, email: string, password?: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       case when $3::text is null then null else extensions.crypt($3, extensions.gen_salt('bf', 4)) end, now(),
       '{"provider":"email","providers":["email"]}', '{}', now(), now())`,
    [id, email, password ?? null],
  );
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text), 'email', now(), now())`,
    [id, id, email],
  );
  return id;
}

export interface Matrix {
  ctx: MatrixContext;
  clients: Record<Actor, SupabaseClient>;
  close(): Promise<void>;
}

/** Creates the actors' users, signs each in through Auth, and returns their clients. */
export async function setUpMatrix(): Promise<Matrix> {
  const db = new pg.Client({ connectionString: stackEnv.dbUrl });
  await db.connect();
  const run = randomUUID().slice(0, 8);
  const users = {} as MatrixContext['users'];
  for (const actor of [...ROLE_ACTORS, 'outsider'] as const) users[actor] = await createUser(db, `rls-${actor}-${run}@rls.test`, PASSWORD);

  const addMember = (org: string, user: string, role: string) =>
    db.query('insert into public.organization_members (organization_id, user_id, role) values ($1, $2, $3)', [org, user, role]);
  const createOrg = async () => {
    const { rows } = await db.query(`insert into public.organizations (name, slug) values ('RLS matrix', $1) returning id`, [`rls-${randomUUID().slice(0, 12)}`]);
    return rows[0].id as string;
  };
  const outsiderOrg = await createOrg();
  await addMember(outsiderOrg, users.outsider, 'owner');

  const ctx: MatrixContext = {
    db,
    users,
    async newOrg() {
      const org = await createOrg();
      for (const role of ROLE_ACTORS) await addMember(org, users[role], role);
      return org;
    },
    async newMember(org, role) {
      const user = await createUser(db, `rls-extra-${randomUUID().slice(0, 8)}@rls.test`);
      await addMember(org, user, role);
      return user;
    },
  };

  const clients = { anon: client(stackEnv.anonKey), service_role: client(stackEnv.serviceRoleKey) } as Record<Actor, SupabaseClient>;
  for (const actor of [...ROLE_ACTORS, 'outsider'] as const) {
    const c = client(stackEnv.anonKey);
    const { error } = await c.auth.signInWithPassword({ email: `rls-${actor}-${run}@rls.test`, password: PASSWORD });
    if (error) throw new Error(`RLS matrix: ${actor} could not sign in: ${error.message}`);
    clients[actor] = c;
  }
  return { ctx, clients, close: () => db.end() };
}

/** Attempts `op` on `spec.table` as `actor`; returns whether it took effect. */
export async function attempt(matrix: Matrix, spec: TableSpec, actor: Actor, op: Operation): Promise<boolean> {
  const c = matrix.clients[actor];
  const { ctx } = matrix;
  if (op === 'insert') {
    const org = await ctx.newOrg();
    const { row, match } = await spec.newRow(ctx, org);
    const { error } = await c.from(spec.table).insert(row);
    const present = await rowExists(ctx.db, spec.table, match);
    if (!error !== present) throw new Error(`${spec.table}: insert as ${actor} answered ${error ? error.message : 'ok'} but the row is ${present ? 'there' : 'absent'}`);
    return present;
  }
  const target = await spec.existing(ctx);
  const filter = (q: any) => Object.entries(target.match).reduce((acc, [k, v]) => acc.eq(k, v), q);
  if (op === 'select') {
    const { data, error } = await filter(c.from(spec.table).select(Object.keys(target.match).join(',')));
    return !error && Array.isArray(data) && data.length === 1;
  }
  if (op === 'update') {
    await filter(c.from(spec.table).update(spec.patch));
    return rowMatchesPatch(ctx.db, spec.table, target.match, spec.patch);
  }
  await filter(c.from(spec.table).delete());
  return !(await rowExists(ctx.db, spec.table, target.match));
}

/** Tables in `public` and whether RLS is on, read from the catalog. */
export async function publicTables(db: pg.Client): Promise<Array<{ table: string; rls: boolean }>> {
  const { rows } = await db.query(
    `select c.relname as table, c.relrowsecurity as rls from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return rows;
}
