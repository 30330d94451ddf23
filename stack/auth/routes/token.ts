// POST /token with grant_type password, refresh_token and pkce (GoTrue internal/api/token.go).
import { limit, sessionOptions, type AuthApp } from '../app.ts';
import { badRequest, OAuthError, unprocessable, validation } from '../errors.ts';
import { sendJson, str, type AuthRequest } from '../http.ts';
import { comparePassword, passwordWeakness } from '../password.ts';
import { consumeFlowState } from '../pkce.ts';
import { refreshGrant, ReuseDetected, startSession } from '../sessions.ts';
import { findUserByEmail, isBanned, loadUser } from '../users.ts';

const INVALID = () => badRequest('invalid_credentials', 'Invalid login credentials');

async function passwordGrant(app: AuthApp, r: AuthRequest): Promise<void> {
  const email = str(r.body, 'email') ?? '';
  const phone = str(r.body, 'phone') ?? '';
  const password = str(r.body, 'password') ?? '';
  if (email && phone) throw validation('Only an email address or phone number should be provided on login.');
  if (!email) {
    if (phone) throw INVALID();
    throw validation('missing email or phone');
  }
  if (!app.settings.emailEnabled) throw unprocessable('email_provider_disabled', 'Email logins are disabled');
  const session = await app.db.transaction(async (q) => {
    const user = await findUserByEmail(q, email.trim());
    if (!user || !user.encrypted_password) throw INVALID();
    if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
    if (!(await comparePassword(password, user.encrypted_password))) throw INVALID();
    if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed');
    return startSession(q, app.settings, user, 'password', sessionOptions(r));
  });
  const weak = passwordWeakness(app.settings, password);
  if (weak) session.weak_password = weak;
  sendJson(r.res, 200, session);
}

async function refreshTokenGrant(app: AuthApp, r: AuthRequest): Promise<void> {
  const token = str(r.body, 'refresh_token');
  if (!token) throw new OAuthError('invalid_request', 'refresh_token required');
  // A detected reuse revokes the session's tokens; that must be committed before the error goes out.
  const result = await app.db.transaction(async (q) => {
    try {
      return await refreshGrant(q, app.settings, token);
    } catch (err) {
      if (err instanceof ReuseDetected) return err;
      throw err;
    }
  });
  if (result instanceof ReuseDetected) {
    app.log('auth: refresh token reuse detected; session tokens revoked');
    throw result.toAuthError();
  }
  sendJson(r.res, 200, result);
}

async function pkceGrant(app: AuthApp, r: AuthRequest): Promise<void> {
  const authCode = str(r.body, 'auth_code') ?? '';
  const verifier = str(r.body, 'code_verifier') ?? '';
  const session = await app.db.transaction(async (q) => {
    const flow = await consumeFlowState(q, authCode, verifier);
    const user = await loadUser(q, flow.user_id);
    if (!user) throw badRequest('user_not_found', 'User not found');
    if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
    return startSession(q, app.settings, user, flow.authentication_method, sessionOptions(r));
  });
  sendJson(r.res, 200, session);
}

const GRANTS: Record<string, (app: AuthApp, r: AuthRequest) => Promise<void>> = {
  password: passwordGrant,
  refresh_token: refreshTokenGrant,
  pkce: pkceGrant,
};

export async function token(app: AuthApp, r: AuthRequest): Promise<void> {
  const grant = r.query.get('grant_type') ?? '';
  const handler = GRANTS[grant];
  if (!handler) throw badRequest('invalid_credentials', 'unsupported_grant_type');
  limit(r, app.limiters.token);
  return handler(app, r);
}
