// The one HTTP server on the API port: CORS, the request context, routing by prefix, one log line
// per request. Like local Kong, it strips each service's prefix and validates nothing itself.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildContext } from './context.ts';
import type { Service } from './service.ts';

export interface GatewayOptions {
  host: string;
  port: number;
  jwtSecret: string;
  services: Service[];
  log: (line: string) => void;
}

const EXPOSED_HEADERS = 'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, Transfer-Encoding, Range-Unit, X-Supabase-Api-Version, Preference-Applied, X-Total-Count, Link';

function applyCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS, TRACE, CONNECT',
    'Access-Control-Allow-Headers':
      (req.headers['access-control-request-headers'] as string | undefined) ??
      'apikey, authorization, x-client-info, content-type, accept-profile, content-profile, prefer, range, x-supabase-api-version',
    'Access-Control-Max-Age': '3600',
    'Content-Length': '0',
  });
  res.end();
}

export function matchService(services: Service[], pathname: string): { service: Service; rest: string } | null {
  let best: { service: Service; prefix: string } | null = null;
  for (const service of services) {
    const prefix = service.prefix;
    if (prefix === undefined || !service.handle) continue;
    const matches = pathname === prefix || pathname.startsWith(prefix + '/');
    if (matches && (!best || prefix.length > best.prefix.length)) best = { service, prefix };
  }
  if (!best) return null;
  return { service: best.service, rest: pathname.slice(best.prefix.length) || '/' };
}

function splitUrl(url: string | undefined): { pathname: string; rawQuery: string } {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q === -1 ? { pathname: raw, rawQuery: '' } : { pathname: raw.slice(0, q), rawQuery: raw.slice(q + 1) };
}

export function startGateway(options: GatewayOptions): Promise<http.Server> {
  const secret = new TextEncoder().encode(options.jwtSecret);

  const server = http.createServer(async (req, res) => {
    const started = performance.now();
    const { pathname, rawQuery } = splitUrl(req.url);
    const match = matchService(options.services, pathname);
    let role = '-';
    res.on('finish', () => {
      const ms = (performance.now() - started).toFixed(1);
      options.log(`${req.method} ${pathname} ${res.statusCode} ${ms}ms ${role}${match ? ` [${match.service.name}]` : ''}`);
    });
    if (!match) {
      applyCors(res);
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: 'no Route matched with those values' }));
      return;
    }
    if (req.method === 'OPTIONS' && match.service.gatewayCors !== false) return answerPreflight(req, res);
    if (match.service.gatewayCors !== false) applyCors(res);
    try {
      const ctx = await buildContext({
        method: req.method ?? 'GET',
        path: match.rest,
        rawQuery,
        headers: req.headers,
        ip: req.socket.remoteAddress ?? '',
        secret,
      });
      role = ctx.jwtProblem ? 'bad-jwt' : ctx.role;
      await match.service.handle!(req, res, ctx);
    } catch (err) {
      options.log(`${match.service.name}: ${req.method} ${pathname} failed: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ message: `${match.service.name}: internal error`, code: 'stack_error' }));
      } else res.end();
    }
  });

  server.on('upgrade', async (req, socket, head) => {
    const { pathname, rawQuery } = splitUrl(req.url);
    const match = matchService(options.services, pathname);
    if (!match?.service.upgrade) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const params = new URLSearchParams(rawQuery);
    const ctx = await buildContext({
      method: 'GET',
      path: match.rest,
      rawQuery,
      headers: req.headers,
      ip: req.socket.remoteAddress ?? '',
      secret,
      apikeyFromQuery: params.get('apikey'),
    });
    options.log(`WS ${pathname} upgrade ${ctx.role} [${match.service.name}]`);
    match.service.upgrade(req, socket, head, ctx);
  });

  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`gateway: port ${options.port} is in use; stop the other stack or set ATRIUM_API_PORT`) : err),
    );
    server.listen(options.port, options.host, () => resolve(server));
  });
}
