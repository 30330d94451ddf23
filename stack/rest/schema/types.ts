// The schema cache: what PostgREST knows about the exposed schemas, loaded from pg_catalog.

export interface Column {
  name: string;
  /** format_type() text, usable verbatim in casts. */
  type: string;
  /** pg_type.typcategory of the (domain-resolved) type: 'A' array, 'S' string, 'N' numeric, ... */
  category: string;
  baseType: string;
  nullable: boolean;
  defaultExpr: string | null;
  identity: boolean;
  generated: boolean;
  enumValues: string[] | null;
  description: string | null;
  maxLength: number | null;
}

export interface Table {
  schema: string;
  name: string;
  isView: boolean;
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
  columns: Column[];
  pk: string[];
  /** Column sets with a unique constraint or index (including the PK). */
  uniques: string[][];
  description: string | null;
  /** Computed fields: functions `f(t this_table)` returning a scalar, selectable and filterable. */
  computed: Array<{ name: string; schema: string; type: string }>;
}

export interface ForeignKey {
  name: string;
  schema: string;
  table: string;
  columns: string[];
  fschema: string;
  ftable: string;
  fcolumns: string[];
}

export type Cardinality = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many';

export interface Junction {
  table: string;
  /** FK from the junction to the source, and to the target. */
  sourceFk: string;
  targetFk: string;
  /** junction columns → source columns, junction columns → target columns */
  sourceJCols: string[];
  targetJCols: string[];
}

export interface Relationship {
  cardinality: Cardinality;
  schema: string;
  source: string;
  target: string;
  constraint: string;
  /** Joined columns: source.sourceCols[i] = target.targetCols[i] (for m2m: with the junction). */
  sourceCols: string[];
  targetCols: string[];
  junction?: Junction;
}

export interface FunctionArg {
  name: string;
  type: string;
  /** i (in), o (out), b (inout), v (variadic), t (table column) */
  mode: string;
  hasDefault: boolean;
}

export interface PgFunction {
  schema: string;
  name: string;
  oid: number;
  args: FunctionArg[];
  returnType: string;
  returnsSet: boolean;
  /** The table/view whose row type the function returns, when it does. */
  returnsTable: string | null;
  /** Returns a composite (table row, composite type, or OUT/TABLE columns). */
  returnsComposite: boolean;
  returnsVoid: boolean;
  volatility: 'v' | 's' | 'i';
  description: string | null;
  /** Columns of the composite result (table row type, composite type or OUT/TABLE columns). */
  returnColumns: Array<{ name: string; type: string }>;
}

export interface SchemaCache {
  schemas: string[];
  tables: Map<string, Table>;
  relationships: Relationship[];
  functions: Map<string, PgFunction[]>;
}

export const qualified = (schema: string, name: string): string => `${schema}.${name}`;
