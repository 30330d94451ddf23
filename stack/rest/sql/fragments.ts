// SQL fragments: quoting, bound parameters, field expressions (with JSON paths) and filters.
// Identifiers are always quoted and come from the schema cache; values are always parameters.
import { apiError } from '../errors.ts';
import type { Condition, FieldRef, FilterNode } from '../parse/types.ts';
import type { Column, Table } from '../schema/types.ts';

export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const qi = (schema: string, name: string): string => `${ident(schema)}.${ident(name)}`;
/** A string literal; only for names that come from the schema cache. */
export const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** PostgreSQL's own error for an unknown column, raised before any SQL runs. */
export function unknownColumn(table: Table, name: string): never {
  throw apiError(400, '42703', `column ${table.name}.${name} does not exist`);
}

export function columnOf(table: Table, name: string): Column {
  return table.columns.find((c) => c.name === name) ?? unknownColumn(table, name);
}

export function fieldSql(alias: string, table: Table, field: FieldRef, params: Params): string {
  const computed = table.columns.some((c) => c.name === field.name) ? undefined : table.computed.find((c) => c.name === field.name);
  if (!computed) columnOf(table, field.name);
  let sql = computed ? `${qi(computed.schema, computed.name)}(${ident(alias)})` : `${ident(alias)}.${ident(field.name)}`;
  for (const step of field.json) {
    const key = typeof step.key === 'number' ? String(step.key) : `${params.add(step.key)}::text`;
    sql = `${sql}${step.arrow}${key}`;
  }
  return sql;
}

const BINARY: Record<string, string> = {
  eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'LIKE', ilike: 'ILIKE', match: '~', imatch: '~*',
  isdistinct: 'IS DISTINCT FROM', cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxr: '&<', nxl: '&>', adj: '-|-',
};
const FTS: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' };
const IS: Record<string, string> = { null: 'IS NULL', not_null: 'IS NOT NULL', true: 'IS TRUE', false: 'IS FALSE', unknown: 'IS UNKNOWN' };

function conditionBody(cond: Condition, expr: string, column: Column | undefined, params: Params): string {
  const { op, value } = cond;
  if (op === 'in') return `${expr} = ANY(${params.add(value)})`;
  if (op === 'is') return `${expr} ${IS[value as string]}`;
  const text = value as string;
  if (op in FTS) {
    const doc = column?.baseType === 'tsvector' && cond.field.json.length === 0 ? expr : `to_tsvector(${cond.ftsConfig ? `${params.add(cond.ftsConfig)}::regconfig, ` : ''}${expr})`;
    const cfg = cond.ftsConfig ? `${params.add(cond.ftsConfig)}::regconfig, ` : '';
    return `${doc} @@ ${FTS[op]}(${cfg}${params.add(text)})`;
  }
  const v = op === 'like' || op === 'ilike' ? text.replace(/\*/g, '%') : text;
  if (cond.quant) return `${expr} ${BINARY[op]} ${cond.quant.toUpperCase()}(${params.add(v)})`;
  return `${expr} ${BINARY[op]} ${params.add(v)}`;
}

export type FieldResolver = (field: FieldRef) => { expr: string; column?: Column };

export function filterSql(node: FilterNode, resolve: FieldResolver, params: Params): string {
  if (node.kind === 'logic') {
    const parts = node.children.map((c) => filterSql(c, resolve, params));
    const joined = `(${parts.join(node.op === 'and' ? ' AND ' : ' OR ')})`;
    return node.negate ? `NOT ${joined}` : joined;
  }
  const { expr, column } = resolve(node.field);
  const body = conditionBody(node, expr, column, params);
  return node.negate ? `NOT (${body})` : `(${body})`;
}
