// Magic links and codes, PKCE, recovery, resend, email change, reauthentication, redirect
// allow-list and the per-address send frequency, all read back through the mailbox.
import { describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { authFetch, client, codeIn, confirmedUser, decodeJwt, fragment, latestMail, linkIn, mailFor, openLink, PASSWORD, signedIn, SITE_URL, uniqueEmail } from './helpers.ts';

const APP_URL = 'http://127.0.0.1:5173/auth/callback';

describe('magic link and OTP', () => {
  it('signs in through the magic link (implicit flow fragment)', async () => {
    const { email, id } = await confirmedUser('magic');
    expect((await client().auth.signInWithOtp({ email, options: { emailRedirectTo: APP_URL, shouldCreateUser: false } })).error).toBeNull();
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Your sign-in link');
    const location = await openLink(linkIn(mail));
    expect(`${location.origin}${location.pathname}`).toBe(APP_URL);
    const params = fragment(location);
    expect([...params.keys()]).toEqual(['access_token', 'expires_at', 'expires_in', 'refresh_token', 'sb', 'token_type', 'type']);
    expect(params.get('type')).toBe('magiclink');
    const c = client();
    const { data, error } = await c.auth.setSession({ access_token: params.get('access_token')!, refresh_token: params.get('refresh_token')! });
    expect(error).toBeNull();
    expect(data.user!.id).toBe(id);
    expect(decodeJwt(params.get('access_token')!).amr[0].method).toBe('otp');
  });

  it('signs in with the six-digit code and refuses it a second time', async () => {
    const { email } = await confirmedUser('code');
    await client().auth.signInWithOtp({ email });
    const code = codeIn(await latestMail(email));
    expect(code).toMatch(/^\d{6}$/);
    const { data, error } = await client().auth.verifyOtp({ email, token: code, type: 'email' });
    expect(error).toBeNull();
    expect(data.session!.user.email).toBe(email);
    const again = await client().auth.verifyOtp({ email, token: code, type: 'email' });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired', message: 'Token has expired or is invalid' });
  });

  it('creates the user on first OTP unless create_user is false', async () => {
    const email = uniqueEmail('otp-new');
    const refused = await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(refused.error).toMatchObject({ status: 422, code: 'otp_disabled' });
    expect((await client().auth.signInWithOtp({ email })).error).toBeNull();
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Confirm your email address');
    const { data } = await client().auth.verifyOtp({ email, token: codeIn(mail), type: 'email' });
    expect(data.user!.email_confirmed_at).toBeTruthy();
  });

  it('verifies a token_hash (custom email template flow)', async () => {
    const { email } = await confirmedUser('hash');
    await client().auth.signInWithOtp({ email });
    const token = new URL(linkIn(await latestMail(email))).searchParams.get('token')!;
    const { data, error } = await client().auth.verifyOtp({ token_hash: token, type: 'magiclink' });
    expect(error).toBeNull();
    expect(data.session!.user.email).toBe(email);
  });

  it('redirects an invalid link with the error in the fragment', async () => {
    const location = await openLink(`${authUrl()}/verify?token=deadbeef&type=magiclink&redirect_to=${encodeURIComponent(APP_URL)}`);
    expect(location.hash).toBe('#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=');
  });

  it('answers a second request within max_frequency with 429', async () => {
    const { email } = await confirmedUser('freq');
    expect((await client().auth.signInWithOtp({ email })).error).toBeNull();
    const again = await client().auth.signInWithOtp({ email });
    expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit', message: 'For security purposes, you can only request this after 1 seconds.' });
    expect(await mailFor(email)).toHaveLength(1);
  });
});

function authUrl(): string {
  return `${process.env.ATRIUM_TEST_API_URL}/auth/v1`;
}

describe('PKCE', () => {
  it('magic link → ?code= → exchangeCodeForSession', async () => {
    const { email, id } = await confirmedUser('pkce');
    const c = client({ flowType: 'pkce' });
    await c.auth.signInWithOtp({ email, options: { emailRedirectTo: APP_URL } });
    const link = linkIn(await latestMail(email));
    expect(new URL(link).searchParams.get('token')).toMatch(/^pkce_[0-9a-f]{56}$/);
    const location = await openLink(link);
    expect(location.hash).toBe('');
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/^[0-9a-f-]{36}$/);
    const { data, error } = await c.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.user!.id).toBe(id);
    expect(decodeJwt(data.session!.access_token).amr[0].method).toBe('magiclink');
    const reused = await authFetch('/token?grant_type=pkce', { body: { auth_code: code, code_verifier: 'x'.repeat(43) } });
    expect(reused.status).toBe(404);
    expect((await reused.json()).code).toBe('flow_state_not_found');
  });

  it('sign-up confirmation with emailRedirectTo → ?code=', async () => {
    const email = uniqueEmail('pkce-signup');
    const c = client({ flowType: 'pkce' });
    await c.auth.signUp({ email, password: PASSWORD, options: { emailRedirectTo: APP_URL } });
    const location = await openLink(linkIn(await latestMail(email)));
    const { data, error } = await c.auth.exchangeCodeForSession(location.searchParams.get('code')!);
    expect(error).toBeNull();
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(decodeJwt(data.session!.access_token).amr[0].method).toBe('email/signup');
  });

  it('refuses a code with the wrong verifier', async () => {
    const { email } = await confirmedUser('pkce-bad');
    await client({ flowType: 'pkce' }).auth.signInWithOtp({ email });
    const code = (await openLink(linkIn(await latestMail(email)))).searchParams.get('code')!;
    const res = await authFetch('/token?grant_type=pkce', { body: { auth_code: code, code_verifier: 'x'.repeat(43) } });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('bad_code_verifier');
  });
});

