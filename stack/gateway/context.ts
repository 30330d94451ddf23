// The one request context every service receives. The gateway reads `apikey` and `Authorization`
// once (local Kong's BearerToken rule, then JWT verification); services never re-parse auth.
import type { IncomingHttpHeaders } from 'node:http';
import { jwtVerify, errors as joseErrors } from 'jose';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../keys.ts';

export type JwtClaims = Record<string, unknown> & { role?: string; sub?: string; exp?: number };

export interface JwtProblem {
  /** `invalid` = undecodable or bad signature (PGRST301); `claims` = e.g. expired (PGRST303). */
  kind: 'invalid' | 'claims';
  message: string;
}

export interface RequestContext {
  requestId: string;
  method: string;
  /** Path after the service prefix, always starting with `/` (e.g. `/todos` for `/rest/v1/todos`). */
  path: string;
  /** Query string without `?`, raw (services parse it their own way). */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** Database role the request runs as: `anon` without a token, else the JWT's `role` claim. */
  role: string;
  /** Verified JWT claims (`{}` when there is no token). */
  claims: JwtClaims;
  /** The bearer token after the `sb_` key swap, or null. */
  token: string | null;
  /** Set when a token was sent but failed verification; each service answers it in its own shape. */
  jwtProblem: JwtProblem | null;
  /** The `apikey` header or query parameter as sent. */
  apikey: string | null;
  ip: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Local Kong's rule (supabase/cli internal/start/start.go BearerToken). */
export function resolveBearer(authorization: string | null, apikey: string | null): string | null {
  if (authorization && !/^Bearer sb_/i.test(authorization)) {
    const m = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    return m ? m[1]!.trim() : authorization.trim();
  }
  if (apikey === SECRET_KEY) return SERVICE_ROLE_KEY;
  if (apikey === PUBLISHABLE_KEY) return ANON_KEY;
  if (apikey) return apikey;
  return null;
}

// Verified tokens, as PostgREST's JWT cache keeps them: the same token arrives with every request of
// a session, and verifying it (an HMAC key import plus a signature check) costs ~0.2 ms each time.
// Only successful verifications are kept, each until its own `exp`; the cache is bounded.
const VERIFIED_MAX = 5_000;
const verified = new Map<string, JwtClaims>();

function cachedClaims(token: string): JwtClaims | null {
  const claims = verified.get(token);
  if (!claims) return null;
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
    verified.delete(token);
    return null;
  }
  return claims;
}

function remember(token: string, claims: JwtClaims): void {
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(token, claims);
}

export async function verifyJwt(
  token: string,
  secret: Uint8Array,
): Promise<{ claims: JwtClaims } | { problem: JwtProblem }> {
  const cached = cachedClaims(token);
  if (cached) return { claims: cached };
  const result = await verifyUncached(token, secret);
  if ('claims' in result) remember(token, result.claims);
  return result;
}

async function verifyUncached(token: string, secret: Uint8Array): Promise<{ claims: JwtClaims } | { problem: JwtProblem }> {
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
    return { claims: payload as JwtClaims };
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) return { problem: { kind: 'claims', message: 'JWT expired' } };
    if (err instanceof joseErrors.JWTClaimValidationFailed) return { problem: { kind: 'claims', message: err.message } };
    if (err instanceof joseErrors.JWSSignatureVerificationFailed)
      return { problem: { kind: 'invalid', message: 'JWSError JWSInvalidSignature' } };
    return { problem: { kind: 'invalid', message: 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)' } };
  }
}

let counter = 0;

export async function buildContext(input: {
  method: string;
  path: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  ip: string;
  secret: Uint8Array;
  /** Websocket connections carry the key in the query string. */
  apikeyFromQuery?: string | null;
}): Promise<RequestContext> {
  const apikey = header(input.headers, 'apikey') ?? input.apikeyFromQuery ?? null;
  const token = resolveBearer(header(input.headers, 'authorization'), apikey);
  let claims: JwtClaims = {};
  let role = 'anon';
  let jwtProblem: JwtProblem | null = null;
  if (token) {
    const result = await verifyJwt(token, input.secret);
    if ('claims' in result) {
      claims = result.claims;
      role = typeof claims.role === 'string' && claims.role ? claims.role : 'anon';
    } else {
      jwtProblem = result.problem;
    }
  }
  return {
    requestId: `${Date.now().toString(36)}-${(counter++).toString(36)}`,
    method: input.method.toUpperCase(),
    path: input.path || '/',
    rawQuery: input.rawQuery,
    headers: input.headers,
    role,
    claims,
    token,
    jwtProblem,
    apikey,
    ip: input.ip,
  };
}
