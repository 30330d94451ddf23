// The mailbox service on `/mailbox`: an HTML page and a JSON API over every email the stack sent.
// Like the Supabase CLI's mail catcher it is open locally; only delivering into it needs service_role.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import type { RequestContext } from '../gateway/context.ts';
import { clearMessages, getMessage, listMessages, sendMail, type MailMessage } from './store.ts';
import { listPage, messagePage, notFoundPage } from './page.ts';

export { sendMail } from './store.ts';
export type { MailMessage, StoredMessage } from './store.ts';

const PREFIX = '/mailbox';
const BODY_LIMIT = 2 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = type === 'application/json' ? JSON.stringify(body) : String(body);
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) throw new MailboxError(413, 'Message too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new MailboxError(400, 'Body must be JSON');
  }
}

class MailboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Validates a delivery request: `{to, subject, text, html, from?}`. */
export function parseMessage(body: unknown): MailMessage {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new MailboxError(400, 'Body must be a JSON object');
  const b = body as Record<string, unknown>;
  const field = (key: string, required: boolean): string | undefined => {
    const v = b[key];
    if (v === undefined || v === null) {
      if (required) throw new MailboxError(400, `"${key}" is required`);
      return undefined;
    }
    if (typeof v !== 'string') throw new MailboxError(400, `"${key}" must be a string`);
    return v;
  };
  const to = field('to', true)!;
  if (!/^[^\s@]+@[^\s@]+$/.test(to.trim())) throw new MailboxError(400, '"to" must be an email address');
  const text = field('text', false) ?? '';
  const html = field('html', false) ?? '';
  if (!text && !html) throw new MailboxError(400, 'one of "text" or "html" is required');
  return { to, subject: field('subject', true)!, text, html, from: field('from', false) };
}

export default function createMailbox(deps: ServiceDeps): Service {
  const { db, log } = deps;

  async function api(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, query: URLSearchParams): Promise<void> {
    const id = /^\/api\/messages\/([^/]+)$/.exec(ctx.path)?.[1];
    if (id && ctx.method === 'GET') {
      const message = await getMessage(db, decodeURIComponent(id));
      return message ? send(res, 200, message) : send(res, 404, { message: 'Message not found' });
    }
    if (ctx.path !== '/api/messages') return send(res, 404, { message: 'Not found' });
    const to = query.get('to');
    if (ctx.method === 'GET') return send(res, 200, await listMessages(db, to, Number(query.get('limit')) || 200));
    if (ctx.method === 'DELETE') {
      const deleted = await clearMessages(db, to);
      return send(res, 200, { deleted });
    }
    if (ctx.method === 'POST') {
      if (ctx.jwtProblem) return send(res, 401, { message: ctx.jwtProblem.message });
      if (ctx.role !== 'service_role') return send(res, 403, { message: 'Delivering mail requires the service_role key' });
      const stored = await sendMail(db, parseMessage(await readBody(req)));
      log(`mailbox: delivered "${stored.subject}" to ${stored.to}`);
      return send(res, 201, stored);
    }
    return send(res, 405, { message: 'Method not allowed' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    const query = new URLSearchParams(ctx.rawQuery);
    try {
      if (ctx.path.startsWith('/api/')) return await api(req, res, ctx, query);
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      const id = /^\/messages\/([^/]+)$/.exec(ctx.path)?.[1];
      if (id) {
        const message = await getMessage(db, decodeURIComponent(id));
        return message ? send(res, 200, messagePage(message, PREFIX), 'text/html') : send(res, 404, notFoundPage(PREFIX), 'text/html');
      }
      if (ctx.path !== '/') return send(res, 404, notFoundPage(PREFIX), 'text/html');
      const to = query.get('to') || null;
      return send(res, 200, listPage(await listMessages(db, to), to, PREFIX), 'text/html');
    } catch (err) {
      if (err instanceof MailboxError) return send(res, err.status, { message: err.message });
      throw err;
    }
  }

  return { name: 'mailbox', prefix: PREFIX, handle };
}
