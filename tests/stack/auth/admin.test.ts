// The admin API with the service_role key, and its refusal without it.
import { describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { adminClient, authFetch, client, codeIn, confirmedUser, fragment, latestMail, linkIn, mailFor, openLink, PASSWORD, signedIn, uniqueEmail } from './helpers.ts';
import { stackEnv } from '../../helpers/env.ts';

function adminFetch(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${stackEnv.apiUrl}/auth/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'Content-Type': 'application/json', 'X-Supabase-Api-Version': '2024-01-01' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe('admin API refusal', () => {
  it('answers 403 not_admin with the anon key and with a user token', async () => {
    const anon = client();
    const { error } = await (anon.auth.admin as any).listUsers();
    expect(error).toMatchObject({ status: 403, code: 'not_admin', message: 'User not allowed' });
    const { client: user } = await signedIn('notadmin');
    const token = (await user.auth.getSession()).data.session!.access_token;
    const res = await authFetch('/admin/users', { method: 'POST', token, body: { email: uniqueEmail('x') } });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('not_admin');
  });
});

describe('admin users', () => {
  it('creates a confirmed user who can sign in at once (confirmations-off path)', async () => {
    const email = uniqueEmail('admin-create');
    const { data, error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true, user_metadata: { a: 1 }, app_metadata: { tier: 'gold' } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { a: 1 }, app_metadata: { provider: 'email', providers: ['email'], tier: 'gold' } });
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(data.user!.identities).toHaveLength(1);
    const signIn = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.data.session!.user.app_metadata.tier).toBe('gold');
    const dupe = await adminClient().auth.admin.createUser({ email, password: PASSWORD });
    expect(dupe.error).toMatchObject({ status: 422, code: 'email_exists', message: 'A user with this email address has already been registered' });
  });

  it('lists users with page/per_page, Link and X-Total-Count', async () => {
    await confirmedUser('list');
    await confirmedUser('list');
    const { data, error } = await adminClient().auth.admin.listUsers({ page: 1, perPage: 1 });
    expect(error).toBeNull();
    if (!('total' in data)) throw new Error('no pagination in the answer');
    expect(data.users).toHaveLength(1);
    expect(data.nextPage).toBe(2);
    expect(data.total).toBeGreaterThanOrEqual(2);
    const res = await adminFetch('/admin/users?per_page=1&page=1');
    expect(res.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
    const link = res.headers.get('link')!;
    expect(link).toMatch(/^<\/admin\/users\?page=2&per_page=1>; rel="next", <\/admin\/users\?page=\d+&per_page=1>; rel="last"$/);
    expect(Number(res.headers.get('x-total-count'))).toBe(data.total);
    const body = await res.json();
    expect(body.aud).toBe('authenticated');
  });

  it('gets, updates (metadata, ban) and answers unknown ids', async () => {
    const admin = adminClient().auth.admin;
    const { id, email } = await confirmedUser('update', { keep: true });
    expect((await admin.getUserById(id)).data.user!.email).toBe(email);
    const { data, error } = await admin.updateUserById(id, { user_metadata: { extra: 'x' }, app_metadata: { plan: 'pro' }, ban_duration: '1h' });
    expect(error).toBeNull();
    expect(data.user!.user_metadata).toEqual({ keep: true, extra: 'x' });
    expect(data.user!.app_metadata.plan).toBe('pro');
    expect(data.user!.banned_until).toBeTruthy();
    const banned = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(banned.error).toMatchObject({ status: 400, code: 'user_banned' });
    await admin.updateUserById(id, { ban_duration: 'none' });
    expect((await client().auth.signInWithPassword({ email, password: PASSWORD })).error).toBeNull();

    const missing = await admin.getUserById('00000000-0000-0000-0000-000000000001');
    expect(missing.error).toMatchObject({ status: 404, code: 'user_not_found' });
    const notUuid = await adminFetch('/admin/users/not-a-uuid');
    expect(notUuid.status).toBe(404);
    expect((await notUuid.json()).code).toBe('validation_failed');
  });

  it('deletes users hard and soft', async () => {
    const admin = adminClient().auth.admin;
    const hard = await confirmedUser('hard');
    expect((await admin.deleteUser(hard.id)).error).toBeNull();
    expect(await withDb(async (db) => (await db.query('select count(*)::int as n from auth.users where id = $1', [hard.id])).rows[0].n)).toBe(0);

    const soft = await confirmedUser('soft');
    expect((await admin.deleteUser(soft.id, true)).error).toBeNull();
    const row = await withDb(async (db) => (await db.query('select deleted_at, email from auth.users where id = $1', [soft.id])).rows[0]);
    expect(row.deleted_at).toBeTruthy();
    expect(row.email).toBeNull();
    expect((await client().auth.signInWithPassword({ email: soft.email, password: PASSWORD })).error).toMatchObject({ code: 'invalid_credentials' });
  });
});

describe('generate_link and invite', () => {
  it('generates a magic link without sending mail', async () => {
    const { email, id } = await confirmedUser('genlink');
    const { data, error } = await adminClient().auth.admin.generateLink({ type: 'magiclink', email, options: { redirectTo: 'http://127.0.0.1:5173/welcome' } });
    expect(error).toBeNull();
    expect(data.user!.id).toBe(id);
    expect(data.properties).toMatchObject({ verification_type: 'magiclink', redirect_to: 'http://127.0.0.1:5173/welcome' });
    expect(data.properties!.email_otp).toMatch(/^\d{6}$/);
    expect(data.properties!.hashed_token).toMatch(/^[0-9a-f]{56}$/);
    expect(await mailFor(email)).toEqual([]);
    const location = await openLink(data.properties!.action_link);
    expect(fragment(location).get('access_token')).toBeTruthy();
  });

  it('generates signup, recovery, invite and email_change links', async () => {
    const admin = adminClient().auth.admin;
    const signup = await admin.generateLink({ type: 'signup', email: uniqueEmail('gen-signup'), password: PASSWORD });
    expect(signup.data.properties!.verification_type).toBe('signup');
    const existing = await confirmedUser('gen-recovery');
    const recovery = await admin.generateLink({ type: 'recovery', email: existing.email });
    expect(recovery.data.properties!.action_link).toContain('type=recovery');
    const invite = await admin.generateLink({ type: 'invite', email: uniqueEmail('gen-invite') });
    expect(invite.data.user!.invited_at).toBeTruthy();
    const next = uniqueEmail('gen-new');
    const change = await admin.generateLink({ type: 'email_change_new', email: existing.email, newEmail: next });
    expect(change.error).toBeNull();
    expect(change.data.properties!.verification_type).toBe('email_change_new');
    expect(change.data.properties!.action_link).toContain('type=email_change');
    const half = fragment(await openLink(change.data.properties!.action_link));
    expect(half.get('message')).toBe('Confirmation link accepted. Please proceed to confirm link sent to the other email');
    const created = await admin.generateLink({ type: 'magiclink', email: uniqueEmail('gen-magic-new') });
    expect(created.data.properties!.verification_type).toBe('signup');
    const unknown = await admin.generateLink({ type: 'recovery', email: uniqueEmail('gen-unknown') });
    expect(unknown.error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  it('invites by email; the invite link signs the user in', async () => {
    const email = uniqueEmail('invitee');
    const { data, error } = await adminClient().auth.admin.inviteUserByEmail(email, { data: { org: 'acme' } });
    expect(error).toBeNull();
    expect(data.user!.invited_at).toBeTruthy();
    expect(data.user!.user_metadata).toEqual({ org: 'acme' });
    const mail = await latestMail(email);
    expect(mail.subject).toBe("You've been invited");
    expect(codeIn(mail)).toMatch(/^\d{6}$/);
    const params = fragment(await openLink(linkIn(mail)));
    expect(params.get('type')).toBe('invite');
    const again = await adminClient().auth.admin.inviteUserByEmail(email);
    expect(again.error).toMatchObject({ status: 422, code: 'email_exists' });
  });
});
