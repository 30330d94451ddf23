// INSERT / upsert / PUT / UPDATE / DELETE as one data-modifying CTE (`pgrst_source`) whose rows are
// then shaped like a read. RETURNING lists columns only when rows are wanted back, so an insert
// with return=minimal needs no SELECT policy, as on PostgREST.
import { apiError } from '../errors.ts';
import type { FilterNode, SelectItem } from '../parse/types.ts';
import type { Table } from '../schema/types.ts';
import { columnOf, fieldSql, filterSql, ident, literal, qi, type FieldResolver } from './fragments.ts';
import { buildLevel, type ReadContext } from './read.ts';
import { bodyExpr, fromSql, GUC_COLUMNS, selectListSql, type BodyShape, type Statement } from './read-statement.ts';

export interface InsertSpec {
  rows: Array<Record<string, unknown>>;
  columns: string[];
  missingDefault: boolean;
  onConflict: { columns: string[]; action: 'merge' | 'ignore' } | null;
}

export interface Output {
  select: SelectItem[];
  shape: BodyShape;
  /** Return the rows' primary keys (for `Location`). */
  wantPk: boolean;
  /** Whether rows come back at all (representation / headers-only). */
  rows: boolean;
}

function valueExpr(table: Table, col: string, spec: InsertSpec): string {
  const present = spec.rows.filter((r) => col in r).length;
  const column = columnOf(table, col);
  const value = `"_r".${ident(col)}`;
  if (!spec.missingDefault || present === spec.rows.length) return value;
  const fallback = column.defaultExpr ?? (column.identity ? `nextval(pg_get_serial_sequence(${literal(qi(table.schema, table.name))}, ${literal(col)}))` : 'NULL');
  return `CASE WHEN "_e"."j"::jsonb ? ${literal(col)} THEN ${value} ELSE ${fallback} END`;
}

function returning(table: Table, out: Output, upsert: boolean, alias: string): string {
  if (!out.rows && !out.wantPk) return 'RETURNING 1';
  const inserted = upsert && !table.isView ? `, (${ident(alias)}.xmax = 0) AS "pgrst_inserted"` : '';
  return `RETURNING ${ident(alias)}.*${inserted}`;
}

export function insertStatement(ctx: ReadContext, table: Table, spec: InsertSpec, out: Output): Statement {
  // With missing=default a column nobody sent keeps its DEFAULT by not being listed at all.
  const cols = spec.columns.filter((c) => !spec.missingDefault || spec.rows.some((r) => c in r));
  for (const c of cols) columnOf(table, c);
  const rowsParam = ctx.params.add(JSON.stringify(spec.rows));
  const target = `${qi(table.schema, table.name)} AS "pgrst_t"`;
  const conflict = spec.onConflict ? conflictSql(table, spec.onConflict, cols) : '';
  // Without columns every row gets its defaults: a zero-column SELECT feeds one row per element.
  const values = cols.length
    ? `(${cols.map(ident).join(', ')})
  SELECT ${cols.map((c) => valueExpr(table, c, spec)).join(', ')}
  FROM json_array_elements(${rowsParam}::json) WITH ORDINALITY AS "_e"("j", "n")
  CROSS JOIN LATERAL json_populate_record(NULL::${qi(table.schema, table.name)}, "_e"."j") AS "_r"
  ORDER BY "_e"."n"`
    : `SELECT FROM json_array_elements(${rowsParam}::json) AS "_e"`;
  return wrap(ctx, table, `INSERT INTO ${target} ${values} ${conflict} ${returning(table, out, !!spec.onConflict, 'pgrst_t')}`, out);
}

function conflictSql(table: Table, onConflict: NonNullable<InsertSpec['onConflict']>, cols: string[]): string {
  for (const c of onConflict.columns) columnOf(table, c);
  const target = `(${onConflict.columns.map(ident).join(', ')})`;
  const updates = cols.filter((c) => !onConflict.columns.includes(c) || onConflict.action === 'merge');
  if (onConflict.action === 'ignore' || !updates.length) return `ON CONFLICT ${target} DO NOTHING`;
  return `ON CONFLICT ${target} DO UPDATE SET ${updates.map((c) => `${ident(c)} = EXCLUDED.${ident(c)}`).join(', ')}`;
}

export function updateStatement(ctx: ReadContext, table: Table, patch: Record<string, unknown>, columns: string[], filters: FilterNode[], out: Output): Statement {
  if (!filters.length) throw apiError(400, '21000', 'UPDATE requires a WHERE clause');
  for (const c of columns) columnOf(table, c);
  const where = whereSql(ctx, table, filters);
  if (!columns.length) {
    return wrap(ctx, table, `SELECT "t0".* FROM ${qi(table.schema, table.name)} AS "t0" WHERE false`, out);
  }
  const param = ctx.params.add(JSON.stringify(patch));
  const sets = columns.map((c) => `${ident(c)} = "_r".${ident(c)}`).join(', ');
  const sql = `UPDATE ${qi(table.schema, table.name)} AS "t0" SET ${sets}
  FROM json_populate_record(NULL::${qi(table.schema, table.name)}, ${param}::json) AS "_r"
  WHERE ${where} ${returning(table, out, false, 't0')}`;
  return wrap(ctx, table, sql, out);
}

export function deleteStatement(ctx: ReadContext, table: Table, filters: FilterNode[], out: Output): Statement {
  if (!filters.length) throw apiError(400, '21000', 'DELETE requires a WHERE clause');
  const sql = `DELETE FROM ${qi(table.schema, table.name)} AS "t0" WHERE ${whereSql(ctx, table, filters)} ${returning(table, out, false, 't0')}`;
  return wrap(ctx, table, sql, out);
}

function whereSql(ctx: ReadContext, table: Table, filters: FilterNode[]): string {
  const resolve: FieldResolver = (field) => ({ expr: fieldSql('t0', table, field, ctx.params), column: columnOf(table, field.name) });
  return filters.map((f) => filterSql(f, resolve, ctx.params)).join(' AND ');
}

/** Shapes the CTE's rows: counts, body, inserted count and primary keys. */
function wrap(ctx: ReadContext, table: Table, mutation: string, out: Output): Statement {
  const pk = out.wantPk && table.pk.length
    ? `(SELECT json_agg(json_build_object(${table.pk.map((c) => `${literal(c)}, "s".${ident(c)}`).join(', ')})) FROM "pgrst_source" AS "s")::text`
    : 'NULL::text';
  if (!out.rows) {
    const sql = `WITH "pgrst_source" AS (${mutation})
SELECT NULL::bigint AS total, (SELECT count(*) FROM "pgrst_source") AS page_total, NULL::text AS body, ${pk} AS pk, NULL::bigint AS inserted, ${GUC_COLUMNS}`;
    return { sql, values: ctx.params.values };
  }
  const level = buildLevel(ctx, table, 't0', out.select, []);
  const inserted = table.isView ? 'NULL::bigint' : `(SELECT count(*) FROM "pgrst_source" WHERE "pgrst_inserted" IS NOT FALSE)`;
  const sql = `WITH "pgrst_source" AS (${mutation})
SELECT NULL::bigint AS total, count(*) AS page_total, ${bodyExpr(out.shape)} AS body, ${pk} AS pk, ${mutation.startsWith('INSERT') && mutation.includes('ON CONFLICT') ? inserted : 'NULL::bigint'} AS inserted, ${GUC_COLUMNS}
FROM (SELECT ${selectListSql(level)} FROM ${fromSql('"pgrst_source" AS "t0"', level)}) AS "r"`;
  return { sql, values: ctx.params.values };
}
