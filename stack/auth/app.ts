// What every auth route gets: settings, the database, limiters, and the checks GoTrue's middleware
// runs (requireAuthentication, requireAdmin, rate limits, redirect_to).
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { AuthError, badRequest, forbidden, tooMany } from './errors.ts';
import type { AuthRequest } from './http.ts';
import { RateLimiter, secondsUntilAllowed } from './ratelimit.ts';
import { resolveRedirect } from './redirect.ts';
import type { AuthSettings } from './settings.ts';
import { isBanned, loadUser } from './users.ts';
import { rfc3339, type Row } from './userjson.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIVE_MINUTES = 5 * 60_000;
const HOUR = 3_600_000;

/** One per-IP limiter per endpoint, as GoTrue keeps them (internal/api/apilimiter). */
export interface Limiters {
  signups: RateLimiter;
  otp: RateLimiter;
  recover: RateLimiter;
  resend: RateLimiter;
  user: RateLimiter;
  token: RateLimiter;
  verify: RateLimiter;
  anonymous: RateLimiter;
  factorChallenge: RateLimiter;
  factorVerify: RateLimiter;
  emailSent: RateLimiter;
}

export function createLimiters(settings: AuthSettings): Limiters {
  const l = settings.rateLimits;
  const otp = () => new RateLimiter(l.signInSignUps, FIVE_MINUTES);
  return {
    signups: otp(),
    otp: otp(),
    recover: otp(),
    resend: otp(),
    user: otp(),
    token: new RateLimiter(l.tokenRefresh, FIVE_MINUTES),
    verify: new RateLimiter(l.tokenVerifications, FIVE_MINUTES),
    anonymous: new RateLimiter(l.anonymousUsers, HOUR),
    factorChallenge: new RateLimiter(15, 60_000),
    factorVerify: new RateLimiter(15, 60_000),
    emailSent: new RateLimiter(l.emailSent, HOUR),
  };
}

export interface AuthApp {
  settings: AuthSettings;
  db: Database;
  log: (line: string) => void;
  limiters: Limiters;
}

/**
 * The client address per-IP limits are keyed by. Like GoTrue with GOTRUE_RATE_LIMIT_HEADER, only a
 * request that names its client (X-Forwarded-For, as a proxy in front of the stack sets it) is
 * limited per IP; direct local calls are not, as with the CLI's GoTrue.
 */
export function rateLimitKey(r: AuthRequest): string | null {
  const forwarded = r.ctx.headers['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return value?.split(',')[0]?.trim() || null;
}

export function limit(r: AuthRequest, limiter: RateLimiter): void {
  const key = rateLimitKey(r);
  if (key && !limiter.take(key)) throw tooMany('over_request_rate_limit', 'Request rate limit reached');
}

/** The global email limit (lifted locally unless custom SMTP is configured) and `max_frequency`. */
export function checkEmailSend(app: AuthApp, lastSentAt: unknown): void {
  const sentAt = rfc3339(lastSentAt);
  const wait = secondsUntilAllowed(sentAt ? new Date(sentAt) : null, app.settings.maxFrequencyMs);
  if (wait > 0) throw tooMany('over_email_send_rate_limit', `For security purposes, you can only request this after ${wait} seconds.`);
  checkEmailQuota(app);
}

export function checkEmailQuota(app: AuthApp): void {
  if (!app.limiters.emailSent.take('global')) throw tooMany('over_email_send_rate_limit', 'email rate limit exceeded');
}

export function redirectTo(app: AuthApp, r: AuthRequest, fromBody?: unknown): string {
  const requested = (typeof fromBody === 'string' && fromBody) || r.query.get('redirect_to');
  const referer = r.ctx.headers.referer;
  return resolveRedirect({ siteUrl: app.settings.siteUrl, allowList: app.settings.additionalRedirectUrls }, requested, typeof referer === 'string' ? referer : null);
}

function jwtProblemError(r: AuthRequest): AuthError {
  const expired = r.ctx.jwtProblem!.kind === 'claims';
  return forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${expired ? 'token has invalid claims: token is expired' : 'token signature is invalid: signature is invalid'}`);
}

function requireToken(r: AuthRequest): void {
  if (r.ctx.jwtProblem) throw jwtProblemError(r);
  if (!r.ctx.token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
}

export interface Caller {
  user: Row;
  sessionId: string | null;
  session: Row | null;
  claims: Record<string, unknown>;
}

/** GoTrue's requireAuthentication: a valid user JWT whose user and session still exist. */
export async function requireUser(q: pg.ClientBase | pg.Pool, r: AuthRequest): Promise<Caller> {
  requireToken(r);
  const claims = r.ctx.claims;
  if (typeof claims.sub !== 'string' || !claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!UUID_RE.test(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await loadUser(q, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  const sessionId = typeof claims.session_id === 'string' && claims.session_id ? claims.session_id : null;
  let session: Row | null = null;
  if (sessionId) {
    if (!UUID_RE.test(sessionId)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = (await q.query('select * from auth.sessions where id = $1', [sessionId])).rows[0] ?? null;
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  // Tokens issued before a ban stop working at once.
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  return { user, sessionId, session, claims };
}

export function requireAdmin(r: AuthRequest): void {
  requireToken(r);
  if (r.ctx.role !== 'service_role' && r.ctx.role !== 'supabase_admin') throw forbidden('not_admin', 'User not allowed');
}

export function sessionOptions(r: AuthRequest): { ip: string; userAgent: string | null } {
  const ua = r.ctx.headers['user-agent'];
  return { ip: r.ctx.ip, userAgent: typeof ua === 'string' ? ua : null };
}
