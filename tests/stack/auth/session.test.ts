// Password sign-in, the session and JWT as auth-js reads them, refresh (events, automatic refresh,
// rotation and reuse detection), GET/PUT /user and sign-out scopes.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { AuthSessionMissingError, type AuthChangeEvent } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import { JWT_SECRET } from '../../../stack/keys.ts';
import { stackEnv, withDb } from '../../helpers/env.ts';
import bcrypt from 'bcryptjs';
import { adminClient, authFetch, client, confirmedUser, decodeJwt, PASSWORD, signedIn, uniqueEmail } from './helpers.ts';

describe('password sign-in', () => {
  it('returns the session auth-js expects, with GoTrue claims', async () => {
    const { email, id } = await confirmedUser('signin', { full_name: 'Grace' });
    const before = Math.floor(Date.now() / 1000);
    const { data, error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    const s = data.session!;
    expect(s.token_type).toBe('bearer');
    expect(s.expires_in).toBe(3600);
    expect(s.refresh_token).toMatch(/^[a-z0-9]{12}$/);
    const header = JSON.parse(Buffer.from(s.access_token.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(s.access_token);
    expect(s.expires_at).toBe(claims.exp);
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.iat).toBeGreaterThanOrEqual(before - 1);
    expect(claims).toMatchObject({
      aud: 'authenticated',
      iss: `${stackEnv.apiUrl}/auth/v1`,
      sub: id,
      email,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Grace' },
      is_anonymous: false,
    });
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    const sessionRow = await withDb(async (db) => (await db.query('select user_id from auth.sessions where id = $1', [claims.session_id])).rows[0]);
    expect(sessionRow.user_id).toBe(id);
    expect(data.user!.last_sign_in_at).toBeTruthy();
    expect(data.weakPassword).toBeUndefined();
  });

  it('signs in with a password that no longer meets the policy and reports it as weak', async () => {
    const email = uniqueEmail('weak-existing');
    const hash = await bcrypt.hash('abc', 10);
    expect((await adminClient().auth.admin.createUser({ email, password_hash: hash, email_confirm: true } as any)).error).toBeNull();
    const { data, error } = await client().auth.signInWithPassword({ email, password: 'abc' });
    expect(error).toBeNull();
    expect(data.session).toBeTruthy();
    expect(data.weakPassword).toEqual({ message: 'Password should be at least 6 characters.', reasons: ['length'] });
  });

  it('signs in a user seeded by SQL as seed.sql does (bcrypt from pgcrypto, \'\' token columns, identity row)', async () => {
    const email = uniqueEmail('seeded');
    const id = randomUUID();
    await withDb(async (db) => {
      await db.query(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
           raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change,
           email_change_token_current, phone_change, phone_change_token, reauthentication_token)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
           extensions.crypt('seeded-pass', extensions.gen_salt('bf', 10)), now(), '{"provider":"email","providers":["email"]}',
           '{"display_name":"Seed"}', now(), now(), '', '', '', '', '', '', '', '')`,
        [id, email],
      );
      await db.query(
        `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
         values ($1, $2, jsonb_build_object('sub', $1::text, 'email', $3::text), 'email', now(), now(), now())`,
        [id, id, email],
      );
    });
    const c = client();
    const events: AuthChangeEvent[] = [];
    c.auth.onAuthStateChange((event) => events.push(event));
    const { data, error } = await c.auth.signInWithPassword({ email, password: 'seeded-pass' });
    expect(error).toBeNull();
    expect(data.user!.id).toBe(id);
    expect(data.user!.identities).toHaveLength(1);
    expect(data.user!.user_metadata).toEqual({ display_name: 'Seed' });
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('SIGNED_IN');
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const { email } = await confirmedUser('wrongpw');
    const wrong = await client().auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(wrong.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const unknown = await client().auth.signInWithPassword({ email: `x${email}`, password: PASSWORD });
    expect(unknown.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
  });

  it('lets getClaims fall back to GET /user because the JWKS is empty for HS256', async () => {
    const jwks = await authFetch('/.well-known/jwks.json');
    expect(await jwks.json()).toEqual({ keys: [] });
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=600');
    const { client: c, id } = await signedIn('claims');
    const { data, error } = await c.auth.getClaims();
    expect(error).toBeNull();
    expect(data!.claims.sub).toBe(id);
  });
});

describe('refresh', () => {
  it('rotates the refresh token, keeps session_id and amr, and emits TOKEN_REFRESHED', async () => {
    const { client: c } = await signedIn('refresh');
    const events: AuthChangeEvent[] = [];
    c.auth.onAuthStateChange((event) => events.push(event));
    const first = (await c.auth.getSession()).data.session!;
    const { data, error } = await c.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session!.refresh_token).not.toBe(first.refresh_token);
    const a = decodeJwt(first.access_token);
    const b = decodeJwt(data.session!.access_token);
    expect(b.session_id).toBe(a.session_id);
    expect(b.amr).toEqual(a.amr);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('TOKEN_REFRESHED');
    const rows = await withDb(async (db) => (await db.query('select token, parent, revoked from auth.refresh_tokens where session_id = $1 order by id', [a.session_id])).rows);
    expect(rows).toEqual([
      { token: first.refresh_token, parent: null, revoked: true },
      { token: data.session!.refresh_token, parent: first.refresh_token, revoked: false },
    ]);
  });

  it('refreshes automatically when the access token is about to expire', async () => {
    const { client: signer } = await signedIn('autorefresh');
    const session = (await signer.auth.getSession()).data.session!;
    // A token of the same session that expires in 30 s: inside auth-js's refresh margin.
    const claims = decodeJwt(session.access_token);
    const now = Math.floor(Date.now() / 1000);
    const short = await new SignJWT({ ...claims, iat: now, exp: now + 30 }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(JWT_SECRET));
    const c = client({ autoRefreshToken: true });
    const refreshed = new Promise<string>((resolve) => c.auth.onAuthStateChange((event, s) => event === 'TOKEN_REFRESHED' && resolve(s!.access_token)));
    await c.auth.setSession({ access_token: short, refresh_token: session.refresh_token });
    await c.auth.startAutoRefresh();
    const token = await Promise.race([refreshed, new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no TOKEN_REFRESHED')), 2000))]);
    await c.auth.stopAutoRefresh();
    expect(decodeJwt(token).exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
  });

  it('accepts a concurrent reuse inside the interval, then detects later reuse and revokes the session', async () => {
    const { client: c } = await signedIn('reuse');
    const t0 = (await c.auth.getSession()).data.session!.refresh_token;
    const t1 = (await c.auth.refreshSession()).data.session!.refresh_token;
    const t2 = (await c.auth.refreshSession()).data.session!.refresh_token;
    expect(new Set([t0, t1, t2]).size).toBe(3);

    const lost = await authFetch('/token?grant_type=refresh_token', { body: { refresh_token: t1 } });
    expect(lost.status).toBe(200);
    expect((await lost.json()).refresh_token).toBe(t2);

    // A second client racing the first with the same token inside the reuse interval is served.
    const concurrent = await authFetch('/token?grant_type=refresh_token', { body: { refresh_token: t0 } });
    expect(concurrent.status).toBe(200);
  });

  it('detects reuse of an old token after the interval and revokes the session', async () => {
    const { client: c } = await signedIn('reuse2');
    const t0 = (await c.auth.getSession()).data.session!.refresh_token;
    await c.auth.refreshSession();
    await c.auth.refreshSession();
    // Age the old token beyond refresh_token_reuse_interval (10 s) instead of sleeping.
    await withDb((db) => db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [t0]));
    const reused = await authFetch('/token?grant_type=refresh_token', { body: { refresh_token: t0 } });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toEqual({ code: 'refresh_token_already_used', message: 'Invalid Refresh Token: Already Used' });
    const sessionId = decodeJwt((await c.auth.getSession()).data.session!.access_token).session_id;
    const active = await withDb(async (db) => (await db.query('select count(*)::int as n from auth.refresh_tokens where session_id = $1 and not revoked', [sessionId])).rows[0].n);
    expect(active).toBe(0);
  });

  it('answers an unknown refresh token with refresh_token_not_found', async () => {
    const { error } = await client().auth.refreshSession({ refresh_token: 'nosuchtoken1' });
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });
});

describe('GET and PUT /user', () => {
  it('merges metadata, deletes keys set to null and emits USER_UPDATED', async () => {
    const { client: c } = await signedIn('meta');
    await c.auth.updateUser({ data: { theme: 'dark', lang: 'en' } });
    const events: AuthChangeEvent[] = [];
    c.auth.onAuthStateChange((event) => events.push(event));
    const { data, error } = await c.auth.updateUser({ data: { lang: null, tz: 'UTC' } });
    expect(error).toBeNull();
    expect(data.user!.user_metadata).toEqual({ theme: 'dark', tz: 'UTC' });
    const fresh = await c.auth.getUser();
    expect(fresh.data.user!.user_metadata).toEqual({ theme: 'dark', tz: 'UTC' });
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('USER_UPDATED');
  });

  it('changes the password, refusing the same and a weak one', async () => {
    const { client: c, email } = await signedIn('password');
    const same = await c.auth.updateUser({ password: PASSWORD });
    expect(same.error).toMatchObject({ status: 422, code: 'same_password', message: 'New password should be different from the old password.' });
    const weak = await c.auth.updateUser({ password: 'abc' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
    expect((weak.error as any).reasons).toEqual(['length']);
    expect((await c.auth.updateUser({ password: 'a-new-password-1' })).error).toBeNull();
    expect((await client().auth.signInWithPassword({ email, password: 'a-new-password-1' })).error).toBeNull();
  });

  it('refuses app_metadata from the user', async () => {
    const { client: c } = await signedIn('appmeta');
    const token = (await c.auth.getSession()).data.session!.access_token;
    const res = await authFetch('/user', { method: 'PUT', token, body: { app_metadata: { role: 'admin' } } });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('not_admin');
  });

  it('answers bad and missing tokens as GoTrue does', async () => {
    const missing = await fetch(`${stackEnv.apiUrl}/auth/v1/user`, { headers: { 'X-Supabase-Api-Version': '2024-01-01' } });
    expect(missing.status).toBe(401);
    expect((await missing.json()).code).toBe('no_authorization');
    const anon = await authFetch('/user', { token: stackEnv.anonKey });
    expect(anon.status).toBe(403);
    expect((await anon.json()).code).toBe('bad_jwt');
    const tampered = await authFetch('/user', { token: `${stackEnv.anonKey.slice(0, -2)}xx` });
    expect(tampered.status).toBe(403);
    expect((await tampered.json()).code).toBe('bad_jwt');
  });
});

describe('sign-out scopes', () => {
  async function twoSessions() {
    const { email } = await confirmedUser('logout');
    const a = client();
    const b = client();
    await a.auth.signInWithPassword({ email, password: PASSWORD });
    await b.auth.signInWithPassword({ email, password: PASSWORD });
    return { a, b };
  }

  it('others: ends every other session and keeps this one', async () => {
    const { a, b } = await twoSessions();
    expect((await a.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await a.auth.getUser()).error).toBeNull();
    const other = await b.auth.getUser();
    expect(other.error).toBeInstanceOf(AuthSessionMissingError);
  });

  it('local: ends this session only, answering 204 and then 403 session_not_found', async () => {
    const { a, b } = await twoSessions();
    const token = (await a.auth.getSession()).data.session!.access_token;
    const res = await authFetch('/logout?scope=local', { method: 'POST', token });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const after = await authFetch('/user', { token });
    expect(after.status).toBe(403);
    expect(await after.json()).toEqual({ code: 'session_not_found', message: 'Session from session_id claim in JWT does not exist' });
    expect((await b.auth.getUser()).error).toBeNull();
  });

  it('global: ends every session and emits SIGNED_OUT', async () => {
    const { a, b } = await twoSessions();
    const events: AuthChangeEvent[] = [];
    a.auth.onAuthStateChange((event) => events.push(event));
    expect((await a.auth.signOut()).error).toBeNull();
    expect((await a.auth.getSession()).data.session).toBeNull();
    expect((await b.auth.getUser()).error).toBeInstanceOf(AuthSessionMissingError);
    expect(events).toContain('SIGNED_OUT');
  });
});
