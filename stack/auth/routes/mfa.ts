// TOTP MFA: POST /factors, /factors/:id/challenge, /factors/:id/verify, DELETE /factors/:id
// (GoTrue internal/api/mfa.go).
import { randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type pg from 'pg';
import { limit, requireUser, type AuthApp, type Caller } from '../app.ts';
import { forbidden, notFound, unprocessable, validation } from '../errors.ts';
import { sendJson, str, type AuthRequest } from '../http.ts';
import { addAmrClaim, rotateSessionToken, sessionResponse } from '../sessions.ts';
import { loadUser } from '../users.ts';
import type { Row } from '../userjson.ts';

const CHALLENGE_TTL_SECONDS = 300;
const UNVERIFIED_FACTOR_TTL_SECONDS = 300;

async function caller(q: pg.ClientBase, r: AuthRequest): Promise<Caller> {
  const c = await requireUser(q, r);
  if (c.user.is_anonymous) throw forbidden('no_authorization', 'Anonymous user not allowed to perform these actions');
  return c;
}

async function ownFactor(q: pg.ClientBase, userId: string, id: string): Promise<Row> {
  const factor = /^[0-9a-f-]{36}$/i.test(id)
    ? (await q.query('select * from auth.mfa_factors where id = $1 and user_id = $2', [id, userId])).rows[0]
    : null;
  if (!factor) throw notFound('mfa_factor_not_found', 'Factor not found');
  return factor;
}

function issuerFor(app: AuthApp, requested: string | undefined): string {
  if (requested) return requested;
  try {
    return new URL(app.settings.siteUrl).hostname;
  } catch {
    return 'localhost';
  }
}

export async function enroll(app: AuthApp, r: AuthRequest): Promise<void> {
  const factorType = str(r.body, 'factor_type');
  const friendlyName = str(r.body, 'friendly_name') ?? '';
  if (factorType === 'phone') throw unprocessable('mfa_phone_enroll_not_enabled', 'MFA enroll is disabled for Phone');
  if (factorType === 'webauthn') throw unprocessable('mfa_webauthn_enroll_not_enabled', 'MFA enroll is disabled for WebAuthn');
  if (factorType !== 'totp') throw validation('factor_type needs to be totp, phone or webauthn');
  if (!app.settings.mfa.totpEnroll) throw unprocessable('mfa_totp_enroll_not_enabled', 'MFA enroll is disabled for TOTP');
  const result = await app.db.transaction(async (q) => {
    const { user, session } = await caller(q, r);
    await q.query(
      `delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and created_at < now() - make_interval(secs => $2)`,
      [user.id, UNVERIFIED_FACTOR_TTL_SECONDS],
    );
    const { rows: factors } = await q.query('select friendly_name, status from auth.mfa_factors where user_id = $1', [user.id]);
    // GoTrue compares names as given, so a second unnamed factor conflicts too.
    if (factors.some((f) => (f.friendly_name ?? '') === friendlyName)) {
      throw unprocessable('mfa_factor_name_conflict', `A factor with the friendly name "${friendlyName}" for this user already exists`);
    }
    const verified = factors.filter((f) => f.status === 'verified').length;
    if (factors.length >= app.settings.mfa.maxEnrolledFactors || verified >= app.settings.mfa.maxEnrolledFactors) {
      throw unprocessable('too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
    }
    if (verified > 0 && session && session.aal !== 'aal2') throw forbidden('insufficient_aal', 'AAL2 required to enroll a new factor');
    const totp = new OTPAuth.TOTP({ issuer: issuerFor(app, str(r.body, 'issuer')), label: user.email ?? '', algorithm: 'SHA1', digits: 6, period: 30, secret: new OTPAuth.Secret({ size: 20 }) });
    const id = randomUUID();
    await q.query(
      `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
       values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4)`,
      [id, user.id, friendlyName, totp.secret.base32],
    );
    const uri = totp.toString();
    // GoTrue's SVG names its colours; auth-js puts the SVG into a data URI unescaped, where a '#'
    // would end the image early.
    const qr = (await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M' })).replace(/#ffffff/gi, 'white').replace(/#000000/gi, 'black');
    return { id, type: 'totp', friendly_name: friendlyName, totp: { qr_code: qr, secret: totp.secret.base32, uri } };
  });
  sendJson(r.res, 200, result);
}

export async function challenge(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.factorChallenge);
  const result = await app.db.transaction(async (q) => {
    const { user } = await caller(q, r);
    const factor = await ownFactor(q, user.id, r.params.id!);
    const id = randomUUID();
    const { rows } = await q.query(
      `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3)
       returning extract(epoch from created_at)::bigint + $4 as expires_at`,
      [id, factor.id, r.ctx.ip.replace(/^::ffff:/, '') || '0.0.0.0', CHALLENGE_TTL_SECONDS],
    );
    await q.query('update auth.mfa_factors set last_challenged_at = clock_timestamp(), updated_at = now() where id = $1', [factor.id]);
    return { id, type: 'totp', expires_at: Number(rows[0].expires_at) };
  });
  sendJson(r.res, 200, result);
}

export async function verifyFactor(app: AuthApp, r: AuthRequest): Promise<void> {
  limit(r, app.limiters.factorVerify);
  if (!app.settings.mfa.totpVerify) throw unprocessable('mfa_totp_verify_not_enabled', 'MFA verification is disabled for TOTP');
  const challengeId = str(r.body, 'challenge_id') ?? '';
  const code = (str(r.body, 'code') ?? '').trim();
  const session = await app.db.transaction(async (q) => {
    const { user, sessionId } = await caller(q, r);
    const factor = await ownFactor(q, user.id, r.params.id!);
    const found = /^[0-9a-f-]{36}$/i.test(challengeId)
      ? (await q.query(
          `select *, host(ip_address) as ip, created_at + make_interval(secs => $3) < now() as expired
             from auth.mfa_challenges where id = $1 and factor_id = $2 and verified_at is null`,
          [challengeId, factor.id, CHALLENGE_TTL_SECONDS],
        )).rows[0]
      : null;
    if (!found) throw unprocessable('mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
    if (found.ip !== (r.ctx.ip.replace(/^::ffff:/, '') || '0.0.0.0')) throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
    if (found.expired) {
      await q.query('delete from auth.mfa_challenges where id = $1', [found.id]);
      return unprocessable('mfa_challenge_expired', `MFA challenge ${found.id} has expired, verify against another challenge or create a new challenge.`);
    }
    const totp = new OTPAuth.TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(factor.secret) });
    if (!/^\d{6}$/.test(code) || totp.validate({ token: code, window: 1 }) === null) throw unprocessable('mfa_verification_failed', 'Invalid TOTP code entered');
    await q.query('update auth.mfa_challenges set verified_at = now() where id = $1', [found.id]);
    await q.query(`update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1`, [factor.id]);
    if (!sessionId) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
    await addAmrClaim(q, sessionId, 'totp');
    await q.query(`update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1`, [sessionId, factor.id]);
    const refreshToken = await rotateSessionToken(q, user.id, sessionId);
    // As GoTrue does: other sessions below aal2 end, and leftover unverified TOTP factors go.
    await q.query(`delete from auth.sessions where user_id = $1 and aal < 'aal2'`, [user.id]);
    await q.query(`delete from auth.mfa_factors where user_id = $1 and factor_type = 'totp' and status = 'unverified'`, [user.id]);
    return sessionResponse(q, app.settings, (await loadUser(q, user.id))!, sessionId, refreshToken);
  });
  if (session instanceof Error) throw session;
  sendJson(r.res, 200, session);
}

export async function unenroll(app: AuthApp, r: AuthRequest): Promise<void> {
  const result = await app.db.transaction(async (q) => {
    const { user, session } = await caller(q, r);
    const factor = await ownFactor(q, user.id, r.params.id!);
    if (factor.status === 'verified' && session?.aal !== 'aal2') throw unprocessable('insufficient_aal', 'AAL2 required to unenroll verified factor');
    await q.query('delete from auth.mfa_factors where id = $1', [factor.id]);
    if (factor.status === 'verified') {
      await q.query(`update auth.sessions set aal = 'aal1', factor_id = null, updated_at = now() where user_id = $1 and factor_id = $2`, [user.id, factor.id]);
    }
    return { id: factor.id };
  });
  sendJson(r.res, 200, result);
}

