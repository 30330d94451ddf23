// /rpc/<fn>: POST with a JSON body of named arguments (or one json/jsonb parameter), GET/HEAD with
// query-string arguments; set-returning results take select/filters/order/paging like a table.
import { apiError } from '../errors.ts';
import { parseBody, readBody } from '../media.ts';
import { parseQuery } from '../parse/query.ts';
import { inputArgs, resolveFunction } from '../plan/function.ts';
import { appliedPreferences } from '../preferences.ts';
import { rpcStatement } from '../sql/rpc.ts';
import { applyResponseGucs, runPrepared, baseHeaders, contentRange, formatBody, inTransaction, rangeStatus, readContext, singularError, txRollbackAllowed, type RestRequest, type RestResponse } from '../request.ts';
import { applyRangeHeader } from './read.ts';

async function postArgs(r: RestRequest): Promise<unknown> {
  const text = await readBody(r.req, r.state.settings.maxBodyBytes);
  if (!text.trim()) return {};
  return parseBody(text, r.req.headers['content-type']);
}

export async function handleRpc(r: RestRequest): Promise<RestResponse> {
  const method = r.ctx.method;
  if (!['GET', 'HEAD', 'POST'].includes(method)) throw apiError(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
  const cache = r.state.cache!;
  let args: unknown;
  if (method === 'POST') args = await postArgs(r);
  else {
    const names = new Set((cache.functions.get(`${r.schema}.${r.name}`) ?? []).flatMap((f) => inputArgs(f).map((a) => a.name)));
    r.query = parseQuery(r.ctx.rawQuery, { rpcArgNames: names });
    args = Object.fromEntries([...r.query.rpcArgs].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  }
  const isObject = typeof args === 'object' && args !== null && !Array.isArray(args);
  const keys = isObject ? Object.keys(args as object) : [];
  const { fn, mode } = resolveFunction(cache, r.schema, r.name, keys, r.prefs.params === 'single-object' || !isObject);
  applyRangeHeader(r);
  const counting = r.prefs.count === 'exact' || r.prefs.count === 'estimated';
  const stmt = rpcStatement(readContext(r), { fn, mode, args }, r.query.select, { count: counting, singular: r.format === 'object' });
  const readOnly = method !== 'POST' || fn.volatility !== 'v';
  const row = await inTransaction(r, readOnly, async (client) => {
    const result = await runPrepared(client, stmt.sql, stmt.values);
    if (r.format === 'object' && fn.returnsSet && Number(result.page_total) !== 1) throw singularError(Number(result.page_total));
    return result;
  });
  const headers = baseHeaders(r);
  const applied = appliedPreferences(r.prefs, method !== 'POST', txRollbackAllowed(r));
  if (applied) headers['Preference-Applied'] = applied;
  if (fn.returnsVoid) {
    delete headers['Content-Type'];
    return applyResponseGucs(row, { status: 204, headers, body: null });
  }
  if (!fn.returnsSet) return applyResponseGucs(row, { status: 200, headers, body: formatBody(r, row.body) });
  const offset = r.query.levels.get('')?.offset ?? 0;
  const rows = Number(row.page_total);
  const total = row.total === null ? null : Number(row.total);
  headers['Content-Range'] = contentRange(offset, rows, total);
  return applyResponseGucs(row, { status: rangeStatus(offset, rows, total), headers, body: formatBody(r, row.body) });
}
