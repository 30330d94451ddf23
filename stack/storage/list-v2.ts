// `POST /object/list-v2/<bucket>` (storage-js `listV2`): a cursor-paged listing under the caller's
// RLS. Names are full keys; with `with_delimiter` the direct sub-folders come back as `folders`
// (`name` ending in `/`), merged with the objects in one order. A folder sorts by the creation
// time of its first object; missing timestamps sort as the epoch; times compare at milliseconds.
import { ERR } from './errors.ts';
import { asCaller, iso, readJson, sendJson, type Call } from './runtime.ts';

const COLUMNS = new Set(['name', 'updated_at', 'created_at']);

interface Cursor { t: string | null; n: string }

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64');
}

export function decodeCursor(raw: unknown): Cursor | null {
  if (raw === undefined || raw === null || raw === '') return null;
  try {
    const value = JSON.parse(Buffer.from(String(raw), 'base64').toString('utf8')) as Cursor;
    if (typeof value.n === 'string' && (value.t === null || typeof value.t === 'string')) return value;
  } catch {
    // fall through
  }
  throw ERR.invalidRequest('Invalid continuation token');
}

/** `prefix` as a LIKE pattern that matches it literally. */
export function likePrefix(prefix: string): string {
  return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

interface Options { prefix: string; delimiter: boolean; limit: number; column: string; desc: boolean; cursor: Cursor | null }

function parseOptions(body: Record<string, unknown>): Options {
  const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
  const column = sortBy.column ?? 'name';
  const order = sortBy.order ?? 'asc';
  if (typeof column !== 'string' || !COLUMNS.has(column) || (order !== 'asc' && order !== 'desc')) throw ERR.invalidRequest('Invalid sortBy');
  const delimiter = body.with_delimiter === true;
  const limit = body.limit === undefined ? (delimiter ? 1000 : 100) : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1) throw ERR.invalidRequest('body/limit must be >= 1');
  const prefix = typeof body.prefix === 'string' ? body.prefix : '';
  return { prefix, delimiter, limit, column, desc: order === 'desc', cursor: decodeCursor(body.cursor) };
}

/** One statement: visible objects under the prefix, folded into folders, ordered, one page + 1. */
function buildQuery(o: Options): string {
  const sortTs = o.column === 'name' ? `'epoch'::timestamptz` : `coalesce(v.${o.column}, 'epoch')`;
  const dir = o.desc ? 'desc' : 'asc';
  const cmp = o.desc ? '<' : '>';
  return `
    with visible as (
      select v.*, case when $7::boolean and strpos(substr(v.name, $3 + 1), '/') > 0
                       then substr(v.name, 1, $3 + strpos(substr(v.name, $3 + 1), '/')) end as folder, date_trunc('milliseconds', ${sortTs}) as sort_ts
      from storage.objects v where v.bucket_id = $1 and v.name collate "C" like $2
    ), items as (
      select folder as name, true as is_folder, null::uuid as id, null::timestamptz as updated_at,
             null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata,
             ${o.column === 'name' ? `'epoch'::timestamptz` : `date_trunc('milliseconds', min(coalesce(created_at, 'epoch')))`} as sort_ts
      from visible where folder is not null group by folder
      union all
      select name, false, id, updated_at, created_at, last_accessed_at, metadata, sort_ts from visible where folder is null
    )
    select name, is_folder, id, ${iso('updated_at')} as updated_at, ${iso('created_at')} as created_at,
           ${iso('last_accessed_at')} as last_accessed_at, metadata, ${iso('sort_ts')} as sort_key
    from items
    where $4::text is null or (sort_ts, name collate "C") ${cmp} ($4::timestamptz, $5::text collate "C")
    order by sort_ts ${dir}, name collate "C" ${dir}
    limit $6`;
}

interface Row { name: string; is_folder: boolean; id: string | null; updated_at: string | null; created_at: string | null; last_accessed_at: string | null; metadata: unknown; sort_key: string }

export async function listV2Route(call: Call): Promise<void> {
  const o = parseOptions(await readJson(call.req));
  const levels = o.prefix.split('/').length;
  const rows = await asCaller(call, 'storage.object.list_v2', { readOnly: true })(async (client) => {
    const params = [call.params.bucket, likePrefix(o.prefix), o.prefix.length, o.cursor ? (o.cursor.t ?? '1970-01-01T00:00:00.000Z') : null, o.cursor?.n ?? '', o.limit + 1, o.delimiter];
    return (await client.query<Row>(buildQuery(o), params)).rows;
  });
  const page = rows.slice(0, o.limit);
  const keyOf = (name: string) => (o.delimiter ? name.split('/')[levels - 1] ?? name : name);
  const last = page.at(-1);
  sendJson(call.res, 200, {
    hasNext: rows.length > o.limit,
    folders: page.filter((r) => r.is_folder).map((r) => ({ name: r.name, key: keyOf(r.name) })),
    objects: page.filter((r) => !r.is_folder).map((r) => ({
      id: r.id, name: r.name, key: keyOf(r.name), updated_at: r.updated_at, created_at: r.created_at, last_accessed_at: r.last_accessed_at, metadata: r.metadata,
    })),
    ...(rows.length > o.limit && last ? { nextCursor: encodeCursor({ t: o.column === 'name' ? null : last.sort_key, n: last.name }) } : {}),
  });
}
