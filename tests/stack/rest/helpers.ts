// Shared set-up for the REST suites: the fixture schema, clients for each role, raw requests.
import { readFileSync } from 'node:fs';
import type { SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { JWT_SECRET } from '../../../stack/keys.ts';
import { stackClient, stackEnv, withDb } from '../../helpers/env.ts';

export const ANN = '11111111-1111-1111-1111-111111111111';
export const BOB = '22222222-2222-2222-2222-222222222222';

const FIXTURE = readFileSync(new URL('./fixture.sql', import.meta.url), 'utf8');

/** Rebuilds the fixture schema and waits until the REST schema cache serves it. */
export async function loadFixture(): Promise<void> {
  await withDb((db) => db.query(FIXTURE));
  await waitForSchema((res) => res.status === 200, '/author_pairs');
}

/** Polls until the schema cache reflects a change (reloads are asynchronous). */
export async function waitForSchema(ok: (res: Response) => boolean, path = '/items', schema = 'fixtures'): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const res = await rest(path.startsWith('/author_pairs') ? '/rpc/author_pairs' : path, { headers: { 'Accept-Profile': schema } });
    if (ok(res)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`schema cache did not reload for ${path}`);
}

export function anon(): SupabaseClient<any, any, any> {
  return stackClient(stackEnv.anonKey, { schema: 'fixtures' });
}

export function service(): SupabaseClient<any, any, any> {
  return stackClient(stackEnv.serviceRoleKey, { schema: 'fixtures' });
}

export async function userToken(sub: string, extra: Record<string, unknown> = {}, expiresIn = '1h'): Promise<string> {
  return new SignJWT({ role: 'authenticated', email: `${sub.slice(0, 4)}@example.com`, ...extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setAudience('authenticated')
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

export async function asUser(sub: string): Promise<SupabaseClient<any, any, any>> {
  const jwt = await userToken(sub);
  return stackClient(stackEnv.anonKey, { schema: 'fixtures', token: jwt });
}

/** A raw request to /rest/v1 as anon (or with the headers given), for what supabase-js hides. */
export function rest(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('apikey')) headers.set('apikey', stackEnv.anonKey);
  if (!headers.has('Accept-Profile') && !headers.has('Content-Profile')) {
    headers.set((init.method ?? 'GET') === 'GET' || init.method === 'HEAD' ? 'Accept-Profile' : 'Content-Profile', 'fixtures');
  }
  return fetch(`${stackEnv.apiUrl}/rest/v1${path}`, { ...init, headers });
}

export const serviceHeaders = () => ({ apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}` });

export async function query<T = any>(sql: string, values: unknown[] = []): Promise<T[]> {
  return withDb(async (db) => (await db.query(sql, values)).rows as T[]);
}
