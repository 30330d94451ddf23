// Upload, update and signed upload: storage-api's order of checks (bucket, key, mime type, size,
// permission test as the caller), then bytes to a temp file, then the row in one transaction and
// the file into place; on any failure the temp file goes and the transaction rolls back.
import { randomUUID } from 'node:crypto';
import { receiveUpload, type UploadInfo } from './body.ts';
import { ERR, asConflict } from './errors.ts';
import { effectiveSizeLimit, isMimeAllowed, isUuid, mustBeValidKey } from './rules.ts';
import { dryRun, mustFindBucket, type Call, type Client, type Runner } from './runtime.ts';

export interface UploadTarget {
  bucket: string;
  key: string;
  upsert: boolean;
  /** JWT `sub` of the uploader (stored as owner_id, and as owner when it is a uuid). */
  owner: string | null;
  runner: Runner;
}

interface ObjectValues {
  id: string;
  version: string;
  metadata: Record<string, unknown>;
  userMetadata: Record<string, unknown> | null;
}

/** The statement storage-api runs as the caller: a plain insert, or an upsert (insert+select+update). */
export async function writeObjectRow(client: Client, target: UploadTarget, values: ObjectValues): Promise<void> {
  const conflict = target.upsert
    ? `on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id,
         metadata = excluded.metadata, user_metadata = excluded.user_metadata, version = excluded.version,
         last_accessed_at = now()`
    : '';
  await client.query(
    `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
     values ($1, $2, $3, $4, $5, $6, $7, $8) ${conflict}`,
    [values.id, target.bucket, target.key, isUuid(target.owner) ? target.owner : null, target.owner,
      JSON.stringify(values.metadata), values.userMetadata ? JSON.stringify(values.userMetadata) : null, values.version],
  );
}

async function currentVersion(call: Call, bucket: string, key: string): Promise<string | null> {
  const { rows } = await call.deps.db.pool.query<{ version: string | null }>(
    'select version from storage.objects where bucket_id = $1 and name = $2',
    [bucket, key],
  );
  return rows[0]?.version ?? null;
}

/** Removes an old version's bytes once no row points at them any more. */
export async function releaseVersion(call: Call, version: string | null): Promise<void> {
  if (!version) return;
  const { rowCount } = await call.deps.db.pool.query('select 1 from storage.objects where version = $1', [version]);
  if (!rowCount) await call.deps.files.remove(version);
}

function systemMetadata(info: UploadInfo, size: number, md5: string): Record<string, unknown> {
  return {
    eTag: `"${md5}"`,
    size,
    mimetype: info.mimetype,
    cacheControl: info.cacheControl,
    lastModified: new Date().toISOString(),
    contentLength: size,
    httpStatusCode: 200,
  };
}

/** Runs the whole upload; returns the object's id. */
export async function performUpload(call: Call, target: UploadTarget): Promise<string> {
  const { deps } = call;
  const bucket = await mustFindBucket(deps, target.bucket);
  mustBeValidKey(target.key);
  const limit = effectiveSizeLimit(bucket.file_size_limit, deps.globalSizeLimit);
  const before = async (info: UploadInfo) => {
    if (!isMimeAllowed(info.mimetype, bucket.allowed_mime_types)) throw ERR.invalidMime(info.mimetype);
    // A raw body announces its exact size; a multipart one only its envelope's, checked while streaming.
    if (!info.multipart && info.contentLength > limit) throw ERR.tooLarge();
    const probe = { mimetype: info.mimetype, contentLength: info.contentLength };
    await dryRun(target.runner, (c) => writeObjectRow(c, target, { id: randomUUID(), version: randomUUID(), metadata: probe, userMetadata: info.userMetadata }));
  };
  const { info, received } = await receiveUpload(call.req, deps.files, limit, before).catch((err: unknown) => {
    throw asConflict(err, ERR.keyExists);
  });
  const id = randomUUID();
  const version = randomUUID();
  const previous = await currentVersion(call, target.bucket, target.key);
  let placed = false;
  try {
    await target.runner(async (client) => {
      await writeObjectRow(client, target, { id, version, metadata: systemMetadata(info, received.size, received.md5), userMetadata: info.userMetadata });
      await deps.files.commit(received.tmpPath, version);
      placed = true;
    });
  } catch (err) {
    if (placed) await deps.files.remove(version);
    else await deps.files.discardTmp(received.tmpPath);
    throw asConflict(err, ERR.keyExists);
  }
  await releaseVersion(call, previous);
  const { rows } = await deps.db.pool.query<{ id: string }>('select id from storage.objects where bucket_id = $1 and name = $2', [target.bucket, target.key]);
  return rows[0]?.id ?? id;
}
