// Objects through the real supabase-js `.storage` as service_role (RLS is covered in rls.test.ts):
// upload in both encodings, download with headers and ranges, info/exists, list, move, copy, remove.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../helpers/env.ts';
import { bucketId, createBucket, dropBuckets, service as serviceClient } from './helpers.ts';

const BUCKET = bucketId('objects');
const OTHER = bucketId('objects-other');
const storage = () => serviceClient().storage.from(BUCKET);

/** A request whose path is sent byte for byte (no URL normalisation of `..`). */
function rawRequest(method: string, path: string, body: string): Promise<{ status: number; body: string }> {
  const url = new URL(stackEnv.apiUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'Content-Type': 'text/plain' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  await createBucket(BUCKET);
  await createBucket(OTHER);
});
afterAll(() => dropBuckets([BUCKET, OTHER]));

describe('upload and download', () => {
  it('stores a Blob as multipart with max-age=3600 and the blob type, and returns id/path/fullPath', async () => {
    const { data, error } = await storage().upload('docs/hello.txt', new Blob(['hello world'], { type: 'text/plain' }));
    expect(error).toBeNull();
    expect(data).toMatchObject({ path: 'docs/hello.txt', fullPath: `${BUCKET}/docs/hello.txt` });
    expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);
    const info = await storage().info('docs/hello.txt');
    expect(info.error).toBeNull();
    expect(info.data).toMatchObject({ name: 'docs/hello.txt', bucketId: BUCKET, size: 11, contentType: 'text/plain', cacheControl: 'max-age=3600' });
    const down = await storage().download('docs/hello.txt');
    expect(down.error).toBeNull();
    expect(await down.data!.text()).toBe('hello world');
  });

  it('keeps content-type, cache-control and x-metadata of a raw upload', async () => {
    const body = Buffer.from(JSON.stringify({ a: 1 }));
    const { error } = await storage().upload('raw/data.json', body, { contentType: 'application/json', cacheControl: '60', metadata: { owner: 'qa', n: 2 } });
    expect(error).toBeNull();
    const info = await storage().info('raw/data.json');
    expect(info.data).toMatchObject({ contentType: 'application/json', cacheControl: 'max-age=60', metadata: { owner: 'qa', n: 2 }, size: body.length });
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/object/${BUCKET}/raw/data.json`, {
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('max-age=60');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    expect(res.headers.get('content-length')).toBe(String(body.length));
    const again = await fetch(res.url, {
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'If-None-Match': res.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('serves stored HTML as text/plain, as storage-api does', async () => {
    await storage().upload('page.html', Buffer.from('<script>alert(1)</script>'), { contentType: 'text/html' });
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/object/${BUCKET}/page.html`, {
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}` },
    });
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect((await storage().info('page.html')).data).toMatchObject({ contentType: 'text/html', metadata: null });
  });

  it('serves the original bytes on the image-transform routes', async () => {
    await storage().upload('img/pic.png', Buffer.from('not really a png'), { contentType: 'image/png' });
    const { data, error } = await storage().download('img/pic.png', { transform: { width: 10, height: 10 } });
    expect(error).toBeNull();
    expect(await data!.text()).toBe('not really a png');
  });

  it('answers a Range request with 206 and the slice', async () => {
    await storage().upload('range.txt', Buffer.from('0123456789'), { contentType: 'text/plain' });
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/object/authenticated/${BUCKET}/range.txt`, {
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, Range: 'bytes=2-5' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 2-5/10');
    expect(await res.text()).toBe('2345');
    const bad = await fetch(res.url, { headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, Range: 'bytes=50-60' } });
    expect(bad.status).toBe(416);
  });

  it('refuses a second upload without upsert (409) and replaces with upsert or update()', async () => {
    await storage().upload('dup.txt', Buffer.from('one'));
    const again = await storage().upload('dup.txt', Buffer.from('two'));
    expect(again.error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    const raw = await fetch(`${stackEnv.apiUrl}/storage/v1/object/${BUCKET}/dup.txt`, {
      method: 'POST',
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'Content-Type': 'text/plain' },
      body: 'raw',
    });
    expect(await raw.json()).toEqual({ statusCode: '409', code: 'KeyAlreadyExists', error: 'Duplicate', message: 'The resource already exists' });
    expect(await (await storage().download('dup.txt')).data!.text()).toBe('one');
    expect((await storage().upload('dup.txt', Buffer.from('three'), { upsert: true })).error).toBeNull();
    expect(await (await storage().download('dup.txt')).data!.text()).toBe('three');
    expect((await storage().update('dup.txt', Buffer.from('four'))).error).toBeNull();
    expect(await (await storage().download('dup.txt')).data!.text()).toBe('four');
  });

  it('reports a missing object as statusCode 404 with HTTP 400, and exists() false', async () => {
    const down = await storage().download('nope/missing.txt');
    expect(down.error).toMatchObject({ status: 400, statusCode: '404', message: 'Object not found' });
    expect((await storage().exists('nope/missing.txt')).data).toBe(false);
    expect((await storage().exists('docs/hello.txt')).data).toBe(true);
  });

  it('rejects traversal and invalid keys with InvalidKey and writes nothing', async () => {
    // fetch would resolve a literal `..` itself, so encoded slashes carry the traversal to the server.
    for (const key of ['..%2F..%2Fetc%2Fpasswd', 'a%2F.%2Fb', 'bad\u0001name', 'encoded%09tab', 'semi%5Cback']) {
      const { error } = await storage().upload(key, Buffer.from('x'));
      expect(error, key).toMatchObject({ status: 400, statusCode: '400' });
      expect(error!.message, key).toMatch(/^Invalid key: /);
    }
    const literal = await rawRequest('POST', `/storage/v1/object/${BUCKET}/../escape.txt`, 'x');
    expect(literal.status).toBe(400);
    expect(JSON.parse(literal.body)).toMatchObject({ statusCode: '400', error: 'InvalidKey', message: 'Invalid key: ../escape.txt' });
    const { data } = await storage().list('', { limit: 1000 });
    expect(data!.map((e) => e.name)).not.toContain('escape.txt');
  });

  it('answers an unknown bucket with Bucket not found', async () => {
    const { error } = await serviceClient().storage.from('no-such-bucket-here').upload('a.txt', Buffer.from('x'));
    expect(error).toMatchObject({ status: 400, statusCode: '404', message: 'Bucket not found' });
  });
});

