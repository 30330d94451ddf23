// What integration and end-to-end tests know about the stack scripts/test.ts started for them.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through \`npm test\` (it starts a stack for them)`);
  return value;
}

export const stackEnv = {
  get apiUrl() { return required('ATRIUM_TEST_API_URL'); },
  get dbUrl() { return required('ATRIUM_TEST_DB_URL'); },
  get anonKey() { return required('ATRIUM_TEST_ANON_KEY'); },
  get serviceRoleKey() { return required('ATRIUM_TEST_SERVICE_ROLE_KEY'); },
  get dataDir() { return required('ATRIUM_TEST_DATA_DIR'); },
};

export interface StackClientOptions {
  url?: string;
  schema?: string;
  /** A user's JWT, sent as the Authorization header. */
  token?: string;
  headers?: Record<string, string>;
  auth?: { autoRefreshToken?: boolean; flowType?: 'pkce' | 'implicit' };
  realtime?: { vsn?: string };
}

/**
 * A supabase-js client as an app would create it, against the test stack: no session persistence,
 * and (Node 20 has no global WebSocket, which realtime-js needs at construction) the `ws` transport.
 */
export function stackClient(key: string, options: StackClientOptions = {}): SupabaseClient<any, any, any> {
  return createClient(options.url ?? stackEnv.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, ...options.auth },
    db: { schema: options.schema ?? 'public' },
    global: { headers: { ...options.headers, ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) } },
    realtime: { transport: ws as never, ...options.realtime },
  });
}

export function anonClient(options: { schema?: string } = {}): SupabaseClient<any, any, any> {
  return stackClient(stackEnv.anonKey, options);
}

export function serviceClient(options: { schema?: string } = {}): SupabaseClient<any, any, any> {
  return stackClient(stackEnv.serviceRoleKey, options);
}

/** A direct superuser connection, for fixtures and for checking what a request changed. */
export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stackEnv.dbUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
