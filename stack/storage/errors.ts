// storage-api's error shapes (src/internal/errors/codes.ts) and how its error handler sends them:
// the body carries the "real" status as a string, the HTTP status is 400 for almost everything.
import type { ServerResponse } from 'node:http';

export class StorageError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly error?: string,
    /** HTTP status when it is not the usual 400 (500s, 416, 544). */
    readonly httpStatus?: number,
  ) {
    super(message);
  }

  body(): Record<string, string> {
    return { statusCode: String(this.statusCode), code: this.code, error: this.error ?? this.code, message: this.message };
  }

  status(): number {
    if (this.httpStatus) return this.httpStatus;
    return this.statusCode === 500 ? 500 : 400;
  }
}

export const ERR = {
  noSuchBucket: () => new StorageError('NoSuchBucket', 404, 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageError('NoSuchKey', 404, 'Object not found', 'not_found'),
  duplicate: () => new StorageError('ResourceAlreadyExists', 409, 'The resource already exists', 'Duplicate'),
  keyExists: () => new StorageError('KeyAlreadyExists', 409, 'The resource already exists', 'Duplicate'),
  bucketExists: () => new StorageError('BucketAlreadyExists', 409, 'The resource already exists', 'Duplicate'),
  accessDenied: (message: string) => new StorageError('AccessDenied', 403, message || 'Access denied', 'Unauthorized'),
  rls: () => ERR.accessDenied('new row violates row-level security policy'),
  tooLarge: () => new StorageError('EntityTooLarge', 413, 'The object exceeded the maximum allowed size', 'Payload too large'),
  invalidMime: (mime: string) => new StorageError('InvalidMimeType', 415, `mime type ${mime} is not supported`, 'invalid_mime_type'),
  invalidKey: (key: string) => new StorageError('InvalidKey', 400, `Invalid key: ${key}`),
  invalidBucketName: () => new StorageError('InvalidBucketName', 400, 'Bucket name invalid', 'Invalid Input'),
  bucketNotEmpty: () => new StorageError('ResourceNotEmpty', 409, 'The bucket you tried to delete is not empty'),
  invalidFileSize: () => new StorageError('InvalidRequest', 400, 'Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B'),
  invalidRequest: (message: string) => new StorageError('InvalidRequest', 400, message),
  invalidJwt: (message: string) => new StorageError('InvalidJWT', 400, message || 'Invalid JWT'),
  invalidSignature: () => new StorageError('InvalidSignature', 400, 'Invalid signature'),
  expiredToken: () => new StorageError('ExpiredToken', 400, 'The provided token has expired.'),
  invalidRange: () => new StorageError('InvalidRange', 400, 'invalid range provided', 'invalid_range', 416),
  noContent: () => new StorageError('InvalidRequest', 400, 'No content provided'),
  timeout: () => new StorageError('DatabaseTimeout', 544, 'The connection to the database timed out', undefined, 544),
  routeNotFound: (method: string, url: string) => new StorageError('InvalidRequest', 404, `Route ${method}:${url} not found`, 'Not Found', 404),
};

/** Maps a Postgres error to storage-api's answer; anything unknown stays a 500. */
export function fromDbError(err: unknown): StorageError | null {
  const code = (err as { code?: string } | null)?.code;
  if (code === '42501') return ERR.rls();
  if (code === '23505') return ERR.duplicate();
  if (code === '57014') return ERR.timeout();
  return null;
}

/** Re-words the generic duplicate error for the resource at hand (storage-api's create paths do). */
export function asConflict(err: unknown, make: () => StorageError): unknown {
  return err instanceof StorageError && err.code === 'ResourceAlreadyExists' ? make() : err;
}

export function sendError(res: ServerResponse, err: StorageError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify(err.body());
  res.writeHead(err.status(), { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}
