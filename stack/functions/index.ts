// Edge Functions (`/functions/v1`): the real Deno runtime serving supabase/functions/<name>/index.ts,
// one warm worker process per function, behind the checks `supabase functions serve` makes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import type { RequestContext } from '../gateway/context.ts';
import { functionEnv } from './env.ts';
import { forwardHeaders, PLATFORM_ERRORS, proxyToWorker, sendJson } from './proxy.ts';
import { loadExtraSource, loadSource, resolveFunction, type FunctionDef, type FunctionSource } from './registry.ts';
import { BootError, FunctionWorker } from './worker.ts';
import { watchFunctions } from './watch.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_TIMEOUT_SEC = 60;

/** verify_jwt's refusal, in the local edge runtime's words; null when the request may pass. */
export function jwtRefusal(ctx: Pick<RequestContext, 'token' | 'jwtProblem' | 'headers'>): string | null {
  const authorization = ctx.headers.authorization;
  if (typeof authorization === 'string' && !/^Bearer sb_/i.test(authorization) && !authorization.startsWith('Bearer ')) {
    return "Error: Auth header is not 'Bearer {token}'";
  }
  if (!ctx.token) return 'Error: Missing authorization header';
  if (ctx.jwtProblem) return 'Invalid JWT';
  return null;
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
  res.end('Function not found');
}

export default function createFunctionsService({ config, db, log }: ServiceDeps): Service {
  const denoBin = process.env.ATRIUM_DENO_BIN ?? join(config.repoRoot, 'node_modules', '.bin', 'deno');
  const bootstrap = join(HERE, 'bootstrap.ts');
  const timeoutSec = Number(process.env.ATRIUM_FUNCTIONS_TIMEOUT_SEC ?? DEFAULT_TIMEOUT_SEC);
  const defaultTimeoutMs = (Number.isFinite(timeoutSec) && timeoutSec > 0 ? timeoutSec : DEFAULT_TIMEOUT_SEC) * 1000;
  const extraDir = process.env.ATRIUM_EXTRA_FUNCTIONS_DIR ? resolve(process.env.ATRIUM_EXTRA_FUNCTIONS_DIR) : null;
  const mainDir = join(config.supabaseDir, 'functions');
  const envFile = process.env.ATRIUM_FUNCTIONS_ENV_FILE ?? join(mainDir, '.env');

  const loadSources = (): FunctionSource[] => [
    loadSource(mainDir, config.supabaseDir, config.toml, envFile),
    ...(extraDir ? [loadExtraSource(extraDir)] : []),
  ];
  let sources = loadSources();
  const workers = new Map<string, FunctionWorker>();
  // Found functions; dropped on any file change. Misses are not kept, so a new function serves at once.
  const found = new Map<string, FunctionDef>();

  function workerFor(name: string): FunctionWorker | null {
    const def = found.get(name) ?? resolveFunction(name, sources, defaultTimeoutMs);
    if (!def) return null;
    found.set(name, def);
    let worker = workers.get(name);
    if (!worker || worker.def.entrypoint !== def.entrypoint) {
      void worker?.stop();
      const env = functionEnv({ apiUrl: config.apiUrl, dbUrl: db.url, secrets: def.source.secrets });
      worker = new FunctionWorker(def, { denoBin, bootstrap, env, log });
      workers.set(name, worker);
    }
    return worker;
  }

  const stopWatching =
    process.env.ATRIUM_FUNCTIONS_WATCH === '0'
      ? () => {}
      : watchFunctions([mainDir, ...(extraDir ? [extraDir] : [])], (dir, fn) => {
          found.clear();
          if (fn === null) sources = loadSources();
          for (const [name, worker] of workers) {
            if (worker.def.source.functionsDir !== dir || (fn !== null && fn !== name)) continue;
            if (worker.running) log(`functions: ${name} changed, restarting its worker`);
            workers.delete(name); // the next request starts a fresh worker, with the current secrets
            worker.retire(); // requests it is serving finish first
          }
        }, log);

  function internal(res: ServerResponse, ctx: RequestContext): void {
    if (ctx.path === '/_internal/health') return sendJson(res, 200, { message: 'ok' });
    // Worker ports, for the benchmark's direct-vs-gateway comparison; service_role only.
    if (ctx.path === '/_internal/workers' && !ctx.jwtProblem && ctx.role === 'service_role') {
      const ports = Object.fromEntries([...workers].filter(([, w]) => w.running).map(([n, w]) => [n, w.currentPort]));
      return sendJson(res, 200, ports);
    }
    notFound(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
    if (ctx.path.startsWith('/_internal/')) return internal(res, ctx);
    const name = ctx.path.split('/')[1] ?? '';
    const worker = workerFor(name);
    if (!worker) return notFound(res);
    if (ctx.method !== 'OPTIONS' && worker.def.verifyJwt) {
      const refusal = jwtRefusal(ctx);
      if (refusal) return sendJson(res, 401, { msg: refusal });
    }
    const done = worker.track();
    try {
      await serveThrough(worker, req, res, ctx, name);
    } finally {
      done();
    }
  }

  async function serveThrough(worker: FunctionWorker, req: IncomingMessage, res: ServerResponse, ctx: RequestContext, name: string): Promise<void> {
    let port: number;
    try {
      port = await worker.ensure();
    } catch (err) {
      if (!(err instanceof BootError)) throw err;
      log(`functions: ${err.message}`);
      return sendJson(res, PLATFORM_ERRORS.boot.status, PLATFORM_ERRORS.boot.body);
    }
    const path = ctx.path + (ctx.rawQuery ? `?${ctx.rawQuery}` : '');
    // Local Kong hands the function the resolved bearer (an `sb_` apikey becomes its JWT).
    const headers = forwardHeaders(req, { authorization: ctx.token && !ctx.jwtProblem ? `Bearer ${ctx.token}` : undefined });
    const outcome = await proxyToWorker({ req, res, port, path, headers, timeoutMs: worker.def.timeoutMs });
    if (outcome === 'timeout') {
      log(`functions: ${name} exceeded its ${worker.def.timeoutMs / 1000}s limit; restarting its worker`);
      await worker.stop();
    } else if (outcome === 'worker-failed') await worker.stop();
  }

  return {
    name: 'functions',
    prefix: '/functions/v1',
    gatewayCors: false,
    handle,
    async close() {
      stopWatching();
      await Promise.all([...workers.values()].map((w) => w.stop()));
    },
  };
}
