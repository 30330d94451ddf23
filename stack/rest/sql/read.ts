// Builds the select list, lateral joins (embeds), filters, order and paging of one level of a read,
// recursively. Embeds become LEFT JOIN LATERAL sub-selects aggregated with json_agg (to-many) or
// row_to_json (to-one), so Postgres builds the response body as PostgREST does.
import { apiError } from '../errors.ts';
import { fieldKey } from '../parse/select.ts';
import { emptyLevel, type FieldRef, type FilterNode, type LevelParams, type OrderTerm, type SelectItem } from '../parse/types.ts';
import { findRelationship, isToOne } from '../plan/find.ts';
import type { Relationship, SchemaCache, Table } from '../schema/types.ts';
import { qualified } from '../schema/types.ts';
import { columnOf, fieldSql, filterSql, ident, Params, qi, type FieldResolver } from './fragments.ts';

export interface ReadContext {
  cache: SchemaCache;
  schema: string;
  params: Params;
  levels: Map<string, LevelParams>;
  counter: { n: number };
  /** Caps the root level (db-max-rows); embeds are not capped. */
  maxRows: number | null;
  /** Embed paths built so far; a filter on any other path is PGRST108. */
  visited: Set<string>;
}

export interface LevelSql {
  select: Array<{ sql: string; key: string }>;
  joins: string[];
  where: string[];
  orderBy: string[];
  limit: number | null;
  offset: number | null;
  /** The WHERE clause reads a lateral join (`!inner`, `rel=is.null`): counting needs the joins. */
  whereUsesJoins: boolean;
}

interface Embed {
  key: string;
  alias: string;
  rel: Relationship;
  toOne: boolean;
  spread: boolean;
  keys: string[];
}

const PRESENT = 'pgrst_present';

export function buildLevel(ctx: ReadContext, table: Table, alias: string, items: SelectItem[], path: string[]): LevelSql {
  const level = ctx.levels.get(path.join('.')) ?? emptyLevel();
  const out: LevelSql = { select: [], joins: [], where: [], orderBy: [], limit: level.limit, offset: level.offset, whereUsesJoins: false };
  const embeds: Embed[] = [];
  if (path.length && isEmbeddedCount(table, items)) {
    // `rel(count)`: PostgREST answers [{"count": n}] for an embed selecting only `count`.
    out.select.push({ sql: 'count(*)', key: items[0]!.kind === 'field' ? (items[0]!.alias ?? 'count') : 'count' });
    items = [];
  }
  for (const item of items) {
    if (item.kind === 'star') for (const c of table.columns) out.select.push({ sql: `${ident(alias)}.${ident(c.name)}`, key: c.name });
    else if (item.kind === 'field') {
      const expr = fieldSql(alias, table, item.field, ctx.params);
      out.select.push({ sql: item.cast ? `(${expr})::${item.cast}` : expr, key: fieldKey(item.field, item.alias) });
    } else embeds.push(addEmbed(ctx, table, alias, item, path, out));
  }
  const resolve = resolver(ctx, table, alias);
  for (const f of level.filters) {
    const onEmbed = embedFilter(f, embeds);
    if (onEmbed) out.whereUsesJoins = true;
    out.where.push(onEmbed ?? filterSql(f, resolve, ctx.params));
  }
  for (const term of level.order ?? []) out.orderBy.push(orderSql(ctx, term, table, alias, embeds));
  ctx.visited.add(path.join('.'));
  if (path.length === 0) checkLevelPaths(ctx);
  return out;
}

function isEmbeddedCount(table: Table, items: SelectItem[]): boolean {
  const only = items.length === 1 ? items[0]! : null;
  return only?.kind === 'field' && only.field.name === 'count' && !only.field.json.length && !only.cast && !table.columns.some((c) => c.name === 'count');
}

function resolver(ctx: ReadContext, table: Table, alias: string): FieldResolver {
  return (field: FieldRef) => ({ expr: fieldSql(alias, table, field, ctx.params), column: table.columns.find((c) => c.name === field.name) });
}

function addEmbed(ctx: ReadContext, parent: Table, parentAlias: string, item: Extract<SelectItem, { kind: 'embed' }>, path: string[], out: LevelSql): Embed {
  const rel = findRelationship(ctx.cache, ctx.schema, parent.name, item.name, item.hint);
  const target = ctx.cache.tables.get(qualified(rel.schema, rel.target))!;
  const n = ++ctx.counter.n;
  const childAlias = `t${n}`;
  const lateral = `l${n}`;
  const key = item.alias ?? item.name;
  const child = buildLevel(ctx, target, childAlias, item.children, [...path, key]);
  const toOne = isToOne(rel);
  const inner = `SELECT ${child.select.map((s) => `${s.sql} AS ${ident(s.key)}`).join(', ')}${item.spread && toOne ? `${child.select.length ? ', ' : ''}1 AS ${PRESENT}` : ''}
    FROM ${joinSource(rel, target, childAlias, parentAlias)}${child.joins.map((j) => `\n ${j}`).join('')}
    WHERE ${[...joinCondition(rel, childAlias, parentAlias), ...child.where].join(' AND ')}
    ${pagingSql(child, toOne)}`;
  const keys = child.select.map((s) => s.key);
  let body: string;
  if (item.spread && toOne) body = inner;
  else if (item.spread) body = `SELECT ${[...keys.map((k) => `json_agg("e".${ident(k)}) AS ${ident(k)}`), `min(1) AS ${PRESENT}`].join(', ')} FROM (${inner}) AS "e"`;
  else body = `SELECT ${toOne ? 'row_to_json("e")' : 'json_agg("e")'} AS "body" FROM (${inner}) AS "e"`;
  out.joins.push(`LEFT JOIN LATERAL (${body}) AS ${ident(lateral)} ON TRUE`);
  if (item.spread) for (const k of keys) out.select.push({ sql: toOne ? `${ident(lateral)}.${ident(k)}` : `COALESCE(${ident(lateral)}.${ident(k)}, '[]')`, key: k });
  else if (item.children.length) out.select.push({ sql: toOne ? `${ident(lateral)}."body"` : `COALESCE(${ident(lateral)}."body", '[]')`, key });
  if (item.join === 'inner') out.whereUsesJoins = true;
  if (item.join === 'inner') out.where.push(`${ident(lateral)}.${item.spread ? PRESENT : '"body"'} IS NOT NULL`);
  return { key, alias: lateral, rel, toOne, spread: item.spread, keys };
}

