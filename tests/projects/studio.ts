// A small studio for the projects tests: an organization with a manager, a member, two clients with
// a client member each, and a project for the first client. Made directly in the database; every
// check then acts through supabase-js as one of these people, under row-level security.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { stackClient, stackEnv } from '../helpers/env.ts';

const PASSWORD = 'projects-test-password';
const PEOPLE = ['manager', 'member', 'client', 'otherClient'] as const;
type Person = (typeof PEOPLE)[number];

export interface Studio {
  db: pg.Client;
  org: string;
  clientId: string;
  otherClientId: string;
  projectId: string;
  users: Record<Person, string>;
  as: Record<Person, SupabaseClient>;
  /** A fresh project for the first client (so per-item file limits start at zero). */
  newProject(): Promise<string>;
  close(): Promise<void>;
}

async function createUser(db: pg.Client, email: string): Promise<string> {
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

export async function setUpStudio(): Promise<Studio> {
  const db = new pg.Client({ connectionString: stackEnv.dbUrl });
  await db.connect();
  const run = randomUUID().slice(0, 8);
  const { rows: orgRows } = await db.query(`insert into public.organizations (name, slug) values ($1, $2) returning id`, [`Projects ${run}`, `projects-${run}`]);
  const org = orgRows[0].id as string;
  const client = async (name: string) =>
    (await db.query(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [org, name])).rows[0].id as string;
  const clientId = await client(`Acme ${run}`);
  const otherClientId = await client(`Globex ${run}`);

  const users = {} as Record<Person, string>;
  const as = {} as Record<Person, SupabaseClient>;
  for (const person of PEOPLE) {
    const email = `projects-${person.toLowerCase()}-${run}@projects.test`;
    users[person] = await createUser(db, email);
    const role = person === 'manager' ? 'manager' : person === 'member' ? 'member' : 'client';
    const client = person === 'client' ? clientId : person === 'otherClient' ? otherClientId : null;
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, $3, $4)`, [org, users[person], role, client]);
    const c = stackClient(stackEnv.anonKey);
    const { error } = await c.auth.signInWithPassword({ email, password: PASSWORD });
    if (error) throw new Error(`projects studio: ${person} could not sign in: ${error.message}`);
    as[person] = c;
  }

  const newProject = async () =>
    (
      await db.query(`insert into public.projects (organization_id, client_id, name, status) values ($1, $2, $3, 'active') returning id`, [
        org,
        clientId,
        `Project ${randomUUID().slice(0, 6)}`,
      ])
    ).rows[0].id as string;
  const projectId = await newProject();
  return { db, org, clientId, otherClientId, projectId, users, as, newProject, close: () => db.end() };
}
