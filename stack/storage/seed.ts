// `[storage.buckets.<name>]` of supabase/config.toml, as `supabase start` seeds them: each bucket
// is created or brought up to date (public, file_size_limit, allowed_mime_types), and the files
// under `objects_path` are uploaded (upserted) into it.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { StackConfig } from '../config.ts';
import { isValidBucketName, isValidKey, parseConfigSize } from './rules.ts';
import type { StorageDeps } from './runtime.ts';

const MIME: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.pdf': 'application/pdf', '.json': 'application/json',
  '.txt': 'text/plain', '.csv': 'text/csv', '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.mp4': 'video/mp4', '.mp3': 'audio/mpeg',
};

interface BucketConfig { public?: boolean; file_size_limit?: string | number; allowed_mime_types?: string[]; objects_path?: string }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

async function seedFile(deps: StorageDeps, bucket: string, key: string, file: string): Promise<void> {
  const received = await deps.files.receive(createReadStream(file), Number.MAX_SAFE_INTEGER);
  const version = randomUUID();
  const mimetype = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const metadata = { eTag: `"${received.md5}"`, size: received.size, mimetype, cacheControl: 'max-age=3600', lastModified: new Date().toISOString(), contentLength: received.size, httpStatusCode: 200 };
  let previous: string | null = null;
  try {
    await deps.db.transaction(async (client) => {
      const { rows } = await client.query<{ version: string | null }>('select version from storage.objects where bucket_id = $1 and name = $2 for update', [bucket, key]);
      previous = rows[0]?.version ?? null;
      await client.query(
        `insert into storage.objects (bucket_id, name, metadata, version) values ($1, $2, $3, $4)
         on conflict (bucket_id, name) do update set metadata = excluded.metadata, version = excluded.version`,
        [bucket, key, JSON.stringify(metadata), version],
      );
      await deps.files.commit(received.tmpPath, version);
    });
  } catch (err) {
    await deps.files.discardTmp(received.tmpPath);
    await deps.files.remove(version);
    throw err;
  }
  await deps.files.remove(previous);
}

async function seedBucket(deps: StorageDeps, config: StackConfig, name: string, cfg: BucketConfig): Promise<void> {
  const limit = cfg.file_size_limit === undefined ? null : parseConfigSize(cfg.file_size_limit);
  await deps.db.pool.query(
    `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values ($1, $1, $2, $3, $4)
     on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
       allowed_mime_types = excluded.allowed_mime_types, updated_at = now()`,
    [name, cfg.public === true, limit, cfg.allowed_mime_types ?? null],
  );
  if (!cfg.objects_path) return;
  const dir = resolve(config.supabaseDir, cfg.objects_path);
  if (!existsSync(dir)) return deps.log(`storage: [storage.buckets.${name}] objects_path ${cfg.objects_path} does not exist`);
  for (const file of walk(dir)) {
    const key = relative(dir, file).split('\\').join('/');
    if (isValidKey(key)) await seedFile(deps, name, key, file);
    else deps.log(`storage: skipped ${file}: not a valid object key`);
  }
}

export async function seedConfigBuckets(deps: StorageDeps, config: StackConfig): Promise<void> {
  const buckets = (config.toml.storage?.buckets ?? {}) as Record<string, BucketConfig>;
  for (const [name, cfg] of Object.entries(buckets)) {
    if (!isValidBucketName(name)) {
      deps.log(`storage: [storage.buckets.${name}] is not a valid bucket name, skipped`);
      continue;
    }
    await seedBucket(deps, config, name, cfg ?? {});
    deps.log(`storage: bucket ${name} seeded from config.toml`);
  }
}
