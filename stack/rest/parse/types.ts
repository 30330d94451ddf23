// The typed request the query-string parser produces (PostgREST's ApiRequest/QueryParams).

export interface JsonStep {
  arrow: '->' | '->>';
  /** A key (object member) or an integer index (array element). */
  key: string | number;
}

export interface FieldRef {
  name: string;
  json: JsonStep[];
}

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'field'; field: FieldRef; alias?: string; cast?: string }
  | { kind: 'embed'; name: string; alias?: string; hint?: string; join?: 'inner' | 'left'; spread: boolean; children: SelectItem[] };

export type Quantifier = 'any' | 'all';

export interface Condition {
  kind: 'cond';
  field: FieldRef;
  negate: boolean;
  op: string;
  quant?: Quantifier;
  /** `in` lists are arrays; `is` keeps its keyword; everything else is the raw text. */
  value: string | string[];
  ftsConfig?: string;
}

export interface LogicTree {
  kind: 'logic';
  op: 'and' | 'or';
  negate: boolean;
  children: FilterNode[];
}

export type FilterNode = Condition | LogicTree;

export interface OrderTerm {
  /** Set when ordering by a to-one embed's column: `order=rel(col)`. */
  relation?: string;
  field: FieldRef;
  direction?: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

/** Filters, order and paging that apply at one embed level (root = empty path). */
export interface LevelParams {
  filters: FilterNode[];
  order: OrderTerm[] | null;
  limit: number | null;
  offset: number | null;
}

export interface QueryParams {
  select: SelectItem[];
  /** Keyed by embed path joined with '.', '' for the root. */
  levels: Map<string, LevelParams>;
  columns: string[] | null;
  onConflict: string[] | null;
  /** Query parameters that are not filters (RPC arguments on GET). */
  rpcArgs: Map<string, string[]>;
}

export function emptyLevel(): LevelParams {
  return { filters: [], order: null, limit: null, offset: null };
}
