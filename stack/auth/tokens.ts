// Secrets GoTrue hands out: access-token JWTs, refresh tokens, email OTPs and their hashes.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { SignJWT } from 'jose';

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface AccessClaims {
  sub: string;
  email: string;
  phone: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown>;
  role: string;
  aal: string;
  amr: AmrEntry[];
  session_id: string;
  is_anonymous: boolean;
}

/** Signs an access token with the claim set and order GoTrue uses (internal/tokens/service.go). */
export async function signAccessToken(
  claims: AccessClaims,
  options: { secret: string; issuer: string; expiry: number; now?: number },
): Promise<{ token: string; exp: number; iat: number }> {
  const iat = options.now ?? Math.floor(Date.now() / 1000);
  const exp = iat + options.expiry;
  const payload = { aud: 'authenticated', exp, iat, iss: options.issuer, ...claims };
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(options.secret));
  return { token, exp, iat };
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A legacy-format refresh token: 12 random lower-case alphanumerics. */
export function newRefreshToken(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
  return out;
}

export function newOtp(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(10));
  return out;
}

/** GoTrue's token hash: hex(sha224(email + otp)). */
export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224').update(emailOrPhone + otp).digest('hex');
}

export function sha256Base64Url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export const PKCE_PREFIX = 'pkce_';
