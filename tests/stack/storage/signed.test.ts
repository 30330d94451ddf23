// Signed URLs: they work without auth until they expire, carry a download name, come in batches,
// and upload tokens are a different kind of token than download tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../helpers/env.ts';
import { anon, bucketId, createBucket, createUser, deleteUsers, dropBuckets, dropPolicies, service, sql, type TestUser } from './helpers.ts';

const BUCKET = bucketId('signed');
const P = { read: `signed ${BUCKET.slice(-8)} read own`, insert: `signed ${BUCKET.slice(-8)} insert own` };
let alice: TestUser;
const own = `bucket_id = '${BUCKET}' and (storage.foldername(name))[1] = (select auth.uid()::text)`;

beforeAll(async () => {
  await createBucket(BUCKET);
  await sql(`create policy "${P.read}" on storage.objects for select to authenticated using (${own})`);
  await sql(`create policy "${P.insert}" on storage.objects for insert to authenticated with check (${own})`);
  alice = await createUser();
  await alice.client.storage.from(BUCKET).upload(`${alice.id}/report.txt`, Buffer.from('quarterly'));
});
afterAll(async () => {
  await dropPolicies(Object.values(P));
  await dropBuckets([BUCKET]);
  await deleteUsers([alice]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('signed download URLs', () => {
  it('serve the object without any auth, with Expires, until they expire', async () => {
    const { data, error } = await alice.client.storage.from(BUCKET).createSignedUrl(`${alice.id}/report.txt`, 2);
    expect(error).toBeNull();
    expect(data!.signedUrl).toMatch(new RegExp(`^${stackEnv.apiUrl}/storage/v1/object/sign/${BUCKET}/${alice.id}/report.txt\\?token=`));
    const ok = await fetch(data!.signedUrl);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('quarterly');
    expect(ok.headers.get('expires')).toMatch(/GMT$/);
    expect(ok.headers.get('cache-control')).toBeNull();
    await sleep(3100); // exp has one-second resolution: 2 s after the signing second at the latest
    const late = await fetch(data!.signedUrl);
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ statusCode: '400', code: 'ExpiredToken', message: 'The provided token has expired.' });
  });

  it('set Content-Disposition from the download option', async () => {
    const named = await alice.client.storage.from(BUCKET).createSignedUrl(`${alice.id}/report.txt`, 60, { download: 'Q3 report.txt' });
    const res = await fetch(named.data!.signedUrl);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=Q3%20report.txt; filename*=UTF-8''Q3%20report.txt;`);
    const plain = await alice.client.storage.from(BUCKET).createSignedUrl(`${alice.id}/report.txt`, 60, { download: true });
    expect((await fetch(plain.data!.signedUrl)).headers.get('content-disposition')).toBe('attachment;');
  });

  it('are bound to their object and signature', async () => {
    const { data } = await alice.client.storage.from(BUCKET).createSignedUrl(`${alice.id}/report.txt`, 60);
    const token = new URL(data!.signedUrl).searchParams.get('token')!;
    const other = await fetch(`${stackEnv.apiUrl}/storage/v1/object/sign/${BUCKET}/${alice.id}/other.txt?token=${token}`);
    expect(await other.json()).toMatchObject({ statusCode: '400', code: 'InvalidSignature' });
    const tampered = await fetch(`${stackEnv.apiUrl}/storage/v1/object/sign/${BUCKET}/${alice.id}/report.txt?token=${token.slice(0, -3)}abc`);
    expect(await tampered.json()).toMatchObject({ statusCode: '400', code: 'InvalidJWT', message: 'invalid signature' });
  });

  it('come in batches, with an error entry for what the caller cannot see', async () => {
    const { data, error } = await alice.client.storage.from(BUCKET).createSignedUrls([`${alice.id}/report.txt`, 'someone/else.txt'], 60);
    expect(error).toBeNull();
    expect(data![0]).toMatchObject({ error: null, path: `${alice.id}/report.txt` });
    expect(await (await fetch(data![0]!.signedUrl!)).text()).toBe('quarterly');
    expect(data![1]).toEqual({ error: 'Either the object does not exist or you do not have access to it', path: 'someone/else.txt', signedURL: null, signedUrl: null });
  });

  it('are refused for objects the caller cannot read', async () => {
    const { error } = await anon().storage.from(BUCKET).createSignedUrl(`${alice.id}/report.txt`, 60);
    expect(error).toMatchObject({ statusCode: '404' });
  });
});

describe('signed upload URLs', () => {
  it('upload without auth once; a second upload needs a token signed with upsert', async () => {
    const path = `${alice.id}/dropbox.txt`;
    const signed = await alice.client.storage.from(BUCKET).createSignedUploadUrl(path);
    expect(signed.error).toBeNull();
    const up = await anon().storage.from(BUCKET).uploadToSignedUrl(path, signed.data!.token, Buffer.from('v1'));
    expect(up).toMatchObject({ error: null, data: { path, fullPath: `${BUCKET}/${path}` } });
    expect(await (await alice.client.storage.from(BUCKET).download(path)).data!.text()).toBe('v1');
    const again = await anon().storage.from(BUCKET).uploadToSignedUrl(path, signed.data!.token, Buffer.from('v2'));
    expect(again.error).toMatchObject({ statusCode: '409' });
    const upsertToken = await service().storage.from(BUCKET).createSignedUploadUrl(path, { upsert: true });
    expect((await anon().storage.from(BUCKET).uploadToSignedUrl(path, upsertToken.data!.token, Buffer.from('v2'))).error).toBeNull();
    expect(await (await alice.client.storage.from(BUCKET).download(path)).data!.text()).toBe('v2');
  });

  it('are refused where the caller may not insert', async () => {
    const { error } = await alice.client.storage.from(BUCKET).createSignedUploadUrl('not-mine/x.txt');
    expect(error).toMatchObject({ statusCode: '403' });
  });

  it('are not interchangeable with download tokens', async () => {
    const path = `${alice.id}/report.txt`;
    const download = await alice.client.storage.from(BUCKET).createSignedUrl(path, 60);
    const downloadToken = new URL(download.data!.signedUrl).searchParams.get('token')!;
    const asUpload = await anon().storage.from(BUCKET).uploadToSignedUrl(path, downloadToken, Buffer.from('hijack'));
    expect(asUpload.error).toMatchObject({ statusCode: '400' });
    const upload = await service().storage.from(BUCKET).createSignedUploadUrl(`${alice.id}/new.txt`, { upsert: true });
    const asDownload = await fetch(`${stackEnv.apiUrl}/storage/v1/object/sign/${BUCKET}/${alice.id}/new.txt?token=${upload.data!.token}`);
    expect(await asDownload.json()).toMatchObject({ statusCode: '400', code: 'InvalidSignature' });
    expect(await (await alice.client.storage.from(BUCKET).download(path)).data!.text()).toBe('quarterly');
  });
});
