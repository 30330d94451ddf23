// postgres_changes bindings from `phx_join`: echoed verbatim with an `id` in the join reply, then
// checked against the database (published table, known filter column) before they receive changes.
import type { Database } from '../db/database.ts';
import { parseFilter, type Filter } from './filters.ts';

export interface Binding {
  id: number;
  /** `*`, `INSERT`, `UPDATE` or `DELETE` as the client sent it (compared case-insensitively). */
  event: string;
  schema: string;
  table: string | null;
  filter: Filter | null;
  /** The client's entry as sent, for the join reply. */
  raw: Record<string, unknown>;
  /** Set once the binding passed validation: only then does it receive changes. */
  active: boolean;
}

const EVENTS = new Set(['*', 'INSERT', 'UPDATE', 'DELETE']);

/** An integer id per binding, stable for the same parameters (upstream hashes them too). */
export function bindingId(raw: Record<string, unknown>): number {
  const text = JSON.stringify([raw.event ?? null, raw.schema ?? null, raw.table ?? null, raw.filter ?? null]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 100_000_000;
}

export function readBindings(config: unknown): Binding[] {
  const list = (config as { postgres_changes?: unknown } | null)?.postgres_changes;
  if (!Array.isArray(list)) return [];
  return list
    .filter((entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object')
    .map((raw) => ({
      id: bindingId(raw),
      event: typeof raw.event === 'string' ? raw.event : '*',
      schema: typeof raw.schema === 'string' ? raw.schema : 'public',
      table: typeof raw.table === 'string' && raw.table !== '*' ? raw.table : null,
      filter: null,
      raw,
      active: false,
    }));
}

function describeParams(b: Binding, filter: Filter | null): string {
  const filters = filter ? `[{${JSON.stringify(filter.column)}, ${JSON.stringify(filter.op)}, ${JSON.stringify(filter.values.join(','))}}]` : '[]';
  return `[event: ${b.event}, schema: ${b.schema}, table: ${b.table ?? '*'}, filters: ${filters}, select: nil]`;
}

const UNABLE = 'Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: ';

/**
 * Validates each binding for `role`; marks the valid ones active and returns the first error message
 * (upstream's texts), or null when all are subscribed.
 */
export async function activateBindings(db: Database, bindings: Binding[], role: string): Promise<string | null> {
  let firstError: string | null = null;
  for (const b of bindings) {
    const error = await validate(db, b, role);
    if (error) firstError ??= error;
    else b.active = true;
  }
  return firstError;
}

async function validate(db: Database, b: Binding, role: string): Promise<string | null> {
  let filter: Filter | null = null;
  const rawFilter = b.raw.filter;
  if (typeof rawFilter === 'string' && rawFilter !== '') {
    const parsed = parseFilter(rawFilter);
    if ('error' in parsed) return parsed.error;
    filter = parsed.filter;
  }
  if (!EVENTS.has(b.event.toUpperCase())) return `${UNABLE}${describeParams(b, filter)}`;
  const { rows } = await db.pool.query<{ relid: number }>(
    `select (quote_ident(schemaname) || '.' || quote_ident(tablename))::regclass::oid::int as relid
       from pg_publication_tables
      where pubname = 'supabase_realtime' and ($1 = '*' or schemaname = $1) and ($2::text is null or tablename = $2)`,
    [b.schema, b.table],
  );
  if (rows.length === 0) return `${UNABLE}${describeParams(b, filter)}`;
  if (filter) {
    if (!b.table) return `${UNABLE}${describeParams(b, filter)}`;
    const { rows: cols } = await db.pool.query(
      `select 1 from pg_attribute a
        where a.attrelid = $1 and a.attname = $2 and a.attnum > 0 and not a.attisdropped
          and (not exists (select 1 from pg_roles where rolname = $3) or has_column_privilege($3, a.attrelid, a.attnum, 'SELECT'))`,
      [rows[0]!.relid, filter.column, role],
    );
    if (cols.length === 0) return `${UNABLE}${describeParams(b, filter)} An exception happened: invalid column for filter ${filter.column}`;
  }
  b.filter = filter;
  return null;
}
