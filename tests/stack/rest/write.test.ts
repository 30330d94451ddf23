// Writes: insert (columns, missing=default, bulk), upsert, PATCH, DELETE, PUT, Prefer return modes,
// Location, tx=rollback, bodies in JSON/form/CSV, and the write errors supabase-js sees.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anon, loadFixture, query, rest, service, serviceHeaders } from './helpers.ts';

beforeAll(loadFixture);
beforeEach(async () => {
  await query(`delete from fixtures.items where id > 5`);
  await query(`update fixtures.items set name = 'apple', price = 1.50 where id = 1`);
});

describe('insert', () => {
  it('inserts one row: 201 and no body by default', async () => {
    const res = await anon().from('items').insert({ name: 'fig', email: 'f@x.io' });
    expect(res).toMatchObject({ status: 201, data: null, error: null });
    expect(await query(`select name, price::text, tags from fixtures.items where email = 'f@x.io'`)).toEqual([{ name: 'fig', price: '9.99', tags: [] }]);
  });

  it('bulk insert with different keys sends columns; missing keys are NULL by default (defaultToNull)', async () => {
    const { data, error, status } = await anon().from('items').insert([{ name: 'h1' }, { name: 'h2', price: 2 }]).select('name, price');
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toEqual([{ name: 'h1', price: null }, { name: 'h2', price: 2 }]);
  });

  it('defaultToNull: false sends missing=default and applies column defaults', async () => {
    const { data, error } = await anon().from('items').insert([{ name: 'g1' }, { name: 'g2', price: 2 }], { defaultToNull: false }).select('name, price, tags');
    expect(error).toBeNull();
    expect(data).toEqual([{ name: 'g1', price: 9.99, tags: [] }, { name: 'g2', price: 2, tags: [] }]);
  });

  it('insert().select().single() returns the object with embeds', async () => {
    const { data, error } = await anon().from('books').insert({ id: 50, title: 'New', author_id: 2 }).select('title, authors(name)').single();
    expect(error).toBeNull();
    expect(data).toEqual({ title: 'New', authors: { name: 'Octavia' } });
    await query('delete from fixtures.books where id = 50');
  });

  it('rejects keys that do not match without columns (PGRST102) and unknown columns (PGRST204)', async () => {
    const mismatch = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([{ name: 'a' }, { note: 'b' }]) });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ code: 'PGRST102', message: 'All object keys must match' });
    const { error, status } = await anon().from('items').insert({ name: 'x', nope: 1 });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'PGRST204', message: "Could not find the 'nope' column of 'items' in the schema cache" });
    const invalid = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"name":' });
    expect(await invalid.json()).toMatchObject({ code: 'PGRST102', message: 'Empty or invalid json' });
  });

  it('ignores body keys outside columns=', async () => {
    const res = await rest('/items?columns=name', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' }, body: JSON.stringify({ name: 'only', note: 'dropped' }) });
    expect(res.status).toBe(201);
    expect((await res.json())[0]).toMatchObject({ name: 'only', note: null });
  });

  it('return=headers-only gives a Location for one row', async () => {
    const res = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'return=headers-only' }, body: JSON.stringify({ id: 77, name: 'loc' }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/items?id=eq.77');
    expect(await res.text()).toBe('');
  });

  it('accepts form-urlencoded and CSV bodies', async () => {
    const form = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'name=formed&note=via+form' });
    expect(form.status).toBe(201);
    const csv = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'name,note\ncsv1,"a, b"\ncsv2,NULL\n' });
    expect(csv.status).toBe(201);
    expect(await query(`select name, note from fixtures.items where name in ('formed', 'csv1', 'csv2') order by name`)).toEqual([
      { name: 'csv1', note: 'a, b' }, { name: 'csv2', note: null }, { name: 'formed', note: 'via form' },
    ]);
  });

  it('answers 409 23505 with PostgreSQL details on a unique violation', async () => {
    const { error, status } = await anon().from('items').insert({ name: 'dup', email: 'a@x.io' });
    expect(status).toBe(409);
    expect(error).toMatchObject({ code: '23505', details: 'Key (email)=(a@x.io) already exists.' });
    expect(error?.message).toContain('duplicate key value violates unique constraint');
  });

  it('answers 409 23503 on a foreign key violation and 400 23502 on a not-null one', async () => {
    const fk = await anon().from('books').insert({ id: 60, title: 'x', author_id: 999 });
    expect(fk.status).toBe(409);
    expect(fk.error?.code).toBe('23503');
    const nn = await anon().from('items').insert({ note: 'no name' });
    expect(nn.status).toBe(400);
    expect(nn.error?.code).toBe('23502');
  });

  it('rejects bodies over the size limit with 413', async () => {
    const res = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).message).toContain('limit');
  });
});

