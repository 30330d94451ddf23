// GET/HEAD on a table or view: Range header ∩ limit/offset, counts, singular and CSV output.
import { apiError } from '../errors.ts';
import { emptyLevel } from '../parse/types.ts';
import { findTable } from '../plan/find.ts';
import { plannedCountStatement, readStatement } from '../sql/read-statement.ts';
import { applyResponseGucs, runPrepared, baseHeaders, contentRange, formatBody, inTransaction, rangeStatus, readContext, singularError, type RestRequest, type RestResponse } from '../request.ts';
import { appliedPreferences } from '../preferences.ts';

/** Intersects a `Range: a-b` header with the root limit/offset. */
export function applyRangeHeader(r: RestRequest): void {
  const header = r.req.headers.range;
  if (!header || r.ctx.method !== 'GET') return;
  const m = /^(?:items=)?\s*(\d+)-(\d*)\s*$/.exec(header);
  if (!m) return;
  const first = Number(m[1]);
  const last = m[2] ? Number(m[2]) : null;
  if (last !== null && first > last) {
    throw apiError(416, 'PGRST103', 'Requested range not satisfiable', 'The lower boundary must be lower than or equal to the upper boundary in the Range header.');
  }
  const root = r.query.levels.get('') ?? emptyLevel();
  r.query.levels.set('', root);
  const offset = Math.max(root.offset ?? 0, first);
  const ends = [last, root.limit !== null ? (root.offset ?? 0) + root.limit - 1 : null].filter((v): v is number => v !== null);
  root.offset = offset;
  root.limit = ends.length ? Math.max(0, Math.min(...ends) - offset + 1) : root.limit;
}

export async function handleRead(r: RestRequest): Promise<RestResponse> {
  const table = findTable(r.state.cache!, r.schema, r.name);
  applyRangeHeader(r);
  const counting = r.prefs.count === 'exact' || r.prefs.count === 'estimated';
  const stmt = readStatement(readContext(r), table, r.query.select, { count: counting, shape: r.format === 'object' ? 'object' : 'array' });
  const offset = r.query.levels.get('')?.offset ?? 0;
  const row = await inTransaction(r, true, async (client) => {
    const result = await runPrepared(client, stmt.sql, stmt.values);
    if (r.prefs.count === 'planned') {
      const plan = plannedCountStatement(readContext(r), table, r.query.select);
      const explained = (await client.query(plan.sql, plan.values)).rows[0]['QUERY PLAN'];
      result.total = String(explained[0].Plan['Plan Rows']);
    }
    if (r.format === 'object' && Number(result.page_total) !== 1) throw singularError(Number(result.page_total));
    return result;
  });
  const rows = Number(row.page_total);
  const total = row.total === null ? null : Number(row.total);
  const headers: Record<string, string> = { ...baseHeaders(r), 'Content-Range': contentRange(offset, rows, total) };
  const applied = appliedPreferences(r.prefs, true, false);
  if (applied) headers['Preference-Applied'] = applied;
  return applyResponseGucs(row, { status: rangeStatus(offset, rows, total), headers, body: formatBody(r, row.body) });
}
