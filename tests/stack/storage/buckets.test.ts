// The bucket API, public buckets read without auth, and bad tokens answered in storage-api's shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../helpers/env.ts';
import { anon, bucketId, clientWithToken, createBucket, createUser, deleteUsers, dropBuckets, mintToken, service, type TestUser } from './helpers.ts';

const MANAGED = bucketId('buckets');
const PUBLIC = bucketId('public');
const PRIVATE = bucketId('private');
let alice: TestUser;

beforeAll(async () => {
  await createBucket(PUBLIC, { public: true });
  await createBucket(PRIVATE);
  await service().storage.from(PUBLIC).upload('logo.svg', Buffer.from('<svg/>'), { contentType: 'image/svg+xml' });
  await service().storage.from(PRIVATE).upload('secret.txt', Buffer.from('s'));
  alice = await createUser();
});
afterAll(async () => {
  await dropBuckets([MANAGED, PUBLIC, PRIVATE]);
  await deleteUsers([alice]);
});

describe('bucket API', () => {
  it('creates, reads, lists and updates a bucket', async () => {
    const s = service().storage;
    expect(await s.createBucket(MANAGED, { public: false, fileSizeLimit: 2048, allowedMimeTypes: ['image/png'] })).toEqual({ data: { name: MANAGED }, error: null });
    const { data } = await s.getBucket(MANAGED);
    expect(data).toMatchObject({ id: MANAGED, name: MANAGED, public: false, type: 'STANDARD', file_size_limit: 2048, allowed_mime_types: ['image/png'], owner: null });
    expect(data!.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await s.listBuckets()).data!.map((b) => b.id)).toContain(MANAGED);
    expect((await s.listBuckets({ search: MANAGED.slice(2) })).data!.map((b) => b.id)).toEqual([MANAGED]);
    expect((await s.updateBucket(MANAGED, { public: true, fileSizeLimit: null, allowedMimeTypes: null })).data).toEqual({ message: 'Successfully updated' });
    expect((await s.getBucket(MANAGED)).data).toMatchObject({ public: true, file_size_limit: null, allowed_mime_types: null });
  });

  it('refuses duplicates, bad names and unknown buckets in upstream shapes', async () => {
    const s = service().storage;
    expect((await s.createBucket(MANAGED)).error).toMatchObject({ status: 400, statusCode: '409', message: 'The resource already exists' });
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/bucket`, {
      method: 'POST',
      headers: { apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'bad/name', name: 'bad/name' }),
    });
    expect(await res.json()).toEqual({ statusCode: '400', code: 'InvalidBucketName', error: 'Invalid Input', message: 'Bucket name invalid' });
    expect((await s.getBucket('no-such-bucket-x')).error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
  });

  it('refuses to delete a non-empty bucket until it is emptied', async () => {
    const s = service().storage;
    await s.from(MANAGED).upload('a/b.txt', Buffer.from('x'), { contentType: 'image/png' });
    expect((await s.deleteBucket(MANAGED)).error).toMatchObject({ statusCode: '409', message: 'The bucket you tried to delete is not empty' });
    expect((await s.emptyBucket(MANAGED)).data).toEqual({ message: 'Successfully emptied' });
    expect((await s.from(MANAGED).list('a')).data).toEqual([]);
    expect((await s.deleteBucket(MANAGED)).data).toEqual({ message: 'Successfully deleted' });
    expect((await s.getBucket(MANAGED)).error).toMatchObject({ statusCode: '404' });
  });

  it('keeps buckets under RLS for users and anon', async () => {
    expect((await anon().storage.listBuckets()).data).toEqual([]);
    const { error } = await alice.client.storage.createBucket(bucketId('mine'));
    expect(error).toMatchObject({ statusCode: '403', message: 'new row violates row-level security policy' });
  });
});

describe('public buckets', () => {
  it('serve getPublicUrl with no headers at all', async () => {
    const { data } = anon().storage.from(PUBLIC).getPublicUrl('logo.svg');
    const res = await fetch(data.publicUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toBe('<svg/>');
    const named = await fetch(anon().storage.from(PUBLIC).getPublicUrl('logo.svg', { download: 'logo.svg' }).data.publicUrl);
    expect(named.headers.get('content-disposition')).toBe(`attachment; filename=logo.svg; filename*=UTF-8''logo.svg;`);
  });

  it('let anyone download and read info, but list stays under RLS', async () => {
    expect(await (await anon().storage.from(PUBLIC).download('logo.svg')).data!.text()).toBe('<svg/>');
    expect(await (await alice.client.storage.from(PUBLIC).download('logo.svg')).data!.text()).toBe('<svg/>');
    expect((await anon().storage.from(PUBLIC).info('logo.svg')).data).toMatchObject({ name: 'logo.svg', contentType: 'image/svg+xml' });
    expect((await anon().storage.from(PUBLIC).list()).data).toEqual([]);
  });

  it('do not open private buckets through the public route', async () => {
    const res = await fetch(anon().storage.from(PRIVATE).getPublicUrl('secret.txt').data.publicUrl);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '404', code: 'NoSuchBucket', error: 'Bucket not found', message: 'Bucket not found' });
  });
});

describe('bad tokens', () => {
  it('answer an expired or tampered JWT with AccessDenied', async () => {
    const expired = clientWithToken(await mintToken({ sub: alice.id }, -10));
    const up = await expired.storage.from(PRIVATE).upload('x.txt', Buffer.from('x'));
    expect(up.error).toMatchObject({ status: 400, statusCode: '403', message: 'jwt expired' });
    const tampered = clientWithToken(`${alice.token.slice(0, -4)}AAAA`);
    expect((await tampered.storage.listBuckets()).error).toMatchObject({ statusCode: '403', message: 'invalid signature' });
  });

  it('treat a bad JWT as anon on public reads', async () => {
    const expired = clientWithToken(await mintToken({ sub: alice.id }, -10));
    expect(await (await expired.storage.from(PUBLIC).download('logo.svg')).data!.text()).toBe('<svg/>');
    expect((await expired.storage.from(PRIVATE).download('secret.txt')).error).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
  });

  it('show private buckets to no one without a token, while the anon key sees RLS results', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/object/${PRIVATE}/secret.txt`);
    expect(await res.json()).toMatchObject({ statusCode: '404', code: 'NoSuchBucket' });
    expect((await anon().storage.from(PRIVATE).download('secret.txt')).error).toMatchObject({ statusCode: '404', message: 'Object not found' });
  });

  it('require a JWT on every route that is not a public read', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/bucket`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ statusCode: '403', code: 'AccessDenied', error: 'Unauthorized', message: 'jwt must be provided' });
  });

  it('answer unknown routes with 404', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/storage/v1/nothing/here`, { headers: { apikey: stackEnv.anonKey } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ statusCode: '404', error: 'Not Found', message: 'Route GET:/storage/v1/nothing/here not found' });
  });
});
