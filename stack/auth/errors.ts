// GoTrue's error shapes (supabase/auth internal/api/errors.go): the 2024-01-01 API version gives
// `{code, message}` with the string code, older callers `{code: <status>, error_code, msg}`.
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** The OAuth-style error (`{error, error_description}`), always 400, e.g. a missing refresh token. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

export const API_VERSION = '2024-01-01';

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);
export const forbidden = (code: string, message: string) => new AuthError(403, code, message);
export const notFound = (code: string, message: string) => new AuthError(404, code, message);
export const unprocessable = (code: string, message: string) => new AuthError(422, code, message);
export const tooMany = (code: string, message: string) => new AuthError(429, code, message);
export const validation = (message: string) => new AuthError(400, 'validation_failed', message);

/** True when the caller asked for the 2024-01-01 API (auth-js always does). */
export function wantsVersionedErrors(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return Date.parse(`${value}T00:00:00Z`) >= Date.parse(`${API_VERSION}T00:00:00Z`);
}

export function errorBody(err: AuthError, versioned: boolean, errorId?: string): Record<string, unknown> {
  if (versioned) return { code: err.errorCode, message: err.message, ...err.extra };
  const body: Record<string, unknown> = { code: err.status, error_code: err.errorCode, msg: err.message, ...err.extra };
  if (err.status >= 500 && errorId) body.error_id = errorId;
  return body;
}
