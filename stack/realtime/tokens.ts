// The channel's identity: the token from `phx_join` / `access_token` (or the connection's key when
// none is sent), verified with the stack's secret, in the error texts upstream Realtime uses.
import { decodeJwt } from 'jose';
import { verifyJwt, type JwtClaims, type RequestContext } from '../gateway/context.ts';

export interface ChannelAuth {
  token: string | null;
  role: string;
  claims: JwtClaims;
  /** Seconds since epoch, when the token has an `exp`. */
  exp: number | null;
}

export type TokenResult = { auth: ChannelAuth } | { code: 'InvalidJWTToken' | 'MalformedJWT'; message: string };

/** Upstream ignores `sb_` keys, null and non-string values in the join payload and keeps the connection's token. */
export function usableToken(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && !value.startsWith('sb_') ? value : null;
}

export function fromContext(ctx: RequestContext): ChannelAuth {
  return { token: ctx.token, role: ctx.role, claims: ctx.claims, exp: typeof ctx.claims.exp === 'number' ? ctx.claims.exp : null };
}

export function expiredMessage(exp: number, now = Date.now()): string {
  return `Token has expired ${Math.max(0, Math.floor(now / 1000) - exp)} seconds ago`;
}

export async function verifyToken(token: string, secret: Uint8Array): Promise<TokenResult> {
  const result = await verifyJwt(token, secret);
  if ('problem' in result) {
    if (result.problem.message === 'JWT expired') {
      const exp = Number(decodeJwt(token).exp ?? 0);
      return { code: 'InvalidJWTToken', message: expiredMessage(exp) };
    }
    return { code: 'MalformedJWT', message: 'The token provided is not a valid JWT' };
  }
  const { claims } = result;
  if (typeof claims.role !== 'string' || !claims.role || typeof claims.exp !== 'number') {
    return { code: 'InvalidJWTToken', message: 'Fields `role` and `exp` are required in JWT' };
  }
  return { auth: { token, role: claims.role, claims, exp: claims.exp } };
}
