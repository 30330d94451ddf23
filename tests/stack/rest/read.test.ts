// Reads: select grammar, embedding, order, paging, counts, Range/Content-Range, output formats.
import { beforeAll, describe, expect, it } from 'vitest';
import { anon, loadFixture, rest, service } from './helpers.ts';

beforeAll(loadFixture);

describe('select grammar', () => {
  it('supports aliases, casts and JSON paths', async () => {
    const { data, error } = await anon().from('items').select('id, label:name, price::text, color:data->>color, w:data->dims->w, data->list->0').eq('id', 1);
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, label: 'apple', price: '1.50', color: 'red', w: 3, '0': 1 }]);
  });

  it('returns every column for * with Postgres types mapped to JSON', async () => {
    const { data } = await anon().from('items').select('*').eq('id', 2).single();
    expect(data).toMatchObject({ id: 2, name: 'banana', tags: ['fruit', 'yellow'], price: 0.25, size: 'medium', span: '[5,10)', data: { color: 'yellow', dims: { w: 7 } } });
  });

  it('selects, filters and orders on computed fields, which * leaves out', async () => {
    const { data } = await anon().from('items').select('id, label').like('label', '*(large)').order('id', { ascending: false });
    expect(data).toEqual([{ id: 5, label: 'Durian (king) (large)' }, { id: 3, label: 'carrot (large)' }]);
    const ordered = await rest('/items?select=id&id=in.(1,2)&order=label.desc');
    expect(await ordered.json()).toEqual([{ id: 2 }, { id: 1 }]);
    const star = await anon().from('items').select('*').eq('id', 1).single();
    expect(star.data).not.toHaveProperty('label');
  });

  it('answers 42703 for an unknown column', async () => {
    const { error, status } = await anon().from('items').select('nope');
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: '42703', message: 'column items.nope does not exist' });
  });
});

