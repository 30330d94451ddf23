// Shared by the functions suites: URLs, raw calls and signed user tokens.
import { type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { JWT_SECRET } from '../../../stack/keys.ts';
import { stackClient, stackEnv } from '../../helpers/env.ts';

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

/** A supabase-js client as an app creates it. */
export function client(key = stackEnv.anonKey): SupabaseClient {
  return stackClient(key);
}

export function keyHeaders(key = stackEnv.anonKey): Record<string, string> {
  return { apikey: key, Authorization: `Bearer ${key}` };
}
