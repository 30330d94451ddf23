// REST broadcast (`POST /realtime/v1/api/broadcast`, upstream's BroadcastController): public messages
// fan out at once; private ones only when the caller's role passes the INSERT policy for the topic,
// and are otherwise dropped with the same 202. Also the newer `/api/broadcast/<topic>/events/<event>`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../gateway/context.ts';
import type { Database } from '../db/database.ts';
import { canWrite } from './authorization.ts';
import { MAX_PAYLOAD_BYTES } from './channel.ts';
import type { Hub } from './hub.ts';
import { fromContext } from './tokens.ts';

export interface RestMessage {
  topic: string;
  event: string;
  payload: unknown;
  private: boolean;
}

const MAX_BODY_BYTES = MAX_PAYLOAD_BYTES + 64 * 1024;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Validates `{messages: [{topic, event, payload, private?}]}`; returns an error text when invalid. */
export function parseMessages(body: unknown): { messages: RestMessage[] } | { error: string } {
  const list = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(list) || list.length === 0) return { error: 'messages must be a non-empty list' };
  const messages: RestMessage[] = [];
  for (const m of list as Array<Record<string, unknown> | null>) {
    if (!m || typeof m !== 'object') return { error: 'each message must be an object' };
    if (typeof m.topic !== 'string' || m.topic === '') return { error: 'topic is required' };
    if (typeof m.event !== 'string' || m.event === '') return { error: 'event is required' };
    if (m.private !== undefined && typeof m.private !== 'boolean') return { error: 'private must be a boolean' };
    messages.push({ topic: m.topic, event: m.event, payload: m.payload ?? {}, private: m.private === true });
  }
  return { messages };
}

export async function handleRest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, db: Database, hub: Hub): Promise<void> {
  const single = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)\/?$/.exec(ctx.path);
  if (ctx.path !== '/api/broadcast' && !single) return json(res, 404, { message: 'Not Found' });
  if (ctx.method !== 'POST') return json(res, 405, { message: 'Method Not Allowed' });
  if (ctx.jwtProblem) return json(res, 401, { message: ctx.jwtProblem.kind === 'claims' ? 'Token has expired' : 'The token provided is not a valid JWT' });
  const raw = await readBody(req);
  if (raw === null) return json(res, 413, { message: 'Payload Too Large' });
  let body: unknown;
  if (single && String(ctx.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    body = raw; // httpSend() with bytes: delivered as a binary broadcast
  } else {
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
    } catch {
      return json(res, 400, { message: 'Malformed JSON body' });
    }
  }
  const parsed = single
    ? parseMessages({ messages: [{ topic: decodeURIComponent(single[1]!), event: decodeURIComponent(single[2]!), payload: body, private: new URLSearchParams(ctx.rawQuery).get('private') === 'true' }] })
    : parseMessages(body);
  if ('error' in parsed) return json(res, 422, { errors: { messages: [parsed.error] } });
  const size = (p: unknown) => (Buffer.isBuffer(p) ? p.length : Buffer.byteLength(JSON.stringify(p)));
  if (parsed.messages.some((m) => size(m.payload) > MAX_PAYLOAD_BYTES)) {
    return json(res, 422, { errors: { messages: ['Payload size exceeds tenant limit'] } });
  }
  const auth = fromContext(ctx);
  for (const m of parsed.messages) {
    if (m.private && !(await canWrite(db, auth, m.topic, 'broadcast'))) continue;
    hub.broadcast(`realtime:${m.topic}`, m.private, { type: 'broadcast', event: m.event, payload: m.payload });
  }
  res.writeHead(202);
  res.end();
}
