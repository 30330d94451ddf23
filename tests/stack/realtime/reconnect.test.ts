// Reconnect: a second, throw-away stack is stopped and started again on the same ports while a
// supabase-js client is subscribed; the client must reconnect and rejoin by itself.
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../../scripts/test-stack.ts';
import { closeClients, realtimeClient, waitFor } from './helpers.ts';

const PORTS = { apiPort: 55361, dbPort: 55362 };
const LOG = join(resolve(import.meta.dirname, '../../..'), 'test-artifacts', 'realtime-reconnect-stack.log');
let stack: TestStack | null = null;

afterAll(async () => {
  await closeClients();
  await stack?.stop();
});

describe('reconnect', () => {
  it('rejoins after the stack restarts and receives again', async () => {
    stack = await startTestStack({ ...PORTS, logFile: LOG });
    const client = await realtimeClient(undefined, { apiUrl: stack.apiUrl, anonKey: stack.anonKey });
    const statuses: string[] = [];
    const got: unknown[] = [];
    client
      .channel('reconnect-room')
      .on('broadcast', { event: 'ping' }, (m) => got.push(m.payload))
      .subscribe((status) => statuses.push(status));
    await waitFor(() => statuses.includes('SUBSCRIBED'), 10_000, 'first join');

    await stack.stop();
    await waitFor(() => statuses.includes('CHANNEL_ERROR'), 10_000, 'the channel noticing the drop');
    stack = await startTestStack({ ...PORTS, logFile: LOG });
    await waitFor(() => statuses.filter((s) => s === 'SUBSCRIBED').length >= 2, 40_000, 'rejoin');

    const res = await fetch(`${stack.apiUrl}/realtime/v1/api/broadcast`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ topic: 'reconnect-room', event: 'ping', payload: { after: 'restart' } }] }),
    });
    expect(res.status).toBe(202);
    await waitFor(() => got.length === 1, 5000, 'message after restart');
    expect(got).toEqual([{ after: 'restart' }]);
  }, 150_000);
});
