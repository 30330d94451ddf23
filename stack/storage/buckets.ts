// Bucket routes, all under the caller's RLS on storage.buckets (service_role bypasses it).
import { ERR, asConflict } from './errors.ts';
import { isUuid, isValidBucketName, parseBucketSizeLimit } from './rules.ts';
import { releaseVersion } from './upload.ts';
import { asCaller, callerSub, iso, readJson, sendJson, type Call, type Client } from './runtime.ts';

const COLUMNS = `id, name, owner, owner_id, public, type, file_size_limit::float8 as file_size_limit, allowed_mime_types,
  ${iso('created_at')} as created_at, ${iso('updated_at')} as updated_at`;
const SORTABLE = new Set(['id', 'name', 'created_at', 'updated_at']);

function mimeTypes(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !/^[\w.+-]+\/[\w.+*-]+$/.test(v))) {
    throw ERR.invalidRequest('Invalid mime type format');
  }
  return value as string[];
}

export async function listBucketsRoute(call: Call): Promise<void> {
  const q = call.query;
  const column = q.get('sortColumn') ?? 'name';
  const order = (q.get('sortOrder') ?? 'asc').toLowerCase();
  if (!SORTABLE.has(column) || !['asc', 'desc'].includes(order)) throw ERR.invalidRequest('Invalid sort options');
  const limit = q.has('limit') ? Number(q.get('limit')) : null;
  const offset = Number(q.get('offset') ?? 0);
  if ((limit !== null && (!Number.isInteger(limit) || limit < 0)) || !Number.isInteger(offset) || offset < 0) throw ERR.invalidRequest('Invalid limit or offset');
  const search = q.get('search') ?? '';
  const rows = await asCaller(call, 'storage.bucket.list', { readOnly: true })(async (client) => {
    const { rows } = await client.query(
      `select ${COLUMNS} from storage.buckets where ($1 = '' or name ilike '%' || $1 || '%')
       order by ${column} ${order} limit $2 offset $3`,
      [search, limit, offset],
    );
    return rows;
  });
  sendJson(call.res, 200, rows);
}

export async function getBucketRoute(call: Call): Promise<void> {
  const row = await asCaller(call, 'storage.bucket.get', { readOnly: true })(async (client) => {
    const { rows } = await client.query(`select ${COLUMNS} from storage.buckets where id = $1`, [call.params.bucket]);
    return rows[0];
  });
  if (!row) throw ERR.noSuchBucket();
  sendJson(call.res, 200, row);
}

export async function createBucketRoute(call: Call): Promise<void> {
  const body = await readJson(call.req);
  const id = (body.id ?? body.name) as unknown;
  if (!isValidBucketName(id)) throw ERR.invalidBucketName();
  const name = typeof body.name === 'string' && body.name ? body.name : id;
  const limit = parseBucketSizeLimit(body.file_size_limit);
  const mimes = mimeTypes(body.allowed_mime_types);
  const owner = callerSub(call);
  await asCaller(call, 'storage.bucket.create')((client) =>
    client.query(
      `insert into storage.buckets (id, name, owner, owner_id, public, file_size_limit, allowed_mime_types, type)
       values ($1, $2, $3, $4, $5, $6, $7, coalesce($8::storage.buckettype, 'STANDARD'))`,
      [id, name, isUuid(owner) ? owner : null, owner, body.public === true, limit, mimes, body.type === 'ANALYTICS' ? 'ANALYTICS' : null],
    ),
  ).catch((err: unknown) => {
    throw asConflict(err, ERR.bucketExists);
  });
  call.deps.log(`storage: bucket ${id} created`);
  sendJson(call.res, 200, { name: id });
}

export async function updateBucketRoute(call: Call): Promise<void> {
  const body = await readJson(call.req);
  const sets: string[] = [];
  const values: unknown[] = [call.params.bucket];
  const set = (column: string, value: unknown) => {
    values.push(value);
    sets.push(`${column} = $${values.length}`);
  };
  if (body.public !== undefined) set('public', body.public === true);
  if (body.file_size_limit !== undefined) set('file_size_limit', parseBucketSizeLimit(body.file_size_limit));
  if (body.allowed_mime_types !== undefined) set('allowed_mime_types', mimeTypes(body.allowed_mime_types));
  sets.push('updated_at = now()');
  const updated = await asCaller(call, 'storage.bucket.update')(async (client) => {
    const { rowCount } = await client.query(`update storage.buckets set ${sets.join(', ')} where id = $1`, values);
    return rowCount ?? 0;
  });
  if (!updated) throw ERR.noSuchBucket();
  sendJson(call.res, 200, { message: 'Successfully updated' });
}

async function bucketVisible(client: Client, id: string): Promise<boolean> {
  const { rowCount } = await client.query('select 1 from storage.buckets where id = $1', [id]);
  return !!rowCount;
}

export async function emptyBucketRoute(call: Call): Promise<void> {
  const versions = await asCaller(call, 'storage.bucket.empty')(async (client) => {
    if (!(await bucketVisible(client, call.params.bucket))) throw ERR.noSuchBucket();
    const { rows } = await client.query<{ version: string | null }>('delete from storage.objects where bucket_id = $1 returning version', [call.params.bucket]);
    return rows.map((r) => r.version);
  });
  for (const version of versions) await releaseVersion(call, version);
  sendJson(call.res, 200, { message: 'Successfully emptied' });
}

export async function deleteBucketRoute(call: Call): Promise<void> {
  await asCaller(call, 'storage.bucket.delete')(async (client) => {
    if (!(await bucketVisible(client, call.params.bucket))) throw ERR.noSuchBucket();
    // Objects the caller cannot see still keep the bucket alive.
    const { rowCount: objects } = await call.deps.db.pool.query('select 1 from storage.objects where bucket_id = $1 limit 1', [call.params.bucket]);
    if (objects) throw ERR.bucketNotEmpty();
    const { rowCount } = await client.query('delete from storage.buckets where id = $1', [call.params.bucket]);
    if (!rowCount) throw ERR.rls();
  });
  call.deps.log(`storage: bucket ${call.params.bucket} deleted`);
  sendJson(call.res, 200, { message: 'Successfully deleted' });
}
