// RPC: named arguments by POST and GET, scalar / composite / SETOF results, void, a json argument,
// overloads, volatility on GET, and the function errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { anon, loadFixture, query, rest } from './helpers.ts';

beforeAll(loadFixture);

describe('rpc', () => {
  it('returns a scalar as bare JSON, by POST and by GET', async () => {
    expect(await anon().rpc('add', { a: 2, b: 3 })).toMatchObject({ data: 5, error: null, status: 200 });
    expect((await anon().rpc('add', { a: 2 }, { get: true })).data).toBe(3);
    const raw = await rest('/rpc/add?a=4&b=5');
    expect(await raw.text()).toBe('9');
  });

  it('applies select, filters, order and range to SETOF table results', async () => {
    const { data, error } = await anon().rpc('books_by_author', { author: 1 }).select('title').gte('year', 1970).order('title');
    expect(error).toBeNull();
    expect(data).toEqual([{ title: 'Dispossessed' }]);
    const { data: first, count } = await anon().rpc('books_by_author', { author: 1 }, { count: 'exact' }).range(0, 0);
    expect(first).toEqual([{ id: 1, title: 'Earthsea', author_id: 1, year: 1968 }]);
    expect(count).toBe(2);
  });

  it('embeds from a function returning table rows', async () => {
    const { data } = await anon().rpc('books_by_author', { author: 2 }).select('title, authors(name)');
    expect(data).toEqual([{ title: 'Kindred', authors: { name: 'Octavia' } }]);
  });

  it('returns RETURNS TABLE rows and SETOF scalars', async () => {
    const { data } = await anon().rpc('author_pairs').eq('author_name', 'Ursula');
    expect(data).toEqual([{ author_name: 'Ursula', book_count: 2 }]);
    expect((await anon().rpc('titles')).data).toEqual(['Earthsea', 'Dispossessed', 'Kindred', 'Anonymous']);
  });

  it('single() on a SETOF result gives an object', async () => {
    const { data } = await anon().rpc('books_by_author', { author: 2 }).select('title').single();
    expect(data).toEqual({ title: 'Kindred' });
  });

  it('void functions answer 204 and data null', async () => {
    const res = await anon().rpc('noop');
    expect(res).toMatchObject({ status: 204, data: null, error: null });
  });

  it('passes the whole body to a single unnamed json parameter, and to one jsonb with params=single-object', async () => {
    expect((await anon().rpc('echo', { any: ['thing', 1] })).data).toEqual({ any: ['thing', 1] });
    const res = await rest('/rpc/wrap', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'params=single-object' }, body: JSON.stringify({ x: 1 }) });
    expect(await res.json()).toEqual({ got: { x: 1 } });
    expect((await anon().rpc('wrap', { payload: { y: 2 } })).data).toEqual({ got: { y: 2 } });
  });

  it('chooses an overload by argument names', async () => {
    expect((await anon().rpc('greet', { name: 'ann' })).data).toBe('hello ann');
    expect((await anon().rpc('greet', { first: 'ann', last: 'lee' })).data).toBe('hello ann lee');
  });

  it('runs GET read-only: a function that writes fails with 405 25006; POST commits', async () => {
    const get = await anon().rpc('bump', {}, { get: true });
    expect(get.status).toBe(405);
    expect(get.error?.code).toBe('25006');
    const before = (await query('select hits from fixtures.counter'))[0].hits;
    const post = await anon().rpc('bump');
    expect(post.data).toBe(before + 1);
  });

  it('answers 404 PGRST202 for an unknown function with the searched signature', async () => {
    const { error, status } = await anon().rpc('ad', { a: 1 });
    expect(status).toBe(404);
    expect(error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function fixtures.ad(a) in the schema cache',
      details: 'Searched for the function fixtures.ad with parameter a or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
      hint: 'Perhaps you meant to call the function fixtures.add',
    });
    const wrongArgs = await anon().rpc('add', { x: 1 });
    expect(wrongArgs.error?.code).toBe('PGRST202');
  });

  it('maps RAISE EXCEPTION to 400 P0001 and custom PTxxx SQLSTATEs to their status', async () => {
    const plain = await anon().rpc('fail_plain');
    expect(plain.status).toBe(400);
    expect(plain.error).toMatchObject({ code: 'P0001', message: 'plain failure', hint: 'try again', details: null });
    const custom = await anon().rpc('fail_payment');
    expect(custom.status).toBe(402);
    expect(custom.error).toMatchObject({ code: 'PT402', message: 'Payment required', details: 'card declined', hint: 'use another card' });
    const raw = await rest('/rpc/fail_payment', { method: 'POST' });
    expect(raw.statusText).toBe('Payment required');
    expect(raw.headers.get('proxy-status')).toBe('PostgREST; error=PT402');
  });

  it('lets SQL set response.status and response.headers', async () => {
    const res = await rest('/rpc/created_elsewhere', { method: 'POST' });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-trace')).toBe('abc');
    expect(res.headers.get('location')).toBe('/elsewhere');
    expect(await res.json()).toBe(42);
    const bad = await rest('/rpc/bad_headers', { method: 'POST' });
    expect(bad.status).toBe(500);
    expect((await bad.json()).code).toBe('PGRST111');
  });

  it('refuses other methods with 405 PGRST101', async () => {
    const res = await rest('/rpc/add', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ code: 'PGRST101', message: 'Cannot use the PATCH method on RPC' });
  });

  it('gives 500 57014 when the anon statement_timeout (3s) cancels a call', async () => {
    const { error, status } = await anon().rpc('slow');
    expect(status).toBe(500);
    expect(error).toMatchObject({ code: '57014', message: 'canceling statement due to statement timeout' });
  });
});
