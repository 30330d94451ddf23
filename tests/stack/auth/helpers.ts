// Shared helpers for the auth suites: unique addresses, the mailbox, users created through the
// admin API, and raw calls for what supabase-js hides (status codes, headers, redirects).
import { type SupabaseClient } from '@supabase/supabase-js';
import { randomUUID } from 'node:crypto';
import { stackClient, stackEnv } from '../../helpers/env.ts';
import { mailFor, type MailMessage as Mail } from '../../helpers/mailbox.ts';

export const PASSWORD = 'correct-horse-42';
export const SITE_URL = 'http://127.0.0.1:5173';

export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${randomUUID()}@example.com`;
}

export { mailFor, type MailMessage as Mail } from '../../helpers/mailbox.ts';

export async function latestMail(address: string): Promise<Mail> {
  const [mail] = await mailFor(address);
  if (!mail) throw new Error(`no mail for ${address}`);
  return mail;
}

export function linkIn(mail: Mail): string {
  const m = /(http:\/\/\S+\/auth\/v1\/verify\?\S+)/.exec(mail.text);
  if (!m) throw new Error(`no link in "${mail.text}"`);
  return m[1]!;
}

export function codeIn(mail: Mail): string {
  const m = /code: (\d{6,10})/.exec(mail.text);
  if (!m) throw new Error(`no code in "${mail.text}"`);
  return m[1]!;
}

/** Follows an email link without following the redirect; returns the Location. */
export async function openLink(link: string): Promise<URL> {
  const res = await fetch(link, { redirect: 'manual' });
  if (res.status !== 303) throw new Error(`expected 303 from ${link}, got ${res.status}`);
  return new URL(res.headers.get('location')!);
}

export function fragment(url: URL): URLSearchParams {
  return new URLSearchParams(url.hash.slice(1));
}

export function client(options: { flowType?: 'pkce' | 'implicit'; autoRefreshToken?: boolean; headers?: Record<string, string>; url?: string } = {}): SupabaseClient {
  return stackClient(stackEnv.anonKey, {
    url: options.url,
    headers: options.headers,
    auth: { autoRefreshToken: options.autoRefreshToken ?? false, flowType: options.flowType ?? 'implicit' },
  });
}

/** A service_role client for the admin API. */
export function adminClient(url = stackEnv.apiUrl): SupabaseClient {
  return stackClient(stackEnv.serviceRoleKey, { url });
}

/** A confirmed user created through the admin API (the confirmations-off path). */
export async function confirmedUser(tag = 'user', metadata: Record<string, unknown> = {}): Promise<{ id: string; email: string }> {
  const email = uniqueEmail(tag);
  const { data, error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true, user_metadata: metadata });
  if (error) throw error;
  return { id: data.user!.id, email };
}

export async function signedIn(tag = 'user'): Promise<{ id: string; email: string; client: SupabaseClient }> {
  const user = await confirmedUser(tag);
  const c = client();
  const { error } = await c.auth.signInWithPassword({ email: user.email, password: PASSWORD });
  if (error) throw error;
  return { ...user, client: c };
}

/** A raw call to /auth/v1 as auth-js makes it (or without the API version header, as curl does). */
export async function authFetch(path: string, init: { method?: string; body?: unknown; token?: string; versioned?: boolean; headers?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = { apikey: stackEnv.anonKey, 'Content-Type': 'application/json', ...init.headers };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.versioned !== false) headers['X-Supabase-Api-Version'] = '2024-01-01';
  return fetch(`${stackEnv.apiUrl}/auth/v1${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: 'manual',
  });
}

export function decodeJwt(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}