function joinSource(rel: Relationship, target: Table, childAlias: string, _parentAlias: string): string {
  const base = `${qi(target.schema, target.name)} AS ${ident(childAlias)}`;
  if (!rel.junction) return base;
  const j = rel.junction;
  const on = j.targetJCols.map((c, i) => `"j_${childAlias}".${ident(c)} = ${ident(childAlias)}.${ident(rel.targetCols[i]!)}`).join(' AND ');
  return `${base} JOIN ${qi(rel.schema, j.table)} AS "j_${childAlias}" ON ${on}`;
}

function joinCondition(rel: Relationship, childAlias: string, parentAlias: string): string[] {
  if (rel.junction) return rel.junction.sourceJCols.map((c, i) => `"j_${childAlias}".${ident(c)} = ${ident(parentAlias)}.${ident(rel.sourceCols[i]!)}`);
  return rel.targetCols.map((c, i) => `${ident(childAlias)}.${ident(c)} = ${ident(parentAlias)}.${ident(rel.sourceCols[i]!)}`);
}

export function pagingSql(level: LevelSql, toOne = false): string {
  const parts: string[] = [];
  if (level.orderBy.length) parts.push(`ORDER BY ${level.orderBy.join(', ')}`);
  if (toOne) parts.push('LIMIT 1');
  else if (level.limit !== null) parts.push(`LIMIT ${level.limit}`);
  if (!toOne && level.offset) parts.push(`OFFSET ${level.offset}`);
  return parts.join(' ');
}

/** `rel=is.null` / `rel=not.is.null` filter parents on having a related row; other operators: PGRST120. */
function embedFilter(f: FilterNode, embeds: Embed[]): string | null {
  if (f.kind !== 'cond' || f.field.json.length) return null;
  const embed = embeds.find((e) => e.key === f.field.name);
  if (!embed) return null;
  const nullCheck = f.op === 'is' && (f.value === 'null' || f.value === 'not_null');
  if (!nullCheck) throw apiError(400, 'PGRST120', `Bad operator on the '${embed.key}' embedded resource`, 'Only is null or not is null filters are allowed on embedded resources');
  const isNull = (f.value === 'null') !== f.negate;
  return `${ident(embed.alias)}.${embed.spread ? PRESENT : '"body"'} ${isNull ? 'IS NULL' : 'IS NOT NULL'}`;
}

function orderSql(ctx: ReadContext, term: OrderTerm, table: Table, alias: string, embeds: Embed[]): string {
  let expr: string;
  if (term.relation !== undefined) {
    const embed = embeds.find((e) => e.key === term.relation);
    if (!embed) throw notEmbedded(term.relation);
    if (!embed.toOne) throw apiError(400, 'PGRST118', `A related order on '${embed.rel.target}' is not possible`, `'${embed.rel.source}' and '${embed.rel.target}' do not form a many-to-one or one-to-one relationship`);
    const target = ctx.cache.tables.get(qualified(embed.rel.schema, embed.rel.target))!;
    columnOf(target, term.field.name);
    const base = embed.spread ? `to_jsonb(${ident(embed.alias)}.${ident(term.field.name)})` : `(${ident(embed.alias)}."body"::jsonb -> ${ctx.params.add(term.field.name)}::text)`;
    expr = term.field.json.reduce((acc, s) => `${acc}${s.arrow}${typeof s.key === 'number' ? s.key : `${ctx.params.add(s.key)}::text`}`, base);
  } else expr = fieldSql(alias, table, term.field, ctx.params);
  const dir = term.direction ? ` ${term.direction.toUpperCase()}` : '';
  const nulls = term.nulls ? ` NULLS ${term.nulls.toUpperCase()}` : '';
  return `${expr}${dir}${nulls}`;
}

function notEmbedded(name: string) {
  return apiError(400, 'PGRST108', `'${name}' is not an embedded resource in this request`, null, `Verify that '${name}' is included in the 'select' query parameter.`);
}

/** Filters/order/paging on `rel.x` need `rel` embedded at that level (checked once the tree is built). */
function checkLevelPaths(ctx: ReadContext): void {
  for (const key of ctx.levels.keys()) {
    if (!ctx.visited.has(key)) throw notEmbedded(key.split('.').find((_, i, parts) => !ctx.visited.has(parts.slice(0, i + 1).join('.')))!);
  }
}
