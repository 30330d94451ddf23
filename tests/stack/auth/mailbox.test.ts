// The mailbox: JSON API (newest first, by address, one message, clear), delivery with the
// service_role key only, and the HTML pages.
import { describe, expect, it } from 'vitest';
import { stackEnv } from '../../helpers/env.ts';
import { mailFor, uniqueEmail, type Mail } from './helpers.ts';

function deliver(key: string | null, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) Object.assign(headers, { apikey: key, Authorization: `Bearer ${key}` });
  return fetch(`${stackEnv.apiUrl}/mailbox/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('mailbox API', () => {
  it('accepts mail from service_role only and lists it newest first', async () => {
    const to = uniqueEmail('mailbox');
    expect((await deliver(stackEnv.anonKey, { to, subject: 'nope', text: 'x' })).status).toBe(403);
    expect((await deliver(null, { to, subject: 'nope', text: 'x' })).status).toBe(403);
    const first = await deliver(stackEnv.serviceRoleKey, { to, subject: 'First', text: 'one', html: '<p>one</p>' });
    expect(first.status).toBe(201);
    const second = await deliver(stackEnv.serviceRoleKey, { to: to.toUpperCase(), subject: 'Second', text: 'two', html: '<p>two</p>', from: 'Atrium <hello@atrium.test>' });
    const stored = (await second.json()) as Mail;
    expect(stored).toMatchObject({ subject: 'Second', from: 'Atrium <hello@atrium.test>' });

    const list = await mailFor(to);
    expect(list.map((m) => m.subject)).toEqual(['Second', 'First']);
    expect(Object.keys(list[0]!).sort()).toEqual(['created_at', 'from', 'html', 'id', 'subject', 'text', 'to']);
    const one = await fetch(`${stackEnv.apiUrl}/mailbox/api/messages/${stored.id}`);
    expect(await one.json()).toEqual(list[0]);
    expect((await fetch(`${stackEnv.apiUrl}/mailbox/api/messages/00000000-0000-0000-0000-000000000000`)).status).toBe(404);
  });

  it('rejects malformed deliveries', async () => {
    expect((await deliver(stackEnv.serviceRoleKey, { subject: 'no to', text: 'x' })).status).toBe(400);
    expect((await deliver(stackEnv.serviceRoleKey, { to: 'not-an-address', subject: 's', text: 'x' })).status).toBe(400);
    expect((await deliver(stackEnv.serviceRoleKey, { to: uniqueEmail('m'), subject: 's' })).status).toBe(400);
  });

  it('clears messages for one address', async () => {
    const to = uniqueEmail('clear');
    await deliver(stackEnv.serviceRoleKey, { to, subject: 'bye', text: 'x' });
    const res = await fetch(`${stackEnv.apiUrl}/mailbox/api/messages?to=${encodeURIComponent(to)}`, { method: 'DELETE' });
    expect(await res.json()).toEqual({ deleted: 1 });
    expect(await mailFor(to)).toEqual([]);
  });
});

describe('mailbox pages', () => {
  it('lists messages filtered by address and shows one with its HTML', async () => {
    const to = uniqueEmail('page');
    const stored = (await (await deliver(stackEnv.serviceRoleKey, { to, subject: 'Hello <there>', text: 'plain body', html: '<b>bold body</b>' })).json()) as Mail;
    const list = await fetch(`${stackEnv.apiUrl}/mailbox?to=${encodeURIComponent(to)}`);
    expect(list.headers.get('content-type')).toContain('text/html');
    const html = await list.text();
    expect(html).toContain('Hello &lt;there&gt;');
    expect(html).toContain(`/mailbox/messages/${stored.id}`);
    const page = await (await fetch(`${stackEnv.apiUrl}/mailbox/messages/${stored.id}`)).text();
    expect(page).toContain('plain body');
    expect(page).toContain('srcdoc="&lt;b&gt;bold body&lt;/b&gt;"');
  });
});
