// Shared fixtures for the Realtime tests: users inserted straight into auth.users with HS256 tokens
// minted like Supabase Auth's, supabase-js clients that use them, and small waiting helpers.
import { randomUUID } from 'node:crypto';
import { type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { JWT_SECRET } from '../../../stack/keys.ts';
import { stackClient, stackEnv, withDb } from '../../helpers/env.ts';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

export async function mintToken(id: string, email: string, expiresIn: string | number = '1h'): Promise<string> {
  return new SignJWT({ sub: id, role: 'authenticated', aud: 'authenticated', email, session_id: randomUUID() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

export async function createUser(label: string): Promise<TestUser> {
  const id = randomUUID();
  const email = `rt-${label}-${id.slice(0, 8)}@example.test`;
  await withDb((db) =>
    db.query(
      `insert into auth.users (id, aud, role, email, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ($1, 'authenticated', 'authenticated', $2, now(), '{}', '{}', now(), now())`,
      [id, email],
    ),
  );
  return { id, email, token: await mintToken(id, email) };
}

export async function deleteUsers(users: TestUser[]): Promise<void> {
  await withDb((db) => db.query(`delete from auth.users where id = any($1::uuid[])`, [users.map((u) => u.id)]));
}

type Client = SupabaseClient<any, any, any>;
const clients: Client[] = [];

/**
 * A supabase-js client as a signed-in app has it: the user's token is set on the realtime client
 * before any channel joins (supabase-js does this on sign-in).
 */
export async function realtimeClient(token?: string, options: { vsn?: string; apiUrl?: string; anonKey?: string } = {}): Promise<Client> {
  const client = stackClient(options.anonKey ?? stackEnv.anonKey, { url: options.apiUrl, realtime: options.vsn ? { vsn: options.vsn } : {} });
  if (token) await client.realtime.setAuth(token);
  clients.push(client);
  return client;
}

export async function closeClients(): Promise<void> {
  for (const client of clients.splice(0)) {
    await client.removeAllChannels();
    client.realtime.disconnect();
  }
}

/** Subscribes and resolves on SUBSCRIBED; rejects with the error on CHANNEL_ERROR or TIMED_OUT. */
export function subscribe(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    });
  });
}

/** Subscribes a channel with postgres bindings and waits for the `system` ok, as apps should. */
export async function subscribePostgres(channel: RealtimeChannel): Promise<Record<string, unknown>> {
  const system = new Promise<Record<string, unknown>>((resolve) => channel.on('system', {}, (p: Record<string, unknown>) => resolve(p)));
  await subscribe(channel);
  return system;
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