describe('upsert', () => {
  it('merge-duplicates on a unique column updates, and inserts new rows', async () => {
    const { data, error, status } = await anon().from('items').upsert([{ name: 'apple!', email: 'a@x.io' }, { name: 'kiwi', email: 'k@x.io' }], { onConflict: 'email' }).select('name, email').order('email');
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data).toEqual([{ name: 'apple!', email: 'a@x.io' }, { name: 'kiwi', email: 'k@x.io' }]);
  });

  it('answers 200 when a merge only updated rows', async () => {
    const { status } = await anon().from('items').upsert({ id: 1, name: 'apple' }).select();
    expect(status).toBe(200);
  });

  it('ignoreDuplicates leaves existing rows alone', async () => {
    const { data, status } = await anon().from('items').upsert([{ id: 1, name: 'changed?' }, { id: 90, name: 'new' }], { ignoreDuplicates: true }).select('id, name');
    expect(status).toBe(201);
    expect(data).toEqual([{ id: 90, name: 'new' }]);
    expect(await query('select name from fixtures.items where id = 1')).toEqual([{ name: 'apple' }]);
  });

  it('PUT upserts one row addressed by its primary key', async () => {
    const put = await rest('/items?id=eq.91', { method: 'PUT', headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' }, body: JSON.stringify({ id: 91, name: 'put' }) });
    expect(put.status).toBe(200);
    expect((await put.json())[0]).toMatchObject({ id: 91, name: 'put' });
    const mismatch = await rest('/items?id=eq.92', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 93, name: 'x' }) });
    expect((await mismatch.json()).code).toBe('PGRST115');
    const notPk = await rest('/items?name=eq.x', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x' }) });
    expect(notPk.status).toBe(405);
    expect((await notPk.json()).code).toBe('PGRST105');
  });
});

describe('update and delete', () => {
  it('PATCH with filters: 204 by default, rows with select()', async () => {
    const plain = await anon().from('items').update({ price: 3 }).eq('id', 1);
    expect(plain).toMatchObject({ status: 204, data: null, error: null });
    const { data, status } = await anon().from('items').update({ name: 'apple' }).eq('id', 1).select('id, name, price');
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 1, name: 'apple', price: 3 }]);
  });

  it('update().select().maybeSingle() on no rows gives data null', async () => {
    const res = await anon().from('items').update({ name: 'ghost' }).eq('id', 999).select().maybeSingle();
    expect(res.data).toBeNull();
    expect(res.error).toBeNull();
  });

  it('update().select().single() on no rows is 406 and changes nothing', async () => {
    const res = await anon().from('items').update({ name: 'many' }).gt('id', 0).select().single();
    expect(res.status).toBe(406);
    expect(res.error?.details).toBe('The result contains 5 rows');
    expect(await query(`select count(*)::int as n from fixtures.items where name = 'many'`)).toEqual([{ n: 0 }]);
  });

  it('DELETE with filters returns the deleted rows when asked', async () => {
    await query(`insert into fixtures.items (id, name) values (95, 'del')`);
    const { data, status } = await anon().from('items').delete().eq('id', 95).select('id, name');
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 95, name: 'del' }]);
  });

  it('refuses unfiltered UPDATE and DELETE with 400 21000', async () => {
    const upd = await anon().from('items').update({ name: 'all' });
    expect(upd.status).toBe(400);
    expect(upd.error).toMatchObject({ code: '21000', message: 'UPDATE requires a WHERE clause' });
    const del = await anon().from('items').delete();
    expect(del.error).toMatchObject({ code: '21000', message: 'DELETE requires a WHERE clause' });
    expect(await query('select count(*)::int as n from fixtures.items')).toEqual([{ n: 5 }]);
  });

  it('max-affected with handling=strict rolls back (PGRST124)', async () => {
    const res = await rest('/items?id=gt.0', { method: 'PATCH', headers: { 'Content-Type': 'application/json', Prefer: 'handling=strict, max-affected=2' }, body: JSON.stringify({ note: 'x' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST124', details: 'The query affects 5 rows' });
    expect(await query(`select count(*)::int as n from fixtures.items where note = 'x'`)).toEqual([{ n: 0 }]);
  });
});

describe('tx=rollback', () => {
  it('is ignored as on Supabase (db-tx-end = commit)', async () => {
    const res = await rest('/items', { method: 'POST', headers: { 'Content-Type': 'application/json', Prefer: 'tx=rollback' }, body: JSON.stringify({ id: 96, name: 'kept' }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('preference-applied')).toBeNull();
    expect(await query('select name from fixtures.items where id = 96')).toEqual([{ name: 'kept' }]);
  });

  it('rolls back and says so in Preference-Applied when the database allows the override', async () => {
    await query(`alter role authenticator set pgrst.db_tx_end = 'commit-allow-override'`);
    await query(`notify pgrst, 'reload config'`);
    try {
      let res: Response | null = null;
      for (let i = 0; i < 50; i++) {
        res = await rest('/items', { method: 'POST', headers: { ...serviceHeaders(), 'Content-Type': 'application/json', 'Content-Profile': 'fixtures', Prefer: 'tx=rollback, return=representation' }, body: JSON.stringify({ id: 97, name: 'gone' }) });
        if (res.headers.get('preference-applied')?.includes('tx=')) break;
        await query('delete from fixtures.items where id = 97'); // written before the reload took effect
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(res!.status).toBe(201);
      expect(res!.headers.get('preference-applied')).toBe('return=representation, tx=rollback');
      expect((await res!.json())[0]).toMatchObject({ id: 97, name: 'gone' });
      expect(await query('select * from fixtures.items where id = 97')).toEqual([]);
    } finally {
      await query(`alter role authenticator reset pgrst.db_tx_end`);
      await query(`notify pgrst, 'reload config'`);
    }
  });
});

describe('service role', () => {
  it('writes where anon has no grant', async () => {
    const denied = await anon().from('canary').insert({ id: 9, value: 'x' });
    expect(denied.status).toBe(401);
    expect(denied.error?.code).toBe('42501');
    const ok = await service().from('canary').insert({ id: 9, value: 'x' });
    expect(ok.status).toBe(201);
    await query('delete from fixtures.canary where id = 9');
  });
});
