// The two Supabase clients a function may use. `userClient` is the default: it forwards the
// caller's Authorization, so every query runs under the caller's RLS. `serviceClient` bypasses RLS
// and must only be used with a comment at the call site saying why.
import { createClient, type SupabaseClient } from 'npm:@supabase/supabase-js@2.109.0';

const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

function env(name: string): string {
  const value = Deno.env.get(name);
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function userClient(req: Request): SupabaseClient {
  const authorization = req.headers.get('Authorization');
  return createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), {
    auth: noSession,
    global: { headers: authorization ? { Authorization: authorization } : {} },
  });
}

export function serviceClient(): SupabaseClient {
  return createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), { auth: noSession });
}
