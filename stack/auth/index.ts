// The GoTrue-compatible auth service on `/auth/v1`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import type { RequestContext } from '../gateway/context.ts';
import { createLimiters, type AuthApp } from './app.ts';
import { AuthError } from './errors.ts';
import { readJsonBody, sendError, type AuthRequest } from './http.ts';
import { matchRoute } from './router.ts';
import { authSettings } from './settings.ts';

export default function createAuth(deps: ServiceDeps): Service {
  const settings = authSettings(deps.config.toml, deps.config.apiUrl, deps.config.jwtSecret);
  const app: AuthApp = { settings, db: deps.db, log: deps.log, limiters: createLimiters(settings) };

  async function handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    try {
      const match = matchRoute(ctx.method, ctx.path);
      if (!match) throw new AuthError(404, 'not_found', 'Not Found');
      if ('methodNotAllowed' in match) throw new AuthError(405, 'method_not_allowed', 'Method Not Allowed');
      const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? {} : await readJsonBody(req);
      const r: AuthRequest = { ctx, req, res, query: new URLSearchParams(ctx.rawQuery), body, params: match.params };
      await match.handler(app, r);
    } catch (err) {
      if (res.headersSent) throw err;
      sendError(res, ctx, err, deps.log);
    }
  }

  deps.log(`auth: site_url ${settings.siteUrl}, confirmations ${settings.autoconfirm ? 'off' : 'on'}, jwt_expiry ${settings.jwtExpiry}s`);
  return { name: 'auth', prefix: '/auth/v1', handle };
}
