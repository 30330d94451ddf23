import { describe, expect, it } from 'vitest';
import { FunctionsHttpError } from '@supabase/supabase-js';
import { stackEnv } from '../../helpers/env.ts';
import { PUBLISHABLE_KEY } from '../../../stack/keys.ts';
import { client, fnUrl, keyHeaders } from './helpers.ts';

describe('functions: serving', () => {
  it('invokes a function with a JSON body and gives it the edge runtime environment', async () => {
    const { data, error } = await client().functions.invoke('fn-echo', { body: { hello: 'world' } });
    expect(error).toBeNull();
    expect(data.method).toBe('POST');
    expect(data.pathname).toBe('/fn-echo');
    expect(JSON.parse(data.body)).toEqual({ hello: 'world' });
    expect(data.contentType).toBe('application/json');
    const { PATH, ...env } = data.env;
    // Deno puts its own shim folder on PATH; the host's PATH must not leak in.
    expect(PATH ?? '').not.toContain('/usr/bin');
    expect(env).toEqual({
      SUPABASE_URL: stackEnv.apiUrl,
      SUPABASE_ANON_KEY: stackEnv.anonKey,
      SUPABASE_SERVICE_ROLE_KEY: stackEnv.serviceRoleKey,
      SUPABASE_DB_URL: stackEnv.dbUrl,
      FIXTURE_SECRET: 'from-env-file',
      FIXTURE_TOML_SECRET: 'from-config-toml',
      SUPABASE_FIXTURE_RESERVED: null,
      HOME: null,
    });
    expect(data.edgeRuntime).toBe('function');
  });

  it('passes sub-paths, query, method and headers through', async () => {
    const res = await fetch(fnUrl('fn-echo/items/42?expand=1&q=a%20b'), { method: 'PATCH', headers: { ...keyHeaders(), 'x-custom': 'yes' }, body: 'raw' });
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data).toMatchObject({ method: 'PATCH', pathname: '/fn-echo/items/42', query: { expand: '1', q: 'a b' }, body: 'raw', custom: 'yes' });
  });

  it('encodes text and Blob bodies as functions-js does', async () => {
    const text = await client().functions.invoke('fn-echo', { body: 'plain words' });
    expect(text.data).toMatchObject({ body: 'plain words', contentType: 'text/plain' });
    const blob = await client().functions.invoke('fn-echo', { body: new Blob([new Uint8Array([104, 105])]) });
    expect(blob.data).toMatchObject({ body: 'hi', contentType: 'application/octet-stream' });
    const form = new FormData();
    form.append('field', 'value');
    const multipart = await client().functions.invoke('fn-echo', { body: form });
    expect(multipart.data.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(multipart.data.body).toContain('name="field"');
  });

  it('answers an unknown function with upstream 404 text', async () => {
    const res = await fetch(fnUrl('fn-does-not-exist'), { method: 'POST', headers: keyHeaders() });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('Function not found');
  });

  it('answers the health probe the CLI uses', async () => {
    const res = await fetch(fnUrl('_internal/health'), { method: 'HEAD' });
    expect(res.status).toBe(200);
  });

  it('lets a function answer its own CORS preflight, never blocked by verify_jwt', async () => {
    const preflight = { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, x-client-info, apikey, content-type' };
    const own = await fetch(fnUrl('fn-public'), { method: 'OPTIONS', headers: preflight });
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe('*');
    expect(own.headers.get('access-control-allow-headers')).toContain('apikey');
    // fn-echo has verify_jwt on and no CORS code: OPTIONS still reaches it, unauthenticated.
    const echo = await fetch(fnUrl('fn-echo'), { method: 'OPTIONS', headers: preflight });
    expect(echo.status).toBe(200);
    expect((await echo.json()).method).toBe('OPTIONS');
    expect(echo.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('forwards a publishable key as its JWT (apikey-only call passes verify_jwt)', async () => {
    const { data, error } = await client(PUBLISHABLE_KEY).functions.invoke('fn-echo', { body: {} });
    expect(error).toBeNull();
    expect(data.authorization).toBe(`Bearer ${stackEnv.anonKey}`);
  });

  it('reports a function 4xx/5xx as FunctionsHttpError with the response', async () => {
    const { error } = await client().functions.invoke('fn-echo', { headers: { Authorization: 'Bearer not.a.jwt' } });
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect((error as FunctionsHttpError).context.status).toBe(401);
    expect((error as FunctionsHttpError).context.headers.get('x-relay-error')).toBeNull();
  });
});
