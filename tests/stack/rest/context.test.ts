// Request context and profiles: JWT errors, roles and RLS, auth.uid(), Accept/Content-Profile,
// unknown tables and paths, schema cache reload, OpenAPI and CORS.
import { beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../helpers/env.ts';
import { ANN, BOB, anon, asUser, loadFixture, query, rest, service, userToken, waitForSchema } from './helpers.ts';

beforeAll(loadFixture);

describe('JWT and roles', () => {
  it('answers an expired token with 401 PGRST303 and WWW-Authenticate', async () => {
    const jwt = await userToken(ANN, {}, '-10s');
    const res = await rest('/items', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'PGRST303', message: 'JWT expired', details: null, hint: null });
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="JWT expired"');
  });

  it('answers a bad signature with 401 PGRST301', async () => {
    const jwt = (await userToken(ANN)).slice(0, -4) + 'AAAA';
    const res = await rest('/items', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('PGRST301');
  });

  it('answers a role claim naming a missing role with 401 22023', async () => {
    const jwt = await userToken(ANN, { role: 'nobody_here' });
    const res = await rest('/items', { headers: { Authorization: `Bearer ${jwt}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: '22023', message: 'role "nobody_here" does not exist' });
  });

  it('runs RLS as the caller: anon, each user, service_role', async () => {
    const bodies = async (c: Awaited<ReturnType<typeof asUser>>) => ((await c.from('notes').select('body').order('id')).data ?? []).map((n) => n.body);
    expect(await bodies(anon())).toEqual(['ann public']);
    expect(await bodies(await asUser(ANN))).toEqual(['ann public', 'ann private']);
    expect(await bodies(await asUser(BOB))).toEqual(['ann public', 'bob private']);
    expect(await bodies(service())).toEqual(['ann public', 'ann private', 'bob private']);
  });

  it('auth.uid() and the request settings come from the token', async () => {
    const { data } = await (await asUser(ANN)).rpc('whoami');
    expect(data).toEqual({ uid: ANN, role: 'authenticated', method: 'POST' });
    const signedOut = await anon().rpc('whoami');
    expect(signedOut.data).toEqual({ uid: null, role: 'anon', method: 'POST' });
  });

  it('WITH CHECK failures: 401 under the anon key, 403 under a user token', async () => {
    const asAnon = await anon().from('notes').insert({ body: 'x' });
    expect(asAnon.status).toBe(401);
    expect(asAnon.error?.code).toBe('42501');
    const asBob = await (await asUser(BOB)).from('notes').insert({ body: 'forged', owner_id: ANN });
    expect(asBob.status).toBe(403);
    expect(asBob.error).toMatchObject({ code: '42501', message: 'new row violates row-level security policy for table "notes"' });
    const own = await (await asUser(BOB)).from('notes').insert({ body: 'mine' });
    expect(own.status).toBe(201);
  });

  it('an UPDATE hidden by RLS is 204 and changes nothing', async () => {
    const res = await (await asUser(BOB)).from('notes').update({ body: 'hacked' }).eq('body', 'ann private');
    expect(res.status).toBe(204);
    expect(await query(`select count(*)::int as n from fixtures.notes where body = 'hacked'`)).toEqual([{ n: 0 }]);
  });
});

describe('profiles and paths', () => {
  it('answers 406 PGRST106 for a schema that is not exposed', async () => {
    const { error, status } = await anon().schema('secret').from('items').select();
    expect(status).toBe(406);
    expect(error).toMatchObject({ code: 'PGRST106', message: 'Invalid schema: secret', hint: 'Only the following schemas are exposed: public, graphql_public, fixtures' });
  });

  it('selects the schema with Accept-Profile / Content-Profile and echoes Content-Profile', async () => {
    const read = await rest('/items?select=id&limit=1');
    expect(read.headers.get('content-profile')).toBe('fixtures');
    const write = await rest('/canary?id=eq.1', { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'Content-Profile': 'fixtures' }, body: '{"value":"x"}' });
    expect(write.status).toBe(401);
    const publicRead = await fetch(`${stackEnv.apiUrl}/rest/v1/items`, { headers: { apikey: stackEnv.anonKey } });
    expect(publicRead.status).toBe(404);
  });

  it('answers 404 PGRST205 with a suggestion for an unknown table, and PGRST125 for a bad path', async () => {
    const { error, status } = await anon().from('itemz').select();
    expect(status).toBe(404);
    expect(error).toMatchObject({ code: 'PGRST205', message: "Could not find the table 'fixtures.itemz' in the schema cache", hint: "Perhaps you meant the table 'fixtures.items'" });
    const bad = await rest('/items/1');
    expect(bad.status).toBe(404);
    expect((await bad.json()).code).toBe('PGRST125');
  });

  it('every error has exactly code, message, details and hint', async () => {
    const res = await rest('/items?select=id,(');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Object.keys(await res.json()).sort()).toEqual(['code', 'details', 'hint', 'message']);
  });
});

describe('schema cache', () => {
  it('reloads on NOTIFY pgrst', async () => {
    await query('create table fixtures.late (id int primary key)');
    await query('grant select on fixtures.late to anon');
    await query(`notify pgrst, 'reload schema'`);
    await waitForSchema((res) => res.status === 200, '/late');
    expect(await (await rest('/late')).json()).toEqual([]);
    await query('drop table fixtures.late');
    await waitForSchema((res) => res.status === 404, '/late');
  });
});

describe('schema cache listener', () => {
  it('reconnects after its connection is killed and still reloads', async () => {
    const killed = await query(`select pg_terminate_backend(pid) as ok from pg_stat_activity where query = 'LISTEN pgrst'`);
    expect(killed.length).toBeGreaterThan(0);
    await query('create table fixtures.after_drop (id int primary key)');
    await query('grant select on fixtures.after_drop to anon');
    await query(`notify pgrst, 'reload schema'`);
    await waitForSchema((res) => res.status === 200, '/after_drop');
    await query('drop table fixtures.after_drop');
  });
});

describe('OpenAPI and CORS', () => {
  it('describes the exposed schema as Swagger 2.0', async () => {
    const res = await rest('/', { headers: { 'Accept-Profile': 'fixtures' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/openapi+json');
    const doc = await res.json();
    expect(doc.swagger).toBe('2.0');
    expect(doc.paths['/items'].get).toBeDefined();
    expect(doc.paths['/rpc/add']).toBeDefined();
    expect(doc.definitions.items.required).toEqual(['name']);
    expect(doc.definitions.items.properties.size).toMatchObject({ enum: ['small', 'medium', 'large'] });
  });

  it('lets the browser read Content-Range and pass the REST headers in preflight', async () => {
    const pre = await fetch(`${stackEnv.apiUrl}/rest/v1/items`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'apikey, authorization, prefer, accept-profile, content-profile, x-client-info' },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-profile');
    const res = await rest('/items?select=id', { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });
});
