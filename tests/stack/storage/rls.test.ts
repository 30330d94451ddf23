// Every storage operation runs under the caller's RLS on storage.objects, as storage-api does:
// a policy limiting users to their own folder, an INSERT policy reading metadata, upsert's needs,
// and the SQL delete protection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { anon, bucketId, createBucket, createUser, deleteUsers, dropBuckets, dropPolicies, service, sql, type TestUser } from './helpers.ts';

const OWN = bucketId('rls-own');
const INSERT_ONLY = bucketId('rls-insert');
const TYPED = bucketId('rls-typed');
const tag = OWN.slice(-8);
const P = {
  read: `rls ${tag} users read own folder`,
  insert: `rls ${tag} users upload to own folder`,
  update: `rls ${tag} users update own folder`,
  delete: `rls ${tag} users delete own folder`,
  insertOnly: `rls ${tag} anyone authenticated uploads`,
  typed: `rls ${tag} only png uploads`,
};
let alice: TestUser;
let bob: TestUser;

const own = `bucket_id = '${OWN}' and (storage.foldername(name))[1] = (select auth.uid()::text)`;

beforeAll(async () => {
  for (const id of [OWN, INSERT_ONLY, TYPED]) await createBucket(id);
  await sql(`create policy "${P.read}" on storage.objects for select to authenticated using (${own})`);
  await sql(`create policy "${P.insert}" on storage.objects for insert to authenticated with check (${own})`);
  await sql(`create policy "${P.update}" on storage.objects for update to authenticated using (${own}) with check (${own})`);
  await sql(`create policy "${P.delete}" on storage.objects for delete to authenticated using (${own})`);
  await sql(`create policy "${P.insertOnly}" on storage.objects for insert to authenticated with check (bucket_id = '${INSERT_ONLY}')`);
  await sql(`create policy "${P.typed}" on storage.objects for insert to authenticated
             with check (bucket_id = '${TYPED}' and metadata ->> 'mimetype' = 'image/png' and storage.extension(name) = 'png')`);
  alice = await createUser();
  bob = await createUser();
});

afterAll(async () => {
  await dropPolicies(Object.values(P));
  await dropBuckets([OWN, INSERT_ONLY, TYPED]);
  await deleteUsers([alice, bob]);
});

describe('own-folder policy', () => {
  it('lets a user upload into their folder and records them as owner', async () => {
    const { data, error } = await alice.client.storage.from(OWN).upload(`${alice.id}/note.txt`, Buffer.from('mine'));
    expect(error).toBeNull();
    const row = await withDb(async (db) => (await db.query('select owner, owner_id from storage.objects where id = $1', [data!.id])).rows[0]);
    expect(row).toEqual({ owner: alice.id, owner_id: alice.id });
  });

  it("refuses an upload into someone else's folder with the RLS error", async () => {
    const { error } = await alice.client.storage.from(OWN).upload(`${bob.id}/intrude.txt`, Buffer.from('x'));
    expect(error).toMatchObject({ status: 400, statusCode: '403', message: 'new row violates row-level security policy' });
    const count = await withDb(async (db) => (await db.query('select count(*)::int as n from storage.objects where bucket_id = $1 and name like $2', [OWN, `${bob.id}/%`])).rows[0].n);
    expect(count).toBe(0);
  });

  it("hides another user's objects from download, info, list, sign and remove", async () => {
    const path = `${alice.id}/note.txt`;
    const bucket = bob.client.storage.from(OWN);
    expect((await bucket.download(path)).error).toMatchObject({ statusCode: '404' });
    expect((await bucket.info(path)).error).toMatchObject({ statusCode: '404' });
    expect((await bucket.exists(path)).data).toBe(false);
    expect((await bucket.list(alice.id)).data).toEqual([]);
    expect((await bucket.createSignedUrl(path, 60)).error).toMatchObject({ statusCode: '404' });
    expect((await bucket.remove([path])).data).toEqual([]);
    expect((await alice.client.storage.from(OWN).list(alice.id)).data!.map((e) => e.name)).toEqual(['note.txt']);
    expect(await (await alice.client.storage.from(OWN).download(path)).data!.text()).toBe('mine');
  });

  it('does not let a user move an object out of their folder', async () => {
    const { error } = await alice.client.storage.from(OWN).move(`${alice.id}/note.txt`, `${bob.id}/note.txt`);
    expect(error).toMatchObject({ statusCode: '403' });
    expect((await alice.client.storage.from(OWN).exists(`${alice.id}/note.txt`)).data).toBe(true);
  });

  it('shows nothing of a private bucket to anon', async () => {
    expect((await anon().storage.from(OWN).list(alice.id)).data).toEqual([]);
    expect((await anon().storage.from(OWN).download(`${alice.id}/note.txt`)).error).toMatchObject({ statusCode: '404' });
  });

  it('lets the owner remove their object', async () => {
    await alice.client.storage.from(OWN).upload(`${alice.id}/gone.txt`, Buffer.from('bye'));
    const { data } = await alice.client.storage.from(OWN).remove([`${alice.id}/gone.txt`]);
    expect(data!.map((r) => r.name)).toEqual([`${alice.id}/gone.txt`]);
  });
});

