// What verifying an email token does to the user (GoTrue verify.go: signupVerify, recoverVerify,
// emailChangeVerify), shared by GET/POST /verify and PUT /user.
import type pg from 'pg';
import type { AuthSettings } from '../settings.ts';
import { forbidden, validation } from '../errors.ts';
import { clearToken } from '../mail.ts';
import { PKCE_PREFIX, tokenHash } from '../tokens.ts';
import { loadUser, syncEmailIdentity } from '../users.ts';
import type { Row } from '../userjson.ts';

export const VERIFY_TYPES = ['signup', 'invite', 'recovery', 'magiclink', 'email_change', 'email'] as const;
export type VerifyType = (typeof VERIFY_TYPES)[number];

/** Token slots (see mail.ts) a verification type may match, with the column and its sent-at. */
const CANDIDATES: Record<VerifyType, Array<{ slot: string; column: string; sentAt: string; addressColumn: string }>> = {
  signup: [{ slot: 'signup', column: 'confirmation_token', sentAt: 'confirmation_sent_at', addressColumn: 'email' }],
  invite: [{ slot: 'invite', column: 'confirmation_token', sentAt: 'confirmation_sent_at', addressColumn: 'email' }],
  recovery: [{ slot: 'recovery', column: 'recovery_token', sentAt: 'recovery_sent_at', addressColumn: 'email' }],
  magiclink: [{ slot: 'magiclink', column: 'recovery_token', sentAt: 'recovery_sent_at', addressColumn: 'email' }],
  email: [
    { slot: 'signup', column: 'confirmation_token', sentAt: 'confirmation_sent_at', addressColumn: 'email' },
    { slot: 'magiclink', column: 'recovery_token', sentAt: 'recovery_sent_at', addressColumn: 'email' },
  ],
  email_change: [
    { slot: 'email_change_new', column: 'email_change_token_new', sentAt: 'email_change_sent_at', addressColumn: 'email_change' },
    { slot: 'email_change_current', column: 'email_change_token_current', sentAt: 'email_change_sent_at', addressColumn: 'email' },
  ],
};

const OTP_EXPIRED = () => forbidden('otp_expired', 'Token has expired or is invalid');
const LINK_EXPIRED = () => forbidden('otp_expired', 'Email link is invalid or has expired');

export function parseVerifyType(value: unknown): VerifyType {
  if (typeof value !== 'string' || !value) throw validation('Verify requires a verification type');
  if (!(VERIFY_TYPES as readonly string[]).includes(value)) throw validation(`Unsupported verification type "${value}"`);
  return value as VerifyType;
}

export interface TokenMatch {
  user: Row;
  slot: string;
  pkce: boolean;
}

/**
 * Finds the user a token belongs to: by the hash a link carries, or by address + OTP code (the
 * stored hash may carry the PKCE prefix). Expired or unknown tokens are `otp_expired`.
 */
export async function findByToken(
  q: pg.ClientBase,
  settings: AuthSettings,
  type: VerifyType,
  input: { tokenHash?: string; email?: string; otp?: string },
): Promise<TokenMatch> {
  for (const c of CANDIDATES[type]) {
    // Column names come from the fixed CANDIDATES table, never from the request.
    const byHash = input.tokenHash !== undefined;
    const sql = byHash
      ? `select * from auth.users where ${c.column} = $1 and ${c.column} <> '' and ${c.sentAt} + make_interval(secs => $2) > now() limit 1`
      : `select * from auth.users where lower(${c.addressColumn}) = lower($3::text) and ${c.column} in ($1::text, '${PKCE_PREFIX}' || $1::text)
           and ${c.column} <> '' and ${c.sentAt} + make_interval(secs => $2) > now() limit 1`;
    const params = byHash ? [input.tokenHash, settings.otpExpiry] : [tokenHash(input.email!.toLowerCase(), input.otp!), settings.otpExpiry, input.email];
    const { rows } = await q.query(sql, params);
    if (rows[0]) return { user: rows[0], slot: c.slot, pkce: String(rows[0][c.column]).startsWith(PKCE_PREFIX) };
  }
  throw input.tokenHash !== undefined ? LINK_EXPIRED() : OTP_EXPIRED();
}

export async function confirmEmail(q: pg.ClientBase, userId: string): Promise<void> {
  await q.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1', [userId]);
  await syncEmailIdentity(q, (await loadUser(q, userId))!);
}

/** Moves `email_change` into `email`; an anonymous user becomes a permanent email user. */
export async function confirmEmailChange(q: pg.ClientBase, user: Row): Promise<void> {
  await q.query(
    `update auth.users set email = email_change, email_change = '', email_change_token_new = '', email_change_token_current = '',
       email_change_confirm_status = 0, email_confirmed_at = now(), updated_at = now(), is_anonymous = false,
       raw_app_meta_data = case when is_anonymous then coalesce(raw_app_meta_data, '{}') || '{"provider":"email","providers":["email"]}'::jsonb
                                else raw_app_meta_data end
     where id = $1`,
    [user.id],
  );
  await q.query(`delete from auth.one_time_tokens where user_id = $1 and token_type in ('email_change_token_new', 'email_change_token_current')`, [user.id]);
  await syncEmailIdentity(q, (await loadUser(q, user.id))!);
}

export const EMAIL_CHANGE_HALF = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';

/** Applies a matched token; returns false for the first half of a double-confirmed email change. */
export async function applyVerification(q: pg.ClientBase, settings: AuthSettings, match: TokenMatch): Promise<boolean> {
  const { user, slot } = match;
  if (slot === 'signup' || slot === 'invite' || slot === 'recovery' || slot === 'magiclink') {
    await clearToken(q, user.id, slot);
    await confirmEmail(q, user.id);
    return true;
  }
  const needsBoth = settings.doubleConfirmChanges && Boolean(user.email) && !user.is_anonymous;
  if (needsBoth && Number(user.email_change_confirm_status) === 0) {
    await clearToken(q, user.id, slot);
    await q.query('update auth.users set email_change_confirm_status = 1, updated_at = now() where id = $1', [user.id]);
    return false;
  }
  await confirmEmailChange(q, user);
  return true;
}

/** The flow-state authentication method for a link type (GoTrue models.ParseAuthenticationMethod). */
export function linkAuthMethod(type: VerifyType): string {
  return { signup: 'email/signup', invite: 'invite', recovery: 'recovery', magiclink: 'magiclink', email_change: 'email_change', email: 'otp' }[type];
}
