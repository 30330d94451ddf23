// Signed URLs: download tokens `{url, scope: 'download', iat, exp}` and upload tokens
// `{owner, url, upsert, scope: 'upload', iat, exp}`, HS256 with the stack's JWT secret.
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { randomUUID } from 'node:crypto';
import { ERR } from './errors.ts';
import { mustBeValidKey } from './rules.ts';
import { findReadable, sendObject } from './read.ts';
import { performUpload, writeObjectRow } from './upload.ts';
import { asCaller, asStack, callerSub, dryRun, header, mustFindBucket, readJson, sendJson, type Call } from './runtime.ts';

/** storage-api's default for signed upload URLs (the docs' "valid for 2 hours"). */
const UPLOAD_EXPIRY_SECONDS = 7200;

type Scope = 'download' | 'upload';

async function sign(call: Call, claims: Record<string, unknown>, expiresIn: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now).setExpirationTime(now + expiresIn).sign(call.deps.secret);
}

/** Verifies a token for this path and scope; returns its claims. */
async function verifyToken(call: Call, scope: Scope): Promise<Record<string, unknown>> {
  const token = call.query.get('token');
  if (!token) throw ERR.invalidRequest("querystring must have required property 'token'");
  let claims: Record<string, unknown>;
  try {
    claims = (await jwtVerify(token, call.deps.secret, { algorithms: ['HS256'] })).payload;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired) throw ERR.expiredToken();
    if (err instanceof joseErrors.JWSSignatureVerificationFailed) throw ERR.invalidJwt('invalid signature');
    throw ERR.invalidJwt('jwt malformed');
  }
  const tokenScope = claims.scope ?? ('upsert' in claims ? 'upload' : 'download');
  if (tokenScope !== scope || claims.url !== `${call.params.bucket}/${call.params.key}`) throw ERR.invalidSignature();
  return claims;
}

function parseExpiresIn(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw ERR.invalidRequest('body/expiresIn must be >= 1');
  return n;
}

export async function signRoute(call: Call): Promise<void> {
  const body = await readJson(call.req);
  const expiresIn = parseExpiresIn(body.expiresIn);
  // Signing always checks the caller's SELECT rights, also on public buckets.
  await mustFindBucket(call.deps, call.params.bucket);
  const url = `${call.params.bucket}/${call.params.key}`;
  const found = await asCaller(call, 'storage.object.sign', { readOnly: true })(async (client) => {
    const { rowCount } = await client.query('select 1 from storage.objects where bucket_id = $1 and name = $2', [call.params.bucket, call.params.key]);
    return !!rowCount;
  });
  if (!found) throw ERR.noSuchKey();
  const token = await sign(call, { url, scope: 'download' }, expiresIn);
  sendJson(call.res, 200, { signedURL: `/object/sign/${url}?token=${token}` });
}

export async function signManyRoute(call: Call): Promise<void> {
  const body = await readJson(call.req);
  const expiresIn = parseExpiresIn(body.expiresIn);
  const paths = body.paths;
  if (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string')) throw ERR.invalidRequest('body/paths must be an array of strings');
  const visible = await asCaller(call, 'storage.object.sign_many', { readOnly: true })(async (client) => {
    const { rows } = await client.query<{ name: string }>('select name from storage.objects where bucket_id = $1 and name = any($2::text[])', [call.params.bucket, paths]);
    return new Set(rows.map((r) => r.name));
  });
  const out = [];
  for (const path of paths as string[]) {
    if (!visible.has(path)) {
      out.push({ error: 'Either the object does not exist or you do not have access to it', path, signedURL: null });
      continue;
    }
    const url = `${call.params.bucket}/${path}`;
    const token = await sign(call, { url, scope: 'download' }, expiresIn);
    out.push({ error: null, path, signedURL: `/object/sign/${url}?token=${token}` });
  }
  sendJson(call.res, 200, out);
}

export async function signedDownloadRoute(call: Call): Promise<void> {
  const claims = await verifyToken(call, 'download');
  const row = await findReadable(call, 'signed', 'storage.object.get_signed');
  await sendObject(call, row, new Date(Number(claims.exp) * 1000).toUTCString());
}

export async function signUploadRoute(call: Call): Promise<void> {
  const { bucket, key } = call.params;
  await mustFindBucket(call.deps, bucket);
  mustBeValidKey(key);
  const upsert = header(call, 'x-upsert') === 'true';
  const owner = callerSub(call);
  const target = { bucket, key, upsert, owner, runner: asCaller(call, 'storage.object.upload_sign') };
  await dryRun(target.runner, (c) => writeObjectRow(c, target, { id: randomUUID(), version: randomUUID(), metadata: {}, userMetadata: null }));
  const token = await sign(call, { owner: owner ?? undefined, url: `${bucket}/${key}`, upsert, scope: 'upload' }, UPLOAD_EXPIRY_SECONDS);
  sendJson(call.res, 200, { url: `/object/upload/sign/${bucket}/${key}?token=${token}`, token });
}

export async function signedUploadRoute(call: Call): Promise<void> {
  const claims = await verifyToken(call, 'upload');
  await performUpload(call, {
    bucket: call.params.bucket,
    key: call.params.key,
    upsert: claims.upsert === true,
    owner: typeof claims.owner === 'string' ? claims.owner : null,
    runner: asStack(call.deps, 'storage.object.upload_signed'),
  });
  sendJson(call.res, 200, { Key: `${call.params.bucket}/${call.params.key}` });
}
