// The database handle every service receives: a pool, and one way to run work as the caller.
import pg from 'pg';
import type { RequestContext } from '../gateway/context.ts';

// Return int8/numeric as strings (exact), timestamps as Postgres prints them; services shape JSON.
pg.types.setTypeParser(20, (v) => v);
pg.types.setTypeParser(1700, (v) => v);
for (const oid of [1082, 1114, 1184, 1083, 1266]) pg.types.setTypeParser(oid, (v) => v);

export interface AsCallerOptions {
  /** Override the context's role (e.g. storage checks a signed URL as service_role). */
  role?: string;
  readOnly?: boolean;
  /** More transaction-local settings (name, value), applied in the same round trip. */
  settings?: Array<[string, string]>;
}

export class Database {
  readonly pool: pg.Pool;

  constructor(readonly url: string, max = 40) {
    this.pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
    this.pool.on('error', () => {}); // a dropped idle connection is replaced on next use
  }

  /**
   * Runs `fn` in one transaction as the caller: `set local role` from the context and the request
   * settings PostgREST sets (`request.jwt.claims`, `request.method`, `request.path`, `request.headers`),
   * so auth.uid() and every RLS policy behave as on hosted Supabase. Rolls back when `fn` throws.
   */
  async asCaller<T>(ctx: RequestContext, fn: (client: pg.PoolClient) => Promise<T>, options: AsCallerOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(options.readOnly ? 'begin read only' : 'begin');
      const extra = options.settings ?? [];
      await client.query(
        `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true),
                set_config('request.method', $3, true), set_config('request.path', $4, true),
                set_config('request.headers', $5, true)${extra.map((_, i) => `, set_config($${6 + 2 * i}, $${7 + 2 * i}, true)`).join('')}`,
        [options.role ?? ctx.role, JSON.stringify(ctx.claims), ctx.method, ctx.path, JSON.stringify(requestHeaders(ctx)), ...extra.flat()],
      );
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Runs `fn` in a transaction with the pool's own (superuser) rights: stack bookkeeping only. */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/**
 * The request headers as PostgREST exposes them (lower-cased). Hosted Supabase's edge always adds
 * X-Forwarded-For, which SQL uses for per-IP limits; a direct local call gets the socket's address.
 */
function requestHeaders(ctx: RequestContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  if (!out['x-forwarded-for'] && ctx.ip) out['x-forwarded-for'] = ctx.ip.replace(/^::ffff:/, '');
  return out;
}
