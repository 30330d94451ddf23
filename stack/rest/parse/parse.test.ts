import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { parseFilter, parseLogic } from './filter.ts';
import { parseOrder, parseQuery } from './query.ts';
import { parseSelect } from './select.ts';

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('select parser', () => {
  it('parses fields, aliases, casts and JSON paths', () => {
    expect(parseSelect('id,label:name,price::text,data->a->>b,c:data->0')).toEqual([
      { kind: 'field', field: { name: 'id', json: [] } },
      { kind: 'field', field: { name: 'name', json: [] }, alias: 'label' },
      { kind: 'field', field: { name: 'price', json: [] }, cast: 'text' },
      { kind: 'field', field: { name: 'data', json: [{ arrow: '->', key: 'a' }, { arrow: '->>', key: 'b' }] } },
      { kind: 'field', field: { name: 'data', json: [{ arrow: '->', key: 0 }] }, alias: 'c' },
    ]);
  });

  it('parses embeds with hints, join types, spreads and nesting', () => {
    expect(parseSelect('*,author:users!sender_fk!inner(id,books(*)),...profile(name),x!left()')).toEqual([
      { kind: 'star' },
      { kind: 'embed', name: 'users', alias: 'author', hint: 'sender_fk', join: 'inner', spread: false, children: [
        { kind: 'field', field: { name: 'id', json: [] } },
        { kind: 'embed', name: 'books', spread: false, children: [{ kind: 'star' }] },
      ] },
      { kind: 'embed', name: 'profile', spread: true, children: [{ kind: 'field', field: { name: 'name', json: [] } }] },
      { kind: 'embed', name: 'x', join: 'left', spread: false, children: [] },
    ]);
  });

  it('accepts quoted names with escapes', () => {
    expect(parseSelect('"my col","a\\"b"')).toEqual([
      { kind: 'field', field: { name: 'my col', json: [] } },
      { kind: 'field', field: { name: 'a"b', json: [] } },
    ]);
  });

  it('rejects malformed input with PGRST100 and a column', () => {
    const err = errorOf(() => parseSelect('id,books(title'));
    expect(err.status).toBe(400);
    expect(err.body.code).toBe('PGRST100');
    expect(err.body.message).toBe('"failed to parse select parameter (id,books(title)" (line 1, column 15)');
    expect(errorOf(() => parseSelect('id;drop table x')).body.code).toBe('PGRST100');
    expect(errorOf(() => parseSelect('id::text;drop')).body.code).toBe('PGRST100');
  });

  it('refuses aggregates while they are disabled (PGRST123)', () => {
    expect(errorOf(() => parseSelect('price.sum()')).body.code).toBe('PGRST123');
    expect(errorOf(() => parseSelect('count()')).body.code).toBe('PGRST123');
  });
});

describe('filter parser', () => {
  const f = { name: 'col', json: [] };
  it('keeps the whole rest as the value of a plain filter', () => {
    expect(parseFilter(f, 'eq.a.b,c(d)')).toMatchObject({ op: 'eq', value: 'a.b,c(d)', negate: false });
    expect(parseFilter(f, 'not.like.*x*')).toMatchObject({ op: 'like', value: '*x*', negate: true });
  });
  it('parses in lists with quotes and empty lists', () => {
    expect(parseFilter(f, 'in.("a,b",c,"d\\"e")').value).toEqual(['a,b', 'c', 'd"e']);
    expect(parseFilter(f, 'in.()').value).toEqual([]);
  });
  it('parses quantifiers, fts configs and is', () => {
    expect(parseFilter(f, 'like(any).{a*,*b}')).toMatchObject({ op: 'like', quant: 'any', value: '{a*,*b}' });
    expect(parseFilter(f, 'fts(english).cat & dog')).toMatchObject({ op: 'fts', ftsConfig: 'english', value: 'cat & dog' });
    expect(parseFilter(f, 'is.NULL').value).toBe('null');
    expect(errorOf(() => parseFilter(f, 'is.maybe')).body.code).toBe('PGRST100');
    expect(errorOf(() => parseFilter(f, 'eq(any).x')).body.code).toBe('PGRST100');
    expect(errorOf(() => parseFilter(f, 'bogus.1')).body.code).toBe('PGRST100');
  });
  it('parses nested logic trees with quoted values, arrays and ranges', () => {
    const tree = parseLogic('or', false, '(a.eq.1,and(b.gt.2,c.is.null),not.and(d.eq."x,y",e.cs.{1,2}),r.adj.[1,5))');
    expect(tree.children).toHaveLength(4);
    expect(tree.children[1]).toMatchObject({ kind: 'logic', op: 'and', negate: false });
    expect(tree.children[2]).toMatchObject({ kind: 'logic', op: 'and', negate: true, children: [{ value: 'x,y' }, { value: '{1,2}' }] });
    expect(tree.children[3]).toMatchObject({ op: 'adj', value: '[1,5)' });
    expect(errorOf(() => parseLogic('or', false, '(a.eq.1')).body.code).toBe('PGRST100');
  });
});

describe('query parser', () => {
  it('routes keys to levels', () => {
    const q = parseQuery('select=*,books(*)&id=gt.1&books.year=gte.1970&books.order=year.desc&books.limit=1&not.or=(a.eq.1,b.eq.2)&limit=5&offset=2&columns="a",b&on_conflict=email');
    expect(q.levels.get('')).toMatchObject({ limit: 5, offset: 2 });
    expect(q.levels.get('')!.filters).toHaveLength(2);
    expect(q.levels.get('books')).toMatchObject({ limit: 1, order: [{ field: { name: 'year' }, direction: 'desc' }] });
    expect(q.columns).toEqual(['a', 'b']);
    expect(q.onConflict).toEqual(['email']);
  });
  it('parses order terms with nulls, JSON paths and related columns', () => {
    expect(parseOrder('a.desc.nullslast,data->>k.asc,author(name).desc')).toEqual([
      { field: { name: 'a', json: [] }, direction: 'desc', nulls: 'last' },
      { field: { name: 'data', json: [{ arrow: '->>', key: 'k' }] }, direction: 'asc' },
      { relation: 'author', field: { name: 'name', json: [] }, direction: 'desc' },
    ]);
    expect(errorOf(() => parseOrder('a.sideways')).body.code).toBe('PGRST100');
  });
  it('rejects bad limits', () => {
    expect(errorOf(() => parseQuery('limit=-1')).body.code).toBe('PGRST100');
    expect(errorOf(() => parseQuery('offset=1;drop')).body.code).toBe('PGRST100');
  });
  it('treats RPC GET keys as arguments when they are not filters', () => {
    const q = parseQuery('a=1&b=eq.2&c=gt.3', { rpcArgNames: new Set(['a', 'b']) });
    expect([...q.rpcArgs]).toEqual([['a', ['1']], ['b', ['eq.2']]]);
    expect(q.levels.get('')!.filters).toHaveLength(1);
  });
});
