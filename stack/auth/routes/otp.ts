// POST /otp (magic link or code by email), /recover and /resend (GoTrue otp.go, magic_link.go,
// recover.go, resend.go). None of them reveals whether an address is registered.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { checkEmailSend, limit, redirectTo, type AuthApp } from '../app.ts';
import { unprocessable, validation } from '../errors.ts';
import { boolField, obj, sendJson, str, type AuthRequest } from '../http.ts';
import { deliver, issueToken } from '../mail.ts';
import { hashPassword } from '../password.ts';
import { createFlowState, pkceParams, type PkceParams } from '../pkce.ts';
import { createUser, findUserByEmail, normaliseEmail } from '../users.ts';
import type { Row } from '../userjson.ts';
import { sendConfirmation } from './signup.ts';

function emailOnly(r: AuthRequest): string {
  const email = str(r.body, 'email');
  if (str(r.body, 'phone')) {
    if (email) throw validation('Only an email address or phone number should be provided');
    throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  }
  if (!email) throw validation('An email address is required');
  return normaliseEmail(email);
}

async function sendMagicLink(app: AuthApp, q: pg.ClientBase, user: Row, redirect: string, pkce: PkceParams | null): Promise<void> {
  checkEmailSend(app, user.recovery_sent_at);
  if (pkce) await createFlowState(q, user.id, pkce, 'magiclink');
  const token = await issueToken(q, app.settings, user, 'magiclink', user.email, Boolean(pkce));
  await deliver(q, app.settings, { kind: 'magiclink', to: user.email, token, verifyType: 'magiclink', redirectTo: redirect, email: user.email });
}

export async function otp(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.otp);
  const email = emailOnly(r);
  const createUserFlag = boolField(r.body, 'create_user') ?? true;
  const data = obj(r.body, 'data') ?? {};
  const pkce = pkceParams(r.body);
  const redirect = redirectTo(app, r);
  await app.db.transaction(async (q) => {
    let user = await findUserByEmail(q, email);
    if (!user) {
      if (!createUserFlag) throw unprocessable('otp_disabled', 'Signups not allowed for otp');
      if (!app.settings.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
      // A passwordless sign-up gets a random password, as GoTrue's does.
      const passwordHash = await hashPassword(randomBytes(32).toString('hex'));
      user = await createUser(q, { email, passwordHash, userMetadata: data, confirmed: app.settings.autoconfirm });
    }
    if (!user.email_confirmed_at) await sendConfirmation(app, q, user, redirect, pkce);
    else await sendMagicLink(app, q, user, redirect, pkce);
  });
  sendJson(r.res, 200, {});
}

export async function recover(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.recover);
  const email = emailOnly(r);
  const pkce = pkceParams(r.body);
  const redirect = redirectTo(app, r);
  await app.db.transaction(async (q) => {
    const user = await findUserByEmail(q, email);
    if (!user) return;
    checkEmailSend(app, user.recovery_sent_at);
    if (pkce) await createFlowState(q, user.id, pkce, 'recovery');
    const token = await issueToken(q, app.settings, user, 'recovery', email, Boolean(pkce));
    await deliver(q, app.settings, { kind: 'recovery', to: email, token, verifyType: 'recovery', redirectTo: redirect, email });
  });
  sendJson(r.res, 200, {});
}

async function resendEmailChange(app: AuthApp, r: AuthRequest, q: pg.ClientBase, user: Row, pkce: PkceParams | null): Promise<void> {
  if (!user.email_change) return;
  checkEmailSend(app, user.email_change_sent_at);
  const redirect = redirectTo(app, r);
  if (pkce) await createFlowState(q, user.id, pkce, 'email_change');
  const next = await issueToken(q, app.settings, user, 'email_change_new', user.email_change, Boolean(pkce));
  await deliver(q, app.settings, { kind: 'email_change', to: user.email_change, token: next, verifyType: 'email_change', redirectTo: redirect, email: user.email, newEmail: user.email_change });
  if (app.settings.doubleConfirmChanges && user.email && user.email_change_token_current) {
    const current = await issueToken(q, app.settings, user, 'email_change_current', user.email, Boolean(pkce));
    await deliver(q, app.settings, { kind: 'email_change', to: user.email, token: current, verifyType: 'email_change', redirectTo: redirect, email: user.email, newEmail: user.email_change });
  }
}

export async function resend(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.resend);
  const type = str(r.body, 'type');
  if (type === 'sms' || type === 'phone_change') throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  if (type !== 'signup' && type !== 'email_change') throw validation('Missing one of these types: signup, email_change, sms, phone_change');
  const email = emailOnly(r);
  const pkce = pkceParams(r.body);
  await app.db.transaction(async (q) => {
    const user = type === 'signup'
      ? await findUserByEmail(q, email)
      : ((await q.query(`select * from auth.users where lower(email) = $1 or lower(email_change) = $1 limit 1`, [email])).rows[0] ?? null);
    if (!user) return;
    if (type === 'signup') {
      if (user.email_confirmed_at) return;
      await sendConfirmation(app, q, user, redirectTo(app, r), pkce);
    } else await resendEmailChange(app, r, q, user, pkce);
  });
  sendJson(r.res, 200, {});
}
