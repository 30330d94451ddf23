// Object routes that change or enumerate rows: upload/update, move, copy, remove, list.
import { randomUUID } from 'node:crypto';
import { ERR } from './errors.ts';
import { isUuid, isValidKey, mustBeValidKey } from './rules.ts';
import { performUpload, releaseVersion, writeObjectRow } from './upload.ts';
import { asCaller, callerSub, header, iso, mustFindBucket, readJson, sendJson, type Call } from './runtime.ts';

export function uploadRoute(kind: 'create' | 'update') {
  return async (call: Call): Promise<void> => {
    const upsert = kind === 'update' || header(call, 'x-upsert') === 'true';
    const operation = kind === 'update' ? 'storage.object.update' : 'storage.object.upload';
    const id = await performUpload(call, {
      bucket: call.params.bucket,
      key: call.params.key,
      upsert,
      owner: callerSub(call),
      runner: asCaller(call, operation),
    });
    sendJson(call.res, 200, { Id: id, Key: `${call.params.bucket}/${call.params.key}` });
  };
}

function stringField(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || !v) throw ERR.invalidRequest(`body must have required property '${name}'`);
  return v;
}

interface Transfer { bucket: string; source: string; destBucket: string; dest: string }

async function readTransfer(call: Call): Promise<{ body: Record<string, unknown>; t: Transfer }> {
  const body = await readJson(call.req);
  const bucket = stringField(body, 'bucketId');
  const source = stringField(body, 'sourceKey');
  const dest = stringField(body, 'destinationKey');
  const destBucket = typeof body.destinationBucket === 'string' && body.destinationBucket ? body.destinationBucket : bucket;
  mustBeValidKey(dest);
  if (!isValidKey(source)) throw ERR.invalidKey(source);
  await mustFindBucket(call.deps, bucket);
  if (destBucket !== bucket) await mustFindBucket(call.deps, destBucket);
  return { body, t: { bucket, source, destBucket, dest } };
}

export async function moveRoute(call: Call): Promise<void> {
  const { t } = await readTransfer(call);
  const owner = callerSub(call);
  const moved = await asCaller(call, 'storage.object.move')(async (client) => {
    const { rowCount } = await client.query(
      `update storage.objects set bucket_id = $3, name = $4, owner = $5, owner_id = $6, last_accessed_at = now()
       where bucket_id = $1 and name = $2`,
      [t.bucket, t.source, t.destBucket, t.dest, isUuid(owner) ? owner : null, owner],
    );
    return rowCount ?? 0;
  });
  if (!moved) throw ERR.noSuchKey();
  sendJson(call.res, 200, { message: 'Successfully moved' });
}

/** User metadata for a copy made with `copyMetadata: false`: the `x-metadata` header or body `metadata`. */
function copyMetadata(xMeta: string | undefined, bodyMeta: unknown): Record<string, unknown> | null {
  let value: unknown = bodyMeta ?? null;
  if (xMeta) {
    try {
      value = JSON.parse(Buffer.from(xMeta, 'base64').toString('utf8'));
    } catch {
      throw ERR.invalidRequest('Invalid x-metadata header');
    }
  }
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw ERR.invalidRequest('Invalid metadata');
  return value as Record<string, unknown> | null;
}

interface SourceRow { version: string | null; metadata: unknown; user_metadata: Record<string, unknown> | null }

