import { AuthClient } from '@supabase/auth-js';
import { env } from '@/config/env';

/**
 * The one auth client. It is the only Supabase code the sign-in pages load; the data client
 * (lib/supabase.ts) takes its access token from here, so both share one session.
 * The storage key is supabase-js's default, so sessions survive switching between the two setups.
 */
export const auth = new AuthClient({
  url: `${env.VITE_SUPABASE_URL}/auth/v1`,
  headers: { apikey: env.VITE_SUPABASE_ANON_KEY, Authorization: `Bearer ${env.VITE_SUPABASE_ANON_KEY}` },
  storageKey: `sb-${new URL(env.VITE_SUPABASE_URL).hostname.split('.')[0]}-auth-token`,
  autoRefreshToken: true,
  persistSession: true,
  detectSessionInUrl: false,
  flowType: 'pkce',
});
