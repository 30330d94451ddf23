// Private channels authorised by RLS policies on realtime.messages, evaluated as the user with
// realtime.topic() set: joins, sends, realtime.send() and REST broadcast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv, withDb } from '../../helpers/env.ts';
import { closeClients, createUser, deleteUsers, realtimeClient, sleep, subscribe, waitFor, type TestUser } from './helpers.ts';

const POLICIES = `
  create policy "rt test: users read their own room" on realtime.messages for select to authenticated
    using ((select realtime.topic()) = 'rt-room-' || (select auth.uid())::text and extension in ('broadcast', 'presence'));
  create policy "rt test: users write to their own room" on realtime.messages for insert to authenticated
    with check ((select realtime.topic()) = 'rt-room-' || (select auth.uid())::text and extension in ('broadcast', 'presence'));
  create policy "rt test: anyone reads the read-only room" on realtime.messages for select to authenticated
    using ((select realtime.topic()) = 'rt-read-only');
`;
const DROP = `
  drop policy if exists "rt test: users read their own room" on realtime.messages;
  drop policy if exists "rt test: users write to their own room" on realtime.messages;
  drop policy if exists "rt test: anyone reads the read-only room" on realtime.messages;
`;

let ann: TestUser;
let bob: TestUser;

beforeAll(async () => {
  await withDb((db) => db.query(DROP + 'drop schema if exists rt_fixture cascade;' + POLICIES));
  ann = await createUser('ann');
  bob = await createUser('bob');
});

afterAll(async () => {
  await closeClients();
  await withDb((db) => db.query(DROP + 'drop schema if exists rt_fixture cascade;'));
  await deleteUsers([ann, bob]);
});

function joinPrivate(client: Awaited<ReturnType<typeof realtimeClient>>, topic: string, got: unknown[] = [], ack = false) {
  const channel = client.channel(topic, { config: { private: true, broadcast: { ack } } });
  channel.on('broadcast', { event: '*' }, (m) => got.push(m));
  return channel;
}

describe('private channels', () => {
  it('refuses a user the policy excludes, with upstream’s error', async () => {
    const client = await realtimeClient(bob.token);
    const channel = joinPrivate(client, `rt-room-${ann.id}`);
    const error = await subscribe(channel).then(
      () => null,
      (err: Error) => err,
    );
    expect(error?.message).toBe(`Unauthorized: You do not have permissions to read from this Channel topic: rt-room-${ann.id}`);
    await client.removeChannel(channel);
  });

  it('refuses anonymous users', async () => {
    const client = await realtimeClient();
    const channel = joinPrivate(client, `rt-room-${ann.id}`);
    await expect(subscribe(channel)).rejects.toThrow(/^Unauthorized: You do not have permissions to read/);
    await client.removeChannel(channel);
  });

  it('lets the user the policy admits join, send and receive, including realtime.send()', async () => {
    const topic = `rt-room-${ann.id}`;
    const got: any[] = [];
    const sender = joinPrivate(await realtimeClient(ann.token), topic, [], true);
    await subscribe(sender);
    await subscribe(joinPrivate(await realtimeClient(ann.token), topic, got));
    expect(await sender.send({ type: 'broadcast', event: 'secret', payload: { n: 1 } })).toBe('ok');
    await withDb((db) => db.query(`select realtime.send('{"n": 2}'::jsonb, 'secret', $1, true)`, [topic]));
    await waitFor(() => got.length === 2, 5000, 'private messages');
    expect(got.map((m) => m.payload.n)).toEqual([1, 2]);
  });

  it('drops sends without INSERT permission, with no ack reply', async () => {
    const got: unknown[] = [];
    const reader = joinPrivate(await realtimeClient(bob.token), 'rt-read-only', got);
    const writer = joinPrivate(await realtimeClient(ann.token), 'rt-read-only', [], true);
    await subscribe(reader);
    await subscribe(writer);
    expect(await writer.send({ type: 'broadcast', event: 'nope', payload: {} }, { timeout: 1000 })).toBe('timed out');
    await sleep(200);
    expect(got).toEqual([]);
  });

  it('realtime.broadcast_changes() from a row trigger reaches the private topic', async () => {
    const topic = `rt-room-${ann.id}`;
    const got: any[] = [];
    await subscribe(joinPrivate(await realtimeClient(ann.token), topic, got));
    await withDb(async (db) => {
      await db.query(`create schema if not exists rt_fixture`);
      await db.query(`create table rt_fixture.private_notes (id int primary key, body text)`);
      await db.query(`create function rt_fixture.private_notes_changed() returns trigger language plpgsql as $$
        begin
          perform realtime.broadcast_changes('${topic}', tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
          return null;
        end $$`);
      await db.query(`create trigger private_notes_changed after insert or update on rt_fixture.private_notes
                      for each row execute function rt_fixture.private_notes_changed()`);
      await db.query(`insert into rt_fixture.private_notes values (1, 'hello')`);
      await db.query(`update rt_fixture.private_notes set body = 'bye'`);
    });
    await waitFor(() => got.length === 2, 5000, 'trigger broadcasts');
    expect(got[0]).toMatchObject({ event: 'INSERT', payload: { operation: 'INSERT', table: 'private_notes', schema: 'rt_fixture', record: { id: 1, body: 'hello' }, old_record: null } });
    expect(got[1].payload).toMatchObject({ operation: 'UPDATE', record: { body: 'bye' }, old_record: { body: 'hello' } });
    expect(got[1].meta.id).toBe(got[1].payload.id);
    const error = await withDb((db) => db.query(`select realtime.broadcast_changes('t', 'e', 'INSERT', 'x', 'y', null::record, null::record, 'STATEMENT')`)).catch((e: Error) => e);
    expect((error as Error).message).toBe('Failed to process the row: function can only be triggered for each row, not for each statement');
  });

  it('REST broadcast reaches private subscribers only when the caller may write', async () => {
    const topic = `rt-room-${ann.id}`;
    const got: any[] = [];
    await subscribe(joinPrivate(await realtimeClient(ann.token), topic, got));
    const post = (token: string) =>
      fetch(`${stackEnv.apiUrl}/realtime/v1/api/broadcast`, {
        method: 'POST',
        headers: { apikey: stackEnv.anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ messages: [{ topic, event: 'rest', payload: { from: token === ann.token ? 'ann' : 'bob' }, private: true }] }),
      });
    expect((await post(bob.token)).status).toBe(202);
    expect((await post(ann.token)).status).toBe(202);
    await waitFor(() => got.length === 1, 5000, 'authorised REST message');
    await sleep(200);
    expect(got.map((m) => m.payload.from)).toEqual(['ann']);
  });
});
