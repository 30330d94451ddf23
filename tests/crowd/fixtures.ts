// A crowd studio for the crowd suites: a fresh organization with a manager and a member, a client of it
// with a client member, a second organization with its own client member (a client of another
// organization), and a person with an account but no organization. Everyone signs in through Auth.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { serviceClient, stackClient, stackEnv, withDb } from '../helpers/env.ts';

export function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (db) => (await db.query(text, params)).rows as T[]);
}

export interface Person {
  id: string;
  email: string;
  token: string;
  client: SupabaseClient<any, any, any>;
}

export interface CrowdStudio {
  org: string;
  otherOrg: string;
  clientId: string;
  manager: Person;
  member: Person;
  /** A client member of `org`. */
  ownClient: Person;
  /** A client member of `otherOrg`. */
  foreignClient: Person;
  /** Signed up, in no organization. */
  loner: Person;
  /** More people to join with. */
  newPerson(label: string): Promise<Person>;
}

async function person(label: string, run: string): Promise<Person> {
  const email = `crowd-${label}-${run}@crowd.test`;
  const password = `pw-${randomUUID()}`;
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
    user_metadata: { display_name: `Crowd ${label}` },
  });
  if (error) throw error;
  await sql('update public.profiles set display_name = $2 where id = $1', [data.user.id, `Crowd ${label}`]);
  const client = stackClient(stackEnv.anonKey);
  const signIn = await client.auth.signInWithPassword({ email, password });
  if (signIn.error) throw signIn.error;
  return { id: data.user.id, email, token: signIn.data.session!.access_token, client };
}

async function organization(name: string, run: string, currency = 'USD'): Promise<string> {
  const [row] = await sql<{ id: string }>(`insert into public.organizations (name, slug, currency) values ($1, $2, $3) returning id`, [
    `${name} ${run}`,
    `crowd-${name.toLowerCase()}-${run}`,
    currency,
  ]);
  return row!.id;
}

export async function newCrowdStudio(): Promise<CrowdStudio> {
  const run = randomUUID().slice(0, 8);
  const org = await organization('Studio', run);
  const otherOrg = await organization('Elsewhere', run, 'EUR');
  const [client] = await sql<{ id: string }>(`insert into public.clients (organization_id, name, status) values ($1, 'Crowd Client', 'active') returning id`, [org]);
  const [otherClient] = await sql<{ id: string }>(`insert into public.clients (organization_id, name, status) values ($1, 'Foreign Client', 'active') returning id`, [otherOrg]);
  const add = (o: string, user: string, role: string, clientId: string | null = null) =>
    sql('insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, $3, $4)', [o, user, role, clientId]);

  const manager = await person('manager', run);
  await add(org, manager.id, 'manager');
  const member = await person('member', run);
  await add(org, member.id, 'member');
  const ownClient = await person('own-client', run);
  await add(org, ownClient.id, 'client', client!.id);
  const foreignClient = await person('foreign-client', run);
  await add(otherOrg, foreignClient.id, 'client', otherClient!.id);
  const loner = await person('loner', run);
  let extra = 0;
  return {
    org,
    otherOrg,
    clientId: client!.id,
    manager,
    member,
    ownClient,
    foreignClient,
    loner,
    newPerson: (label) => person(`${label}-${++extra}`, run),
  };
}

export interface CrowdProjectInput {
  title?: string;
  description?: string;
  quorum?: number;
  target_budget?: number;
  deadline?: string;
  split?: 'equal' | 'pledge';
}

export function isoDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Staff open a crowd project through REST, as the SPA does. */
export async function openCrowdProject(studio: CrowdStudio, input: CrowdProjectInput = {}): Promise<string> {
  const { data, error } = await studio.manager.client
    .from('crowd_projects')
    .insert({
      organization_id: studio.org,
      title: input.title ?? `Mural ${randomUUID().slice(0, 6)}`,
      description: input.description ?? 'A shared mural for the street.',
      quorum: input.quorum ?? 3,
      target_budget: input.target_budget ?? 300_000,
      currency: 'USD',
      deadline: input.deadline ?? isoDay(14),
      split: input.split ?? 'equal',
    })
    .select('id')
    .single();
  if (error) throw error;
  return data.id as string;
}

export async function crowdProject(id: string) {
  const [row] = await sql('select * from public.crowd_projects where id = $1', [id]);
  return row!;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Calls an edge function of the test stack with a bearer token. */
export async function callFunction(name: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stackEnv.apiUrl}/functions/v1/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: stackEnv.anonKey, Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed };
}

/** A participant saves a card: crowd-setup, then the test-mode checkout page's button ("pay" saves, "decline" saves a card that declines). */
export async function saveCard(person: Person, crowdProjectId: string, action: 'pay' | 'decline' = 'pay'): Promise<string> {
  const setup = await callFunction('crowd-setup', person.token, { crowd_project_id: crowdProjectId });
  if (setup.status !== 200) throw new Error(`crowd-setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
  const page = await fetch(setup.body.url, { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });
  if (page.status >= 400) throw new Error(`the checkout page answered ${page.status}`);
  const [row] = await waitFor('the webhook to save the card', async () => {
    const rows = await sql<{ stripe_payment_method_id: string | null }>(
      'select stripe_payment_method_id from public.crowd_participants where crowd_project_id = $1 and user_id = $2',
      [crowdProjectId, person.id],
    );
    return rows[0]?.stripe_payment_method_id ? rows : null;
  });
  return row!.stripe_payment_method_id!;
}
