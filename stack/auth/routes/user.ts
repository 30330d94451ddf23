// GET/PUT /user, POST /logout, GET /reauthenticate (GoTrue internal/api/user.go, logout.go, reauthenticate.go).
import type pg from 'pg';
import { checkEmailSend, limit, redirectTo, requireUser, type AuthApp, type Caller } from '../app.ts';
import { AuthError, forbidden, unprocessable, validation } from '../errors.ts';
import { obj, sendEmpty, sendJson, str, type AuthRequest } from '../http.ts';
import { clearToken, deliver, issueToken } from '../mail.ts';
import { assertStrongPassword, comparePassword, hashPassword } from '../password.ts';
import { createFlowState, pkceParams } from '../pkce.ts';
import { logout as endSessions } from '../sessions.ts';
import { tokenHash } from '../tokens.ts';
import { findUserByEmail, loadUser, normaliseEmail, userToJson } from '../users.ts';
import type { Row } from '../userjson.ts';
import { confirmEmailChange } from './verify-actions.ts';

export async function getUser(app: AuthApp, r: AuthRequest): Promise<void> {
  const { user } = await requireUser(app.db.pool, r);
  sendJson(r.res, 200, await userToJson(app.db.pool, user));
}

/** Merges `patch` into a metadata object; a null value deletes the key (GoTrue UpdateUserMetaData). */
export function mergeMetadata(current: Row | null, patch: Row): Row {
  const out: Row = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

async function hasVerifiedFactor(q: pg.ClientBase, userId: string): Promise<boolean> {
  const { rows } = await q.query(`select 1 from auth.mfa_factors where user_id = $1 and status = 'verified' limit 1`, [userId]);
  return rows.length > 0;
}

async function checkNonce(app: AuthApp, q: pg.ClientBase, user: Row, nonce: string): Promise<void> {
  const { rows } = await q.query(
    `select reauthentication_sent_at + make_interval(secs => $2) > now() as fresh from auth.users where id = $1`,
    [user.id, app.settings.otpExpiry],
  );
  if (!user.reauthentication_token || !rows[0]?.fresh || user.reauthentication_token !== tokenHash(user.email ?? '', nonce)) {
    throw unprocessable('reauthentication_not_valid', 'Nonce has expired or is invalid');
  }
  await clearToken(q, user.id, 'reauthentication');
}

async function updatePassword(app: AuthApp, q: pg.ClientBase, caller: Caller, user: Row, password: string, nonce: string | undefined): Promise<void> {
  if (app.settings.securePasswordChange) {
    // Only a session older than 24 hours needs the emailed nonce (GoTrue UpdatePasswordRequireReauthentication).
    const { rows } = caller.session
      ? await q.query(`select created_at < now() - interval '24 hours' as old from auth.sessions where id = $1`, [caller.session.id])
      : { rows: [{ old: true }] };
    if (rows[0]?.old) {
      if (!nonce) throw new AuthError(400, 'reauthentication_needed', 'Password update requires reauthentication');
      await checkNonce(app, q, user, nonce);
    }
  }
  if (!password) return;
  assertStrongPassword(app.settings, password);
  if (await comparePassword(password, user.encrypted_password)) throw unprocessable('same_password', 'New password should be different from the old password.');
  await q.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [user.id, await hashPassword(password)]);
}

async function updateEmail(app: AuthApp, r: AuthRequest, q: pg.ClientBase, user: Row, rawEmail: string): Promise<void> {
  const email = normaliseEmail(rawEmail);
  await q.query('update auth.users set email_change = $2, email_change_confirm_status = 0, updated_at = now() where id = $1', [user.id, email]);
  const fresh = (await loadUser(q, user.id))!;
  // An anonymous user adding an email is a sign-up; permanent users always confirm a change.
  if (user.is_anonymous && app.settings.autoconfirm) {
    await confirmEmailChange(q, fresh);
    return;
  }
  checkEmailSend(app, user.email_change_sent_at);
  const pkce = pkceParams(r.body);
  if (pkce) await createFlowState(q, user.id, pkce, 'email_change');
  const redirect = redirectTo(app, r);
  const newToken = await issueToken(q, app.settings, fresh, 'email_change_new', email, Boolean(pkce));
  await deliver(q, app.settings, { kind: 'email_change', to: email, token: newToken, verifyType: 'email_change', redirectTo: redirect, email: user.email ?? '', newEmail: email });
  if (app.settings.doubleConfirmChanges && user.email) {
    const current = await issueToken(q, app.settings, fresh, 'email_change_current', user.email, Boolean(pkce));
    await deliver(q, app.settings, { kind: 'email_change', to: user.email, token: current, verifyType: 'email_change', redirectTo: redirect, email: user.email, newEmail: email });
  }
}

export async function putUser(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.user);
  const data = obj(r.body, 'data');
  const email = str(r.body, 'email');
  const password = str(r.body, 'password');
  const nonce = str(r.body, 'nonce');
  if (r.body.app_metadata !== undefined) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');
  if (str(r.body, 'phone')) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  const json = await app.db.transaction(async (q) => {
    const caller = await requireUser(q, r);
    const user = caller.user;
    const changesEmail = Boolean(email) && email!.trim().toLowerCase() !== user.email;
    if ((password || changesEmail) && caller.session?.aal !== 'aal2' && (await hasVerifiedFactor(q, user.id))) {
      throw new AuthError(401, 'insufficient_aal', 'AAL2 session is required to update email or password when MFA is enabled.');
    }
    if (user.is_anonymous && password && !email) {
      throw unprocessable('validation_failed', 'Updating password of an anonymous user without an email or phone is not allowed');
    }
    if (changesEmail) {
      const other = await findUserByEmail(q, normaliseEmail(email!));
      if (other && other.id !== user.id) throw unprocessable('email_exists', 'A user with this email address has already been registered');
    }
    if (password !== undefined) await updatePassword(app, q, caller, user, password, nonce);
    if (data) {
      await q.query('update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1', [user.id, mergeMetadata(user.raw_user_meta_data, data)]);
    }
    if (changesEmail) await updateEmail(app, r, q, user, email!);
    return userToJson(q, (await loadUser(q, user.id))!);
  });
  sendJson(r.res, 200, json);
}

export async function logout(app: AuthApp, r: AuthRequest): Promise<void> {
  const scope = r.query.get('scope') || 'global';
  if (!['global', 'local', 'others'].includes(scope)) throw validation(`Unsupported logout scope "${scope}"`);
  await app.db.transaction(async (q) => {
    const { user, sessionId } = await requireUser(q, r);
    // A token without a session logs out everywhere, whatever the scope (as GoTrue).
    await endSessions(q, user.id, sessionId ?? '', sessionId ? scope : 'global');
  });
  sendEmpty(r.res, 204);
}

export async function reauthenticate(app: AuthApp, r: AuthRequest): Promise<void> {
  await app.db.transaction(async (q) => {
    const { user } = await requireUser(q, r);
    if (!user.email) throw validation('Reauthentication requires the user to have an email or a phone number');
    if (!user.email_confirmed_at) throw unprocessable('email_not_confirmed', 'Please verify your email first.');
    checkEmailSend(app, user.reauthentication_sent_at);
    const token = await issueToken(q, app.settings, user, 'reauthentication', user.email, false);
    await deliver(q, app.settings, { kind: 'reauthentication', to: user.email, token, verifyType: 'reauthentication', redirectTo: app.settings.siteUrl, email: user.email });
  });
  sendJson(r.res, 200, {});
}
