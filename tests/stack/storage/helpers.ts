// Fixtures for the storage tests: users inserted straight into auth.users, HS256 tokens minted with
// the stack's secret (Auth is not needed), supabase-js clients acting as them, and per-file buckets.
import { randomUUID } from 'node:crypto';
import { type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { JWT_SECRET } from '../../../stack/keys.ts';
import { stackClient, stackEnv, withDb } from '../../helpers/env.ts';

export interface TestUser { id: string; email: string; token: string; client: SupabaseClient<any, any, any> }

export async function mintToken(claims: Record<string, unknown>, expiresInSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ aud: 'authenticated', role: 'authenticated', ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

function client(key: string, token?: string): SupabaseClient<any, any, any> {
  return stackClient(key, { token });
}

export const anon = () => client(stackEnv.anonKey);
export const service = () => client(stackEnv.serviceRoleKey);
export const clientWithToken = (token: string) => client(stackEnv.anonKey, token);

export async function createUser(): Promise<TestUser> {
  const id = randomUUID();
  const email = `storage-${id.slice(0, 8)}@example.test`;
  await withDb((db) =>
    db.query(
      `insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, now(), now(), now())`,
      [id, email],
    ),
  );
  const token = await mintToken({ sub: id, email });
  return { id, email, token, client: clientWithToken(token) };
}

export async function deleteUsers(users: TestUser[]): Promise<void> {
  await withDb((db) => db.query('delete from auth.users where id = any($1::uuid[])', [users.map((u) => u.id)]));
}

/** A unique bucket id for one test file. */
export function bucketId(label: string): string {
  return `t-${label}-${randomUUID().slice(0, 8)}`;
}

export async function createBucket(id: string, options: { public?: boolean; fileSizeLimit?: number | null; allowedMimeTypes?: string[] | null } = {}): Promise<void> {
  await withDb((db) =>
    db.query('insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values ($1, $1, $2, $3, $4)', [
      id,
      options.public ?? false,
      options.fileSizeLimit ?? null,
      options.allowedMimeTypes ?? null,
    ]),
  );
}

/** Removes buckets and their rows (the SQL way needs storage.allow_delete_query). */
export async function dropBuckets(ids: string[]): Promise<void> {
  await withDb(async (db) => {
    await db.query('begin');
    await db.query("select set_config('storage.allow_delete_query', 'true', true)");
    await db.query('delete from storage.objects where bucket_id = any($1)', [ids]);
    await db.query('delete from storage.buckets where id = any($1)', [ids]);
    await db.query('commit');
  });
}

/** Runs SQL (policies) and returns nothing; policy names must be unique per file. */
export async function sql(text: string): Promise<void> {
  await withDb((db) => db.query(text));
}

export async function dropPolicies(names: string[], table = 'storage.objects'): Promise<void> {
  for (const name of names) await sql(`drop policy if exists "${name}" on ${table}`);
}
