// storage-api's routes (src/http/routes/{bucket,object,render}) as a table: method, path pattern,
// handler, and whether a missing or invalid JWT is tolerated (then the caller is `anon`).
import type { Call } from './runtime.ts';
import { splitBucketKey } from './rules.ts';
import * as buckets from './buckets.ts';
import * as objects from './objects.ts';
import * as read from './read.ts';
import * as signing from './signing.ts';
import { listV2Route } from './list-v2.ts';

export interface Route {
  method: string;
  /** Literal path prefix; what follows is `<bucket>[/<key>]` unless `exact`. */
  prefix: string;
  /** `bucket` = exactly one segment after the prefix, `key` = bucket and key, `none` = nothing. */
  shape: 'none' | 'bucket' | 'key';
  suffix?: string;
  allowInvalidJwt?: boolean;
  handler: (call: Call) => Promise<void>;
}

const r = (method: string, prefix: string, shape: Route['shape'], handler: Route['handler'], extra: Partial<Route> = {}): Route => ({ method, prefix, shape, handler, ...extra });
const open = { allowInvalidJwt: true };

/** First match wins, so specific prefixes come before `/object/`. */
export const ROUTES: Route[] = [
  r('GET', '/bucket', 'none', buckets.listBucketsRoute),
  r('POST', '/bucket', 'none', buckets.createBucketRoute),
  r('POST', '/bucket/', 'bucket', buckets.emptyBucketRoute, { suffix: '/empty' }),
  r('GET', '/bucket/', 'bucket', buckets.getBucketRoute),
  r('PUT', '/bucket/', 'bucket', buckets.updateBucketRoute),
  r('DELETE', '/bucket/', 'bucket', buckets.deleteBucketRoute),
  r('POST', '/object/list/', 'bucket', objects.listRoute),
  r('POST', '/object/list-v2/', 'bucket', listV2Route),
  r('POST', '/object/move', 'none', objects.moveRoute),
  r('POST', '/object/copy', 'none', objects.copyRoute),
  r('POST', '/object/upload/sign/', 'key', signing.signUploadRoute),
  r('PUT', '/object/upload/sign/', 'key', signing.signedUploadRoute, open),
  r('POST', '/object/sign/', 'key', signing.signRoute),
  r('POST', '/object/sign/', 'bucket', signing.signManyRoute),
  r('GET', '/object/sign/', 'key', signing.signedDownloadRoute, open),
  r('GET', '/render/image/sign/', 'key', signing.signedDownloadRoute, open),
  r('GET', '/object/info/public/', 'key', read.infoRoute('public'), open),
  r('GET', '/object/info/authenticated/', 'key', read.infoRoute('authenticated')),
  r('GET', '/object/info/', 'key', read.infoRoute('auto'), open),
  r('GET', '/object/public/', 'key', read.readRoute('public'), open),
  r('HEAD', '/object/public/', 'key', read.readRoute('public'), open),
  r('GET', '/render/image/public/', 'key', read.readRoute('public'), open),
  r('GET', '/object/authenticated/', 'key', read.readRoute('authenticated')),
  r('HEAD', '/object/authenticated/', 'key', read.readRoute('authenticated')),
  r('GET', '/render/image/authenticated/', 'key', read.readRoute('authenticated')),
  r('DELETE', '/object/', 'bucket', objects.removeRoute),
  r('POST', '/object/', 'key', objects.uploadRoute('create')),
  r('PUT', '/object/', 'key', objects.uploadRoute('update')),
  r('GET', '/object/', 'key', read.readRoute('auto'), open),
  r('HEAD', '/object/', 'key', read.readRoute('auto'), open),
];

export interface Match { route: Route; params: { bucket: string; key: string } }

function matchOne(route: Route, method: string, path: string): Match | null {
  if (route.method !== method) return null;
  if (route.shape === 'none') return path === route.prefix ? { route, params: { bucket: '', key: '' } } : null;
  if (!path.startsWith(route.prefix)) return null;
  let rest = path.slice(route.prefix.length);
  if (route.suffix) {
    if (!rest.endsWith(route.suffix)) return null;
    rest = rest.slice(0, -route.suffix.length);
  }
  if (!rest) return null;
  if (route.shape === 'bucket') return rest.includes('/') ? null : { route, params: splitBucketKey(rest) };
  const params = splitBucketKey(rest);
  return params.key ? { route, params } : null;
}

export function matchRoute(method: string, path: string): Match | null {
  for (const route of ROUTES) {
    const found = matchOne(route, method, path);
    if (found) return found;
  }
  return null;
}