describe('embedding', () => {
  it('embeds many-to-one as an object or null', async () => {
    const { data } = await anon().from('books').select('title, authors(name)').order('id');
    expect(data).toEqual([
      { title: 'Earthsea', authors: { name: 'Ursula' } },
      { title: 'Dispossessed', authors: { name: 'Ursula' } },
      { title: 'Kindred', authors: { name: 'Octavia' } },
      { title: 'Anonymous', authors: null },
    ]);
  });

  it('embeds one-to-many as an array, [] when empty', async () => {
    const { data } = await anon().from('authors').select('name, books(title)').order('id').order('id', { referencedTable: 'books' });
    expect(data).toEqual([
      { name: 'Ursula', books: [{ title: 'Earthsea' }, { title: 'Dispossessed' }] },
      { name: 'Octavia', books: [{ title: 'Kindred' }] },
      { name: 'Nobody', books: [] },
    ]);
  });

  it('embeds many-to-many through a junction table', async () => {
    const { data } = await anon().from('students').select('name, courses(title)').order('id');
    expect(data).toEqual([
      { name: 'Ann', courses: expect.arrayContaining([{ title: 'Math' }, { title: 'Art' }]) },
      { name: 'Bo', courses: [{ title: 'Art' }] },
    ]);
  });

  it('filters, orders and limits embedded rows without dropping parents', async () => {
    const { data } = await anon().from('authors').select('name, books(title, year)').eq('books.year', 1974).order('id').limit(2);
    expect(data).toEqual([{ name: 'Ursula', books: [{ title: 'Dispossessed', year: 1974 }] }, { name: 'Octavia', books: [] }]);
    const ordered = await anon().from('authors').select('name, books(title)').eq('id', 1).order('year', { referencedTable: 'books', ascending: false }).limit(1, { referencedTable: 'books' });
    expect(ordered.data).toEqual([{ name: 'Ursula', books: [{ title: 'Dispossessed' }] }]);
  });

  it('filters a to-one embed: null without !inner, parent dropped with it', async () => {
    const loose = await anon().from('books').select('id, authors(name)').eq('authors.name', 'Octavia').order('id');
    expect(loose.data).toEqual([{ id: 1, authors: null }, { id: 2, authors: null }, { id: 3, authors: { name: 'Octavia' } }, { id: 4, authors: null }]);
    const inner = await anon().from('books').select('id, authors!inner(name)').eq('authors.name', 'Octavia');
    expect(inner.data).toEqual([{ id: 3, authors: { name: 'Octavia' } }]);
  });

  it('embeds and filters at any depth', async () => {
    const { data } = await anon().from('books').select('title, authors(name, books(title))').eq('id', 3).eq('authors.books.title', 'Kindred');
    expect(data).toEqual([{ title: 'Kindred', authors: { name: 'Octavia', books: [{ title: 'Kindred' }] } }]);
  });

  it('drops parents without matches with !inner', async () => {
    const { data } = await anon().from('authors').select('name, books!inner(title)').eq('books.title', 'Kindred');
    expect(data).toEqual([{ name: 'Octavia', books: [{ title: 'Kindred' }] }]);
  });

  it('filters parents on having a related row with is.null / not.is.null', async () => {
    const none = await anon().from('authors').select('name, books(id)').is('books', null);
    expect(none.data).toEqual([{ name: 'Nobody', books: [] }]);
    const some = await anon().from('authors').select('name, books(id)').not('books', 'is', null);
    expect(some.data?.map((a) => a.name).sort()).toEqual(['Octavia', 'Ursula']);
  });

  it('disambiguates with !hint, by FK column, and reports 300 PGRST201 otherwise', async () => {
    const { data } = await anon().from('messages').select('body, from:users!messages_sender_fkey(username), to:receiver_id(username)').eq('id', 1);
    expect(data).toEqual([{ body: 'hi bob', from: { username: 'ann' }, to: { username: 'bob' } }]);
    const { error, status } = await anon().from('messages').select('*, users(*)');
    expect(status).toBe(300);
    expect(error?.code).toBe('PGRST201');
    expect(error?.details).toEqual([
      { cardinality: 'many-to-one', embedding: 'messages with users', relationship: 'messages_receiver_fkey using messages(receiver_id) and users(id)' },
      { cardinality: 'many-to-one', embedding: 'messages with users', relationship: 'messages_sender_fkey using messages(sender_id) and users(id)' },
    ]);
    expect(error?.hint).toBe("Try changing 'users' to one of the following: 'users!messages_receiver_fkey', 'users!messages_sender_fkey'. Find the desired relationship in the 'details' key.");
  });

  it('answers PGRST200 for a relationship that does not exist', async () => {
    const { error, status } = await anon().from('books').select('*, author(*)');
    expect(status).toBe(400);
    expect(error).toMatchObject({
      code: 'PGRST200',
      message: "Could not find a relationship between 'books' and 'author' in the schema cache",
      details: "Searched for a foreign key relationship between 'books' and 'author' in the schema 'fixtures', but no matches were found.",
      hint: "Perhaps you meant 'authors' instead of 'author'.",
    });
  });

  it('counts related rows with rel(count)', async () => {
    const { data } = await anon().from('authors').select('name, books(count)').order('id');
    expect(data).toEqual([{ name: 'Ursula', books: [{ count: 2 }] }, { name: 'Octavia', books: [{ count: 1 }] }, { name: 'Nobody', books: [{ count: 0 }] }]);
  });

  it('spreads a to-one embed into the parent', async () => {
    const { data } = await anon().from('books').select('title, ...authors(author:name)').eq('id', 3);
    expect(data).toEqual([{ title: 'Kindred', author: 'Octavia' }]);
  });

  it('embeds through a view by the base table foreign key', async () => {
    const { data } = await anon().from('book_list').select('title, authors(name)').eq('id', 1);
    expect(data).toEqual([{ title: 'Earthsea', authors: { name: 'Ursula' } }]);
    const back = await anon().from('authors').select('name, book_list(title)').eq('id', 2);
    expect(back.data).toEqual([{ name: 'Octavia', book_list: [{ title: 'Kindred' }] }]);
  });

  it('orders by a to-one embed column and rejects a to-many one (PGRST118)', async () => {
    const res = await rest('/books?select=title,authors(name)&author_id=not.is.null&order=authors(name).asc,id.desc');
    expect((await res.json()).map((b: { title: string }) => b.title)).toEqual(['Kindred', 'Dispossessed', 'Earthsea']);
    const bad = await rest('/authors?select=name,books(title)&order=books(title)');
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('PGRST118');
  });

  it('needs a filtered embed in select (PGRST108)', async () => {
    const res = await rest('/authors?select=name&books.title=eq.x');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST108', hint: "Verify that 'books' is included in the 'select' query parameter." });
  });
});

