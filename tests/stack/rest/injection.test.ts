// Hostile input in every place a name or value can come from: each gets a clear 4xx or is treated
// as data, and the canary table (and everything else) is unchanged afterwards.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anon, loadFixture, query, rest, service } from './helpers.ts';

/** Inside a quoted identifier: stays one (unknown) name. */
const DROP = `; drop table fixtures.canary; --`;
/** Closes a string literal if anything were interpolated. */
const SQ = `'); drop table fixtures.canary; --`;
/** The same without dots, so it cannot be read as an embed path in a query-string key. */
const SQ_NO_DOT = `'); delete from canary; --`;

beforeAll(loadFixture);

afterEach(async () => {
  expect(await query('select id, value from fixtures.canary order by id')).toEqual([{ id: 1, value: 'alive' }, { id: 2, value: 'well' }]);
  expect(await query('select count(*)::int as n from fixtures.items')).toEqual([{ n: 5 }]);
});

async function expectStatus(res: Response, status: number, code?: string): Promise<void> {
  expect(res.status).toBe(status);
  const body = await res.json();
  if (code) expect(body.code).toBe(code);
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message']);
}

describe('injection', () => {
  it('hostile column names in select are unknown columns or parse errors', async () => {
    const quoted = await anon().from('items').select(`id, "name${DROP}"`);
    expect(quoted.status).toBe(400);
    expect(quoted.error?.code).toBe('42703');
    await expectStatus(await rest(`/items?select=${encodeURIComponent(`id;${SQ}`)}`), 400, 'PGRST100');
    await expectStatus(await rest(`/items?select=${encodeURIComponent('id::text);delete from fixtures.canary')}`), 400, 'PGRST100');
  });

  it('hostile filter values are bound as data', async () => {
    const eq = await anon().from('items').select('id').eq('name', SQ);
    expect(eq).toMatchObject({ status: 200, data: [] });
    const like = await anon().from('items').select('id').like('name', `%${SQ}`);
    expect(like.data).toEqual([]);
    const list = await anon().from('items').select('id').in('name', [SQ, 'a(b)', 'apple']);
    expect(list.data).toEqual([{ id: 1 }]);
    const unescapedQuote = await anon().from('items').select('id').in('name', ['a")', 'apple']);
    expect(unescapedQuote.status).toBe(400);
    expect(unescapedQuote.error?.code).toBe('PGRST100');
    const tree = await anon().from('items').select('id').or(`name.eq."${SQ}",id.eq.2`);
    expect(tree.data).toEqual([{ id: 2 }]);
    const fts = await rest(`/items?note=fts(${encodeURIComponent(`english';drop`)}).x`);
    expect(fts.status).toBe(400);
  });

  it('hostile filter columns are unknown columns', async () => {
    const res = await anon().from('items').select('id').eq(`name${DROP}`, 'x');
    expect(res.status).toBe(400);
    await expectStatus(await rest(`/items?${encodeURIComponent(`id)or(1=1`)}=eq.1`), 400);
  });

  it('hostile order terms are rejected', async () => {
    await expectStatus(await rest(`/items?order=${encodeURIComponent('id;delete from fixtures.canary')}`), 400, 'PGRST100');
    const viaClient = await anon().from('items').select('id').order(`id${DROP}`);
    expect(viaClient.status).toBe(400);
    expect(viaClient.error?.code).toBe('PGRST100');
    await expectStatus(await rest(`/items?order=${encodeURIComponent(`"id${DROP}".desc`)}`), 400, '42703');
    await expectStatus(await rest(`/items?limit=${encodeURIComponent('1;drop table x')}`), 400, 'PGRST100');
  });

  it('hostile embed names and hints find no relationship', async () => {
    await expectStatus(await rest(`/items?select=${encodeURIComponent(`*,"canary${DROP}"(*)`)}`), 400, 'PGRST200');
    await expectStatus(await rest(`/books?select=${encodeURIComponent(`*,authors!"x${DROP}"(*)`)}`), 400, 'PGRST200');
    await expectStatus(await rest(`/items?${encodeURIComponent(`canary${DROP}.id`)}=eq.1`), 400);
  });

  it('hostile on_conflict and columns are rejected before any SQL', async () => {
    const conflict = await rest(`/items?on_conflict=${encodeURIComponent(`"email${DROP}"`)}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'resolution=merge-duplicates' }, body: JSON.stringify({ name: 'x', email: 'a@x.io' }) });
    await expectStatus(conflict, 400, '42703');
    const conflictRaw = await rest(`/items?on_conflict=${encodeURIComponent('id); delete from fixtures.canary; --')}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'resolution=merge-duplicates' }, body: JSON.stringify({ name: 'x' }) });
    await expectStatus(conflictRaw, 400, 'PGRST100');
    const columns = await rest(`/items?columns=${encodeURIComponent(`name,"note${DROP}"`)}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x' }) });
    await expectStatus(columns, 400, 'PGRST204');
    const key = await anon().from('items').insert({ name: 'x', [`note${DROP}`]: 1 });
    expect(key.error?.code).toBe('PGRST204');
    const patch = await anon().from('items').update({ [`name${SQ}`]: 'x' }).eq('id', 1);
    expect(patch.error?.code).toBe('PGRST204');
  });

  it('hostile JSON path keys are bound as data or rejected', async () => {
    const quotedKey = await rest(`/items?select=${encodeURIComponent(`id,x:data->>"${SQ}"`)}&id=eq.1`);
    expect(quotedKey.status).toBe(200);
    expect(await quotedKey.json()).toEqual([{ id: 1, x: null }]);
    await expectStatus(await rest(`/items?select=${encodeURIComponent(`data->>${SQ}`)}`), 400, 'PGRST100');
    const filterKey = await anon().from('items').select('id').eq(`data->>"${SQ_NO_DOT}"`, 'x');
    expect(filterKey).toMatchObject({ status: 200, data: [] });
  });

  it('hostile table, function and profile names are not found', async () => {
    await expectStatus(await rest(`/${encodeURIComponent(`items${DROP}`)}`), 404, 'PGRST205');
    await expectStatus(await rest(`/rpc/${encodeURIComponent(`add${DROP}`)}`), 404, 'PGRST202');
    await expectStatus(await rest('/items', { headers: { 'Accept-Profile': `fixtures${DROP}` } }), 406, 'PGRST106');
    const rpcArg = await service().rpc('greet', { name: SQ });
    expect(rpcArg.data).toBe(`hello ${SQ}`);
  });

  it('answers an oversized query string with a JSON 414 before any SQL', async () => {
    const res = await rest(`/items?id=in.(${Array.from({ length: 3000 }, (_, i) => i).join(',')})`);
    expect(res.status).toBe(414);
    expect((await res.json()).message).toContain('query string is longer than');
  });

  it('hostile Prefer values are ignored', async () => {
    const res = await rest('/items?select=id&id=eq.1', { headers: { Prefer: `count=exact; drop table fixtures.canary, return=${SQ}` } });
    expect(res.status).toBe(200);
  });
});
