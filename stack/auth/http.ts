// Request and response plumbing for the auth routes: bodies, query strings and GoTrue's headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../gateway/context.ts';
import { API_VERSION, AuthError, badRequest, errorBody, OAuthError, wantsVersionedErrors } from './errors.ts';

const BODY_LIMIT = 1024 * 1024;
const EXPOSED = 'Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server, Transfer-Encoding, Range-Unit, X-Supabase-Api-Version, Preference-Applied, X-Total-Count, Link';

export interface AuthRequest {
  ctx: RequestContext;
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** Parsed JSON body (an object) or `{}` when the request has none. */
  body: Record<string, unknown>;
  params: Record<string, string>;
}

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new AuthError(413, 'request_entity_too_large', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('bad_json', 'Could not parse request body as JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('bad_json', 'Could not parse request body as JSON');
  return parsed as Record<string, unknown>;
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('X-Supabase-Api-Version', API_VERSION);
  res.setHeader('Access-Control-Expose-Headers', EXPOSED);
  res.setHeader('Cache-Control', 'no-store');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  baseHeaders(res);
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  baseHeaders(res);
  res.writeHead(status);
  res.end();
}

export function redirect(res: ServerResponse, location: string): void {
  baseHeaders(res);
  res.writeHead(303, { Location: location, 'Content-Length': '0' });
  res.end();
}

export function sendError(res: ServerResponse, ctx: RequestContext, err: unknown, log: (line: string) => void): void {
  if (err instanceof OAuthError) return sendJson(res, 400, { error: err.error, error_description: err.description });
  const authErr = err instanceof AuthError ? err : new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
  if (authErr.status >= 500 && authErr.cause) log(`auth: ${ctx.method} ${ctx.path} (${ctx.requestId}): ${authErr.message}: ${(authErr.cause as Error).message ?? authErr.cause}`);
  if (!(err instanceof AuthError)) log(`auth: ${ctx.method} ${ctx.path} failed (${ctx.requestId}): ${(err as Error)?.stack ?? err}`);
  const body = errorBody(authErr, wantsVersionedErrors(ctx.headers['x-supabase-api-version']), ctx.requestId);
  sendJson(res, authErr.status, body, { 'x-sb-error-code': authErr.errorCode });
}

/** String field of a JSON body; anything else that is present is a validation error. */
export function str(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest('bad_json', `Could not read ${key}: expected a string`);
  return v;
}

export function obj(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest('bad_json', `Could not read ${key}: expected an object`);
  return v as Record<string, unknown>;
}

export function boolField(body: Record<string, unknown>, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badRequest('bad_json', `Could not read ${key}: expected a boolean`);
  return v;
}
