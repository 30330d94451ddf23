// postgres_changes through the real supabase-js: delivery under each subscriber's own RLS (checked
// per change, so revoked access stops delivery), payload shape, old_record per replica identity,
// filters, large rows and TOAST. Fixture tables live in schema rt_fixture, never in public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { withDb } from '../../helpers/env.ts';
import { closeClients, createUser, deleteUsers, realtimeClient, subscribePostgres, waitFor, type TestUser } from './helpers.ts';

type Change = RealtimePostgresChangesPayload<Record<string, any>>;

const FIXTURE = `
  create schema if not exists rt_fixture;
  grant usage on schema rt_fixture to anon, authenticated, service_role;
  create table rt_fixture.notes (
    id bigint generated always as identity primary key, owner uuid not null, body text, amount numeric,
    done boolean not null default false, meta jsonb, tags text[], created_at timestamptz not null default now());
  create table rt_fixture.note_grants (owner uuid not null, grantee uuid not null, primary key (owner, grantee));
  alter table rt_fixture.notes enable row level security;
  create policy "Owners and grantees can read notes" on rt_fixture.notes for select to authenticated
    using (owner = (select auth.uid()) or exists (select 1 from rt_fixture.note_grants g
                                                  where g.owner = notes.owner and g.grantee = (select auth.uid())));
  grant select on rt_fixture.notes, rt_fixture.note_grants to authenticated;
  create table rt_fixture.items (id int primary key, n int, label text, big text);
  create table rt_fixture.items_full (id int primary key, n int, label text, big text);
  alter table rt_fixture.items_full replica identity full;
  grant select on rt_fixture.items, rt_fixture.items_full to anon, authenticated;
  create table rt_fixture.unpublished (id int primary key);
  grant select on rt_fixture.unpublished to anon, authenticated;
  alter publication supabase_realtime add table rt_fixture.notes, rt_fixture.items, rt_fixture.items_full;
`;

const TEARDOWN = `
  do $$
  declare t text;
  begin
    for t in select format('%I.%I', schemaname, tablename) from pg_publication_tables
              where pubname = 'supabase_realtime' and schemaname = 'rt_fixture' loop
      execute format('alter publication supabase_realtime drop table %s', t);
    end loop;
  end $$;
  drop schema if exists rt_fixture cascade;
`;

async function sql(text: string, values: unknown[] = []): Promise<void> {
  await withDb((db) => db.query(text, values));
}

/** A random string Postgres cannot compress, so it is stored out of line (TOAST). */
function incompressible(bytes: number): string {
  let out = '';
  while (out.length < bytes) out += Math.random().toString(36).slice(2);
  return out.slice(0, bytes);
}

let ann: TestUser;
let bob: TestUser;

beforeAll(async () => {
  await sql(TEARDOWN);
  await sql(FIXTURE);
  ann = await createUser('ann');
  bob = await createUser('bob');
});

afterAll(async () => {
  await closeClients();
  await sql(TEARDOWN);
  await deleteUsers([ann, bob]);
});

