import { describe, expect, it } from 'vitest';
import { FunctionsHttpError } from '@supabase/supabase-js';

import { client, fnUrl, keyHeaders } from './helpers.ts';

describe('functions: failures and background work', () => {
  it('turns a thrown error into 500 WORKER_ERROR and keeps serving', async () => {
    const { error } = await client().functions.invoke('fn-throws', { body: {} });
    expect(error).toBeInstanceOf(FunctionsHttpError);
    const response = (error as FunctionsHttpError).context as Response;
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' });
    const again = await fetch(fnUrl('fn-throws?ok=1'), { headers: keyHeaders() });
    expect([again.status, await again.text()]).toEqual([200, 'still alive']);
  });

  it('answers a module that fails to load with 503 BOOT_ERROR', async () => {
    const res = await fetch(fnUrl('fn-boot-error'), { method: 'POST', headers: keyHeaders() });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' });
  });

  it('cuts a hanging function at its wall-clock limit with 546 WORKER_LIMIT, then serves it again', async () => {
    const started = Date.now();
    const res = await fetch(fnUrl('fn-hang'));
    const elapsed = Date.now() - started;
    expect(res.status).toBe(546);
    expect(await res.json()).toEqual({ code: 'WORKER_LIMIT', message: 'Worker failed to respond due to a resource limit (please check logs)' });
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(10_000);
    const other = await fetch(fnUrl('fn-public'));
    expect(other.status).toBe(200);
    const quick = await fetch(fnUrl('fn-hang?quick=1'));
    expect([quick.status, await quick.text()]).toEqual([200, 'quick']);
  });

  it('answers a request whose worker dies with 500 WORKER_ERROR and restarts the worker on the next one', async () => {
    const before = await (await fetch(fnUrl('fn-crash'), { headers: keyHeaders() })).json();
    const crashed = await fetch(fnUrl('fn-crash?crash=1'), { headers: keyHeaders() });
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' });
    const after = await fetch(fnUrl('fn-crash'), { headers: keyHeaders() });
    expect(after.status).toBe(200);
    expect((await after.json()).startedAt).toBeGreaterThan(before.startedAt);
  });

  it('finishes EdgeRuntime.waitUntil work after the response', async () => {
    const res = await fetch(fnUrl('fn-background'), { method: 'POST', headers: keyHeaders() });
    expect([res.status, await res.text()]).toEqual([202, 'accepted']);
    const check = async () => (await (await fetch(fnUrl('fn-background?check=1'), { headers: keyHeaders() })).json()).finished;
    expect(await check()).toBe(0);
    await expect.poll(check, { timeout: 3000, interval: 100 }).toBe(1);
  });
});
