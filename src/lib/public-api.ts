import { env } from '@/config/env';
import type { Database } from './database.types';

type Functions = Database['public']['Functions'];

/** An error answered by the REST API to an anonymous call: the HTTP status and PostgREST's code and message. */
export class PublicApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'PublicApiError';
  }
}

/**
 * Calls a Postgres function as an anonymous visitor. Public pages (the intake form) use this instead
 * of lib/supabase, so they load neither supabase-js nor the auth client: one fetch, typed from the
 * generated database types.
 */
export async function publicRpc<Name extends keyof Functions>(
  name: Name,
  args: Functions[Name]['Args'],
  options: { signal?: AbortSignal } = {},
): Promise<Functions[Name]['Returns']> {
  let response: Response;
  try {
    response = await fetch(`${env.VITE_SUPABASE_URL}/rest/v1/rpc/${String(name)}`, {
      method: 'POST',
      headers: {
        apikey: env.VITE_SUPABASE_ANON_KEY,
        Authorization: `Bearer ${env.VITE_SUPABASE_ANON_KEY}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: JSON.stringify(args),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new PublicApiError('Failed to fetch', 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { message, code } = (body ?? {}) as { message?: unknown; code?: unknown };
    throw new PublicApiError(typeof message === 'string' && message ? message : response.statusText || `HTTP ${response.status}`, response.status, typeof code === 'string' ? code : null);
  }
  return body as Functions[Name]['Returns'];
}
