// The Storage service (`/storage/v1`): storage-api's buckets and objects, metadata and RLS in
// storage.objects / storage.buckets, bytes on disk under <dataDir>/storage.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { join } from 'node:path';
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import type { RequestContext } from '../gateway/context.ts';
import { ERR, StorageError, sendError } from './errors.ts';
import { FileStore } from './files.ts';
import { matchRoute } from './router.ts';
import { jwtProblemMessage, parseConfigSize } from './rules.ts';
import type { StorageDeps } from './runtime.ts';
import { seedConfigBuckets } from './seed.ts';

/** Reads what is left of a request so an early error answer reaches the client intact. */
async function drain(req: IncomingMessage): Promise<void> {
  if (req.complete || req.readableEnded || req.destroyed) return;
  req.resume();
  await Promise.race([once(req, 'end'), once(req, 'close'), new Promise((r) => setTimeout(r, 30_000))]).catch(() => {});
}

async function handle(deps: StorageDeps, req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  try {
    const match = matchRoute(ctx.method, ctx.path);
    if (!match) throw ERR.routeNotFound(ctx.method, `/storage/v1${ctx.path}`);
    if (!match.route.allowInvalidJwt) {
      if (ctx.jwtProblem) throw ERR.accessDenied(jwtProblemMessage(ctx.jwtProblem));
      if (!ctx.token) throw ERR.accessDenied('jwt must be provided');
    }
    await match.route.handler({ req, res, ctx, deps, params: match.params, query: new URLSearchParams(ctx.rawQuery) });
  } catch (err) {
    if (err instanceof StorageError) {
      await drain(req);
      return sendError(res, err);
    }
    // A client that went away mid-upload: its temp file is already gone, nobody is left to answer.
    if (req.destroyed && !req.complete) return deps.log(`storage: ${ctx.method} ${ctx.path} aborted by the client`);
    throw err;
  }
}

export default async function createStorage({ config, db, log }: ServiceDeps): Promise<Service> {
  const deps: StorageDeps = {
    db,
    files: new FileStore(join(config.dataDir, 'storage')),
    secret: new TextEncoder().encode(config.jwtSecret),
    globalSizeLimit: parseConfigSize(config.toml.storage?.file_size_limit),
    log,
  };
  await seedConfigBuckets(deps, config);
  return {
    name: 'storage',
    prefix: '/storage/v1',
    handle: (req, res, ctx) => handle(deps, req, res, ctx),
  };
}
