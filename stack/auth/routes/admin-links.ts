// POST /admin/generate_link (links without sending mail) and POST /invite (GoTrue admin.go, invite.go).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { checkEmailQuota, redirectTo, requireAdmin, type AuthApp } from '../app.ts';
import { notFound, unprocessable, validation } from '../errors.ts';
import { obj, sendJson, str, type AuthRequest } from '../http.ts';
import { actionLink, deliver, issueToken, type IssuedToken } from '../mail.ts';
import { tokenHash } from '../tokens.ts';
import { assertStrongPassword, hashPassword } from '../password.ts';
import { createUser, findUserByEmail, loadUser, normaliseEmail, userToJson } from '../users.ts';
import type { Row } from '../userjson.ts';

const LINK_TYPES = ['signup', 'invite', 'magiclink', 'recovery', 'email_change_current', 'email_change_new'] as const;
type LinkType = (typeof LINK_TYPES)[number];

interface Prepared {
  user: Row;
  token: IssuedToken;
  /** The `type` in the link (`email_change` for both email change kinds). */
  verifyType: string;
  /** What the answer reports: the requested type, or `signup` for a magic link that created the user. */
  reportedType: string;
}

async function userOrNew(q: pg.ClientBase, email: string, data: Row): Promise<Row> {
  return (await findUserByEmail(q, email)) ?? (await createUser(q, { email, passwordHash: null, userMetadata: data, confirmed: false, invited: true }));
}

async function prepareLink(app: AuthApp, q: pg.ClientBase, type: LinkType, email: string, body: Record<string, unknown>): Promise<Prepared> {
  const data = obj(body, 'data') ?? {};
  const s = app.settings;
  const existing = await findUserByEmail(q, email);
  if (type === 'signup' || (type === 'magiclink' && !existing)) {
    const password = type === 'signup' ? str(body, 'password') : randomBytes(32).toString('hex');
    if (!password) throw validation('Signup requires a valid password');
    if (type === 'signup') assertStrongPassword(s, password);
    if (existing?.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    if (existing) await q.query('update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, \'{}\') || $2 where id = $1', [existing.id, data]);
    const user = existing ?? (await createUser(q, { email, passwordHash: await hashPassword(password), userMetadata: data, confirmed: false }));
    return { user, token: await issueToken(q, s, user, 'signup', email, false), verifyType: 'signup', reportedType: 'signup' };
  }
  if (type === 'invite') {
    if (existing?.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    const user = existing ?? (await createUser(q, { email, passwordHash: null, userMetadata: data, confirmed: false, invited: true }));
    await q.query('update auth.users set invited_at = now() where id = $1', [user.id]);
    return { user, token: await issueToken(q, s, user, 'invite', email, false), verifyType: 'invite', reportedType: 'invite' };
  }
  if (!existing) throw notFound('user_not_found', 'User with this email not found');
  if (type === 'magiclink' || type === 'recovery') {
    return { user: existing, token: await issueToken(q, s, existing, type, email, false), verifyType: type, reportedType: type };
  }
  if (type === 'email_change_current' && !s.doubleConfirmChanges) throw validation('Enable secure email change to generate link for current email');
  const newEmail = normaliseEmail(str(body, 'new_email') ?? '');
  const other = await findUserByEmail(q, newEmail);
  if (other && other.id !== existing.id) throw unprocessable('email_exists', 'A user with this email address has already been registered');
  await q.query(
    `update auth.users set email_change = $2, email_change_confirm_status = 0, email_change_token_new = '', email_change_token_current = '' where id = $1`,
    [existing.id, newEmail],
  );
  const fresh = (await loadUser(q, existing.id))!;
  const address = type === 'email_change_new' ? newEmail : email;
  return { user: fresh, token: await issueToken(q, s, fresh, type, address, false), verifyType: 'email_change', reportedType: type };
}

export async function generateLink(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const type = str(r.body, 'type') ?? '';
  if (!(LINK_TYPES as readonly string[]).includes(type)) throw validation(`Invalid email action link type requested: ${type}`);
  const email = normaliseEmail(str(r.body, 'email') ?? '');
  const redirect = redirectTo(app, r, r.body.redirect_to);
  const result = await app.db.transaction(async (q) => {
    const p = await prepareLink(app, q, type as LinkType, email, r.body);
    const user = await userToJson(q, (await loadUser(q, p.user.id))!);
    return {
      ...user,
      action_link: actionLink(app.settings, p.token, p.verifyType, redirect),
      email_otp: p.token.otp,
      // GoTrue reports hash(email + otp) even where the stored token hashes the new address.
      hashed_token: tokenHash(email, p.token.otp),
      verification_type: p.reportedType,
      redirect_to: redirect,
    };
  });
  sendJson(r.res, 200, result);
}

export async function invite(app: AuthApp, r: AuthRequest): Promise<void> {
  requireAdmin(r);
  const email = normaliseEmail(str(r.body, 'email') ?? '');
  const data = obj(r.body, 'data') ?? {};
  const redirect = redirectTo(app, r);
  const json = await app.db.transaction(async (q) => {
    const user = await userOrNew(q, email, data);
    if (user.email_confirmed_at) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    checkEmailQuota(app);
    await q.query('update auth.users set invited_at = now() where id = $1', [user.id]);
    const token = await issueToken(q, app.settings, user, 'invite', email, false);
    await deliver(q, app.settings, { kind: 'invite', to: email, token, verifyType: 'invite', redirectTo: redirect, email });
    return userToJson(q, (await loadUser(q, user.id))!);
  });
  app.log(`auth: invited ${email}`);
  sendJson(r.res, 200, json);
}
