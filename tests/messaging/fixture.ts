// A small studio for the messaging tests: an organization with a manager, two members, a client member
// for each of two clients, a project for the first client, and an outsider from another organization.
// Made directly in the database; every check then acts through supabase-js as one of these people,
// under row-level security.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { stackClient, stackEnv } from '../helpers/env.ts';

const PASSWORD = 'messaging-test-password';
export const PEOPLE = ['manager', 'member', 'member2', 'client', 'otherClient', 'outsider'] as const;
export type Person = (typeof PEOPLE)[number];

export interface Studio {
  db: pg.Client;
  org: string;
  /** The organization's owner (no session; the tests act as the other people). */
  owner: string;
  otherOrg: string;
  clientId: string;
  otherClientId: string;
  projectId: string;
  /** The project's channel. */
  channelId: string;
  users: Record<Person, string>;
  emails: Record<Person, string>;
  tokens: Record<Person, string>;
  as: Record<Person, SupabaseClient>;
  newProject(clientId?: string): Promise<{ projectId: string; channelId: string }>;
  /** A fresh user who can sign in, not yet in any organization. */
  newUser(label: string): Promise<{ id: string; email: string; client: SupabaseClient }>;
  members(channelId: string): Promise<string[]>;
  close(): Promise<void>;
}

async function createUser(db: pg.Client, email: string, name: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
       raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
       extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}',
       jsonb_build_object('display_name', $4::text), now(), now())`,
    [id, email, PASSWORD, name],
  );
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text), 'email', now(), now())`,
    [id, id, email],
  );
  return id;
}

async function signIn(email: string): Promise<{ client: SupabaseClient; token: string }> {
  const client = stackClient(stackEnv.anonKey);
  const { data, error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw new Error(`messaging studio: ${email} could not sign in: ${error.message}`);
  await client.realtime.setAuth(data.session.access_token);
  return { client, token: data.session.access_token };
}

export async function setUpStudio(): Promise<Studio> {
  const db = new pg.Client({ connectionString: stackEnv.dbUrl });
  await db.connect();
  const run = randomUUID().slice(0, 8);
  const newOrg = async (label: string) =>
    (await db.query(`insert into public.organizations (name, slug) values ($1, $2) returning id`, [`${label} ${run}`, `${label.toLowerCase()}-${run}`])).rows[0]
      .id as string;
  const org = await newOrg('Messaging');
  const otherOrg = await newOrg('Elsewhere');
  const client = async (name: string) =>
    (await db.query(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [org, name])).rows[0].id as string;
  const clientId = await client(`Acme ${run}`);
  const otherClientId = await client(`Globex ${run}`);

  // Each organization keeps an owner (a constraint), so membership changes in the tests can commit.
  const owner = await createUser(db, `messaging-owner-${run}@messaging.test`, `Owner ${run}`);
  await db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'owner')`, [org, owner]);

  const users = {} as Record<Person, string>;
  const emails = {} as Record<Person, string>;
  const tokens = {} as Record<Person, string>;
  const as = {} as Record<Person, SupabaseClient>;
  for (const person of PEOPLE) {
    const email = `messaging-${person.toLowerCase()}-${run}@messaging.test`;
    const name = `${person[0]!.toUpperCase()}${person.slice(1)} ${run}`;
    users[person] = await createUser(db, email, name);
    emails[person] = email;
    const role = person === 'manager' ? 'manager' : person.startsWith('member') ? 'member' : person === 'outsider' ? 'owner' : 'client';
    const memberOf = person === 'outsider' ? otherOrg : org;
    const forClient = person === 'client' ? clientId : person === 'otherClient' ? otherClientId : null;
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, $3, $4)`, [
      memberOf,
      users[person],
      role,
      forClient,
    ]);
    const session = await signIn(email);
    as[person] = session.client;
    tokens[person] = session.token;
  }

  const newProject = async (forClient = clientId) => {
    const projectId = (
      await db.query(`insert into public.projects (organization_id, client_id, name, status) values ($1, $2, $3, 'active') returning id`, [
        org,
        forClient,
        `Project ${randomUUID().slice(0, 6)}`,
      ])
    ).rows[0].id as string;
    const channelId = (await db.query(`select id from public.channels where project_id = $1`, [projectId])).rows[0]?.id as string;
    return { projectId, channelId };
  };
  const { projectId, channelId } = await newProject();

  const newUser = async (label: string) => {
    const email = `messaging-${label}-${randomUUID().slice(0, 8)}@messaging.test`;
    const id = await createUser(db, email, `New ${label}`);
    return { id, email, client: (await signIn(email)).client };
  };
  const members = async (channel: string) =>
    (await db.query(`select user_id from public.channel_members where channel_id = $1 order by user_id`, [channel])).rows.map((r) => r.user_id as string);

  const close = async () => {
    for (const c of Object.values(as)) {
      await c.removeAllChannels();
      c.realtime.disconnect();
    }
    await db.end();
  };
  return { db, org, owner, otherOrg, clientId, otherClientId, projectId, channelId, users, emails, tokens, as, newProject, newUser, members, close };
}

/** Throws the PostgREST error (with its code) instead of returning it. */
export function must<T>(result: { data: T | null; error: { message: string; code?: string } | null }): T {
  if (result.error) throw Object.assign(new Error(result.error.message), result.error);
  return result.data as T;
}
