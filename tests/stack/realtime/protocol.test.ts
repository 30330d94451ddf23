// The Phoenix protocol on the wire, with a raw websocket: heartbeats, join replies, errors, leave,
// access_token updates and handshake failures, in the shapes realtime-js relies on.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { stackEnv } from '../../helpers/env.ts';
import { createUser, deleteUsers, mintToken, waitFor } from './helpers.ts';

type Frame = [string | null, string | null, string, string, any];

interface Raw {
  ws: WebSocket;
  frames: Frame[];
  push(frame: Frame): void;
  next(match: (f: Frame) => boolean, what: string): Promise<Frame>;
}

const sockets: WebSocket[] = [];
afterEach(() => {
  for (const ws of sockets.splice(0)) ws.close();
});

function url(apikey: string | null = stackEnv.anonKey, vsn = '2.0.0'): string {
  const base = stackEnv.apiUrl.replace(/^http/, 'ws') + '/realtime/v1/websocket';
  return apikey ? `${base}?apikey=${apikey}&vsn=${vsn}` : `${base}?vsn=${vsn}`;
}

async function connect(apikey?: string): Promise<Raw> {
  const ws = new WebSocket(url(apikey));
  sockets.push(ws);
  const frames: Frame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return {
    ws,
    frames,
    push: (frame) => ws.send(JSON.stringify(frame)),
    async next(match, what) {
      await waitFor(() => frames.some(match), 5000, what);
      return frames.find(match)!;
    },
  };
}

const join = (ref: string, topic: string, payload: Record<string, unknown> = { config: {} }): Frame => [ref, ref, topic, 'phx_join', payload];

