// What every storage route receives, and the ways it talks to Postgres: as the caller (RLS applies,
// with the settings storage-api sets) or with the stack's own rights (public reads, signed uploads).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { RequestContext } from '../gateway/context.ts';
import type { Database } from '../db/database.ts';
import type { FileStore } from './files.ts';
import { ERR, StorageError, fromDbError } from './errors.ts';

export interface StorageDeps {
  db: Database;
  files: FileStore;
  secret: Uint8Array;
  /** `[storage] file_size_limit` from config.toml, in bytes. */
  globalSizeLimit: number;
  log: (line: string) => void;
}

export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  ctx: RequestContext;
  deps: StorageDeps;
  /** Route parameters, decoded: `bucket`, `key`. */
  params: { bucket: string; key: string };
  query: URLSearchParams;
}

export type Client = pg.PoolClient;
export type Runner = <T>(fn: (client: Client) => Promise<T>) => Promise<T>;

async function storageSettings(client: Client, sub: string, role: string, operation: string): Promise<void> {
  await client.query(
    `select set_config('request.jwt.claim.sub', $1, true), set_config('request.jwt.claim.role', $2, true),
            set_config('storage.operation', $3, true), set_config('storage.allow_delete_query', 'true', true)`,
    [sub, role, operation],
  );
}

/** Postgres failures in storage-api's words; other errors pass through. */
async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StorageError) throw err;
    throw fromDbError(err) ?? err;
  }
}

export function asCaller(call: Call, operation: string, options: { readOnly?: boolean } = {}): Runner {
  const { ctx, deps } = call;
  const sub = typeof ctx.claims.sub === 'string' ? ctx.claims.sub : '';
  return (fn) =>
    translated(() =>
      deps.db.asCaller(ctx, async (client) => {
        await storageSettings(client, sub, ctx.role, operation);
        return fn(client);
      }, options),
    );
}

export function asStack(deps: StorageDeps, operation: string): Runner {
  return (fn) =>
    translated(() =>
      deps.db.transaction(async (client) => {
        await storageSettings(client, '', 'service_role', operation);
        return fn(client);
      }),
    );
}

const ROLLBACK = Symbol('rollback');

/** Runs `fn` with `runner` and always rolls back: storage-api's permission test before a write. */
export async function dryRun(runner: Runner, fn: (client: Client) => Promise<unknown>): Promise<void> {
  try {
    await runner(async (client) => {
      await fn(client);
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
}

export interface BucketRow {
  id: string;
  public: boolean;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

/** Buckets are looked up with the stack's rights, as storage-api does for object operations. */
export async function findBucket(deps: StorageDeps, id: string): Promise<BucketRow | null> {
  const { rows } = await deps.db.pool.query<BucketRow>(
    'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function mustFindBucket(deps: StorageDeps, id: string): Promise<BucketRow> {
  const bucket = await findBucket(deps, id);
  if (!bucket) throw ERR.noSuchBucket();
  return bucket;
}

/** A timestamptz column as JSON dates look in storage-api's answers. */
export function iso(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const MAX_JSON = 1024 * 1024;

/** A JSON request body (storage-js sends `application/json`); `{}` when empty. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON) throw ERR.tooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the 400 below
  }
  throw ERR.invalidRequest('Body is not valid JSON');
}

export function callerSub(call: Call): string | null {
  return typeof call.ctx.claims.sub === 'string' && call.ctx.claims.sub ? call.ctx.claims.sub : null;
}

export function header(call: Call, name: string): string | undefined {
  const v = call.req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
