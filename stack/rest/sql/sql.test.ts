import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { parseQuery } from '../parse/query.ts';
import { buildRelationships, parseViewLineage } from '../schema/relationships.ts';
import type { Column, SchemaCache, Table } from '../schema/types.ts';
import { Params } from './fragments.ts';
import { deleteStatement, insertStatement, updateStatement } from './mutate.ts';
import { readStatement } from './read-statement.ts';

const col = (name: string, type = 'text', extra: Partial<Column> = {}): Column => ({
  name, type, category: 'S', baseType: type, nullable: true, defaultExpr: null, identity: false, generated: false, enumValues: null, description: null, maxLength: null, ...extra,
});
const table = (name: string, columns: Column[], pk: string[]): Table => ({
  schema: 'public', name, isView: false, insertable: true, updatable: true, deletable: true, columns, pk, uniques: [pk], description: null, computed: [],
});

const authors = table('authors', [col('id', 'integer'), col('name')], ['id']);
const books = table('books', [col('id', 'integer'), col('title'), col('author_id', 'integer'), col('data', 'jsonb')], ['id']);
const tables = new Map([['public.authors', authors], ['public.books', books]]);
const cache: SchemaCache = {
  schemas: ['public'], tables, functions: new Map(),
  relationships: buildRelationships(tables, [{ name: 'books_author_id_fkey', schema: 'public', table: 'books', columns: ['author_id'], fschema: 'public', ftable: 'authors', fcolumns: ['id'] }], []),
};

function ctx(query: string) {
  const q = parseQuery(query);
  return { q, rc: { cache, schema: 'public', params: new Params(), levels: q.levels, counter: { n: 0 }, maxRows: 1000, visited: new Set<string>() } };
}

describe('read statements', () => {
  it('binds every filter value and quotes every identifier', () => {
    const { q, rc } = ctx("select=id,title&title=eq.x'); drop table books;--&data->>k=like.*a*");
    const stmt = readStatement(rc, books, q.select, { count: false, shape: 'array' });
    expect(stmt.sql).toContain('"t0"."title" = $1');
    expect(stmt.sql).toContain('"t0"."data"->>$2::text LIKE $3');
    expect(stmt.values).toEqual(["x'); drop table books;--", 'k', '%a%']);
    expect(stmt.sql).not.toContain('drop table');
    expect(stmt.sql).toContain('LIMIT 1000');
  });

  it('embeds to-one with row_to_json and to-many with json_agg', () => {
    const { q, rc } = ctx('select=title,authors(name)');
    expect(readStatement(rc, books, q.select, { count: false, shape: 'array' }).sql).toMatch(/row_to_json\("e"\)[\s\S]*"t1"."id" = "t0"."author_id"/);
    const many = ctx('select=name,books!inner(title)&books.title=eq.x');
    const sql = readStatement(many.rc, authors, many.q.select, { count: true, shape: 'array' }).sql;
    expect(sql).toMatch(/json_agg\("e"\)[\s\S]*"t1"."author_id" = "t0"."id"/);
    expect(sql).toContain('"l1"."body" IS NOT NULL');
    expect(sql).toMatch(/SELECT \(SELECT count\(\*\) FROM "public"."books"|SELECT \(SELECT count\(\*\) FROM "public"."authors"/);
  });

  it('rejects unknown columns and relationships before any SQL exists', () => {
    const bad = ctx('select=nope');
    expect(() => readStatement(bad.rc, books, bad.q.select, { count: false, shape: 'array' })).toThrow(ApiError);
    const rel = ctx('select=*,publishers(*)');
    try {
      readStatement(rel.rc, books, rel.q.select, { count: false, shape: 'array' });
      expect.unreachable();
    } catch (err) {
      expect((err as ApiError).body.code).toBe('PGRST200');
    }
  });

  it('needs an embed to be selected before filtering it (PGRST108)', () => {
    const { q, rc } = ctx('select=id&authors.name=eq.x');
    expect(() => readStatement(rc, books, q.select, { count: false, shape: 'array' })).toThrow(/not an embedded resource/);
  });
});

describe('mutation statements', () => {
  const out = { select: [{ kind: 'star' as const }], shape: 'array' as const, wantPk: false, rows: false };

  it('inserts through json_populate_record and returns no columns for return=minimal', () => {
    const { rc } = ctx('');
    const stmt = insertStatement(rc, books, { rows: [{ title: 'a' }, { title: 'b', author_id: 1 }], columns: ['title', 'author_id'], missingDefault: true, onConflict: null }, out);
    expect(stmt.sql).toContain('json_populate_record(NULL::"public"."books"');
    expect(stmt.sql).toContain(`CASE WHEN "_e"."j"::jsonb ? 'author_id'`);
    expect(stmt.sql).toContain('RETURNING 1');
    expect(stmt.values).toEqual([JSON.stringify([{ title: 'a' }, { title: 'b', author_id: 1 }])]);
  });

  it('upserts with ON CONFLICT on the given columns', () => {
    const { rc } = ctx('');
    const stmt = insertStatement(rc, books, { rows: [{ id: 1, title: 'a' }], columns: ['id', 'title'], missingDefault: false, onConflict: { columns: ['id'], action: 'merge' } }, { ...out, rows: true });
    expect(stmt.sql).toContain('ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id", "title" = EXCLUDED."title"');
    expect(stmt.sql).toContain('xmax = 0');
  });

  it('refuses unfiltered UPDATE and DELETE like pg-safeupdate', () => {
    const { rc } = ctx('');
    expect(() => updateStatement(rc, books, { title: 'x' }, ['title'], [], out)).toThrow('UPDATE requires a WHERE clause');
    expect(() => deleteStatement(rc, books, [], out)).toThrow('DELETE requires a WHERE clause');
  });
});

describe('view lineage', () => {
  it('takes the last 1..n run of target entries', () => {
    const action = '({QUERY :rtable ({RTE :subquery {QUERY :targetList ({TARGETENTRY :resno 1 :resname x :ressortgroupref 0 :resorigtbl 99 :resorigcol 1 :resjunk false})}}) :targetList ({TARGETENTRY :resno 1 :resname id :ressortgroupref 0 :resorigtbl 10 :resorigcol 1 :resjunk false} {TARGETENTRY :resno 2 :resname n :ressortgroupref 0 :resorigtbl 10 :resorigcol 3 :resjunk false})})';
    expect(parseViewLineage(5, action)).toEqual([
      { viewOid: 5, viewAttnum: 1, originOid: 10, originAttnum: 1 },
      { viewOid: 5, viewAttnum: 2, originOid: 10, originAttnum: 3 },
    ]);
  });
});
