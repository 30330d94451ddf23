// Sign-up with confirmations on (the repo's config), confirmation through the mailbox, duplicate
// sign-ups, weak passwords, user triggers, and both error formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthWeakPasswordError } from '@supabase/supabase-js';
import { withDb } from '../../helpers/env.ts';
import { authFetch, client, codeIn, confirmedUser, decodeJwt, fragment, latestMail, linkIn, openLink, PASSWORD, SITE_URL, uniqueEmail } from './helpers.ts';

describe('sign-up with confirmations on', () => {
  it('returns the user without a session and mails a working confirmation link', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await client().auth.signUp({ email, password: PASSWORD, options: { data: { full_name: 'Ada' } } });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({ email, aud: 'authenticated', role: 'authenticated', user_metadata: { full_name: 'Ada' }, is_anonymous: false });
    expect(data.user!.email_confirmed_at).toBeUndefined();
    expect(data.user!.confirmation_sent_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(data.user!.identities).toHaveLength(1);
    expect(data.user!.identities![0]).toMatchObject({ provider: 'email', id: data.user!.id, identity_data: { email, sub: data.user!.id } });

    const mail = await latestMail(email);
    expect(mail.subject).toBe('Confirm your email address');
    expect(mail.html).toContain('href="http://');
    const link = linkIn(mail);
    expect(link).toContain('type=signup');
    const location = await openLink(link);
    expect(location.origin + location.pathname).toBe(`${SITE_URL}/`);
    const params = fragment(location);
    expect(params.get('type')).toBe('signup');
    expect(params.get('token_type')).toBe('bearer');
    expect(Number(params.get('expires_in'))).toBe(3600);
    const claims = decodeJwt(params.get('access_token')!);
    expect(claims.sub).toBe(data.user!.id);
    expect(claims.amr[0].method).toBe('otp');

    const signIn = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    expect(signIn.data.user!.email_confirmed_at).toBeTruthy();
  });

  it('refuses password sign-in until the address is confirmed, then accepts the emailed code', async () => {
    const email = uniqueEmail('unconfirmed');
    await client().auth.signUp({ email, password: PASSWORD });
    const early = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(early.error).toMatchObject({ status: 400, code: 'email_not_confirmed', message: 'Email not confirmed' });

    const c = client();
    const { data, error } = await c.auth.verifyOtp({ email, token: codeIn(await latestMail(email)), type: 'signup' });
    expect(error).toBeNull();
    expect(data.session!.user.email).toBe(email);
    expect(decodeJwt(data.session!.access_token).amr[0].method).toBe('otp');
  });

  it('hides an already confirmed address behind a fake user with no identities', async () => {
    const { email, id } = await confirmedUser('dupe');
    const { data, error } = await client().auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user!.identities).toEqual([]);
    expect(data.user!.id).not.toBe(id);
  });

  it('rejects a weak password with reasons', async () => {
    const { error } = await client().auth.signUp({ email: uniqueEmail('weak'), password: '123' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password', message: 'Password should be at least 6 characters.' });
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length']);
  });

  it('rejects a malformed address and an invalid JSON body without creating anything', async () => {
    const bad = await client().auth.signUp({ email: 'not-an-email', password: PASSWORD });
    expect(bad.error).toMatchObject({ status: 400, code: 'email_address_invalid' });
    const res = await authFetch('/signup', { method: 'POST' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ code: 'anonymous_provider_disabled', message: 'Anonymous sign-ins are disabled' });
    const raw = await fetch(res.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error_code: 'bad_json' });
  });
});

describe('auth error formats', () => {
  it('answers {code, message} and echoes the API version for auth-js', async () => {
    const res = await authFetch('/token?grant_type=password', { body: { email: uniqueEmail('nobody'), password: 'wrong-password' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Supabase-Api-Version');
    expect(res.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(await res.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('answers the legacy {code, error_code, msg} without the header', async () => {
    const res = await authFetch('/token?grant_type=password', { body: { email: uniqueEmail('nobody'), password: 'wrong-password' }, versioned: false });
    expect(await res.json()).toEqual({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
  });

  it('answers a missing refresh token in the OAuth shape', async () => {
    const res = await authFetch('/token?grant_type=refresh_token', { body: {} });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'refresh_token required' });
  });
});

describe('auth.users triggers', () => {
  beforeAll(async () => {
    await withDb(async (db) => {
      await db.query(`create schema if not exists auth_fixture;
        create table if not exists auth_fixture.user_events (user_id uuid, op text, role text, meta jsonb, at timestamptz default clock_timestamp());
        create or replace function auth_fixture.record_user() returns trigger language plpgsql security definer set search_path = '' as $$
        begin
          if new.email like 'trigger-fail-%' then raise exception 'profile insert failed'; end if;
          if new.email like 'trigger-%' then
            insert into auth_fixture.user_events (user_id, op, role, meta) values (new.id, tg_op, new.role, new.raw_user_meta_data);
          end if;
          return new;
        end $$;
        create or replace function auth_fixture.record_user_as_invoker() returns trigger language plpgsql set search_path = '' as $$
        begin
          if new.email like 'trigger-invoker-%' then
            insert into auth_fixture.user_events (user_id, op, role) values (new.id, tg_op, current_user);
          end if;
          return new;
        end $$;
        drop trigger if exists auth_fixture_on_user on auth.users;
        create trigger auth_fixture_on_user after insert or update on auth.users for each row execute function auth_fixture.record_user();
        drop trigger if exists auth_fixture_on_user_invoker on auth.users;
        create trigger auth_fixture_on_user_invoker after insert on auth.users for each row execute function auth_fixture.record_user_as_invoker();`);
    });
  });
  afterAll(async () => {
    await withDb((db) =>
      db.query(`drop trigger if exists auth_fixture_on_user on auth.users; drop function if exists auth_fixture.record_user();
        drop trigger if exists auth_fixture_on_user_invoker on auth.users; drop function if exists auth_fixture.record_user_as_invoker();`),
    );
  });

  it('inserts with an empty role and then sets authenticated, so both triggers fire', async () => {
    const email = uniqueEmail('trigger-ok');
    const { data } = await client().auth.signUp({ email, password: PASSWORD, options: { data: { plan: 'pro' } } });
    const events = await withDb(async (db) => (await db.query('select op, role, meta from auth_fixture.user_events where user_id = $1 order by at', [data.user!.id])).rows);
    expect(events.slice(0, 2)).toEqual([
      { op: 'INSERT', role: '', meta: { plan: 'pro' } },
      { op: 'UPDATE', role: 'authenticated', meta: { plan: 'pro' } },
    ]);
  });

  it('runs triggers as supabase_auth_admin, so a non-definer trigger lacking rights fails as on Supabase', async () => {
    const res = await authFetch('/signup', { body: { email: uniqueEmail('trigger-invoker'), password: PASSWORD } });
    expect(res.status).toBe(500);
    expect((await res.json()).code).toBe('unexpected_failure');
  });

  it('answers a failing trigger with 500 unexpected_failure and keeps no user', async () => {
    const email = uniqueEmail('trigger-fail');
    const res = await authFetch('/signup', { body: { email, password: PASSWORD } });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'unexpected_failure', message: 'Database error saving new user' });
    const count = await withDb(async (db) => (await db.query('select count(*)::int as n from auth.users where email = $1', [email])).rows[0].n);
    expect(count).toBe(0);
  });
});
