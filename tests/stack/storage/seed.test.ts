// `[storage.buckets.<name>]` in config.toml: the stack creates or updates the bucket at start and
// uploads `objects_path`. Driven here through the same seeding function against the running stack.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../stack/config.ts';
import { Database } from '../../../stack/db/database.ts';
import { FileStore } from '../../../stack/storage/files.ts';
import { seedConfigBuckets } from '../../../stack/storage/seed.ts';
import type { StorageDeps } from '../../../stack/storage/runtime.ts';
import { stackEnv } from '../../helpers/env.ts';
import { anon, bucketId, dropBuckets, service } from './helpers.ts';

const BUCKET = bucketId('seeded');
const db = new Database(stackEnv.dbUrl, 2);
afterAll(async () => {
  await dropBuckets([BUCKET]);
  await db.close();
});

function seedDeps(lines: string[]): StorageDeps {
  return { db, files: new FileStore(join(stackEnv.dataDir, 'storage')), secret: new Uint8Array(32), globalSizeLimit: 50 * 1024 * 1024, log: (l) => lines.push(l) };
}

describe('config.toml buckets', () => {
  it('creates the bucket, uploads objects_path, and updates it on the next start', async () => {
    const supabaseDir = mkdtempSync(join(tmpdir(), 'atrium-seed-'));
    mkdirSync(join(supabaseDir, 'files', 'docs'), { recursive: true });
    writeFileSync(join(supabaseDir, 'files', 'docs', 'readme.txt'), 'seeded text');
    writeFileSync(join(supabaseDir, 'files', 'logo.svg'), '<svg/>');
    const toml = { storage: { buckets: { [BUCKET]: { public: true, file_size_limit: '1MiB', allowed_mime_types: ['text/plain', 'image/svg+xml'], objects_path: './files' } } } };
    const lines: string[] = [];
    await seedConfigBuckets(seedDeps(lines), { ...loadConfig({ supabaseDir }), toml });
    expect(lines).toContain(`storage: bucket ${BUCKET} seeded from config.toml`);
    expect((await service().storage.getBucket(BUCKET)).data).toMatchObject({ public: true, file_size_limit: 1024 * 1024, allowed_mime_types: ['text/plain', 'image/svg+xml'] });
    const res = await fetch(anon().storage.from(BUCKET).getPublicUrl('docs/readme.txt').data.publicUrl);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(await res.text()).toBe('seeded text');

    writeFileSync(join(supabaseDir, 'files', 'logo.svg'), '<svg version="2"/>');
    const updated = { storage: { buckets: { [BUCKET]: { ...toml.storage.buckets[BUCKET], public: false } } } };
    await seedConfigBuckets(seedDeps(lines), { ...loadConfig({ supabaseDir }), toml: updated });
    expect((await service().storage.getBucket(BUCKET)).data).toMatchObject({ public: false });
    expect(await (await service().storage.from(BUCKET).download('logo.svg')).data!.text()).toBe('<svg version="2"/>');
    expect((await service().storage.from(BUCKET).list()).data!.map((e) => e.name)).toEqual(['docs', 'logo.svg']);
  });
});
