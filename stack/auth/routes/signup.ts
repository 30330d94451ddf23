// POST /signup (GoTrue internal/api/signup.go, anonymous.go).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { checkEmailSend, limit, redirectTo, sessionOptions, type AuthApp } from '../app.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { obj, sendJson, str, type AuthRequest } from '../http.ts';
import { deliver, issueToken } from '../mail.ts';
import { assertStrongPassword, hashPassword } from '../password.ts';
import { createFlowState, pkceParams, type PkceParams } from '../pkce.ts';
import { startSession } from '../sessions.ts';
import { createUser, findUserByEmail, normaliseEmail, userToJson } from '../users.ts';
import { obfuscatedUser, rfc3339, type Row } from '../userjson.ts';

async function anonymousSignup(app: AuthApp, r: AuthRequest, data: Row): Promise<void> {
  if (!app.settings.enableAnonymous) throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  limit(r, app.limiters.anonymous);
  if (!app.settings.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  const session = await app.db.transaction(async (q) => {
    const user = await createUser(q, { email: null, passwordHash: null, userMetadata: data, confirmed: false, anonymous: true });
    return startSession(q, app.settings, user, 'anonymous', sessionOptions(r));
  });
  app.log(`auth: anonymous user ${session.user.id} signed in`);
  sendJson(r.res, 200, session);
}

/** Sends (or re-sends) the sign-up confirmation, with a PKCE flow state when asked for. */
export async function sendConfirmation(app: AuthApp, q: pg.ClientBase, user: Row, redirect: string, pkce: PkceParams | null): Promise<void> {
  checkEmailSend(app, user.confirmation_sent_at);
  if (pkce) await createFlowState(q, user.id, pkce, 'email/signup');
  const token = await issueToken(q, app.settings, user, 'signup', user.email, Boolean(pkce));
  await deliver(q, app.settings, { kind: 'signup', to: user.email, token, verifyType: 'signup', redirectTo: redirect, email: user.email });
}

export async function signup(app: AuthApp, r: AuthRequest): Promise<void> {
  const { settings } = app;
  const data = obj(r.body, 'data') ?? {};
  const rawEmail = str(r.body, 'email') ?? '';
  const phone = str(r.body, 'phone') ?? '';
  if (!rawEmail && !phone) return anonymousSignup(app, r, data);
  limit(r, app.limiters.signups);
  if (!settings.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (phone && !rawEmail) throw unprocessable('phone_provider_disabled', 'Phone signups are disabled');
  if (!settings.emailSignup) throw badRequest('email_provider_disabled', 'Email signups are disabled');
  const password = str(r.body, 'password') ?? '';
  if (!password) throw badRequest('validation_failed', 'Signup requires a valid password');
  const email = normaliseEmail(rawEmail);
  assertStrongPassword(settings, password);
  const pkce = pkceParams(r.body);
  const redirect = redirectTo(app, r);
  const passwordHash = await hashPassword(password);

  const result = await app.db.transaction(async (q) => {
    const existing = await findUserByEmail(q, email);
    if (existing?.email_confirmed_at) {
      if (settings.autoconfirm) throw unprocessable('user_already_exists', 'User already registered');
      return obfuscatedUser(email, data, rfc3339(new Date())!, randomUUID());
    }
    const user = existing ?? (await createUser(q, { email, passwordHash, userMetadata: data, confirmed: settings.autoconfirm }));
    if (settings.autoconfirm) return startSession(q, settings, user, 'password', sessionOptions(r));
    await sendConfirmation(app, q, user, redirect, pkce);
    return userToJson(q, (await q.query('select * from auth.users where id = $1', [user.id])).rows[0]);
  });
  app.log(`auth: sign-up ${email}${result.access_token ? ' (confirmed)' : ''}`);
  sendJson(r.res, 200, result);
}