async function listen(token: string | undefined, name: string, binding: Record<string, string>): Promise<Change[]> {
  const client = await realtimeClient(token);
  const got: Change[] = [];
  const channel = client.channel(name).on('postgres_changes' as any, binding, (p: Change) => got.push(p));
  const system = await subscribePostgres(channel);
  expect(system).toMatchObject({ extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL' });
  return got;
}

describe('postgres_changes under RLS', () => {
  it('delivers each change only to the users whose own RLS lets them read the row', async () => {
    const annGot = await listen(ann.token, 'notes-ann', { event: '*', schema: 'rt_fixture', table: 'notes' });
    const bobGot = await listen(bob.token, 'notes-bob', { event: '*', schema: 'rt_fixture', table: 'notes' });
    const anonGot = await listen(undefined, 'notes-anon', { event: '*', schema: 'rt_fixture', table: 'notes' });
    await sql(`insert into rt_fixture.notes (owner, body) values ($1, 'ann-1'), ($2, 'bob-1'), ($1, 'ann-2')`, [ann.id, bob.id]);
    await waitFor(() => annGot.length === 2 && bobGot.length === 1, 5000, 'own notes');
    expect(annGot.map((c) => (c.new as any).body)).toEqual(['ann-1', 'ann-2']);
    expect(bobGot.map((c) => (c.new as any).body)).toEqual(['bob-1']);

    // Bob is granted Ann's notes, then the grant is revoked while he stays subscribed.
    await sql(`insert into rt_fixture.note_grants values ($1, $2)`, [ann.id, bob.id]);
    await sql(`insert into rt_fixture.notes (owner, body) values ($1, 'shared')`, [ann.id]);
    await waitFor(() => bobGot.some((c) => (c.new as any).body === 'shared'), 5000, 'shared note');
    await sql(`delete from rt_fixture.note_grants`);
    await sql(`insert into rt_fixture.notes (owner, body) values ($1, 'after-revoke')`, [ann.id]);
    await sql(`insert into rt_fixture.notes (owner, body) values ($1, 'bob-marker')`, [bob.id]);
    await waitFor(() => bobGot.some((c) => (c.new as any).body === 'bob-marker'), 5000, 'bob marker');
    await waitFor(() => annGot.some((c) => (c.new as any).body === 'after-revoke'), 5000, 'ann after revoke');
    expect(bobGot.map((c) => (c.new as any).body)).toEqual(['bob-1', 'shared', 'bob-marker']);
    expect(anonGot).toEqual([]);
  });

  it('sends the payload shape supabase-js expects, with typed values', async () => {
    const got = await listen(ann.token, 'notes-shape', { event: 'INSERT', schema: 'rt_fixture', table: 'notes' });
    await sql(`insert into rt_fixture.notes (owner, body, amount, done, meta, tags) values ($1, 'typed', 12.5, true, '{"a":[1,2]}', '{x,"y z"}')`, [ann.id]);
    await waitFor(() => got.length === 1, 5000, 'typed insert');
    const change = got[0]!;
    expect(change).toMatchObject({ schema: 'rt_fixture', table: 'notes', eventType: 'INSERT', old: {}, errors: null });
    expect(change.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(change.new).toMatchObject({ owner: ann.id, body: 'typed', amount: 12.5, done: true, meta: { a: [1, 2] }, tags: ['x', 'y z'] });
    expect(typeof (change.new as any).id).toBe('number');
    expect((change.new as any).created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
  });
});

describe('postgres_changes old_record and replica identity', () => {
  it('gives only the primary key in old for DEFAULT identity', async () => {
    const got = await listen(undefined, 'items-default', { event: '*', schema: 'rt_fixture', table: 'items' });
    await sql(`insert into rt_fixture.items values (1, 10, 'one', null)`);
    await sql(`update rt_fixture.items set n = 11 where id = 1`);
    await sql(`delete from rt_fixture.items where id = 1`);
    await waitFor(() => got.length === 3, 5000, 'three changes');
    expect(got.map((c) => c.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    expect(got[1]).toMatchObject({ new: { id: 1, n: 11, label: 'one', big: null }, old: { id: 1 } });
    expect(got[1]!.old).toEqual({ id: 1 });
    expect(got[2]!.new).toEqual({});
    expect(got[2]!.old).toEqual({ id: 1 });
  });

  it('gives the whole old row for FULL identity', async () => {
    const got = await listen(undefined, 'items-full', { event: '*', schema: 'rt_fixture', table: 'items_full' });
    await sql(`insert into rt_fixture.items_full values (1, 10, 'one', null)`);
    await sql(`update rt_fixture.items_full set n = 11 where id = 1`);
    await sql(`delete from rt_fixture.items_full where id = 1`);
    await waitFor(() => got.length === 3, 5000, 'three changes');
    expect(got[1]!.old).toEqual({ id: 1, n: 10, label: 'one', big: null });
    expect(got[2]!.old).toEqual({ id: 1, n: 11, label: 'one', big: null });
  });

  it('delivers rows far larger than a notification whole, and handles unchanged TOAST', async () => {
    const big = incompressible(200_000);
    const plain = await listen(undefined, 'items-big', { event: '*', schema: 'rt_fixture', table: 'items' });
    const full = await listen(undefined, 'items-full-big', { event: '*', schema: 'rt_fixture', table: 'items_full' });
    await sql(`insert into rt_fixture.items values (2, 1, 'big', $1)`, [big]);
    await sql(`insert into rt_fixture.items_full values (2, 1, 'big', $1)`, [big]);
    await sql(`update rt_fixture.items set n = 2 where id = 2`);
    await sql(`update rt_fixture.items_full set n = 2 where id = 2`);
    await waitFor(() => plain.length === 2 && full.length === 2, 5000, 'big rows');
    expect((plain[0]!.new as any).big).toBe(big);
    // Unchanged TOAST under DEFAULT identity is left out (never turned into null), as upstream does.
    expect(plain[1]!.new).toEqual({ id: 2, n: 2, label: 'big' });
    expect((full[1]!.new as any).big).toBe(big);
    expect((full[1]!.old as any).big).toBe(big);
  });

  it('marks records over 1 MiB with Error 413 and keeps only their small fields, as upstream', async () => {
    const got = await listen(undefined, 'items-huge', { event: 'INSERT', schema: 'rt_fixture', table: 'items' });
    await sql(`insert into rt_fixture.items values (3, 7, 'huge', $1)`, [incompressible(1_200_000)]);
    await waitFor(() => got.length === 1, 10_000, 'huge row');
    expect(got[0]!.errors).toEqual(['Error 413: Payload Too Large']);
    expect(got[0]!.new).toEqual({ id: 3, n: 7, label: 'huge' });
  });
});

describe('postgres_changes filters and events', () => {
  it('applies eq, neq, lt, lte, gt, gte and in, and per-event bindings', async () => {
    const client = await realtimeClient();
    const got: Record<string, number[]> = {};
    const filters = ['n=eq.3', 'n=neq.3', 'n=lt.3', 'n=lte.3', 'n=gt.3', 'n=gte.3', 'n=in.(1,4,5)', 'label=eq.three'];
    let channel = client.channel('items-filters');
    for (const filter of filters) {
      got[filter] = [];
      channel = channel.on('postgres_changes', { event: 'INSERT', schema: 'rt_fixture', table: 'items', filter }, (p) => got[filter]!.push((p.new as any).n));
    }
    const updates: number[] = [];
    channel = channel.on('postgres_changes', { event: 'UPDATE', schema: 'rt_fixture', table: 'items' }, (p) => updates.push((p.new as any).n));
    await subscribePostgres(channel);
    const labels = ['zero', 'one', 'two', 'three', 'four', 'five'];
    for (let n = 1; n <= 5; n++) await sql(`insert into rt_fixture.items values ($1, $2, $3, null)`, [100 + n, n, labels[n]]);
    await sql(`update rt_fixture.items set n = 50 where id = 105`);
    await waitFor(() => updates.length === 1, 5000, 'update');
    expect(got).toEqual({
      'n=eq.3': [3],
      'n=neq.3': [1, 2, 4, 5],
      'n=lt.3': [1, 2],
      'n=lte.3': [1, 2, 3],
      'n=gt.3': [4, 5],
      'n=gte.3': [3, 4, 5],
      'n=in.(1,4,5)': [1, 4, 5],
      'label=eq.three': [3],
    });
    expect(updates).toEqual([50]);
  });

  it('reports tables outside the publication and unknown filter columns as system errors', async () => {
    const client = await realtimeClient();
    const unpublished = client.channel('unpublished').on('postgres_changes', { event: '*', schema: 'rt_fixture', table: 'unpublished' }, () => {});
    const system = await subscribePostgres(unpublished);
    expect(system).toMatchObject({ extension: 'postgres_changes', status: 'error', channel: 'unpublished' });
    expect(String(system.message)).toMatch(/^Unable to subscribe to changes with given parameters/);

    const badColumn = client.channel('bad-column').on('postgres_changes', { event: '*', schema: 'rt_fixture', table: 'items', filter: 'nope=eq.1' }, () => {});
    const system2 = await subscribePostgres(badColumn);
    expect(system2).toMatchObject({ status: 'error' });
    expect(String(system2.message)).toContain('invalid column for filter nope');

    const badOp = client.channel('bad-op').on('postgres_changes', { event: '*', schema: 'rt_fixture', table: 'items', filter: 'n=foo.1' }, () => {});
    const system3 = await subscribePostgres(badOp);
    expect(system3).toMatchObject({ status: 'error', message: 'Error parsing `filter` params: ["n", "foo.1"]' });
  });
});