export async function copyRoute(call: Call): Promise<void> {
  const { body, t } = await readTransfer(call);
  const upsert = header(call, 'x-upsert') === 'true';
  const runner = asCaller(call, 'storage.object.copy');
  const newMeta = copyMetadata(header(call, 'x-metadata'), body.metadata);
  const version = randomUUID();
  const id = randomUUID();
  const target = { bucket: t.destBucket, key: t.dest, upsert, owner: callerSub(call), runner };
  let copied = false;
  let previous: string | null = null;
  try {
    await runner(async (client) => {
      const { rows } = await client.query<SourceRow>(
        'select version, metadata, user_metadata from storage.objects where bucket_id = $1 and name = $2',
        [t.bucket, t.source],
      );
      const src = rows[0];
      if (!src?.version) throw ERR.noSuchKey();
      const prev = await call.deps.db.pool.query<{ version: string }>('select version from storage.objects where bucket_id = $1 and name = $2', [t.destBucket, t.dest]);
      previous = prev.rows[0]?.version ?? null;
      await call.deps.files.copy(src.version, version);
      copied = true;
      const userMetadata = body.copyMetadata === false ? newMeta : src.user_metadata;
      await writeObjectRow(client, target, { id, version, metadata: { ...(src.metadata as object), lastModified: new Date().toISOString() }, userMetadata });
    });
  } catch (err) {
    if (copied) await call.deps.files.remove(version);
    throw err;
  }
  await releaseVersion(call, previous);
  const { rows } = await call.deps.db.pool.query(
    `select id, bucket_id, name, owner, owner_id, metadata, user_metadata, version, ${iso('created_at')} as created_at,
            ${iso('updated_at')} as updated_at, ${iso('last_accessed_at')} as last_accessed_at
     from storage.objects where bucket_id = $1 and name = $2`,
    [t.destBucket, t.dest],
  );
  const row = rows[0] ?? { id };
  sendJson(call.res, 200, { Id: row.id, Key: `${t.destBucket}/${t.dest}`, ...row });
}

export async function removeRoute(call: Call): Promise<void> {
  const body = await readJson(call.req);
  const prefixes = body.prefixes;
  if (!Array.isArray(prefixes) || prefixes.length < 1 || prefixes.length > 1000 || prefixes.some((p) => typeof p !== 'string')) {
    throw ERR.invalidRequest('body/prefixes must be an array of 1 to 1000 strings');
  }
  const deleted = await asCaller(call, 'storage.object.delete_many')(async (client) => {
    const { rows } = await client.query(
      `delete from storage.objects where bucket_id = $1 and name = any($2::text[])
       returning bucket_id, name, id, owner, owner_id, version, metadata, user_metadata,
                 ${iso('created_at')} as created_at, ${iso('updated_at')} as updated_at, ${iso('last_accessed_at')} as last_accessed_at`,
      [call.params.bucket, prefixes],
    );
    return rows as Array<{ version: string | null }>;
  });
  for (const row of deleted) await releaseVersion(call, row.version);
  sendJson(call.res, 200, deleted);
}

const SORT_COLUMNS = new Set(['name', 'updated_at', 'created_at', 'last_accessed_at']);

export async function listRoute(call: Call): Promise<void> {
  const body = await readJson(call.req);
  let prefix = typeof body.prefix === 'string' ? body.prefix : '';
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  const limit = Number(body.limit ?? 100);
  const offset = Number(body.offset ?? 0);
  const sortBy = (body.sortBy ?? {}) as { column?: string; order?: string };
  const column = sortBy.column ?? 'name';
  const order = (sortBy.order ?? 'asc').toLowerCase();
  if (!SORT_COLUMNS.has(column) || !['asc', 'desc'].includes(order)) throw ERR.invalidRequest('Invalid sortBy');
  if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0) throw ERR.invalidRequest('Invalid limit or offset');
  const search = typeof body.search === 'string' ? body.search : '';
  const levels = prefix.split('/').length;
  const rows = await asCaller(call, 'storage.object.list', { readOnly: true })(async (client) => {
    const result = await client.query(
      `select name, id, ${iso('updated_at')} as updated_at, ${iso('created_at')} as created_at,
              ${iso('last_accessed_at')} as last_accessed_at, metadata
       from storage.search($1, $2, $3, $4, $5, $6, $7, $8)`,
      [prefix, call.params.bucket, limit, levels, offset, search, column, order],
    );
    return result.rows;
  });
  sendJson(call.res, 200, rows);
}
