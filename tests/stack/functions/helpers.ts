// Shared by the functions suites: URLs, raw calls and signed user tokens.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import ws from 'ws';
import { JWT_SECRET } from '../../../stack/keys.ts';
import { stackEnv } from '../../helpers/env.ts';

export const fnUrl = (path: string) => `${stackEnv.apiUrl}/functions/v1/${path}`;

/** A user's access token as auth would issue it (`expiresIn` in seconds, negative for an expired one). */
export function userToken(sub: string, expiresIn = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', aud: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(now - 7200)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(JWT_SECRET));
}

/**
 * A supabase-js client as an app creates it. Node 20 has no global WebSocket, which supabase-js
 * needs at construction, so it gets `ws` (tests/helpers/env.ts's clients lack it).
 */
export function client(key = stackEnv.anonKey): SupabaseClient {
  return createClient(stackEnv.apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: ws as any },
  });
}

export function keyHeaders(key = stackEnv.anonKey): Record<string, string> {
  return { apikey: key, Authorization: `Bearer ${key}` };
}
