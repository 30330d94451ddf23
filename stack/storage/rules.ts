// Pure rules of storage-api: key and bucket-name validation, size parsing, mime matching, ranges,
// download names. No I/O, unit-tested beside.
import type { JwtProblem } from '../gateway/context.ts';
import { ERR } from './errors.ts';

// storage-api's S3-safe key alphabet (src/storage/limits.ts).
const KEY_CHARS = /^[\w/!.*'() &$@=;:+,?-]+$/;
const BUCKET_CHARS = /^[\w!.*'() &$@=;:+,?-]+$/;

/**
 * A valid object key: storage-api's alphabet, and — because keys never touch our file system but
 * still must not look like paths out of their folder — no empty, `.` or `..` segment, no leading `/`.
 */
export function isValidKey(key: string): boolean {
  if (!key || !KEY_CHARS.test(key) || key.startsWith('/')) return false;
  return key.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

export function mustBeValidKey(key: string): void {
  if (!isValidKey(key)) throw ERR.invalidKey(key);
}

export function isValidBucketName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && name.length <= 100 && name.trim() === name && BUCKET_CHARS.test(name) && name !== '.' && name !== '..';
}

/** Bucket `file_size_limit` as the Storage API takes it: bytes, or "20MB"/"30KB"/"3B" (decimal units). */
export function parseBucketSizeLimit(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw ERR.invalidFileSize();
    return Math.floor(value);
  }
  if (typeof value !== 'string') throw ERR.invalidFileSize();
  if (/^\d+$/.test(value)) return Number(value);
  const m = /^([0-9]+(?:\.[0-9]+)?)(gb|mb|kb|b)$/i.exec(value);
  if (!m) throw ERR.invalidFileSize();
  const n = +parseFloat(m[1]!).toPrecision(3);
  const unit = { GB: 1e9, MB: 1e6, KB: 1e3, B: 1 }[m[2]!.toUpperCase() as 'GB' | 'MB' | 'KB' | 'B'];
  return Math.floor(n * unit);
}

/** `[storage] file_size_limit` of config.toml ("50MiB"): the CLI reads units as powers of 1024. */
export function parseConfigSize(value: unknown, fallback = 50 * 1024 * 1024): number {
  if (typeof value === 'number' && value > 0) return Math.floor(value);
  if (typeof value !== 'string') return fallback;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?i?b?)\s*$/i.exec(value);
  if (!m) return fallback;
  const unit = m[2]!.toLowerCase().replace(/i?b$/, '').replace('i', '');
  const power = ['', 'k', 'm', 'g', 't'].indexOf(unit);
  return power < 0 ? fallback : Math.floor(parseFloat(m[1]!) * 1024 ** power);
}

/** Effective limit: the smaller of the bucket's own and the global one. */
export function effectiveSizeLimit(bucketLimit: string | number | null, globalLimit: number): number {
  const own = bucketLimit === null ? null : Number(bucketLimit);
  return own !== null && own > 0 ? Math.min(own, globalLimit) : globalLimit;
}

/** `allowed_mime_types` matching, with `type/*` wildcards; parameters (`;charset=`) are ignored. */
export function isMimeAllowed(mime: string, allowed: string[] | null): boolean {
  if (!allowed || allowed.length === 0) return true;
  const [type = '', sub = ''] = mime.split(';')[0]!.trim().toLowerCase().split('/');
  return allowed.some((entry) => {
    const [aType, aSub] = entry.trim().toLowerCase().split('/');
    return aType === type && (aSub === '*' || aSub === sub);
  });
}

export type ByteRange = { start: number; end: number };

/** One `bytes=` range against a size; null = serve everything; throws InvalidRange if unsatisfiable. */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) throw ERR.invalidRange();
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) throw ERR.invalidRange();
  return { start, end };
}

/** `?download` → `Content-Disposition` exactly as storage-api's renderer writes it (trailing `;`). */
export function contentDisposition(download: string | null): string | undefined {
  if (download === null) return undefined;
  if (download === '') return 'attachment;';
  const enc = encodeURIComponent(download);
  return `attachment; filename=${enc}; filename*=UTF-8''${enc};`;
}

/** storage-api never serves `text/html` as such (stored pages would run on the API's origin). */
export function servedContentType(mimetype: string): string {
  return mimetype.includes('text/html') ? 'text/plain' : mimetype;
}

/** The gateway's JWT problem in the words of jsonwebtoken, which storage-api uses. */
export function jwtProblemMessage(problem: JwtProblem): string {
  if (/expired/i.test(problem.message)) return 'jwt expired';
  if (/signature/i.test(problem.message)) return 'invalid signature';
  if (problem.kind === 'claims') return problem.message;
  return 'jwt malformed';
}

/** storage-js strips leading `/`; the key is the rest of the path after the bucket, decoded. */
export function splitBucketKey(rest: string): { bucket: string; key: string } {
  const slash = rest.indexOf('/');
  const rawBucket = slash === -1 ? rest : rest.slice(0, slash);
  const rawKey = slash === -1 ? '' : rest.slice(slash + 1);
  return { bucket: safeDecode(rawBucket), key: safeDecode(rawKey) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
