// One SQL statement per change that lets Postgres do the typing: the WAL's text values are cast to
// each column's type and turned into JSON with to_jsonb (exactly the values upstream sends), and
// every distinct binding filter is evaluated on the cast values. Identifiers are quoted, values bound.
import { sqlOperator, type Filter } from './filters.ts';
import type { ColumnMeta } from './relations.ts';
import type { Row } from './replication.ts';

export interface RowQuery {
  text: string;
  values: unknown[];
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function rowSelect(columns: ColumnMeta[], row: Row, values: unknown[]): string {
  const list = columns.map((c) => {
    const v = row[c.name];
    values.push(v === undefined ? null : v);
    return `$${values.length}::text::${c.sqlType} as ${quoteIdent(c.name)}`;
  });
  return `(select ${list.join(', ')})`;
}

function filterExpr(alias: 'n' | 'o', columns: ColumnMeta[], f: Filter, values: unknown[]): string {
  const column = columns.find((c) => c.name === f.column);
  if (!column) return 'false';
  const ref = `${alias}.${quoteIdent(column.name)}`;
  if (f.op === 'in') {
    values.push(f.values);
    return `coalesce(${ref} = any($${values.length}::text[]::${column.sqlType}[]), false)`;
  }
  values.push(f.values[0]);
  return `coalesce(${ref} ${sqlOperator(f.op)} $${values.length}::text::${column.sqlType}, false)`;
}

/**
 * `select <new json>, <old json>, <filter results>` for a change. Filters apply to the new row, or
 * to the old one for DELETE (`filterOn`). A row that is absent yields SQL null.
 */
export function buildRowQuery(columns: ColumnMeta[], newRow: Row | null, oldRow: Row | null, filters: Filter[], filterOn: 'n' | 'o'): RowQuery {
  const values: unknown[] = [];
  const from: string[] = [];
  if (newRow) from.push(`${rowSelect(columns, newRow, values)} n`);
  if (oldRow) from.push(`${rowSelect(columns, oldRow, values)} o`);
  const filterRowPresent = filterOn === 'n' ? newRow : oldRow;
  const results = filters.map((f) => (filterRowPresent ? filterExpr(filterOn, columns, f, values) : 'false'));
  const text =
    `select ${newRow ? 'to_jsonb(n.*)' : 'null::jsonb'} as new, ${oldRow ? 'to_jsonb(o.*)' : 'null::jsonb'} as old, ` +
    `array[${results.join(', ')}]::boolean[] as filters` +
    (from.length ? ` from ${from.join(' cross join ')}` : '');
  return { text, values };
}
