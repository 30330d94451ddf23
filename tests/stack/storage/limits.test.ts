// Size and type limits: per bucket (bytes or "1KB"), wildcard mime types, the global
// `[storage] file_size_limit` of config.toml, and nothing left behind after a refused upload.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../helpers/env.ts';
import { anon, bucketId, dropBuckets, service } from './helpers.ts';

const SMALL = bucketId('limit-small');
const TYPED = bucketId('limit-typed');
const OPEN = bucketId('limit-open');
const tmpFiles = () => readdirSync(join(stackEnv.dataDir, 'storage', 'tmp'));
const storedFiles = () => readdirSync(join(stackEnv.dataDir, 'storage', 'objects')).sort();

beforeAll(async () => {
  const s = service().storage;
  expect((await s.createBucket(SMALL, { public: false, fileSizeLimit: '1KB' })).error).toBeNull();
  expect((await s.createBucket(TYPED, { public: false, allowedMimeTypes: ['image/*', 'application/pdf'] })).error).toBeNull();
  expect((await s.createBucket(OPEN, { public: false })).error).toBeNull();
});
afterAll(() => dropBuckets([SMALL, TYPED, OPEN]));

describe('size limits', () => {
  it('stores the bucket limit in bytes', async () => {
    const { data } = await service().storage.getBucket(SMALL);
    expect(data).toMatchObject({ id: SMALL, file_size_limit: 1000, public: false });
  });

  it('accepts an object exactly at the limit', async () => {
    const { error } = await service().storage.from(SMALL).upload('exact.bin', Buffer.alloc(1000), { contentType: 'application/octet-stream' });
    expect(error).toBeNull();
  });

  it('refuses a larger raw or multipart upload with 413 and keeps nothing', async () => {
    const raw = await service().storage.from(SMALL).upload('big.bin', Buffer.alloc(1001));
    expect(raw.error).toMatchObject({ status: 400, statusCode: '413', message: 'The object exceeded the maximum allowed size' });
    const form = await service().storage.from(SMALL).upload('big.bin', new Blob([Buffer.alloc(5 * 1024 * 1024)]));
    expect(form.error).toMatchObject({ status: 400, statusCode: '413' });
    expect((await service().storage.from(SMALL).exists('big.bin')).data).toBe(false);
    expect(tmpFiles()).toEqual([]);
  });

  it('answers with upstream body shape', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/object/${SMALL}/shape.bin`, {
      method: 'POST',
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'Content-Type': 'application/octet-stream' },
      body: Buffer.alloc(2000),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '413', code: 'EntityTooLarge', error: 'Payload too large', message: 'The object exceeded the maximum allowed size' });
  });

  it('applies the global [storage] file_size_limit (50MiB) to buckets without their own', async () => {
    const over = await service().storage.from(OPEN).upload('huge.bin', Buffer.alloc(50 * 1024 * 1024 + 1), { contentType: 'application/octet-stream' });
    expect(over.error).toMatchObject({ statusCode: '413' });
    expect(tmpFiles()).toEqual([]);
  });

  it('rejects a malformed file_size_limit with the upstream hint', async () => {
    const { error } = await service().storage.createBucket(bucketId('bad-limit'), { public: false, fileSizeLimit: 'lots' });
    expect(error).toMatchObject({ statusCode: '400', message: 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B' });
  });
});

describe('failed writes', () => {
  it('leave no file and no row behind', async () => {
    const before = storedFiles();
    const bucket = service().storage.from(SMALL);
    expect((await bucket.upload('exact.bin', Buffer.alloc(10))).error).toMatchObject({ statusCode: '409' });
    expect((await bucket.upload('over.bin', Buffer.alloc(1001))).error).toMatchObject({ statusCode: '413' });
    expect((await bucket.upload('bad\u0002.bin', Buffer.alloc(1))).error).toMatchObject({ statusCode: '400' });
    expect((await anon().storage.from(SMALL).upload('anon.bin', Buffer.alloc(1))).error).toMatchObject({ statusCode: '403' });
    expect((await bucket.copy('exact.bin', 'exact.bin')).error).toMatchObject({ statusCode: '409' });
    expect(storedFiles()).toEqual(before);
    expect(tmpFiles()).toEqual([]);
    const names = (await bucket.list()).data!.map((e) => e.name);
    expect(names).toEqual(['exact.bin']);
  });
});

describe('mime types', () => {
  it('accepts wildcard and exact matches', async () => {
    const bucket = service().storage.from(TYPED);
    expect((await bucket.upload('a.png', Buffer.from('x'), { contentType: 'image/png' })).error).toBeNull();
    expect((await bucket.upload('b.webp', new Blob(['x'], { type: 'image/webp' }))).error).toBeNull();
    expect((await bucket.upload('c.pdf', Buffer.from('x'), { contentType: 'application/pdf' })).error).toBeNull();
  });

  it('refuses other types with invalid_mime_type (415)', async () => {
    const { error } = await service().storage.from(TYPED).upload('notes.txt', Buffer.from('x'), { contentType: 'text/plain' });
    expect(error).toMatchObject({ status: 400, statusCode: '415', message: 'mime type text/plain is not supported' });
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/object/${TYPED}/doc.html`, {
      method: 'POST',
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'Content-Type': 'text/html' },
      body: '<p>',
    });
    expect(await res.json()).toEqual({ statusCode: '415', code: 'InvalidMimeType', error: 'invalid_mime_type', message: 'mime type text/html is not supported' });
    expect((await service().storage.from(TYPED).exists('notes.txt')).data).toBe(false);
  });

  it('follows an updated bucket', async () => {
    expect((await service().storage.updateBucket(TYPED, { public: false, allowedMimeTypes: ['text/*'] })).data).toEqual({ message: 'Successfully updated' });
    expect((await service().storage.from(TYPED).upload('notes.txt', Buffer.from('x'), { contentType: 'text/plain' })).error).toBeNull();
    expect((await service().storage.from(TYPED).upload('d.png', Buffer.from('x'), { contentType: 'image/png' })).error).toMatchObject({ statusCode: '415' });
  });
});
