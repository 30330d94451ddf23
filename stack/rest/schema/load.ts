// Loads the schema cache from pg_catalog: relations, columns, keys, foreign keys (also through
// views), functions. One round of catalog queries; relationships are derived in relationships.ts.
import type pg from 'pg';
import { buildRelationships, parseViewLineage, type ViewColumnOrigin } from './relationships.ts';
import type { Column, ForeignKey, PgFunction, SchemaCache, Table } from './types.ts';
import { qualified } from './types.ts';

type Queryable = Pick<pg.ClientBase, 'query'>;

const TABLES_SQL = `
select c.oid, n.nspname as schema, c.relname as name, c.relkind in ('v','m') as is_view,
  obj_description(c.oid, 'pg_class') as description,
  c.relkind in ('r','p') or (pg_relation_is_updatable(c.oid::regclass, true) & 8) = 8 as insertable,
  c.relkind in ('r','p') or (pg_relation_is_updatable(c.oid::regclass, true) & 4) = 4 as updatable,
  c.relkind in ('r','p') or (pg_relation_is_updatable(c.oid::regclass, true) & 16) = 16 as deletable
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = any($1) and c.relkind in ('r','v','m','f','p')`;

const COLUMNS_SQL = `
select a.attrelid as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
  coalesce(bt.typcategory, t.typcategory) as category,
  format_type(coalesce(nullif(t.typbasetype, 0), a.atttypid), null) as base_type,
  not a.attnotnull as nullable,
  case when a.attgenerated = '' then pg_get_expr(d.adbin, d.adrelid) end as default_expr,
  a.attidentity <> '' as identity, a.attgenerated <> '' as generated,
  (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e
    where e.enumtypid = coalesce(nullif(t.typbasetype, 0), a.atttypid)) as enum_values,
  col_description(a.attrelid, a.attnum) as description,
  case when a.atttypmod > 4 and t.typname in ('varchar', 'bpchar') then a.atttypmod - 4 end as max_length
from pg_attribute a
join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
join pg_type t on t.oid = a.atttypid
left join pg_type bt on bt.oid = t.typbasetype and t.typbasetype <> 0
left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
where n.nspname = any($1) and c.relkind in ('r','v','m','f','p') and a.attnum > 0 and not a.attisdropped
order by a.attrelid, a.attnum`;

const CONSTRAINTS_SQL = `
select con.conname as name, con.contype as type, n1.nspname as schema, c1.relname as table,
  array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
  n2.nspname as fschema, c2.relname as ftable,
  array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as fcolumns
from pg_constraint con
join pg_class c1 on c1.oid = con.conrelid join pg_namespace n1 on n1.oid = c1.relnamespace
left join pg_class c2 on c2.oid = con.confrelid left join pg_namespace n2 on n2.oid = c2.relnamespace
where con.contype in ('p', 'u', 'f') and n1.nspname not in ('pg_catalog', 'information_schema')`;

const VIEWS_SQL = `
select c.oid, r.ev_action::text as action from pg_rewrite r
join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm') and r.rulename = '_RETURN' and n.nspname not in ('pg_catalog', 'information_schema')`;

const RELATION_COLUMNS_SQL = `
select c.oid, n.nspname as schema, c.relname as name, a.attnum, a.attname
from pg_class c join pg_namespace n on n.oid = c.relnamespace
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
where c.oid = any($1::oid[])`;

const FUNCTIONS_SQL = `
select p.oid, n.nspname as schema, p.proname as name, p.provolatile as volatility, p.proretset as returns_set,
  coalesce(p.proargnames, '{}') as arg_names, coalesce(p.proargmodes::text[], '{}') as arg_modes,
  array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(x, i) order by i) as arg_types,
  p.pronargdefaults as n_defaults, format_type(p.prorettype, null) as return_type, t.typtype, t.typname,
  case when rc.relkind in ('r','v','m','f','p') then rn.nspname end as ret_schema, rc.relname as ret_table,
  obj_description(p.oid, 'pg_proc') as description,
  array(select json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) from pg_attribute a
        where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped order by a.attnum) as ret_columns
from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_type t on t.oid = p.prorettype
left join pg_class rc on rc.oid = t.typrelid left join pg_namespace rn on rn.oid = rc.relnamespace
where n.nspname = any($1) and p.prokind = 'f'`;

