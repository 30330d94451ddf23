// postgres_changes binding filters: `column=op.value`, ops eq neq lt lte gt gte and `in.(a,b,c)`.
// Values stay text here; the change pipeline casts them to the column's type in SQL.

export type FilterOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export interface Filter {
  column: string;
  op: FilterOp;
  /** One value, or up to 100 for `in`. */
  values: string[];
}

const OPS = new Set<FilterOp>(['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in']);
const MAX_IN_VALUES = 100;

/** Elixir's `inspect` of a list of strings, as upstream prints it in error messages. */
export function inspectList(parts: string[]): string {
  return `[${parts.map((p) => JSON.stringify(p)).join(', ')}]`;
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function parseInList(raw: string): string[] | null {
  if (!raw.startsWith('(') || !raw.endsWith(')')) return null;
  const inner = raw.slice(1, -1);
  if (inner.trim() === '') return null;
  return inner.split(',').map(unquote);
}

/** Parses one filter; returns the upstream error message when it is malformed. */
export function parseFilter(filter: string): { filter: Filter } | { error: string } {
  const eq = filter.indexOf('=');
  const parts = eq === -1 ? [filter] : [filter.slice(0, eq), filter.slice(eq + 1)];
  const fail = { error: `Error parsing \`filter\` params: ${inspectList(parts)}` };
  if (eq <= 0) return fail;
  const column = parts[0]!;
  const rest = parts[1]!;
  const dot = rest.indexOf('.');
  if (dot <= 0) return fail;
  const op = rest.slice(0, dot) as FilterOp;
  const raw = rest.slice(dot + 1);
  if (!OPS.has(op)) return fail;
  if (op === 'in') {
    const values = parseInList(raw);
    if (!values || values.length > MAX_IN_VALUES) return fail;
    return { filter: { column, op, values } };
  }
  return { filter: { column, op, values: [raw] } };
}

/** The SQL comparison operator for a filter op (`in` is handled as `= any`). */
export function sqlOperator(op: Exclude<FilterOp, 'in'>): string {
  return { eq: '=', neq: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' }[op];
}

/** A stable key for de-duplicating identical filters across subscribers. */
export function filterKey(f: Filter): string {
  return JSON.stringify([f.column, f.op, f.values]);
}
