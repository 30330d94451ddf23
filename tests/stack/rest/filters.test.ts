// Horizontal filters: every operator, negation, logic trees, quantifiers, as postgrest-js sends them.
import { beforeAll, describe, expect, it } from 'vitest';
import { anon, loadFixture, rest } from './helpers.ts';

beforeAll(loadFixture);

async function ids(builder: PromiseLike<{ data: Array<{ id: number }> | null; error: unknown }>): Promise<number[]> {
  const { data, error } = await builder;
  expect(error).toBeNull();
  return (data ?? []).map((r) => r.id).sort((a, b) => a - b);
}

async function rawIds(query: string): Promise<number[]> {
  const res = await rest(`/items?select=id&${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b);
}

const items = () => anon().from('items').select('id');

describe('comparison operators', () => {
  it('eq neq gt gte lt lte', async () => {
    expect(await ids(items().eq('name', 'apple'))).toEqual([1]);
    expect(await ids(items().neq('size', 'large'))).toEqual([1, 2]);
    expect(await ids(items().gt('price', 1))).toEqual([1, 5]);
    expect(await ids(items().gte('price', 1.5))).toEqual([1, 5]);
    expect(await ids(items().lt('price', 0.8))).toEqual([2]);
    expect(await ids(items().lte('price', 0.8))).toEqual([2, 3]);
  });

  it('like ilike match imatch with * wildcards', async () => {
    expect(await ids(items().like('name', '*an*'))).toEqual([2, 5]);
    expect(await ids(items().ilike('name', 'd*'))).toEqual([5]);
    expect(await ids(items().regexMatch('name', '^[ab]'))).toEqual([1, 2, 4]);
    expect(await ids(items().regexIMatch('name', '^DUR'))).toEqual([5]);
  });

  it('in with commas and parentheses in values', async () => {
    expect(await ids(items().in('name', ['a,b', 'Durian (king)', 'apple']))).toEqual([1, 4, 5]);
    expect(await ids(items().in('id', []))).toEqual([]);
    expect(await ids(items().not('id', 'in', '(1,2)'))).toEqual([3, 4, 5]);
  });

  it('is null/true/false/not_null and isdistinct', async () => {
    expect(await ids(items().is('note', null))).toEqual([3]);
    expect(await ids(items().not('note', 'is', null))).toEqual([1, 2, 4, 5]);
    expect(await rawIds('note=is.not_null')).toEqual([1, 2, 4, 5]);
    expect(await ids(anon().from('numbers').select('id:n').is('even', true).lte('n', 4))).toEqual([2, 4]);
    expect(await rawIds('size=isdistinct.large')).toEqual([1, 2, 4]);
  });

  it('full-text search: fts plfts phfts wfts, with a config and on non-tsvector columns', async () => {
    expect(await ids(items().textSearch('body_tsv', 'sweet'))).toEqual([1]);
    expect(await ids(items().textSearch('note', 'yellow fruit', { type: 'plain', config: 'english' }))).toEqual([2]);
    expect(await ids(items().textSearch('note', 'king of fruits', { type: 'phrase', config: 'english' }))).toEqual([5]);
    expect(await ids(items().textSearch('note', 'fruit -yellow', { type: 'websearch', config: 'english' }))).toEqual([5]);
  });

  it('array and range operators: cs cd ov sl sr nxl nxr adj', async () => {
    expect(await ids(items().contains('tags', ['fruit']))).toEqual([1, 2, 5]);
    expect(await ids(items().containedBy('tags', ['fruit', 'red', 'yellow']))).toEqual([1, 2, 4, 5]);
    expect(await ids(items().overlaps('tags', ['red', 'vegetable']))).toEqual([1, 3]);
    expect(await ids(items().contains('data', { color: 'red' }))).toEqual([1]);
    expect(await ids(items().rangeLt('span', '[10,20)'))).toEqual([1, 2]);
    expect(await ids(items().rangeGt('span', '[5,10)'))).toEqual([3, 5]);
    expect(await ids(items().rangeGte('span', '[5,10)'))).toEqual([2, 3, 5]);
    expect(await ids(items().rangeLte('span', '[5,10)'))).toEqual([1, 2]);
    expect(await ids(items().rangeAdjacent('span', '[5,10)'))).toEqual([1, 3]);
  });

  it('filters on JSON paths', async () => {
    expect(await ids(items().eq('data->>color', 'yellow'))).toEqual([2]);
    expect(await ids(items().gt('data->dims->w', 5))).toEqual([2]);
  });

  it('quantifiers: eq(any), like(all), likeAnyOf, ilikeAllOf', async () => {
    expect(await rawIds('id=eq(any).{1,3}')).toEqual([1, 3]);
    expect(await rawIds('name=like(all).{*a*,*n*}')).toEqual([2, 5]);
    expect(await ids(items().likeAnyOf('name', ['ap*', 'car*']))).toEqual([1, 3]);
    expect(await ids(items().ilikeAllOf('name', ['*A*', '*N*']))).toEqual([2, 5]);
    expect(await rawIds('price=gt(all).{0.5,1}')).toEqual([1, 5]);
  });

  it('negates any operator with not', async () => {
    expect(await ids(items().not('name', 'like', '*a*'))).toEqual([]);
    expect(await ids(items().not('size', 'eq', 'large'))).toEqual([1, 2]);
  });
});

describe('logic trees', () => {
  it('or, nested and, negated trees, repeated filters ANDed', async () => {
    expect(await ids(items().or('size.eq.small,and(price.gt.10,note.not.is.null)'))).toEqual([1, 5]);
    expect(await rawIds('not.or=(id.eq.1,id.eq.2)')).toEqual([3, 4, 5]);
    expect(await rawIds('or=(id.eq.1,not.and(id.gt.1,id.lt.5))')).toEqual([1, 5]);
    expect(await ids(items().gt('id', 1).lt('id', 4))).toEqual([2, 3]);
    expect(await ids(items().or('name.eq."a,b",name.in.(apple,"Durian (king)")'))).toEqual([1, 4, 5]);
  });

  it('or on a referenced table filters the embedded rows', async () => {
    const { data } = await anon().from('authors').select('id, books(title)').or('year.lt.1970,year.gt.1978', { referencedTable: 'books' }).order('id');
    expect(data).toEqual([
      { id: 1, books: [{ title: 'Earthsea' }] },
      { id: 2, books: [{ title: 'Kindred' }] },
      { id: 3, books: [] },
    ]);
  });

  it('match() adds one eq per key and filter() passes raw operators', async () => {
    expect(await ids(items().match({ size: 'large', name: 'carrot' }))).toEqual([3]);
    expect(await ids(items().filter('id', 'in', '(2,5)'))).toEqual([2, 5]);
  });
});

describe('bad filters', () => {
  it('answers 400 PGRST100 for an unknown operator and 22P02 for a bad value', async () => {
    const bad = await rest('/items?id=like(none).1');
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('PGRST100');
    const { error, status } = await items().eq('id', 'abc');
    expect(status).toBe(400);
    expect(error?.code).toBe('22P02');
  });
});
