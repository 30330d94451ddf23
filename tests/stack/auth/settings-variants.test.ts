// Behaviour under settings the shared stack does not run with, through the real client against a
// second auth service (variant.ts): confirmations off, anonymous sign-ins, sign-ups off, and
// per-IP rate limits small enough to reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { authFetch, client, codeIn, confirmedUser, decodeJwt, latestMail, PASSWORD, uniqueEmail } from './helpers.ts';
import { startVariant, type Variant } from './variant.ts';

describe('settings from config.toml on the shared stack', () => {
  it('GET /settings reports confirmations on and anonymous sign-ins off', async () => {
    const res = await authFetch('/settings');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ disable_signup: false, mailer_autoconfirm: false, external: { email: true, phone: false, anonymous_users: false, google: false } });
  });

  it('GET /health answers as GoTrue', async () => {
    expect(await (await authFetch('/health')).json()).toMatchObject({ name: 'GoTrue' });
  });

  it('answers OAuth sign-in (out of scope) as GoTrue with the provider disabled', async () => {
    const { data } = await client().auth.signInWithOAuth({ provider: 'google', options: { skipBrowserRedirect: true } });
    const res = await fetch(data.url!, { redirect: 'manual', headers: { 'X-Supabase-Api-Version': '2024-01-01' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ code: 'validation_failed', message: 'Unsupported provider: provider is not enabled' });
  });
});

describe('confirmations off, anonymous sign-ins on', () => {
  let v: Variant;
  beforeAll(async () => {
    v = await startVariant({ enable_anonymous_sign_ins: true, email: { enable_confirmations: false }, rate_limit: { sign_in_sign_ups: 3, anonymous_users: 50 } });
  });
  afterAll(async () => v?.stop());

  it('signs up straight into a session, and a repeat is user_already_exists', async () => {
    const email = uniqueEmail('autoconfirm');
    const { data, error } = await client({ url: v.url }).auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session!.access_token).toBeTruthy();
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(decodeJwt(data.session!.access_token).iss).toBe(`${v.url}/auth/v1`);
    const again = await client({ url: v.url }).auth.signUp({ email, password: PASSWORD });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists', message: 'User already registered' });
  });

  it('signs in anonymously and upgrades with an email, then a password', async () => {
    const c = client({ url: v.url });
    const { data, error } = await c.auth.signInAnonymously({ options: { data: { guest: true } } });
    expect(error).toBeNull();
    const claims = decodeJwt(data.session!.access_token);
    expect(claims).toMatchObject({ is_anonymous: true, role: 'authenticated', app_metadata: {}, email: '' });
    expect(claims.amr[0].method).toBe('anonymous');
    expect(data.user!.is_anonymous).toBe(true);
    expect(data.user!.identities).toEqual([]);

    const enroll = await c.auth.mfa.enroll({ factorType: 'totp' });
    expect(enroll.error).toMatchObject({ status: 403, code: 'no_authorization' });
    const early = await c.auth.updateUser({ password: PASSWORD });
    expect(early.error).toMatchObject({ status: 422, code: 'validation_failed' });

    const email = uniqueEmail('upgraded');
    const upgraded = await c.auth.updateUser({ email });
    expect(upgraded.error).toBeNull();
    expect(upgraded.data.user).toMatchObject({ email, is_anonymous: false });
    expect((await c.auth.updateUser({ password: PASSWORD })).error).toBeNull();
    expect((await client({ url: v.url }).auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();
  });

  it('limits sign-ups per client IP (sign_in_sign_ups) and not across IPs', async () => {
    const ip = `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join('.')}`;
    const limited = client({ url: v.url, headers: { 'X-Forwarded-For': ip } });
    const statuses: Array<number | undefined> = [];
    for (let i = 0; i < 4; i++) {
      const { error } = await limited.auth.signUp({ email: uniqueEmail('limited'), password: PASSWORD });
      statuses.push(error?.status);
    }
    expect(statuses).toEqual([undefined, undefined, undefined, 429]);
    const { error } = await limited.auth.signUp({ email: uniqueEmail('limited'), password: PASSWORD });
    expect(error).toMatchObject({ status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' });
    const other = client({ url: v.url, headers: { 'X-Forwarded-For': `172.16.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
    expect((await other.auth.signUp({ email: uniqueEmail('other-ip'), password: PASSWORD })).error).toBeNull();
  });
});

describe('sign-ups off', () => {
  let v: Variant;
  beforeAll(async () => {
    v = await startVariant({ enable_signup: false });
  });
  afterAll(async () => v?.stop());

  it('refuses sign-up with signup_disabled', async () => {
    const { error } = await client({ url: v.url }).auth.signUp({ email: uniqueEmail('closed'), password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled', message: 'Signups not allowed for this instance' });
  });
});

describe('secure_password_change', () => {
  let v: Variant;
  beforeAll(async () => {
    v = await startVariant({ email: { secure_password_change: true } });
  });
  afterAll(async () => v?.stop());

  it('asks a session older than 24 hours for the emailed nonce', async () => {
    const { email } = await confirmedUser('secure-pw');
    const c = client({ url: v.url });
    await c.auth.signInWithPassword({ email, password: PASSWORD });
    const sessionId = decodeJwt((await c.auth.getSession()).data.session!.access_token).session_id;
    await withDb((db) => db.query(`update auth.sessions set created_at = now() - interval '25 hours' where id = $1`, [sessionId]));

    const without = await c.auth.updateUser({ password: 'fresh-password-1' });
    expect(without.error).toMatchObject({ status: 400, code: 'reauthentication_needed' });
    expect((await c.auth.reauthenticate()).error).toBeNull();
    const nonce = codeIn(await latestMail(email));
    const wrong = await c.auth.updateUser({ password: 'fresh-password-1', nonce: nonce === '000000' ? '111111' : '000000' });
    expect(wrong.error).toMatchObject({ status: 422, code: 'reauthentication_not_valid', message: 'Nonce has expired or is invalid' });
    expect((await c.auth.updateUser({ password: 'fresh-password-1', nonce })).error).toBeNull();
    expect((await client({ url: v.url }).auth.signInWithPassword({ email, password: 'fresh-password-1' })).error).toBeNull();
  });
});
