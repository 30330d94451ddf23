// The statement of an RPC call: arguments arrive as one JSON object, typed by json_to_record with
// the parameters' own types, then the call is shaped by its return type.
import type { SelectItem } from '../parse/types.ts';
import { inputArgs, resultTable, type ArgMode } from '../plan/function.ts';
import type { PgFunction } from '../schema/types.ts';
import { ident, qi } from './fragments.ts';
import { pagingSql, buildLevel, type ReadContext } from './read.ts';
import { bodyExpr, capLimit, fromSql, GUC_COLUMNS, selectListSql, type Statement } from './read-statement.ts';

export interface RpcCall {
  fn: PgFunction;
  mode: ArgMode;
  /** Named arguments (mode 'named') or the whole body (mode 'single'). */
  args: unknown;
}

function callSql(ctx: ReadContext, call: RpcCall): { call: string; from: string | null } {
  const fq = qi(call.fn.schema, call.fn.name);
  const ins = inputArgs(call.fn);
  if (call.mode === 'single') return { call: `${fq}(${ctx.params.add(JSON.stringify(call.args ?? {}))}::${ins[0]!.type})`, from: null };
  const given = ins.filter((a) => Object.prototype.hasOwnProperty.call(call.args as object, a.name));
  if (!given.length) return { call: `${fq}()`, from: null };
  const record = `json_to_record(${ctx.params.add(JSON.stringify(call.args))}::json) AS "_a"(${given.map((a) => `${ident(a.name)} ${a.type}`).join(', ')})`;
  const named = given.map((a) => `${a.mode === 'v' ? 'VARIADIC ' : ''}${ident(a.name)} := "_a".${ident(a.name)}`).join(', ');
  return { call: `${fq}(${named})`, from: record };
}

export function rpcStatement(ctx: ReadContext, call: RpcCall, select: SelectItem[], options: { count: boolean; singular: boolean }): Statement {
  const { fn } = call;
  const { call: invocation, from } = callSql(ctx, call);
  const lateral = (alias: string) => (from ? `${from} CROSS JOIN LATERAL ${invocation} AS ${alias}` : `${invocation} AS ${alias}`);
  if (fn.returnsVoid || (!fn.returnsSet && !fn.returnsComposite)) {
    const body = fn.returnsVoid ? `(${invocation})::text` : `coalesce(to_json(${invocation})::text, 'null')`;
    // The call runs in a sub-select so the response GUCs are read after it.
    return { sql: `SELECT NULL::bigint AS total, 1::bigint AS page_total, "c"."body", ${GUC_COLUMNS} FROM (SELECT ${body} AS body${from ? ` FROM ${from}` : ''} OFFSET 0) AS "c"`, values: ctx.params.values };
  }
  if (!fn.returnsComposite) {
    const level = buildLevel(ctx, resultTable(ctx.cache, fn), 't0', [], []);
    capLimit(level, ctx.maxRows);
    const total = options.count ? `(SELECT count(*) FROM ${lateral('"t0"("v")')})` : 'NULL';
    const sql = `SELECT ${total}::bigint AS total, count(*) AS page_total, coalesce(json_agg("r"."v"), '[]')::text AS body, ${GUC_COLUMNS}
FROM (SELECT "t0"."v" FROM ${lateral('"t0"("v")')} ${pagingSql(level)}) AS "r"`;
    return { sql, values: ctx.params.values };
  }
  const level = buildLevel(ctx, resultTable(ctx.cache, fn), 't0', select, []);
  if (fn.returnsSet) capLimit(level, ctx.maxRows);
  const source = lateral('"t0"');
  const total = options.count ? `(SELECT count(*) FROM ${fromSql(source, level, level.whereUsesJoins)})` : 'NULL';
  const shape = options.singular || !fn.returnsSet ? 'object' : 'array';
  const sql = `SELECT ${total}::bigint AS total, count(*) AS page_total, ${bodyExpr(shape)} AS body, ${GUC_COLUMNS}
FROM (SELECT ${selectListSql(level)} FROM ${fromSql(source, level)} ${pagingSql(level)}) AS "r"`;
  return { sql, values: ctx.params.values };
}
