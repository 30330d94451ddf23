// What the dispatcher needs to know about a replicated table, read from the catalog once per
// relation message (a new session or DDL sends a fresh one): column SQL types and `typname`s, the
// primary key, whether RLS is on, and per role which columns it may SELECT.
import type { Database } from '../db/database.ts';

export interface ColumnMeta {
  name: string;
  /** `pg_type.typname`, as payload `columns[].type` carries it (`int4`, `_text`). */
  typname: string;
  /** `format_type()`, safe to splice into SQL casts (Postgres quotes what needs quoting). */
  sqlType: string;
}

export interface RelationMeta {
  relid: number;
  schema: string;
  table: string;
  /** Every live column, in attnum order. */
  columns: ColumnMeta[];
  primaryKey: string[];
  rls: boolean;
}

export class Relations {
  private readonly metas = new Map<number, Promise<RelationMeta>>();
  private readonly selectable = new Map<string, Promise<Set<string>>>();

  constructor(private readonly db: Database) {}

  invalidate(relid: number): void {
    this.metas.delete(relid);
    for (const key of [...this.selectable.keys()]) if (key.startsWith(`${relid}|`)) this.selectable.delete(key);
  }

  get(relid: number): Promise<RelationMeta> {
    let meta = this.metas.get(relid);
    if (!meta) {
      meta = this.load(relid);
      meta.catch(() => this.metas.delete(relid));
      this.metas.set(relid, meta);
    }
    return meta;
  }

  /** Columns `role` may SELECT; empty for a role that does not exist. */
  selectableColumns(relid: number, role: string): Promise<Set<string>> {
    const key = `${relid}|${role}`;
    let cols = this.selectable.get(key);
    if (!cols) {
      cols = this.db.pool
        .query<{ attname: string }>(
          `select a.attname from pg_attribute a
            where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped
              and exists (select 1 from pg_roles where rolname = $2)
              and has_column_privilege($2, a.attrelid, a.attnum, 'SELECT')`,
          [relid, role],
        )
        .then(({ rows }) => new Set(rows.map((r) => r.attname)));
      cols.catch(() => this.selectable.delete(key));
      this.selectable.set(key, cols);
    }
    return cols;
  }

  private async load(relid: number): Promise<RelationMeta> {
    const { rows } = await this.db.pool.query<{
      schema: string;
      table: string;
      rls: boolean;
      pk: string[] | null;
      columns: ColumnMeta[];
    }>(
      `select n.nspname as schema, c.relname as table, c.relrowsecurity as rls,
              (select array_agg(a.attname::text order by k.ord)
                 from pg_index i, unnest(i.indkey) with ordinality k(attnum, ord), pg_attribute a
                where i.indrelid = c.oid and i.indisprimary and a.attrelid = c.oid and a.attnum = k.attnum) as pk,
              (select json_agg(json_build_object('name', a.attname, 'typname', t.typname,
                                                 'sqlType', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
                 from pg_attribute a join pg_type t on t.oid = a.atttypid
                where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.oid = $1`,
      [relid],
    );
    const row = rows[0];
    if (!row) throw new Error(`relation ${relid} not found`);
    return { relid, schema: row.schema, table: row.table, columns: row.columns ?? [], primaryKey: row.pk ?? [], rls: row.rls };
  }
}
