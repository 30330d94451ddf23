import { createClient } from '@supabase/supabase-js';
import { env } from '@/config/env';
import { auth } from './auth-client';
import { forgetMemberships } from './membership';
import type { Database } from './database.types';

async function accessToken(): Promise<string | null> {
  const { data } = await auth.getSession();
  return data.session?.access_token ?? null;
}

/** The one data client (REST, Realtime, Storage, Functions), acting as the signed-in user. */
export const supabase = createClient<Database>(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_ANON_KEY, { accessToken });

// Realtime keeps its own copy of the token: hand it every new one.
auth.onAuthStateChange((event, session) => {
  void supabase.realtime.setAuth(session?.access_token ?? null);
  if (event === 'SIGNED_OUT') forgetMemberships();
});