describe('order, paging and counts', () => {
  it('orders with nullsfirst/nullslast and on JSON paths', async () => {
    const { data } = await anon().from('items').select('id').order('price', { ascending: false, nullsFirst: true });
    expect(data?.map((r) => r.id)).toEqual([4, 5, 1, 3, 2]);
    const byJson = await rest('/items?select=id&order=data->>color.asc.nullslast');
    expect((await byJson.json()).map((r: { id: number }) => r.id)).toEqual([5, 3, 1, 2, 4]);
  });

  it('HEAD with count=exact returns the total and no body', async () => {
    const { data, count, status } = await anon().from('numbers').select('*', { count: 'exact', head: true });
    expect(status).toBe(200);
    expect(count).toBe(57);
    expect(data).toBeNull();
    const raw = await rest('/numbers', { method: 'HEAD', headers: { Prefer: 'count=exact' } });
    expect(raw.headers.get('content-range')).toBe('0-56/57');
    expect(await raw.text()).toBe('');
  });

  it('range() with count gives 206 and first-last/total', async () => {
    const { data, count, status } = await anon().from('numbers').select('n', { count: 'exact' }).order('n').range(0, 9);
    expect(status).toBe(206);
    expect(count).toBe(57);
    expect(data).toHaveLength(10);
    const raw = await rest('/numbers?select=n&order=n&offset=10&limit=10', { headers: { Prefer: 'count=exact' } });
    expect(raw.headers.get('content-range')).toBe('10-19/57');
  });

  it('answers 416 PGRST103 for an offset past the end', async () => {
    const { error, status } = await anon().from('numbers').select('n', { count: 'exact' }).range(80, 89);
    expect(status).toBe(416);
    expect(error).toMatchObject({ code: 'PGRST103', details: 'An offset of 80 was requested, but there are only 57 rows.' });
  });

  it('supports Range request headers intersected with limit/offset', async () => {
    const res = await rest('/numbers?select=n&order=n', { headers: { Range: '5-7', 'Range-Unit': 'items' } });
    expect(res.headers.get('content-range')).toBe('5-7/*');
    expect((await res.json()).map((r: { n: number }) => r.n)).toEqual([6, 7, 8]);
    const bad = await rest('/numbers', { headers: { Range: '7-5' } });
    expect(bad.status).toBe(416);
  });

  it('reports */0 for an empty counted result and limit=0 returns []', async () => {
    const res = await rest('/numbers?n=gt.1000', { headers: { Prefer: 'count=exact' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toBe('*/0');
    expect(await (await rest('/numbers?limit=0')).json()).toEqual([]);
  });

  it('gives planned and estimated counts', async () => {
    const planned = await anon().from('numbers').select('n', { count: 'planned', head: true });
    expect(planned.count).toBeGreaterThan(0);
    const estimated = await anon().from('numbers').select('n', { count: 'estimated', head: true }).eq('even', true);
    expect(estimated.count).toBe(28);
  });
});

describe('output formats', () => {
  it('single() returns an object, and 406 PGRST116 for 0 or many rows', async () => {
    expect((await anon().from('items').select('name').eq('id', 1).single()).data).toEqual({ name: 'apple' });
    const none = await anon().from('items').select('name').eq('id', 999).single();
    expect(none.status).toBe(406);
    expect(none.error).toMatchObject({ code: 'PGRST116', message: 'Cannot coerce the result to a single JSON object', details: 'The result contains 0 rows' });
    const many = await anon().from('items').select('name').single();
    expect(many.error?.details).toBe('The result contains 5 rows');
  });

  it('maybeSingle() gives null for no row and an error for several', async () => {
    const none = await anon().from('items').select('name').eq('id', 999).maybeSingle();
    expect(none).toMatchObject({ data: null, error: null });
    const one = await anon().from('items').select('name').eq('id', 2).maybeSingle();
    expect(one.data).toEqual({ name: 'banana' });
    const many = await anon().from('items').select('name').maybeSingle();
    expect(many.error?.code).toBe('PGRST116');
  });

  it('returns CSV with csv()', async () => {
    const { data } = await anon().from('items').select('id,name,tags').in('id', [1, 4]).order('id').csv();
    expect(data).toBe('id,name,tags\n1,apple,"{fruit,red}"\n4,"a,b",{}');
  });

  it('answers 406 PGRST107 for a media type it cannot produce', async () => {
    const res = await rest('/items', { headers: { Accept: 'image/png' } });
    expect(res.status).toBe(406);
    expect((await res.json()).code).toBe('PGRST107');
  });

  it('strips nulls on request', async () => {
    const res = await rest('/items?select=id,note&id=eq.3', { headers: { Accept: 'application/vnd.pgrst.object+json;nulls=stripped' } });
    expect(await res.json()).toEqual({ id: 3 });
  });

  it('applies a valid Prefer: timezone and ignores an unknown one', async () => {
    const res = await rest('/items?select=created_at&id=eq.1', { headers: { Prefer: 'timezone=America/New_York' } });
    expect(res.headers.get('preference-applied')).toBe('timezone=America/New_York');
    expect(await res.json()).toEqual([{ created_at: '2023-12-31T19:00:00-05:00' }]);
    const unknown = await rest('/items?select=created_at&id=eq.1', { headers: { Prefer: 'timezone=Mars/Olympus' } });
    expect(unknown.headers.get('preference-applied')).toBeNull();
    expect(await unknown.json()).toEqual([{ created_at: '2024-01-01T00:00:00+00:00' }]);
  });

  it('service_role reads the same rows through the real client', async () => {
    const { count } = await service().from('items').select('*', { count: 'exact', head: true });
    expect(count).toBe(5);
  });
});
