// Broadcast through the real supabase-js: `self`, `ack`, the binary pushes current clients send,
// the 1.0.0 serializer, REST broadcast and realtime.send from SQL.
import { afterAll, describe, expect, it } from 'vitest';
import { stackEnv, withDb } from '../../helpers/env.ts';
import { closeClients, realtimeClient, sleep, subscribe, waitFor } from './helpers.ts';

type Message = { type: string; event: string; payload: Record<string, unknown>; meta?: { id: string } };

afterAll(closeClients);

async function joined(topic: string, config: Record<string, unknown> = {}, vsn?: string) {
  const client = await realtimeClient(undefined, { vsn });
  const got: Message[] = [];
  const channel = client.channel(topic, { config }).on('broadcast', { event: '*' }, (m) => got.push(m as Message));
  await subscribe(channel);
  return { channel, got };
}

describe('broadcast', () => {
  it('reaches the other subscribers, and the sender only with self: true', async () => {
    const quiet = await joined('bc-self', { broadcast: { self: false } });
    const echo = await joined('bc-self', { broadcast: { self: true } });
    const other = await joined('bc-self');
    expect(await quiet.channel.send({ type: 'broadcast', event: 'cursor', payload: { x: 1 } })).toBe('ok');
    expect(await echo.channel.send({ type: 'broadcast', event: 'cursor', payload: { x: 2 } })).toBe('ok');
    await waitFor(() => other.got.length === 2, 5000, 'both broadcasts');
    expect(other.got).toEqual([
      { type: 'broadcast', event: 'cursor', payload: { x: 1 } },
      { type: 'broadcast', event: 'cursor', payload: { x: 2 } },
    ]);
    expect(echo.got.map((m) => m.payload)).toEqual([{ x: 1 }, { x: 2 }]);
    expect(quiet.got.map((m) => m.payload)).toEqual([{ x: 2 }]);
  });

  it('acknowledges with ack: true once the message is fanned out', async () => {
    const sender = await joined('bc-ack', { broadcast: { ack: true } });
    const receiver = await joined('bc-ack');
    expect(await sender.channel.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe('ok');
    await waitFor(() => receiver.got.length === 1, 5000, 'ping');
  });

  it('filters listeners by event name and keeps public and private topics apart', async () => {
    const client = await realtimeClient();
    const only: unknown[] = [];
    const channel = client.channel('bc-events').on('broadcast', { event: 'wanted' }, (m) => only.push(m.payload));
    await subscribe(channel);
    const sender = await joined('bc-events');
    await sender.channel.send({ type: 'broadcast', event: 'other', payload: { n: 0 } });
    await sender.channel.send({ type: 'broadcast', event: 'wanted', payload: { n: 1 } });
    await waitFor(() => only.length === 1, 5000, 'wanted event');
    expect(only).toEqual([{ n: 1 }]);
  });

  it('relays raw-byte broadcasts as binary frames', async () => {
    const sender = await joined('bc-bytes', { broadcast: { ack: true } });
    const receiver = await joined('bc-bytes');
    expect(await sender.channel.send({ type: 'broadcast', event: 'bytes', payload: new Uint8Array([1, 2, 250]).buffer })).toBe('ok');
    await waitFor(() => receiver.got.length === 1, 5000, 'binary broadcast');
    const payload = receiver.got[0]!.payload as unknown as ArrayBuffer;
    expect(receiver.got[0]!.event).toBe('bytes');
    expect([...new Uint8Array(payload)]).toEqual([1, 2, 250]);
  });

  it('works with the 1.0.0 serializer too', async () => {
    const v1 = await joined('bc-v1', { broadcast: { ack: true } }, '1.0.0');
    const v2 = await joined('bc-v1', { broadcast: { ack: true } });
    expect(await v1.channel.send({ type: 'broadcast', event: 'hello', payload: { from: 'v1' } })).toBe('ok');
    expect(await v2.channel.send({ type: 'broadcast', event: 'hello', payload: { from: 'v2' } })).toBe('ok');
    await waitFor(() => v1.got.length === 1 && v2.got.length === 1, 5000, 'cross-serializer broadcasts');
    expect(v1.got[0]!.payload).toEqual({ from: 'v2' });
    expect(v2.got[0]!.payload).toEqual({ from: 'v1' });
  });
});

describe('REST and SQL broadcast', () => {
  it('POST /realtime/v1/api/broadcast answers 202 and delivers to the topic (no realtime: prefix)', async () => {
    const { got } = await joined('bc-rest');
    const res = await fetch(`${stackEnv.apiUrl}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: stackEnv.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ topic: 'bc-rest', event: 'note', payload: { via: 'rest' }, private: false }] }),
    });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    await waitFor(() => got.length === 1, 5000, 'REST broadcast');
    expect(got[0]).toEqual({ type: 'broadcast', event: 'note', payload: { via: 'rest' } });
  });

  it('httpSend() posts to /api/broadcast/<topic>/events/<event> and is delivered', async () => {
    const { got } = await joined('bc-http');
    const client = await realtimeClient();
    expect(await client.channel('bc-http').httpSend('note', { via: 'httpSend' })).toEqual({ success: true });
    await waitFor(() => got.length === 1, 5000, 'httpSend broadcast');
    expect(got[0]).toEqual({ type: 'broadcast', event: 'note', payload: { via: 'httpSend' } });
  });

  it('rejects a malformed REST body with 422 and delivers nothing', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: stackEnv.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ event: 'no-topic', payload: {} }] }),
    });
    expect(res.status).toBe(422);
  });

  it('sends committed realtime.send() rows with meta.id, and never rolled-back ones', async () => {
    const { got } = await joined('bc-sql');
    await withDb(async (db) => {
      await db.query('begin');
      await db.query(`select realtime.send('{"n": 0}'::jsonb, 'rolled-back', 'bc-sql', false)`);
      await db.query('rollback');
      await db.query(`select realtime.send('{"n": 1}'::jsonb, 'committed', 'bc-sql', false)`);
    });
    await waitFor(() => got.length === 1, 5000, 'realtime.send message');
    await sleep(200);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'broadcast', event: 'committed', payload: { n: 1 } });
    expect(got[0]!.meta?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(got[0]!.payload.id).toBe(got[0]!.meta?.id);
  });
});