describe('what each write needs', () => {
  it('refuses an upload without an INSERT policy, and a repeat upload is a duplicate', async () => {
    const denied = await alice.client.storage.from(OWN).upload('no-folder.txt', Buffer.from('x'));
    expect(denied.error).toMatchObject({ statusCode: '403' });
    expect((await alice.client.storage.from(INSERT_ONLY).upload('first.txt', Buffer.from('1'))).error).toBeNull();
    const again = await alice.client.storage.from(INSERT_ONLY).upload('first.txt', Buffer.from('2'));
    expect(again.error).toMatchObject({ status: 400, statusCode: '409' });
  });

  it('needs INSERT + SELECT + UPDATE for upsert', async () => {
    const denied = await alice.client.storage.from(INSERT_ONLY).upload('first.txt', Buffer.from('2'), { upsert: true });
    expect(denied.error).toMatchObject({ statusCode: '403' });
    const path = `${alice.id}/upsert.txt`;
    expect((await alice.client.storage.from(OWN).upload(path, Buffer.from('1'), { upsert: true })).error).toBeNull();
    expect((await alice.client.storage.from(OWN).upload(path, Buffer.from('2'), { upsert: true })).error).toBeNull();
    expect(await (await alice.client.storage.from(OWN).download(path)).data!.text()).toBe('2');
  });

  it('shows INSERT policies the mimetype in metadata', async () => {
    const text = await alice.client.storage.from(TYPED).upload('a.png', Buffer.from('x'), { contentType: 'text/plain' });
    expect(text.error).toMatchObject({ statusCode: '403' });
    const png = await alice.client.storage.from(TYPED).upload('a.png', Buffer.from('x'), { contentType: 'image/png' });
    expect(png.error).toBeNull();
  });

  it('lets service_role bypass RLS', async () => {
    const { data } = await service().storage.from(OWN).list(alice.id);
    expect(data!.map((e) => e.name)).toContain('note.txt');
  });
});

describe('SQL delete protection', () => {
  it('refuses DELETE FROM storage.objects unless storage.allow_delete_query is set', async () => {
    const err = await withDb((db) => db.query('delete from storage.objects where bucket_id = $1', [OWN])).catch((e) => e);
    expect(err).toMatchObject({ code: '42501', message: 'Direct deletion from storage tables is not allowed. Use the Storage API instead.' });
    const deleted = await withDb(async (db) => {
      await db.query('begin');
      await db.query("select set_config('storage.allow_delete_query', 'true', true)");
      const res = await db.query('delete from storage.objects where bucket_id = $1 and name = $2', [INSERT_ONLY, 'first.txt']);
      await db.query('commit');
      return res.rowCount;
    });
    expect(deleted).toBe(1);
  });

  it('provides storage.foldername, filename, extension and search', async () => {
    const row = await withDb(async (db) =>
      (await db.query("select storage.foldername('a/b/c.tar.gz') as f, storage.filename('a/b/c.tar.gz') as n, storage.extension('a/b/c.tar.gz') as e")).rows[0],
    );
    expect(row).toEqual({ f: ['a', 'b'], n: 'c.tar.gz', e: 'gz' });
  });
});
