// Email actions: a fresh OTP per action, its hash stored on the user (and in auth.one_time_tokens),
// and, unless only a link is wanted (admin generate_link), the email delivered to the mailbox.
import type pg from 'pg';
import { sendMail } from '../mailbox/index.ts';
import type { AuthSettings } from './settings.ts';
import { confirmationUrl, renderEmail, type EmailKind } from './templates.ts';
import { newOtp, PKCE_PREFIX, tokenHash } from './tokens.ts';
import type { Row } from './userjson.ts';

interface TokenSlot {
  column: string;
  sentAt: string;
  otType: string;
}

const SLOTS: Record<string, TokenSlot> = {
  signup: { column: 'confirmation_token', sentAt: 'confirmation_sent_at', otType: 'confirmation_token' },
  invite: { column: 'confirmation_token', sentAt: 'confirmation_sent_at', otType: 'confirmation_token' },
  recovery: { column: 'recovery_token', sentAt: 'recovery_sent_at', otType: 'recovery_token' },
  magiclink: { column: 'recovery_token', sentAt: 'recovery_sent_at', otType: 'recovery_token' },
  email_change_new: { column: 'email_change_token_new', sentAt: 'email_change_sent_at', otType: 'email_change_token_new' },
  email_change_current: { column: 'email_change_token_current', sentAt: 'email_change_sent_at', otType: 'email_change_token_current' },
  reauthentication: { column: 'reauthentication_token', sentAt: 'reauthentication_sent_at', otType: 'reauthentication_token' },
};

export interface IssuedToken {
  otp: string;
  /** What links carry and `POST /verify {token_hash}` accepts (prefixed `pkce_` in the PKCE flow). */
  hashed: string;
}

/** Generates an OTP for `slot`, stores its hash and the sent time on the user. */
export async function issueToken(q: pg.ClientBase, settings: AuthSettings, user: Row, slot: string, address: string, pkce: boolean): Promise<IssuedToken> {
  const s = SLOTS[slot]!;
  const otp = newOtp(settings.otpLength);
  const hashed = (pkce ? PKCE_PREFIX : '') + tokenHash(address, otp);
  // Column names come from the fixed SLOTS table above, never from the request.
  await q.query(`update auth.users set ${s.column} = $2, ${s.sentAt} = now(), updated_at = now() where id = $1`, [user.id, hashed]);
  await q.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values (gen_random_uuid(), $1, $2::auth.one_time_token_type, $3, $4, now(), now())
     on conflict (user_id, token_type) do update set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
    [user.id, s.otType, hashed, address],
  );
  return { otp, hashed };
}

export async function clearToken(q: pg.ClientBase, userId: string, slot: string): Promise<void> {
  const s = SLOTS[slot]!;
  await q.query(`update auth.users set ${s.column} = '' where id = $1`, [userId]);
  await q.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2::auth.one_time_token_type', [userId, s.otType]);
}

export interface MailRequest {
  kind: EmailKind;
  to: string;
  token: IssuedToken;
  /** The `type` the link's /verify gets (`signup`, `magiclink`, `email_change`...). */
  verifyType: string;
  redirectTo: string;
  email: string;
  newEmail?: string;
}

export function actionLink(settings: AuthSettings, token: IssuedToken, verifyType: string, redirectTo: string): string {
  return confirmationUrl(settings.externalUrl, token.hashed, verifyType, redirectTo);
}

export async function deliver(q: pg.ClientBase, settings: AuthSettings, m: MailRequest): Promise<void> {
  const content = renderEmail(m.kind, {
    confirmationUrl: actionLink(settings, m.token, m.verifyType, m.redirectTo),
    token: m.token.otp,
    siteUrl: settings.siteUrl,
    email: m.email,
    newEmail: m.newEmail,
  });
  await sendMail(q, { to: m.to, ...content });
}
