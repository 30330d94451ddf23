// Reads an upload body the two ways storage-js sends it: multipart/form-data (Blob/File/FormData:
// fields `cacheControl`, `metadata`, `contentType`, then the file part) or the raw bytes with
// `content-type`, `cache-control` and `x-metadata` (base64 JSON) headers.
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { ERR } from './errors.ts';
import type { FileStore, Received } from './files.ts';

export interface UploadInfo {
  mimetype: string;
  cacheControl: string;
  userMetadata: Record<string, unknown> | null;
  /** What the client announced, for the permission test before the bytes are written. */
  contentLength: number;
  multipart: boolean;
}

export type BeforeWrite = (info: UploadInfo) => Promise<void>;

function parseMetadata(text: string | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw ERR.invalidRequest('Invalid metadata');
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function isMultipart(req: IncomingMessage): boolean {
  return /^multipart\/form-data/i.test(headerValue(req, 'content-type') ?? '');
}

async function receiveRaw(req: IncomingMessage, files: FileStore, limit: number, before: BeforeWrite) {
  const announced = Number(headerValue(req, 'content-length') ?? 0) || 0;
  const xMeta = headerValue(req, 'x-metadata');
  const info: UploadInfo = {
    mimetype: headerValue(req, 'content-type') || 'application/octet-stream',
    cacheControl: headerValue(req, 'cache-control') || 'no-cache',
    userMetadata: xMeta ? parseMetadata(Buffer.from(xMeta, 'base64').toString('utf8')) : null,
    contentLength: announced,
    multipart: false,
  };
  await before(info);
  return { info, received: await files.receive(req, limit) };
}

function receiveMultipart(req: IncomingMessage, files: FileStore, limit: number, before: BeforeWrite) {
  return new Promise<{ info: UploadInfo; received: Received }>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let work: Promise<{ info: UploadInfo; received: Received }> | null = null;
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fieldSize: 1024 * 1024 } });
    } catch {
      reject(ERR.invalidRequest('Malformed multipart body'));
      req.resume();
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_name, stream: Readable, meta) => {
      if (work) return void stream.resume(); // storage-api takes the first file only
      work = (async () => {
        try {
          const cache = fields.cacheControl;
          const info: UploadInfo = {
            mimetype: fields.contentType || meta.mimeType || 'application/octet-stream',
            cacheControl: cache ? `max-age=${cache}` : 'no-cache',
            userMetadata: parseMetadata(fields.metadata),
            contentLength: Number(headerValue(req, 'content-length') ?? 0) || 0,
            multipart: true,
          };
          await before(info);
          return { info, received: await files.receive(stream, limit) };
        } catch (err) {
          stream.resume(); // keep busboy going so the request is read to its end
          throw err;
        }
      })();
      work.catch(() => {}); // awaited on close
    });
    parser.on('error', () => reject(ERR.invalidRequest('Malformed multipart body')));
    parser.on('close', () => {
      if (!work) reject(ERR.noContent());
      else work.then(resolve, reject);
    });
    req.pipe(parser);
  });
}

/**
 * Receives the body into a temp file; `before` runs once the type is known, before any byte is
 * kept (storage-api's mime, announced-size and permission checks).
 */
export function receiveUpload(req: IncomingMessage, files: FileStore, limit: number, before: BeforeWrite) {
  return isMultipart(req) ? receiveMultipart(req, files, limit, before) : receiveRaw(req, files, limit, before);
}
