// The one statement of a read (GET/HEAD on a table or view) and the shared "shape the rows of a
// source into total / page_total / body" wrapper that mutations and RPC reuse.
import type { SelectItem } from '../parse/types.ts';
import type { Table } from '../schema/types.ts';
import { ident, qi } from './fragments.ts';
import { buildLevel, pagingSql, type LevelSql, type ReadContext } from './read.ts';

export type BodyShape = 'array' | 'object' | 'none';

export interface Statement {
  sql: string;
  values: unknown[];
}

/** Read after the rows are produced, so functions and triggers can steer the response. */
export const GUC_COLUMNS = `current_setting('response.headers', true) AS response_headers, current_setting('response.status', true) AS response_status`;

export function bodyExpr(shape: BodyShape): string {
  if (shape === 'none') return 'NULL::text';
  if (shape === 'object') return `coalesce((json_agg("r")->0)::text, '')`;
  return `coalesce(json_agg("r"), '[]')::text`;
}

export function selectListSql(level: LevelSql): string {
  return level.select.map((s) => `${s.sql} AS ${ident(s.key)}`).join(', ');
}

export function fromSql(source: string, level: LevelSql, withJoins = true): string {
  const joins = withJoins ? level.joins.map((j) => `\n${j}`).join('') : '';
  const where = level.where.length ? `\nWHERE ${level.where.join(' AND ')}` : '';
  return `${source}${joins}${where}`;
}

/** Applies db-max-rows to the root level: the smaller of the requested limit and the cap. */
export function capLimit(level: LevelSql, maxRows: number | null): void {
  if (maxRows !== null) level.limit = level.limit === null ? maxRows : Math.min(level.limit, maxRows);
}

export function readStatement(ctx: ReadContext, table: Table, select: SelectItem[], options: { count: boolean; shape: BodyShape }): Statement {
  const level = buildLevel(ctx, table, 't0', select, []);
  capLimit(level, ctx.maxRows);
  const source = `${qi(table.schema, table.name)} AS "t0"`;
  const total = options.count ? `(SELECT count(*) FROM ${fromSql(source, level, level.whereUsesJoins)})` : 'NULL';
  const sql = `SELECT ${total}::bigint AS total, count(*) AS page_total, ${bodyExpr(options.shape)} AS body, ${GUC_COLUMNS}
FROM (SELECT ${selectListSql(level)} FROM ${fromSql(source, level)} ${pagingSql(level)}) AS "r"`;
  return { sql, values: ctx.params.values };
}

/** Rough row estimate for `Prefer: count=planned` (EXPLAIN of the counted query). */
export function plannedCountStatement(ctx: ReadContext, table: Table, select: SelectItem[]): Statement {
  const level = buildLevel(ctx, table, 't0', select, []);
  const source = `${qi(table.schema, table.name)} AS "t0"`;
  return { sql: `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${fromSql(source, level, level.whereUsesJoins)}`, values: ctx.params.values };
}
