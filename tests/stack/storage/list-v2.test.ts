// storage-js `listV2`: full-key names, folders with a trailing `/` when `with_delimiter` is set,
// literal prefixes, sorting, and cursor pages that visit everything exactly once — under RLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketId, createBucket, createUser, deleteUsers, dropBuckets, dropPolicies, service, sql, type TestUser } from './helpers.ts';

const BUCKET = bucketId('listv2');
const POLICY = `listv2 ${BUCKET.slice(-8)} users read own folder`;
const storage = () => service().storage.from(BUCKET);
const ROOT_FILES = ['aal.txt', 'b.txt', 'C.txt'];
const NESTED = ['aal/one.txt', 'aal/two.txt', 'aal/deep/three.txt', 'zed/x.txt', 'wild_1/hit.txt', 'wildX1/miss.txt'];
let alice: TestUser;

beforeAll(async () => {
  await createBucket(BUCKET);
  for (const name of [...ROOT_FILES, ...NESTED]) expect((await storage().upload(name, Buffer.from(name))).error).toBeNull();
  alice = await createUser();
  await storage().upload(`${alice.id}/mine.txt`, Buffer.from('mine'));
  await sql(`create policy "${POLICY}" on storage.objects for select to authenticated
             using (bucket_id = '${BUCKET}' and (storage.foldername(name))[1] = (select auth.uid()::text))`);
});
afterAll(async () => {
  await dropPolicies([POLICY]);
  await dropBuckets([BUCKET]);
  await deleteUsers([alice]);
});

async function all(options: Record<string, unknown>, limit: number, client = service()) {
  const objects: string[] = [];
  const folders: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data, error } = await client.storage.from(BUCKET).listV2({ ...options, limit, cursor });
    expect(error).toBeNull();
    objects.push(...data!.objects.map((o) => o.name));
    folders.push(...data!.folders.map((f) => f.name));
    expect(data!.hasNext ? typeof data!.nextCursor : data!.nextCursor).toBe(data!.hasNext ? 'string' : undefined);
    cursor = data!.nextCursor;
    pages++;
  } while (cursor);
  return { objects, folders, pages };
}

describe('listV2', () => {
  it('lists folders (trailing /) and objects by full name with a delimiter, paged', async () => {
    const { objects, folders, pages } = await all({ with_delimiter: true }, 2);
    expect(objects).toEqual(['C.txt', 'aal.txt', 'b.txt']);
    expect(folders).toEqual([`${alice.id}/`, 'aal/', 'wildX1/', 'wild_1/', 'zed/'].sort());
    expect(pages).toBe(Math.ceil((objects.length + folders.length) / 2));
  });

  it('lists every key flat without a delimiter, also in descending order', async () => {
    const asc = await all({}, 3);
    expect(asc.folders).toEqual([]);
    expect(asc.objects).toEqual([...ROOT_FILES, ...NESTED, `${alice.id}/mine.txt`].sort());
    const desc = await all({ sortBy: { column: 'name', order: 'desc' } }, 4);
    expect(desc.objects).toEqual([...asc.objects].reverse());
  });

  it('treats the prefix as a literal string prefix', async () => {
    const { data } = await storage().listV2({ with_delimiter: true, prefix: 'aal' });
    expect(data!.objects.map((o) => o.name)).toEqual(['aal.txt']);
    expect(data!.folders).toEqual([{ name: 'aal/', key: 'aal' }]);
    const nested = await storage().listV2({ with_delimiter: true, prefix: 'aal/' });
    expect(nested.data!.objects.map((o) => [o.name, o.key])).toEqual([['aal/one.txt', 'one.txt'], ['aal/two.txt', 'two.txt']]);
    expect(nested.data!.folders.map((f) => f.name)).toEqual(['aal/deep/']);
    expect((await storage().listV2({ prefix: 'wild_' })).data!.objects.map((o) => o.name)).toEqual(['wild_1/hit.txt']);
    expect((await storage().listV2({ prefix: '%' })).data!.objects).toEqual([]);
  });

  it('pages by creation time', async () => {
    const { objects } = await all({ sortBy: { column: 'created_at', order: 'asc' } }, 2);
    expect(objects).toEqual([...ROOT_FILES, ...NESTED, `${alice.id}/mine.txt`]);
  });

  it('shows a user only what their policy lets them see', async () => {
    const { objects, folders } = await all({ with_delimiter: false }, 10, alice.client);
    expect(objects).toEqual([`${alice.id}/mine.txt`]);
    expect(folders).toEqual([]);
  });

  it('rejects a bad cursor and sort column', async () => {
    expect((await storage().listV2({ cursor: 'not-a-cursor' })).error).toMatchObject({ status: 400, message: 'Invalid continuation token' });
    expect((await storage().listV2({ sortBy: { column: 'size' as 'name' } })).error).toMatchObject({ status: 400 });
  });
});
