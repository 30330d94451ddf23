// Atrium's own use of Storage, against the `avatars` bucket and policies its migration creates:
// a signed-in user upserts a picked File into `<user id>/`, and the public URL serves it to anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { anon, createUser, deleteUsers, type TestUser } from './helpers.ts';

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await createUser();
  bob = await createUser();
});
afterAll(async () => {
  await withDb(async (db) => {
    await db.query('begin');
    await db.query("select set_config('storage.allow_delete_query', 'true', true)");
    await db.query("delete from storage.objects where bucket_id = 'avatars' and owner_id = any($1)", [[alice.id, bob.id]]);
    await db.query('commit');
  });
  await deleteUsers([alice, bob]);
});

const png = (bytes = 64) => new File([new Uint8Array(bytes)], 'me.png', { type: 'image/png' });

describe('avatars bucket (supabase/migrations)', () => {
  it('takes a File upsert into the own folder and serves it publicly', async () => {
    const path = `${alice.id}/avatar-1.png`;
    const first = await alice.client.storage.from('avatars').upload(path, png(), { contentType: 'image/png', upsert: true });
    expect(first.error).toBeNull();
    const again = await alice.client.storage.from('avatars').upload(path, png(80), { contentType: 'image/png', upsert: true });
    expect(again.error).toBeNull();
    const url = anon().storage.from('avatars').getPublicUrl(path).data.publicUrl;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await res.arrayBuffer()).byteLength).toBe(80);
  });

  it("refuses another user's folder, images over 2 MB and other types", async () => {
    const intrude = await bob.client.storage.from('avatars').upload(`${alice.id}/avatar-2.png`, png(), { upsert: true });
    expect(intrude.error).toMatchObject({ statusCode: '403' });
    const big = await alice.client.storage.from('avatars').upload(`${alice.id}/big.png`, png(2 * 1024 * 1024 + 1), { upsert: true });
    expect(big.error).toMatchObject({ statusCode: '413' });
    const text = await alice.client.storage.from('avatars').upload(`${alice.id}/a.txt`, new File(['x'], 'a.txt', { type: 'text/plain' }), { upsert: true });
    expect(text.error).toMatchObject({ statusCode: '415', message: 'mime type text/plain is not supported' });
  });
});
