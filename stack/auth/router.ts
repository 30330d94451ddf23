// The auth route table (GoTrue internal/api/api.go), matched on method and path.
import type { AuthApp } from './app.ts';
import type { AuthRequest } from './http.ts';
import { createAdminUser, deleteAdminFactor, deleteAdminUser, getAdminUser, listAdminFactors, listUsers, updateAdminUser } from './routes/admin-users.ts';
import { generateLink, invite } from './routes/admin-links.ts';
import { challenge, enroll, unenroll, verifyFactor } from './routes/mfa.ts';
import { authorize, health, jwks, settings } from './routes/misc.ts';
import { otp, recover, resend } from './routes/otp.ts';
import { signup } from './routes/signup.ts';
import { token } from './routes/token.ts';
import { getUser, logout, putUser, reauthenticate } from './routes/user.ts';
import { verifyGet, verifyPost } from './routes/verify.ts';

export type Handler = (app: AuthApp, r: AuthRequest) => Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

function route(method: string, path: string, handler: Handler): Route {
  const keys: string[] = [];
  const pattern = new RegExp(
    '^' + path.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_m, key: string) => {
      keys.push(key);
      return '([^/]+)';
    }) + '/?$',
  );
  return { method, pattern, keys, handler };
}

export const ROUTES: Route[] = [
  route('GET', '/health', health),
  route('GET', '/settings', settings),
  route('GET', '/.well-known/jwks.json', jwks),
  route('GET', '/authorize', authorize),
  route('POST', '/signup', signup),
  route('POST', '/token', token),
  route('GET', '/verify', verifyGet),
  route('POST', '/verify', verifyPost),
  route('POST', '/otp', otp),
  route('POST', '/magiclink', otp),
  route('POST', '/recover', recover),
  route('POST', '/resend', resend),
  route('GET', '/user', getUser),
  route('PUT', '/user', putUser),
  route('POST', '/logout', logout),
  route('GET', '/reauthenticate', reauthenticate),
  route('POST', '/factors', enroll),
  route('POST', '/factors/:id/challenge', challenge),
  route('POST', '/factors/:id/verify', verifyFactor),
  route('DELETE', '/factors/:id', unenroll),
  route('POST', '/invite', invite),
  route('POST', '/admin/generate_link', generateLink),
  route('GET', '/admin/users', listUsers),
  route('POST', '/admin/users', createAdminUser),
  route('GET', '/admin/users/:id', getAdminUser),
  route('PUT', '/admin/users/:id', updateAdminUser),
  route('DELETE', '/admin/users/:id', deleteAdminUser),
  route('GET', '/admin/users/:id/factors', listAdminFactors),
  route('DELETE', '/admin/users/:id/factors/:factorId', deleteAdminFactor),
];

export type RouteMatch = { handler: Handler; params: Record<string, string> } | { methodNotAllowed: true } | null;

export function matchRoute(method: string, path: string): RouteMatch {
  let pathMatched = false;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
    return { handler: r.handler, params };
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}
