// Reading objects: download (authenticated, public, signed), HEAD for exists(), and info. Public
// buckets are read with the stack's rights (no RLS) as storage-api does; others as the caller.
import { createReadStream } from 'node:fs';
import { ERR } from './errors.ts';
import { contentDisposition, parseRange, servedContentType } from './rules.ts';
import { asCaller, asStack, iso, mustFindBucket, sendJson, type Call, type Runner } from './runtime.ts';

export type ReadMode = 'auto' | 'public' | 'authenticated' | 'signed';

interface ObjectRow {
  id: string;
  name: string;
  bucket_id: string;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
}

async function loadObject(runner: Runner, bucket: string, key: string): Promise<ObjectRow> {
  const row = await runner(async (client) => {
    const { rows } = await client.query<ObjectRow>(
      `select id, name, bucket_id, version, metadata, user_metadata, ${iso('created_at')} as created_at,
              ${iso('updated_at')} as updated_at
       from storage.objects where bucket_id = $1 and name = $2`,
      [bucket, key],
    );
    return rows[0];
  });
  if (!row) throw ERR.noSuchKey();
  return row;
}

/** Finds the object for a read route, applying the bucket's visibility and the caller's RLS. */
export async function findReadable(call: Call, mode: ReadMode, operation: string): Promise<ObjectRow> {
  const { bucket: bucketId, key } = call.params;
  const bucket = await mustFindBucket(call.deps, bucketId);
  if (mode === 'public' && !bucket.public) throw ERR.noSuchBucket();
  // storage-api: without a valid JWT only public buckets exist on the tolerant read routes.
  const unauthenticated = !call.ctx.token || call.ctx.jwtProblem !== null;
  if (mode === 'auto' && unauthenticated && !bucket.public) throw ERR.noSuchBucket();
  const privileged = mode === 'signed' || bucket.public;
  const runner = privileged ? asStack(call.deps, operation) : asCaller(call, operation, { readOnly: true });
  return loadObject(runner, bucketId, key);
}

/** The renderer's headers; a signed URL sends `Expires` instead of the stored Cache-Control. */
function objectHeaders(row: ObjectRow, size: number, expires?: string): Record<string, string> {
  const md = row.metadata ?? {};
  const headers: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    'Content-Type': servedContentType(String(md.mimetype ?? 'application/octet-stream')),
    'Content-Length': String(size),
    'Last-Modified': new Date(String(md.lastModified ?? row.updated_at)).toUTCString(),
  };
  if (md.eTag) headers.ETag = String(md.eTag);
  if (expires) headers.Expires = expires;
  else headers['Cache-Control'] = String(md.cacheControl ?? 'no-cache');
  return headers;
}

/** A row whose bytes are gone: the renderer's backend-404 answer. */
function sendMissingBytes(call: Call): void {
  call.res.setHeader('Cache-Control', 'no-store');
  sendJson(call.res, 400, { error: 'Not found', message: 'The resource was not found', statusCode: '404' });
}

/** Streams the bytes with storage-api's headers, honouring Range and If-None-Match. */
export async function sendObject(call: Call, row: ObjectRow, expires?: string): Promise<void> {
  const { res, req, deps } = call;
  const size = row.version ? await deps.files.size(row.version) : null;
  if (size === null || !row.version) return sendMissingBytes(call);
  const headers = objectHeaders(row, size, expires);
  const disposition = contentDisposition(call.query.get('download'));
  if (disposition) headers['Content-Disposition'] = disposition;
  if (headers.ETag && req.headers['if-none-match'] === headers.ETag) {
    delete headers['Content-Length'];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let range;
  try {
    range = parseRange(req.headers.range, size);
  } catch (err) {
    res.setHeader('Content-Range', `bytes */${size}`);
    throw err;
  }
  if (req.method === 'HEAD') {
    res.writeHead(200, headers);
    res.end();
    return;
  }
  if (range) {
    headers['Content-Length'] = String(range.end - range.start + 1);
    headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
  }
  res.writeHead(range ? 206 : 200, headers);
  const stream = createReadStream(deps.files.pathOf(row.version), range ?? {});
  await new Promise<void>((resolve) => {
    stream.on('error', () => res.destroy());
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

export function readRoute(mode: ReadMode) {
  return async (call: Call): Promise<void> => {
    const row = await findReadable(call, mode, 'storage.object.get');
    await sendObject(call, row);
  };
}

export function infoRoute(mode: ReadMode) {
  return async (call: Call): Promise<void> => {
    const row = await findReadable(call, mode, 'storage.object.info');
    const md = row.metadata ?? {};
    sendJson(call.res, 200, {
      id: row.id,
      name: row.name,
      version: row.version,
      bucket_id: row.bucket_id,
      size: md.size ?? null,
      content_type: md.mimetype ?? null,
      cache_control: md.cacheControl ?? null,
      etag: md.eTag ?? null,
      metadata: row.user_metadata,
      last_modified: row.updated_at,
      created_at: row.created_at,
    });
  };
}
