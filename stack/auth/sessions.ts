// Sessions, refresh tokens with rotation and reuse detection, and the session JSON
// (GoTrue internal/api/token.go, internal/models/refresh_token.go, internal/tokens/service.go).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AuthError, badRequest } from './errors.ts';
import type { AuthSettings } from './settings.ts';
import { newRefreshToken, signAccessToken, type AmrEntry } from './tokens.ts';
import { isBanned, markSignedIn, userToJson, type Q } from './users.ts';
import type { Row } from './userjson.ts';

export interface SessionOptions {
  ip: string;
  userAgent: string | null;
}

async function insertRefreshToken(q: Q, userId: string, sessionId: string, parent: string | null): Promise<string> {
  const token = newRefreshToken();
  await q.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
    [token, userId, parent, sessionId],
  );
  return token;
}

/** Records an authentication method on the session (newest timestamp wins). */
export async function addAmrClaim(q: Q, sessionId: string, method: string): Promise<void> {
  await q.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values (gen_random_uuid(), $1, now(), now(), $2)
     on conflict (session_id, authentication_method) do update set updated_at = now()`,
    [sessionId, method],
  );
}

async function amrClaims(q: Q, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await q.query(
    `select authentication_method as method, extract(epoch from updated_at)::bigint as ts
       from auth.mfa_amr_claims where session_id = $1 order by updated_at desc`,
    [sessionId],
  );
  return rows.map((r) => ({ method: r.method as string, timestamp: Number(r.ts) }));
}

/** Builds the session JSON for a user, session and refresh token. */
export async function sessionResponse(q: Q, settings: AuthSettings, user: Row, sessionId: string, refreshToken: string): Promise<Row> {
  const { rows } = await q.query('select aal from auth.sessions where id = $1', [sessionId]);
  const aal = (rows[0]?.aal as string | undefined) ?? 'aal1';
  const { token, exp, iat } = await signAccessToken(
    {
      sub: user.id,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role || 'authenticated',
      aal,
      amr: await amrClaims(q, sessionId),
      session_id: sessionId,
      is_anonymous: Boolean(user.is_anonymous),
    },
    { secret: settings.jwtSecret, issuer: settings.issuer, expiry: settings.jwtExpiry },
  );
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: exp - iat,
    expires_at: exp,
    refresh_token: refreshToken,
    user: await userToJson(q, user),
  };
}

/** Starts a new session for a sign-in with `method` and returns its session JSON. */
export async function startSession(q: Q, settings: AuthSettings, user: Row, method: string, opts: SessionOptions): Promise<Row> {
  const sessionId = randomUUID();
  await q.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, refreshed_at, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', null, $3, $4)`,
    [sessionId, user.id, opts.userAgent, validIp(opts.ip)],
  );
  await addAmrClaim(q, sessionId, method);
  const refreshToken = await insertRefreshToken(q, user.id, sessionId, null);
  await markSignedIn(q, user.id);
  const fresh = (await q.query('select * from auth.users where id = $1', [user.id])).rows[0];
  return sessionResponse(q, settings, fresh, sessionId, refreshToken);
}

function validIp(ip: string): string | null {
  const bare = ip.replace(/^::ffff:/, '');
  return /^[\d.]+$|^[0-9a-f:]+$/i.test(bare) ? bare : null;
}

const TOKEN_NOT_FOUND = () => badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
const ALREADY_USED = () => badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');

/**
 * The refresh_token grant. A revoked token is accepted when it is the parent of the session's
 * active token (the client lost the answer) or within the reuse interval; other reuse revokes every
 * token of the session.
 */
export async function refreshGrant(q: pg.ClientBase, settings: AuthSettings, presented: string): Promise<Row> {
  const { rows } = await q.query('select * from auth.refresh_tokens where token = $1 for update', [presented]);
  const token = rows[0];
  if (!token) throw TOKEN_NOT_FOUND();
  const user = (await q.query('select * from auth.users where id::text = $1', [token.user_id])).rows[0];
  if (!user) throw TOKEN_NOT_FOUND();
  if (isBanned(user)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
  const session = token.session_id
    ? (await q.query('select *, now() > not_after as expired from auth.sessions where id = $1', [token.session_id])).rows[0]
    : null;
  if (!session) throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
  if (session.expired) throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');

  if (token.revoked) {
    const active = (await q.query(
      'select token, parent from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1',
      [session.id],
    )).rows[0];
    if (active && active.parent === token.token) return reissue(q, settings, user, session.id, active.token);
    const withinInterval = (await q.query(
      'select now() - updated_at < make_interval(secs => $2) as ok from auth.refresh_tokens where id = $1',
      [token.id, settings.refreshTokenReuseInterval],
    )).rows[0]?.ok;
    if (!withinInterval) {
      await q.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false', [session.id]);
      throw new ReuseDetected();
    }
  }
  let next = token.token as string;
  if (settings.refreshTokenRotation) {
    await q.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [token.id]);
    next = await insertRefreshToken(q, user.id, session.id, token.token);
  }
  return reissue(q, settings, user, session.id, next);
}

async function reissue(q: Q, settings: AuthSettings, user: Row, sessionId: string, refreshToken: string): Promise<Row> {
  await q.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [sessionId]);
  return sessionResponse(q, settings, user, sessionId, refreshToken);
}

/** Thrown after the session's tokens were revoked: the revocation must be committed. */
export class ReuseDetected extends Error {
  toAuthError(): AuthError {
    return ALREADY_USED();
  }
}

/** Rotates the session's current token (MFA verify, identity changes) and returns the new one. */
export async function rotateSessionToken(q: Q, userId: string, sessionId: string): Promise<string> {
  const current = (await q.query(
    'select token from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1',
    [sessionId],
  )).rows[0];
  if (current) await q.query('update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1', [current.token]);
  return insertRefreshToken(q, userId, sessionId, current?.token ?? null);
}

export async function logout(q: Q, userId: string, sessionId: string, scope: string): Promise<void> {
  if (scope === 'local') await q.query('delete from auth.sessions where id = $1', [sessionId]);
  else if (scope === 'others') await q.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId]);
  else await q.query('delete from auth.sessions where user_id = $1', [userId]);
}