describe('list', () => {
  beforeAll(async () => {
    for (const name of ['list/b.txt', 'list/a.txt', 'list/C.md', 'list/sub/deep.txt', 'list/sub2/x.txt', 'listing-not-child.txt']) {
      await storage().upload(name, Buffer.from(name), { upsert: true });
    }
  });

  it('returns direct children with folders as id: null first', async () => {
    const { data, error } = await storage().list('list');
    expect(error).toBeNull();
    expect(data!.map((e) => e.name)).toEqual(['sub', 'sub2', 'C.md', 'a.txt', 'b.txt']);
    const folder = data!.find((e) => e.name === 'sub')!;
    expect(folder).toMatchObject({ id: null, updated_at: null, created_at: null, metadata: null });
    const file = data!.find((e) => e.name === 'a.txt')!;
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(file.metadata).toMatchObject({ size: 10, mimetype: 'text/plain;charset=UTF-8' });
  });

  it('filters by search (case-insensitive starts-with), sorts and pages', async () => {
    expect((await storage().list('list', { search: 'c' })).data!.map((e) => e.name)).toEqual(['C.md']);
    const desc = await storage().list('list', { sortBy: { column: 'name', order: 'desc' } });
    expect(desc.data!.filter((e) => e.id).map((e) => e.name)).toEqual(['b.txt', 'a.txt', 'C.md']);
    const page = await storage().list('list', { limit: 2, offset: 2 });
    expect(page.data!.map((e) => e.name)).toEqual(['C.md', 'a.txt']);
    const root = await storage().list();
    expect(root.data!.map((e) => e.name)).toContain('list');
    expect(root.data!.map((e) => e.name)).toContain('listing-not-child.txt');
  });
});

describe('move, copy, remove', () => {
  it('moves within and across buckets; the source is gone', async () => {
    await storage().upload('mv/src.txt', Buffer.from('move me'));
    expect((await storage().move('mv/src.txt', 'mv/dst.txt')).data).toEqual({ message: 'Successfully moved' });
    expect((await storage().exists('mv/src.txt')).data).toBe(false);
    expect(await (await storage().download('mv/dst.txt')).data!.text()).toBe('move me');
    expect((await storage().move('mv/dst.txt', 'moved.txt', { destinationBucket: OTHER })).error).toBeNull();
    expect(await (await serviceClient().storage.from(OTHER).download('moved.txt')).data!.text()).toBe('move me');
    const missing = await storage().move('mv/nothing.txt', 'mv/x.txt');
    expect(missing.error).toMatchObject({ statusCode: '404' });
  });

  it('copies bytes and metadata; an existing destination is a duplicate', async () => {
    await storage().upload('cp/src.txt', Buffer.from('copy me'), { metadata: { k: 'v' } });
    const { data, error } = await storage().copy('cp/src.txt', 'cp/dst.txt');
    expect(error).toBeNull();
    expect(data).toEqual({ path: `${BUCKET}/cp/dst.txt` });
    expect(await (await storage().download('cp/dst.txt')).data!.text()).toBe('copy me');
    expect((await storage().info('cp/dst.txt')).data!.metadata).toEqual({ k: 'v' });
    await storage().update('cp/src.txt', Buffer.from('changed'));
    expect(await (await storage().download('cp/dst.txt')).data!.text()).toBe('copy me');
    expect((await storage().copy('cp/src.txt', 'cp/dst.txt')).error).toMatchObject({ statusCode: '409' });
  });

  it('removes the named objects and returns only the deleted rows', async () => {
    await storage().upload('rm/one.txt', Buffer.from('1'));
    await storage().upload('rm/two.txt', Buffer.from('2'));
    const { data, error } = await storage().remove(['rm/one.txt', 'rm/two.txt', 'rm/never.txt']);
    expect(error).toBeNull();
    expect(data!.map((r) => r.name).sort()).toEqual(['rm/one.txt', 'rm/two.txt']);
    expect((await storage().exists('rm/one.txt')).data).toBe(false);
    expect((await storage().remove(['rm/one.txt'])).data).toEqual([]);
  });
});
