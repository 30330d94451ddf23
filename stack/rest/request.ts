// What the handlers share: the parsed request, one transaction as the caller with PostgREST's
// per-request settings, and shaping rows into PostgREST's response (status, Content-Range, format).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import type { RequestContext } from '../gateway/context.ts';
import { apiError } from './errors.ts';
import { CONTENT_TYPES, stripNulls, toCsv, type OutputFormat } from './media.ts';
import type { QueryParams } from './parse/types.ts';
import type { Preferences } from './preferences.ts';
import { Params } from './sql/fragments.ts';
import type { ReadContext } from './sql/read.ts';
import type { RestState } from './state.ts';

export interface RestRequest {
  req: IncomingMessage;
  ctx: RequestContext;
  state: RestState;
  db: Database;
  schema: string;
  prefs: Preferences;
  format: OutputFormat;
  stripNulls: boolean;
  query: QueryParams;
  /** The relation or function name after `/` or `/rpc/`. */
  name: string;
  /** `db-tx-end` allows `Prefer: tx=rollback`; read once so a reload mid-request cannot split it. */
  txAllowed: boolean;
}

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export interface ResultRow {
  total: string | null;
  page_total: string;
  body: string | null;
  pk?: string | null;
  inserted?: string | null;
  response_headers?: string | null;
  response_status?: string | null;
}

/** `response.headers` (JSON array of one-key objects) and `response.status` set by SQL. */
export function applyResponseGucs(row: ResultRow, out: RestResponse): RestResponse {
  if (row.response_headers) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.response_headers);
    } catch {
      parsed = null;
    }
    const valid = Array.isArray(parsed) && parsed.every((o) => o && typeof o === 'object' && Object.keys(o).length === 1 && typeof Object.values(o)[0] === 'string');
    if (!valid) throw apiError(500, 'PGRST111', 'response.headers guc must be a JSON array composed of objects with a single key and a string value');
    for (const o of parsed as Array<Record<string, string>>) for (const [k, v] of Object.entries(o)) out.headers[k] = v;
  }
  if (row.response_status) {
    const status = Number(row.response_status);
    if (!Number.isInteger(status) || status < 100 || status > 599) throw apiError(500, 'PGRST112', 'response.status guc must be a valid status code');
    out.status = status;
  }
  return out;
}

/**
 * Runs a statement as a named prepared statement (keyed by its text), as PostgREST prepares its
 * statements: repeated requests skip parsing and planning. Result columns never depend on the
 * schema, so a cached plan survives DDL (Postgres re-plans it).
 */
export async function runPrepared(client: pg.PoolClient, sql: string, values: unknown[]): Promise<ResultRow> {
  const name = `pgrst_${createHash('sha1').update(sql).digest('base64url')}`;
  return (await client.query({ name, text: sql, values })).rows[0] as ResultRow;
}

class Rollback<T> {
  constructor(readonly value: T) {}
}

export function readContext(r: RestRequest, levels = r.query.levels): ReadContext {
  return { cache: r.state.cache!, schema: r.schema, params: new Params(), levels, counter: { n: 0 }, maxRows: r.state.maxRows, visited: new Set() };
}

export function txRollbackAllowed(r: RestRequest): boolean {
  return r.txAllowed;
}

/** One transaction as the caller: search_path and the role's timeouts set locally, then `fn`. */
export async function inTransaction<T>(r: RestRequest, readOnly: boolean, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const rollback = r.prefs.tx === 'rollback' && txRollbackAllowed(r);
  const path = [r.schema, ...r.state.settings.extraSearchPath.filter((s) => s !== r.schema)].map((s) => `"${s.replace(/"/g, '""')}"`).join(', ');
  const configs: Array<[string, string]> = [['search_path', path], ...r.state.roleSettings(r.ctx.role)];
  if (r.prefs.timezone) configs.push(['timezone', r.prefs.timezone]);
  try {
    return await r.db.asCaller(
      r.ctx,
      async (client) => {
        const result = await fn(client);
        if (rollback) throw new Rollback(result);
        return result;
      },
      { readOnly, settings: configs },
    );
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
}

export function singularError(rows: number) {
  return apiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', `The result contains ${rows} rows`);
}

/** Formats a JSON body text (array or object) into the negotiated output. */
export function formatBody(r: RestRequest, body: string | null): string {
  if (body === null) return '';
  if (r.format === 'csv') return toCsv(JSON.parse(body) as Array<Record<string, unknown>>);
  if (r.stripNulls) return JSON.stringify(stripNulls(JSON.parse(body)));
  return body;
}

export function contentRange(offset: number, rows: number, total: number | null): string {
  const t = total === null ? '*' : String(total);
  return rows > 0 ? `${offset}-${offset + rows - 1}/${t}` : `*/${t}`;
}

export function baseHeaders(r: RestRequest): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': CONTENT_TYPES[r.format] };
  if (r.state.schemas.length > 1) headers['Content-Profile'] = r.schema;
  return headers;
}

/** PostgREST's range status: 416 past the end, 206 when counted and partial, else 200. */
export function rangeStatus(offset: number, rows: number, total: number | null): number {
  if (total === null) return 200;
  if (offset > total) {
    throw apiError(416, 'PGRST103', 'Requested range not satisfiable', `An offset of ${offset} was requested, but there are only ${total} rows.`);
  }
  return rows < total ? 206 : 200;
}
