// The REST service: routes a request (table, /rpc/fn, OpenAPI root), checks JWT problems, the
// profile and the query string, runs the handler and answers errors in PostgREST's shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../gateway/context.ts';
import type { Service } from '../gateway/service.ts';
import type { ServiceDeps } from '../services.ts';
import { apiError, ApiError, toApiError } from './errors.ts';
import { handleRead } from './handlers/read.ts';
import { handleRpc } from './handlers/rpc.ts';
import { handleDelete, handleInsert, handlePut, handleUpdate } from './handlers/write.ts';
import { negotiate } from './media.ts';
import { openApiDocument } from './openapi.ts';
import { parseQuery } from './parse/query.ts';
import { parsePreferences } from './preferences.ts';
import type { RestRequest, RestResponse } from './request.ts';
import { listenForReloads, type Listener } from './schema/listener.ts';
import { RestState, type RestSettings } from './state.ts';

export interface RestService extends Service {
  /** Reloads the schema cache (e.g. after the stack applied migrations); resolves when done. */
  reloadSchemaCache(): Promise<void>;
}

export function restSettings(deps: ServiceDeps): RestSettings {
  const api = deps.config.toml.api ?? {};
  const extra = (process.env.ATRIUM_API_EXTRA_SCHEMAS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const configured = [...(api.schemas ?? ['public', 'graphql_public']), ...extra];
  return {
    configuredSchemas: [...new Set(configured as string[])],
    extraSearchPath: api.extra_search_path ?? ['public', 'extensions'],
    maxRows: typeof api.max_rows === 'number' ? api.max_rows : 1000,
    maxBodyBytes: Number(process.env.ATRIUM_REST_MAX_BODY ?? 1024 * 1024),
    // Node's HTTP parser refuses header blocks over 16 KiB with a bare 431; answer earlier, in JSON.
    maxQueryBytes: 12 * 1024,
  };
}

function jwtError(ctx: RequestContext): ApiError {
  const problem = ctx.jwtProblem!;
  const code = problem.kind === 'claims' ? 'PGRST303' : 'PGRST301';
  const err = apiError(401, code, problem.message);
  err.headers['WWW-Authenticate'] = `Bearer error="invalid_token", error_description="${problem.message.replace(/"/g, "'")}"`;
  return err;
}

function pickSchema(state: RestState, ctx: RequestContext): string {
  const read = ctx.method === 'GET' || ctx.method === 'HEAD';
  const header = ctx.headers[read ? 'accept-profile' : 'content-profile'];
  const wanted = Array.isArray(header) ? header[0] : header;
  if (wanted === undefined || wanted === '') return state.schemas[0] ?? 'public';
  if (!state.schemas.includes(wanted)) {
    throw apiError(406, 'PGRST106', `Invalid schema: ${wanted}`, null, `Only the following schemas are exposed: ${state.schemas.join(', ')}`);
  }
  return wanted;
}

async function route(state: RestState, deps: ServiceDeps, req: IncomingMessage, ctx: RequestContext): Promise<RestResponse> {
  if (ctx.jwtProblem) throw jwtError(ctx);
  if (!state.cache) throw apiError(503, 'PGRST002', 'Could not query the database for the schema cache. Retrying.');
  if (ctx.rawQuery.length > state.settings.maxQueryBytes) throw apiError(414, 'PGRST100', `The query string is longer than ${state.settings.maxQueryBytes} bytes`);
  const segments = ctx.path.split('/').filter(Boolean).map(decodeURIComponent);
  const schema = pickSchema(state, ctx);
  const root = segments.length === 0;
  const { format, stripNulls } = negotiate(ctx.headers.accept as string | undefined, root);
  const prefs = parsePreferences(ctx.headers.prefer);
  if (prefs.timezone && !state.timezones.has(prefs.timezone)) delete prefs.timezone;
  const isRpc = segments.length === 2 && segments[0] === 'rpc';
  if (!root && segments.length !== 1 && !isRpc) throw apiError(404, 'PGRST125', 'Invalid path specified in request URL');
  const r: RestRequest = {
    req, ctx, state, db: deps.db, schema, prefs, format, stripNulls,
    query: isRpc && ctx.method !== 'POST' ? { select: [{ kind: 'star' }], levels: new Map(), columns: null, onConflict: null, rpcArgs: new Map() } : parseQuery(ctx.rawQuery),
    name: segments.at(-1) ?? '',
    txAllowed: state.db.txEnd.endsWith('allow-override'),
  };
  if (root) {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') throw apiError(405, 'PGRST117', `Unsupported HTTP method: ${ctx.method}`);
    return { status: 200, headers: { 'Content-Type': 'application/openapi+json; charset=utf-8' }, body: JSON.stringify(openApiDocument(state.cache, schema, deps.config.apiUrl)) };
  }
  if (isRpc) return handleRpc(r);
  switch (ctx.method) {
    case 'GET':
    case 'HEAD':
      return handleRead(r);
    case 'POST':
      return handleInsert(r);
    case 'PATCH':
      return handleUpdate(r);
    case 'DELETE':
      return handleDelete(r);
    case 'PUT':
      return handlePut(r);
    default:
      throw apiError(405, 'PGRST117', `Unsupported HTTP method: ${ctx.method}`);
  }
}

function send(res: ServerResponse, method: string, out: RestResponse, statusText?: string): void {
  const body = out.body ?? '';
  if (statusText) res.statusMessage = statusText;
  res.writeHead(out.status, { ...out.headers, ...(out.body !== null ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) });
  res.end(method === 'HEAD' ? undefined : body);
}

export function createRestService(deps: ServiceDeps): RestService {
  const state = new RestState(restSettings(deps), deps.db.pool, deps.log);
  let listener: Listener | null = null;
  const ready = state.reload().then(() => {
    listener = listenForReloads(deps.db.url, () => void state.reload(), deps.log);
  });
  return {
    name: 'rest',
    prefix: '/rest/v1',
    reloadSchemaCache: () => state.reload(),
    async handle(req, res, ctx) {
      await ready;
      try {
        send(res, ctx.method, await route(state, deps, req, ctx));
      } catch (err) {
        const e = toApiError(err, ctx.role === 'anon');
        if (!(err instanceof ApiError)) deps.log(`rest: [${ctx.requestId}] ${ctx.method} ${ctx.path} ${e.body.code}: ${e.body.message}`);
        if (req.readableLength || !req.readableEnded) req.resume();
        const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Proxy-Status': `PostgREST; error=${e.body.code}`, ...e.headers };
        send(res, ctx.method, { status: e.status, headers, body: JSON.stringify(e.body) }, e.statusText);
      }
    },
    async close() {
      await listener?.close();
    },
  };
}
