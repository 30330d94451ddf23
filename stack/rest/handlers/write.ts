// POST (insert, upsert), PUT (single-row upsert), PATCH and DELETE on a table or view.
import { apiError, columnNotFound } from '../errors.ts';
import { parseBody, readBody } from '../media.ts';
import { emptyLevel, type Condition, type FilterNode } from '../parse/types.ts';
import { findTable } from '../plan/find.ts';
import { appliedPreferences } from '../preferences.ts';
import type { Table } from '../schema/types.ts';
import { deleteStatement, insertStatement, updateStatement, type InsertSpec, type Output } from '../sql/mutate.ts';
import type { Statement } from '../sql/read-statement.ts';
import { applyResponseGucs, runPrepared, baseHeaders, formatBody, inTransaction, readContext, singularError, txRollbackAllowed, type RestRequest, type RestResponse, type ResultRow } from '../request.ts';

type Row = Record<string, unknown>;

async function jsonBody(r: RestRequest): Promise<unknown> {
  const text = await readBody(r.req, r.state.settings.maxBodyBytes);
  if (!text.trim() && r.req.headers['content-type']?.startsWith('text/csv') !== true) throw apiError(400, 'PGRST102', 'Empty or invalid json');
  return parseBody(text, r.req.headers['content-type']);
}

function asRows(body: unknown): Row[] {
  const rows = Array.isArray(body) ? body : [body];
  if (rows.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) throw apiError(400, 'PGRST102', 'Empty or invalid json');
  return rows as Row[];
}

/** `columns=` (checked) or the keys of the rows, which must then all match. */
function payloadColumns(r: RestRequest, table: Table, rows: Row[]): string[] {
  let columns = r.query.columns;
  if (!columns) {
    const first = Object.keys(rows[0] ?? {});
    const same = rows.every((row) => Object.keys(row).length === first.length && first.every((k) => k in row));
    if (!same) throw apiError(400, 'PGRST102', 'All object keys must match');
    columns = first;
  }
  for (const c of columns) if (!table.columns.some((col) => col.name === c)) throw columnNotFound(c, table.name);
  return columns;
}

function output(r: RestRequest, table: Table): Output {
  const ret = r.prefs.return ?? 'minimal';
  const rows = ret === 'representation' || r.format === 'object';
  return { select: r.query.select, shape: r.format === 'object' ? 'object' : 'array', wantPk: ret === 'headers-only' && table.pk.length > 0, rows };
}

/** Runs a mutation: singular and max-affected checks roll it back by throwing inside the transaction. */
async function run(r: RestRequest, stmt: Statement, strictAffected: boolean): Promise<ResultRow> {
  return inTransaction(r, false, async (client) => {
    const row = await runPrepared(client, stmt.sql, stmt.values);
    const n = Number(row.page_total);
    if (r.format === 'object' && n !== 1) throw singularError(n);
    if (strictAffected && r.prefs.handling === 'strict' && r.prefs.maxAffected !== undefined && n > r.prefs.maxAffected) {
      throw apiError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', `The query affects ${n} rows`);
    }
    return row;
  });
}

function respond(r: RestRequest, status: number, row: ResultRow, range: string): RestResponse {
  const headers: Record<string, string> = { ...baseHeaders(r), 'Content-Range': range };
  const applied = appliedPreferences(r.prefs, false, txRollbackAllowed(r));
  if (applied) headers['Preference-Applied'] = applied;
  const representation = r.prefs.return === 'representation' || r.format === 'object';
  if (!representation) {
    delete headers['Content-Type'];
    return applyResponseGucs(row, { status: status === 200 ? 204 : status, headers, body: null });
  }
  return applyResponseGucs(row, { status, headers, body: formatBody(r, row.body) });
}

function rootFilters(r: RestRequest): FilterNode[] {
  return r.query.levels.get('')?.filters ?? [];
}