describe('password recovery', () => {
  it('PKCE reset: mail → code → session → new password', async () => {
    const { email } = await confirmedUser('recover');
    const c = client({ flowType: 'pkce' });
    expect((await c.auth.resetPasswordForEmail(email, { redirectTo: APP_URL })).error).toBeNull();
    const mail = await latestMail(email);
    expect(mail.subject).toBe('Reset your password');
    const location = await openLink(linkIn(mail));
    const events: string[] = [];
    c.auth.onAuthStateChange((event) => events.push(event));
    const { error } = await c.auth.exchangeCodeForSession(location.searchParams.get('code')!);
    expect(error).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('PASSWORD_RECOVERY');
    expect((await c.auth.updateUser({ password: 'recovered-pass-9' })).error).toBeNull();
    expect((await client().auth.signInWithPassword({ email, password: 'recovered-pass-9' })).error).toBeNull();
  });

  it('implicit reset link carries type=recovery', async () => {
    const { email } = await confirmedUser('recover-implicit');
    await client().auth.resetPasswordForEmail(email);
    const params = fragment(await openLink(linkIn(await latestMail(email))));
    expect(params.get('type')).toBe('recovery');
    expect(decodeJwt(params.get('access_token')!).amr[0].method).toBe('otp');
  });

  it('answers {} for an unknown address and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    const res = await authFetch('/recover', { body: { email } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    expect(await mailFor(email)).toEqual([]);
  });
});

describe('redirect allow-list', () => {
  it('keeps allowed URLs and silently replaces others with site_url', async () => {
    const { email } = await confirmedUser('redirect');
    await client().auth.resetPasswordForEmail(email, { redirectTo: 'https://evil.example.com/steal' });
    const evil = new URL(linkIn(await latestMail(email))).searchParams.get('redirect_to');
    expect(evil).toBe(SITE_URL);

    const other = await confirmedUser('redirect-ok');
    await client().auth.resetPasswordForEmail(other.email, { redirectTo: 'http://localhost:5173/deep/path?x=1' });
    const kept = new URL(linkIn(await latestMail(other.email))).searchParams.get('redirect_to');
    expect(kept).toBe('http://localhost:5173/deep/path?x=1');
  });
});

describe('resend', () => {
  it('re-sends the sign-up confirmation with a new code', async () => {
    const email = uniqueEmail('resend');
    await client().auth.signUp({ email, password: PASSWORD });
    const first = codeIn(await latestMail(email));
    await withDb((db) => db.query(`update auth.users set confirmation_sent_at = now() - interval '1 minute' where email = $1`, [email]));
    expect((await client().auth.resend({ type: 'signup', email })).error).toBeNull();
    const mails = await mailFor(email);
    expect(mails).toHaveLength(2);
    const second = codeIn(mails[0]!);
    expect((await client().auth.verifyOtp({ email, token: first, type: 'signup' })).error).toMatchObject({ code: 'otp_expired' });
    expect((await client().auth.verifyOtp({ email, token: second, type: 'signup' })).error).toBeNull();
  });
});

describe('email change', () => {
  it('needs both addresses to confirm (double_confirm_changes)', async () => {
    const { client: c, email } = await signedIn('change');
    const next = uniqueEmail('changed');
    const { data, error } = await c.auth.updateUser({ email: next });
    expect(error).toBeNull();
    expect(data.user!.email).toBe(email);
    expect(data.user!.new_email).toBe(next);
    const toNew = await latestMail(next);
    const toCurrent = await latestMail(email);
    expect(toNew.subject).toBe('Confirm your new email address');
    expect(toCurrent.subject).toBe('Confirm your new email address');

    const half = await authFetch('/verify', { body: { type: 'email_change', email: next, token: codeIn(toNew) } });
    expect(await half.json()).toEqual({ msg: 'Confirmation link accepted. Please proceed to confirm link sent to the other email', code: 200 });
    const location = await openLink(linkIn(toCurrent));
    expect(fragment(location).get('type')).toBe('email_change');
    const user = (await c.auth.getUser()).data.user!;
    expect(user.email).toBe(next);
    expect(user.new_email).toBeUndefined();
    expect(user.identities![0]!.identity_data!.email).toBe(next);
  });

  it('refuses an address another user has', async () => {
    const { client: c } = await signedIn('change-taken');
    const other = await confirmedUser('taken');
    const { error } = await c.auth.updateUser({ email: other.email });
    expect(error).toMatchObject({ status: 422, code: 'email_exists' });
  });
});

describe('reauthentication', () => {
  it('mails a verification code', async () => {
    const { client: c, email } = await signedIn('reauth');
    expect((await c.auth.reauthenticate()).error).toBeNull();
    const mail = await latestMail(email);
    expect(mail.subject).toBe(`${codeIn(mail)} is your verification code`);
    const again = await c.auth.reauthenticate();
    expect(again.error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
  });
});
