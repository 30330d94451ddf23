import { deepStrictEqual as assertEquals } from 'node:assert/strict';
import { corsHeaders, preflight } from './cors.ts';
import { errorResponse, HttpError, json, readJson } from './http.ts';

Deno.test('json sets status, content type and CORS headers', async () => {
  const res = json({ ok: true }, 201);
  assertEquals(res.status, 201);
  assertEquals(res.headers.get('content-type'), 'application/json');
  assertEquals(res.headers.get('access-control-allow-origin'), corsHeaders['Access-Control-Allow-Origin']);
  assertEquals(await res.json(), { ok: true });
});

Deno.test('preflight answers OPTIONS only', () => {
  assertEquals(preflight(new Request('http://x/f', { method: 'OPTIONS' }))?.status, 200);
  assertEquals(preflight(new Request('http://x/f', { method: 'POST' })), null);
});

Deno.test('errorResponse keeps HttpError messages and hides other errors', async () => {
  const bad = errorResponse(new HttpError(422, 'amount must be positive'));
  assertEquals([bad.status, await bad.json()], [422, { error: 'amount must be positive' }]);
  const originalError = console.error;
  console.error = () => {};
  try {
    const internal = errorResponse(new Error('connection string leaked'));
    assertEquals([internal.status, await internal.json()], [500, { error: 'Internal error' }]);
  } finally {
    console.error = originalError;
  }
});

Deno.test('readJson rejects a malformed body with 400', async () => {
  const req = new Request('http://x/f', { method: 'POST', body: '{nope' });
  const err: unknown = await readJson(req).catch((e) => e);
  assertEquals(err instanceof HttpError ? err.status : null, 400);
});
