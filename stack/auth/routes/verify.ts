// GET /verify (email links: 303 redirect) and POST /verify (token_hash or email + OTP: a session)
// (GoTrue internal/api/verify.go).
import { limit, redirectTo, sessionOptions, type AuthApp } from '../app.ts';
import { AuthError, validation } from '../errors.ts';
import { redirect, sendJson, str, type AuthRequest } from '../http.ts';
import { issueAuthCode } from '../pkce.ts';
import { startSession } from '../sessions.ts';
import { PKCE_PREFIX } from '../tokens.ts';
import { isBanned, loadUser } from '../users.ts';
import { applyVerification, EMAIL_CHANGE_HALF, findByToken, linkAuthMethod, parseVerifyType } from './verify-actions.ts';

/** `#a=1&b=2` with keys sorted, as Go's url.Values.Encode builds it. */
function encodeSorted(values: Record<string, string>): string {
  return Object.keys(values)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(values[k]!).replace(/%20/g, '+')}`)
    .join('&');
}

function withFragment(url: string, values: Record<string, string>): string {
  return `${url.split('#')[0]}#${encodeSorted(values)}`;
}

function withQuery(url: string, values: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(values)) u.searchParams.set(k, v);
  return u.toString();
}

const OAUTH_ERRORS: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 500: 'server_error', 503: 'temporarily_unavailable' };

function errorRedirect(target: string, err: AuthError, pkce: boolean): string {
  const values: Record<string, string> = { error_code: err.errorCode, error_description: err.message };
  if (OAUTH_ERRORS[err.status]) values.error = OAUTH_ERRORS[err.status]!;
  const base = pkce ? withQuery(target, values) : target;
  return withFragment(base, { ...values, sb: '' });
}


export async function verifyGet(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.verify);
  const target = redirectTo(app, r);
  const token = r.query.get('token') ?? '';
  const pkce = token.startsWith(PKCE_PREFIX);
  try {
    const type = parseVerifyType(r.query.get('type'));
    if (!token) throw validation('Verify requires a token or a token hash');
    const location = await app.db.transaction(async (q) => {
      const match = await findByToken(q, app.settings, type, { tokenHash: token });
      if (isBanned(match.user)) throw new AuthError(403, 'user_banned', 'User is banned');
      if (!(await applyVerification(q, app.settings, match))) return withFragment(target, { message: EMAIL_CHANGE_HALF, sb: '' });
      if (match.pkce) return withQuery(target, { code: await issueAuthCode(q, match.user.id, linkAuthMethod(type)) });
      const user = (await loadUser(q, match.user.id))!;
      // Like GoTrue, a session from an email link records the `otp` method; PKCE keeps the flow's.
      const s = await startSession(q, app.settings, user, 'otp', sessionOptions(r));
      return withFragment(target, {
        access_token: s.access_token,
        expires_at: String(s.expires_at),
        expires_in: String(s.expires_in),
        refresh_token: s.refresh_token,
        sb: '',
        token_type: 'bearer',
        type,
      });
    });
    app.log(`auth: verified ${r.query.get('type')} link`);
    redirect(r.res, location);
  } catch (err) {
    if (!(err instanceof AuthError)) throw err;
    redirect(r.res, errorRedirect(target, err, pkce));
  }
}

export async function verifyPost(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.verify);
  const type = parseVerifyType(r.body.type);
  const hash = str(r.body, 'token_hash');
  const otp = str(r.body, 'token');
  const email = str(r.body, 'email');
  if (str(r.body, 'phone')) throw validation('Only an email address or token hash should be provided on verify');
  if (hash && (email || otp)) throw validation('Only the token_hash and type should be provided');
  if (!hash && !(email && otp)) throw validation('Verify requires either a token or a token hash');
  const result = await app.db.transaction(async (q) => {
    const match = hash ? await findByToken(q, app.settings, type, { tokenHash: hash }) : await findByToken(q, app.settings, type, { email: email!.trim(), otp: otp!.trim() });
    if (isBanned(match.user)) throw new AuthError(403, 'user_banned', 'User is banned');
    if (!(await applyVerification(q, app.settings, match))) return { msg: EMAIL_CHANGE_HALF, code: 200 };
    const user = (await loadUser(q, match.user.id))!;
    return startSession(q, app.settings, user, 'otp', sessionOptions(r));
  });
  sendJson(r.res, 200, result);
}
