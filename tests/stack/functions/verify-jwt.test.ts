import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { stackEnv } from '../../helpers/env.ts';
import { client, fnUrl, userToken } from './helpers.ts';

describe('functions: verify_jwt', () => {
  it('refuses a call without Authorization when verify_jwt is on', async () => {
    const res = await fetch(fnUrl('fn-echo'), { method: 'POST' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ msg: 'Error: Missing authorization header' });
  });

  it('refuses a tampered, foreign or expired token with Invalid JWT', async () => {
    const foreign = await new SignJWT({ role: 'authenticated' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const expired = await userToken('00000000-0000-0000-0000-000000000001', -60);
    for (const token of ['garbage', foreign, expired, `${stackEnv.anonKey.slice(0, -2)}xx`]) {
      const res = await fetch(fnUrl('fn-echo'), { method: 'POST', headers: { apikey: stackEnv.anonKey, Authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ msg: 'Invalid JWT' });
    }
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const res = await fetch(fnUrl('fn-echo'), { method: 'POST', headers: { Authorization: `Basic ${stackEnv.anonKey}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ msg: "Error: Auth header is not 'Bearer {token}'" });
  });

  it('accepts the anon key, the service_role key and a user token', async () => {
    expect((await client().functions.invoke('fn-echo', { body: {} })).error).toBeNull();
    expect((await client(stackEnv.serviceRoleKey).functions.invoke('fn-echo', { body: {} })).error).toBeNull();
    const token = await userToken('00000000-0000-0000-0000-000000000002');
    const { data, error } = await client().functions.invoke('fn-echo', { headers: { Authorization: `Bearer ${token}` } });
    expect(error).toBeNull();
    expect(data.authorization).toBe(`Bearer ${token}`);
  });

  it('serves a verify_jwt = false function without any header', async () => {
    const res = await fetch(fnUrl('fn-public'), { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, authorization: null });
  });
});