describe('realtime protocol', () => {
  it('answers heartbeats on topic phoenix with the push ref', async () => {
    const raw = await connect();
    raw.push([null, '7', 'phoenix', 'heartbeat', {}]);
    expect(await raw.next((f) => f[1] === '7', 'heartbeat reply')).toEqual([null, '7', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
  });

  it('echoes postgres_changes bindings verbatim with integer ids in the join reply', async () => {
    const raw = await connect();
    const bindings = [
      { event: 'INSERT', schema: 'public', table: 'nothing_here', filter: 'id=eq.1' },
      { event: '*', schema: 'public' },
    ];
    raw.push(join('1', 'realtime:proto-join', { config: { postgres_changes: bindings }, access_token: stackEnv.anonKey }));
    const reply = await raw.next((f) => f[3] === 'phx_reply', 'join reply');
    expect(reply.slice(0, 4)).toEqual(['1', '1', 'realtime:proto-join', 'phx_reply']);
    expect(reply[4].status).toBe('ok');
    const echoed = reply[4].response.postgres_changes;
    expect(echoed.map(({ id: _id, ...rest }: any) => rest)).toEqual(bindings);
    for (const entry of echoed) expect(Number.isInteger(entry.id)).toBe(true);
  });

  it('replies unmatched topic to pushes on a channel that was never joined, and to bad topics', async () => {
    const raw = await connect();
    raw.push(['1', '2', 'realtime:not-joined', 'broadcast', { type: 'broadcast', event: 'x', payload: {} }]);
    expect((await raw.next((f) => f[1] === '2', 'reply'))[4]).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
    raw.push(join('3', 'no-prefix'));
    expect((await raw.next((f) => f[1] === '3', 'reply'))[4]).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
  });

  it('refuses an expired token at join with InvalidJWTToken', async () => {
    const raw = await connect();
    const expired = await mintToken('00000000-0000-0000-0000-000000000001', 'x@example.test', Math.floor(Date.now() / 1000) - 30);
    raw.push(join('1', 'realtime:proto-expired', { config: {}, access_token: expired }));
    const reply = await raw.next((f) => f[1] === '1', 'join reply');
    expect(reply[4].status).toBe('error');
    expect(reply[4].response.reason).toMatch(/^InvalidJWTToken: Token has expired \d+ seconds ago$/);
  });

  it('leaves with an ok reply then phx_close carrying the join ref', async () => {
    const raw = await connect();
    raw.push(join('1', 'realtime:proto-leave'));
    await raw.next((f) => f[1] === '1', 'join reply');
    raw.push(['1', '2', 'realtime:proto-leave', 'phx_leave', {}]);
    expect(await raw.next((f) => f[1] === '2', 'leave reply')).toEqual(['1', '2', 'realtime:proto-leave', 'phx_reply', { status: 'ok', response: {} }]);
    expect(await raw.next((f) => f[3] === 'phx_close', 'phx_close')).toEqual(['1', '1', 'realtime:proto-leave', 'phx_close', {}]);
  });

  it('takes access_token updates without a reply, and closes the channel with a system error for a bad one', async () => {
    const user = await createUser('proto');
    try {
      const raw = await connect();
      raw.push(join('1', 'realtime:proto-token', { config: {}, access_token: user.token }));
      await raw.next((f) => f[1] === '1', 'join reply');
      raw.push(['1', '2', 'realtime:proto-token', 'access_token', { access_token: await mintToken(user.id, user.email) }]);
      raw.push([null, '3', 'phoenix', 'heartbeat', {}]);
      await raw.next((f) => f[1] === '3', 'heartbeat reply');
      expect(raw.frames.some((f) => f[1] === '2')).toBe(false);

      raw.push(['1', '4', 'realtime:proto-token', 'access_token', { access_token: 'not-a-jwt' }]);
      const system = await raw.next((f) => f[3] === 'system', 'system error');
      expect(system).toEqual(['1', null, 'realtime:proto-token', 'system', {
        extension: 'system', status: 'error', message: 'The token provided is not a valid JWT', channel: 'proto-token',
      }]);
      await raw.next((f) => f[3] === 'phx_close', 'phx_close');
    } finally {
      await deleteUsers([user]);
    }
  });

  it('stops a channel whose token expires with a system error, then phx_close', async () => {
    const raw = await connect();
    const shortLived = await mintToken('00000000-0000-0000-0000-000000000002', 'y@example.test', Math.floor(Date.now() / 1000) + 2);
    raw.push(join('1', 'realtime:proto-expiry', { config: {}, access_token: shortLived }));
    expect((await raw.next((f) => f[1] === '1', 'join reply'))[4].status).toBe('ok');
    await waitFor(() => raw.frames.some((f) => f[3] === 'phx_close'), 6000, 'expiry');
    const system = raw.frames.find((f) => f[3] === 'system')!;
    expect(system[4]).toMatchObject({ extension: 'system', status: 'error', channel: 'proto-expiry' });
    expect(system[4].message).toMatch(/^Token has expired \d+ seconds ago$/);
  });

  it('sends presence_state after the join reply, and an update as a join with phx_ref_prev plus a leave', async () => {
    const raw = await connect();
    raw.push(join('1', 'realtime:proto-presence', { config: { presence: { key: 'me', enabled: true } } }));
    await raw.next((f) => f[1] === '1', 'join reply');
    expect(await raw.next((f) => f[3] === 'presence_state', 'presence_state')).toEqual(['1', null, 'realtime:proto-presence', 'presence_state', {}]);
    expect(raw.frames.findIndex((f) => f[3] === 'phx_reply')).toBeLessThan(raw.frames.findIndex((f) => f[3] === 'presence_state'));
    raw.push(['1', '2', 'realtime:proto-presence', 'presence', { type: 'presence', event: 'track', payload: { v: 1 } }]);
    expect((await raw.next((f) => f[1] === '2', 'track reply'))[4]).toEqual({ status: 'ok', response: {} });
    const first = await raw.next((f) => f[3] === 'presence_diff', 'first diff');
    const ref = first[4].joins.me.metas[0].phx_ref;
    expect(first[4]).toEqual({ joins: { me: { metas: [{ v: 1, phx_ref: ref }] } }, leaves: {} });
    raw.frames.length = 0;
    raw.push(['1', '3', 'realtime:proto-presence', 'presence', { type: 'presence', event: 'track', payload: { v: 2 } }]);
    const second = await raw.next((f) => f[3] === 'presence_diff', 'second diff');
    expect(second[4].joins.me.metas[0]).toMatchObject({ v: 2, phx_ref_prev: ref });
    expect(second[4].leaves).toEqual({ me: { metas: [{ v: 1, phx_ref: ref }] } });
    raw.push(['1', '4', 'realtime:proto-presence', 'presence', { type: 'presence', event: 'track', payload: 'nope' }]);
    expect((await raw.next((f) => f[1] === '4', 'bad track reply'))[4]).toEqual({ status: 'error', response: { reason: 'Presence track payload must be a map' } });
  });

  it('refuses the websocket upgrade without an API key or with a bad one', async () => {
    for (const apikey of [null, 'garbage']) {
      const ws = new WebSocket(url(apikey));
      sockets.push(ws);
      const status = await new Promise<number>((resolve) => {
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('open', () => resolve(101));
        ws.once('error', () => {});
      });
      expect(status).toBe(401);
    }
  });
});
