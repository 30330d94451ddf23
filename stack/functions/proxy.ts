// Streams one request to a function's worker and its response back, both ways unbuffered (SSE
// arrives as the function writes it), under the function's wall-clock limit.
import http from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'http2-settings']);

/** Upstream's platform error bodies (supabase/cli functions serve main.ts). */
export const PLATFORM_ERRORS = {
  boot: { status: 503, body: { code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' } },
  worker: { status: 500, body: { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' } },
  limit: { status: 546, body: { code: 'WORKER_LIMIT', message: 'Worker failed to respond due to a resource limit (please check logs)' } },
} as const;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  // Platform errors are ours, not the function's: a browser must be able to read them.
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Access-Control-Allow-Origin': '*' });
  res.end(text);
}

/** Response headers from the worker minus hop-by-hop ones, as a flat list (keeps repeated Set-Cookie). */
export function passThroughHeaders(rawHeaders: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (!HOP_BY_HOP.has(rawHeaders[i]!.toLowerCase())) out.push(rawHeaders[i]!, rawHeaders[i + 1]!);
  }
  return out;
}

/** Request headers for the worker: the client's, minus hop-by-hop, plus forwarding information. */
export function forwardHeaders(req: IncomingMessage, overrides: Record<string, string | undefined>): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  const host = req.headers.host ?? '';
  out['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  out['x-forwarded-host'] = host;
  out['x-forwarded-proto'] = 'http';
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) out[k] = v;
  return out;
}

export interface ProxyInput {
  req: IncomingMessage;
  res: ServerResponse;
  port: number;
  /** Path and query the function sees: `/<name>/<rest>?<query>`. */
  path: string;
  headers: OutgoingHttpHeaders;
  timeoutMs: number;
}

export type ProxyOutcome = 'done' | 'timeout' | 'worker-failed' | 'client-gone';

export function proxyToWorker(input: ProxyInput): Promise<ProxyOutcome> {
  const { req, res } = input;
  return new Promise((settle) => {
    let settled = false;
    const finish = (outcome: ProxyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settle(outcome);
    };
    const upstream = http.request({ host: '127.0.0.1', port: input.port, method: req.method, path: input.path, headers: input.headers, agent });
    const timer = setTimeout(() => {
      upstream.destroy();
      sendJson(res, PLATFORM_ERRORS.limit.status, PLATFORM_ERRORS.limit.body);
      finish('timeout');
    }, input.timeoutMs);
    upstream.on('response', (ures) => {
      res.writeHead(ures.statusCode ?? 502, ures.statusMessage, passThroughHeaders(ures.rawHeaders));
      res.flushHeaders();
      ures.pipe(res);
      ures.on('end', () => finish('done'));
      ures.on('error', () => {
        res.destroy();
        finish('worker-failed');
      });
    });
    upstream.on('error', () => {
      if (settled) return;
      sendJson(res, PLATFORM_ERRORS.worker.status, PLATFORM_ERRORS.worker.body);
      finish('worker-failed');
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
      finish('client-gone');
    });
    req.pipe(upstream);
  });
}