export async function loadSchemaCache(db: Queryable, schemas: string[]): Promise<SchemaCache> {
  const [tablesRes, columnsRes, consRes, viewsRes, fnRes] = [
    await db.query(TABLES_SQL, [schemas]),
    await db.query(COLUMNS_SQL, [schemas]),
    await db.query(CONSTRAINTS_SQL),
    await db.query(VIEWS_SQL),
    await db.query(FUNCTIONS_SQL, [schemas]),
  ];
  const byOid = new Map<number, Table>();
  const tables = new Map<string, Table>();
  for (const r of tablesRes.rows) {
    const t: Table = { schema: r.schema, name: r.name, isView: r.is_view, insertable: r.insertable, updatable: r.updatable, deletable: r.deletable, columns: [], pk: [], uniques: [], description: r.description, computed: [] };
    byOid.set(Number(r.oid), t);
    tables.set(qualified(t.schema, t.name), t);
  }
  for (const r of columnsRes.rows) byOid.get(Number(r.oid))?.columns.push(toColumn(r));
  const fks: ForeignKey[] = [];
  for (const r of consRes.rows) {
    if (r.type === 'f') fks.push({ name: r.name, schema: r.schema, table: r.table, columns: r.columns, fschema: r.fschema, ftable: r.ftable, fcolumns: r.fcolumns });
    const t = tables.get(qualified(r.schema, r.table));
    if (!t || r.type === 'f') continue;
    if (r.type === 'p') t.pk = r.columns;
    t.uniques.push(r.columns);
  }
  const lineage = await loadViewLineage(db, viewsRes.rows);
  const functions = new Map<string, PgFunction[]>();
  for (const r of fnRes.rows) {
    const fn = toFunction(r);
    const key = qualified(fn.schema, fn.name);
    functions.set(key, [...(functions.get(key) ?? []), fn]);
  }
  attachComputedFields(tables, functions);
  return { schemas, tables, relationships: buildRelationships(tables, fks, lineage), functions };
}

function attachComputedFields(tables: Map<string, Table>, functions: Map<string, PgFunction[]>): void {
  for (const fn of [...functions.values()].flat()) {
    const ins = fn.args.filter((a) => ['i', 'b'].includes(a.mode));
    if (ins.length !== 1 || fn.returnsSet || fn.returnsVoid || fn.returnsComposite) continue;
    const type = ins[0]!.type.replace(/"/g, '');
    const table = tables.get(type.includes('.') ? type : qualified('public', type));
    if (table && table.schema === fn.schema && !table.columns.some((c) => c.name === fn.name)) table.computed.push({ name: fn.name, schema: fn.schema, type: fn.returnType });
  }
}

function toColumn(r: Record<string, any>): Column {
  return {
    name: r.name, type: r.type, category: r.category, baseType: r.base_type, nullable: r.nullable, defaultExpr: r.default_expr,
    identity: r.identity, generated: r.generated, enumValues: r.enum_values, description: r.description, maxLength: r.max_length,
  };
}

function toFunction(r: Record<string, any>): PgFunction {
  const types: string[] = r.arg_types;
  const modes: string[] = r.arg_modes.length ? r.arg_modes : types.map(() => 'i');
  const names: string[] = r.arg_names;
  const inputIdx = modes.map((m, i) => (['i', 'b', 'v'].includes(m) ? i : -1)).filter((i) => i >= 0);
  const firstDefault = inputIdx.length - Number(r.n_defaults);
  const args = types.map((type, i) => ({ name: names[i] ?? '', type, mode: modes[i]!, hasDefault: inputIdx.indexOf(i) >= firstDefault }));
  const hasOutCols = modes.some((m) => m === 'o' || m === 't' || m === 'b');
  return {
    schema: r.schema, name: r.name, oid: Number(r.oid), args, returnType: r.return_type, returnsSet: r.returns_set,
    returnsTable: r.ret_schema ? qualified(r.ret_schema, r.ret_table) : null,
    returnsComposite: r.typtype === 'c' || (r.typname === 'record' && hasOutCols),
    returnsVoid: r.typname === 'void', volatility: r.volatility, description: r.description,
    returnColumns: hasOutCols ? args.filter((a) => ['o', 't', 'b'].includes(a.mode)).map((a) => ({ name: a.name, type: a.type })) : r.ret_columns,
  };
}

async function loadViewLineage(db: Queryable, views: Array<{ oid: number; action: string }>): Promise<ViewColumnOrigin[]> {
  const raw = views.flatMap((v) => parseViewLineage(Number(v.oid), v.action));
  const oids = [...new Set(raw.flatMap((o) => [o.viewOid, o.originOid]))];
  if (!oids.length) return [];
  const cols = await db.query(RELATION_COLUMNS_SQL, [oids]);
  const names = new Map<string, { schema: string; table: string; column: string }>();
  for (const r of cols.rows) names.set(`${r.oid}:${r.attnum}`, { schema: r.schema, table: r.name, column: r.attname });
  const out: ViewColumnOrigin[] = [];
  for (const o of raw) {
    const view = names.get(`${o.viewOid}:${o.viewAttnum}`);
    const origin = names.get(`${o.originOid}:${o.originAttnum}`);
    if (view && origin) out.push({ view: qualified(view.schema, view.table), viewColumn: view.column, origin: qualified(origin.schema, origin.table), originColumn: origin.column });
  }
  return out;
}