/** The representation of written rows must not re-apply the root filters. */
function outputLevels(r: RestRequest) {
  const levels = new Map(r.query.levels);
  levels.set('', emptyLevel());
  return levels;
}

export async function handleInsert(r: RestRequest): Promise<RestResponse> {
  const table = findTable(r.state.cache!, r.schema, r.name);
  const rows = asRows(await jsonBody(r));
  const columns = payloadColumns(r, table, rows);
  const conflictCols = r.query.onConflict ?? table.pk;
  const onConflict = r.prefs.resolution && conflictCols.length ? { columns: conflictCols, action: r.prefs.resolution === 'merge-duplicates' ? 'merge' as const : 'ignore' as const } : null;
  const spec: InsertSpec = { rows, columns, missingDefault: r.prefs.missing === 'default', onConflict };
  const out = output(r, table);
  const row = await run(r, insertStatement(readContext(r, outputLevels(r)), table, spec, out), false);
  const result = respond(r, onConflict?.action === 'merge' && row.inserted === '0' ? 200 : 201, row, `*/${r.prefs.count === 'exact' ? row.page_total : '*'}`);
  if (result.status === 204) result.status = 201;
  const pks = row.pk ? (JSON.parse(row.pk) as Row[]) : [];
  if (r.prefs.return === 'headers-only' && pks.length === 1) {
    result.headers.Location = `/${r.name}?${Object.entries(pks[0]!).map(([k, v]) => `${encodeURIComponent(k)}=eq.${encodeURIComponent(String(v))}`).join('&')}`;
  }
  return result;
}

export async function handleUpdate(r: RestRequest): Promise<RestResponse> {
  const table = findTable(r.state.cache!, r.schema, r.name);
  const body = await jsonBody(r);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw apiError(400, 'PGRST102', 'Empty or invalid json');
  const columns = payloadColumns(r, table, [body as Row]);
  const stmt = updateStatement(readContext(r, outputLevels(r)), table, body as Row, columns, rootFilters(r), output(r, table));
  const row = await run(r, stmt, true);
  const n = Number(row.page_total);
  return respond(r, 200, row, n ? `0-${n - 1}/*` : '*/*');
}

export async function handleDelete(r: RestRequest): Promise<RestResponse> {
  const table = findTable(r.state.cache!, r.schema, r.name);
  const row = await run(r, deleteStatement(readContext(r, outputLevels(r)), table, rootFilters(r), output(r, table)), true);
  return respond(r, 200, row, '*/*');
}

/** PUT: the URL must `eq`-filter exactly the primary key, and the body must agree with it. */
export async function handlePut(r: RestRequest): Promise<RestResponse> {
  const table = findTable(r.state.cache!, r.schema, r.name);
  const root = r.query.levels.get('');
  if (root && (root.limit !== null || root.offset !== null)) throw apiError(400, 'PGRST114', 'limit/offset querystring parameters are not allowed for PUT');
  const filters = (root?.filters ?? []).filter((f): f is Condition => f.kind === 'cond' && f.op === 'eq' && !f.negate && !f.field.json.length);
  const filterCols = filters.map((f) => f.field.name).sort();
  if (!table.pk.length || filters.length !== (root?.filters.length ?? 0) || filterCols.join(',') !== [...table.pk].sort().join(',')) {
    throw apiError(405, 'PGRST105', 'Filters must include all and only primary key columns with \'eq\' operators');
  }
  const rows = asRows(await jsonBody(r));
  if (rows.length !== 1 || filters.some((f) => String(rows[0]![f.field.name]) !== f.value)) {
    throw apiError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');
  }
  const columns = payloadColumns(r, table, rows);
  const spec: InsertSpec = { rows, columns, missingDefault: false, onConflict: { columns: table.pk, action: 'merge' } };
  const row = await run(r, insertStatement(readContext(r, outputLevels(r)), table, spec, output(r, table)), false);
  return respond(r, 200, row, '*/*');
}
