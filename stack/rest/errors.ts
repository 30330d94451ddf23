// PostgREST's error body {code, message, details, hint} and its HTTP statuses, including the
// SQLSTATE → status table (PostgREST src/PostgREST/Error.hs, pgErrorStatus).

export interface ErrorBody {
  code: string;
  message: string;
  details: unknown;
  hint: string | null;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
    /** Reason phrase, e.g. the message of a `PTnnn` error. */
    readonly statusText?: string,
  ) {
    super(body.message);
  }
}

export function apiError(status: number, code: string, message: string, details: unknown = null, hint: string | null = null): ApiError {
  return new ApiError(status, { code, message, details, hint });
}

/** PGRST100: a malformed query string; no SQL runs. */
export function parseError(what: string, input: string, column: number, details: string): ApiError {
  return apiError(400, 'PGRST100', `"failed to parse ${what} (${input})" (line 1, column ${column})`, details);
}

export function columnNotFound(column: string, table: string): ApiError {
  return apiError(400, 'PGRST204', `Could not find the '${column}' column of '${table}' in the schema cache`);
}

export interface PgLikeError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

function isPgError(err: unknown): err is PgLikeError {
  return typeof err === 'object' && err !== null && typeof (err as PgLikeError).code === 'string' && 'severity' in err;
}

/** HTTP status for a SQLSTATE; `isAnon` decides 42501 (401 under the anon role, else 403). */
export function pgErrorStatus(code: string, message: string, isAnon: boolean): number {
  const p2 = code.slice(0, 2);
  if (p2 === '08' || (p2 === '53' && code !== '53400') || code === '57P01') return 503;
  if (['0L', '0P', '28'].includes(p2)) return 403;
  if (code === '23503' || code === '23505') return 409;
  if (code === '25006') return 405;
  if (code === '21000') return /requires a WHERE clause$/.test(message) ? 400 : 500;
  if (code === '22023') return /^role ".*" does not exist$/.test(message) ? 401 : 400;
  if (code === '42501') return isAnon ? 401 : 403;
  if (code === '42883') return /xmlagg/.test(message) ? 406 : 404;
  if (code === '42P01') return 404;
  if (code === 'P0001') return 400;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2)) >= 100 ? Number(code.slice(2)) : 500;
  if (['09', '25', '2D', '38', '39', '3B', '40', '54', '55', '57', '58', 'F0', 'HV', 'P0', 'XX'].includes(p2)) return 500;
  if (code === '53400' || code === '42P17') return 500;
  return 400;
}

/** `RAISE SQLSTATE 'PGRST'` with a JSON MESSAGE (body) and DETAIL (status, headers). */
function customPgrstError(err: PgLikeError): ApiError {
  try {
    const body = JSON.parse(err.message) as Record<string, unknown>;
    const meta = JSON.parse(err.detail ?? '') as { status?: number; headers?: Record<string, string> };
    if (typeof body.code !== 'string' || typeof body.message !== 'string' || typeof meta.status !== 'number') throw new Error('shape');
    const headers = Object.fromEntries(Object.entries(meta.headers ?? {}).map(([k, v]) => [k, String(v)]));
    return new ApiError(meta.status, { code: body.code, message: body.message, details: body.details ?? null, hint: (body.hint as string) ?? null }, headers);
  } catch {
    return apiError(500, 'PGRST121', "Could not parse JSON in the \"RAISE SQLSTATE 'PGRST'\" error", err.message,
      "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'. DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.");
  }
}

/** Converts anything thrown while serving a request into PostgREST's error. */
export function toApiError(err: unknown, isAnon: boolean): ApiError {
  if (err instanceof ApiError) return err;
  if (isPgError(err)) {
    const code = err.code!;
    if (code === 'PGRST') return customPgrstError(err);
    const status = pgErrorStatus(code, err.message, isAnon);
    const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
    const reason = /^PT\d{3}$/.test(code) ? err.message.replace(/[^\t\x20-\x7e]/g, '') : undefined;
    return new ApiError(status, { code, message: err.message, details: err.detail ?? null, hint: err.hint ?? null }, headers, reason);
  }
  return apiError(500, 'PGRSTX00', err instanceof Error ? err.message : String(err));
}
