// Live messaging through the real supabase-js Realtime client: a member subscribed to `messages`
// receives inserts and edits of their channel, an outsider subscribed to the whole table receives
// nothing, and the private topic `channel:<id>` (typing, presence) admits members only.
import type { RealtimeChannel } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, setUpStudio, type Studio } from './fixture.ts';

let s: Studio;
beforeAll(async () => {
  s = await setUpStudio();
});
afterAll(async () => {
  await s?.close();
});

function subscribe(channel: RealtimeChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve();
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
    });
  });
}

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('postgres_changes on messages', () => {
  it('reach the channel’s members and nobody else', async () => {
    const seen = { member: [] as any[], outsider: [] as any[], otherClient: [] as any[] };
    const member = s.as.member
      .channel(`rt-member-${s.channelId}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'messages', filter: `channel_id=eq.${s.channelId}` }, (p) => seen.member.push(p));
    const outsider = s.as.outsider.channel('rt-outsider').on('postgres_changes', { event: '*', schema: 'public', table: 'messages' }, (p) => seen.outsider.push(p));
    const otherClient = s.as.otherClient
      .channel('rt-other-client')
      .on('postgres_changes', { event: '*', schema: 'public', table: 'messages', filter: `channel_id=eq.${s.channelId}` }, (p) => seen.otherClient.push(p));
    await Promise.all([subscribe(member), subscribe(outsider), subscribe(otherClient)]);
    // Give the subscriptions a moment to be registered on the change stream.
    await new Promise((r) => setTimeout(r, 500));

    const msg = must(await s.as.client.from('messages').insert({ channel_id: s.channelId, body: 'Live from Acme' }).select('id').single()) as { id: string };
    await until(() => seen.member.some((p) => p.eventType === 'INSERT' && p.new.id === msg.id));
    must(await s.as.client.from('messages').update({ body: 'Live from Acme (edited)' }).eq('id', msg.id));
    await until(() => seen.member.some((p) => p.eventType === 'UPDATE' && p.new.body === 'Live from Acme (edited)'));
    must(await s.as.client.rpc('delete_message', { message_id: msg.id }));
    await until(() => seen.member.some((p) => p.eventType === 'UPDATE' && p.new.id === msg.id && p.new.deleted_at));

    // The outsider's subscription is live: a message in their own organization's project reaches them,
    // and it is the only one that does.
    const { rows: clientRows } = await s.db.query(`insert into public.clients (organization_id, name) values ($1, 'Their client') returning id`, [s.otherOrg]);
    const { rows: projectRows } = await s.db.query(`insert into public.projects (organization_id, client_id, name) values ($1, $2, 'Their project') returning id`, [
      s.otherOrg,
      clientRows[0].id,
    ]);
    const { rows: channelRows } = await s.db.query(`select id from public.channels where project_id = $1`, [projectRows[0].id]);
    const own = must(await s.as.outsider.from('messages').insert({ channel_id: channelRows[0].id, body: 'Our own news' }).select('id').single()) as { id: string };
    await until(() => seen.outsider.length > 0);
    await new Promise((r) => setTimeout(r, 500));
    expect(seen.outsider.map((p) => p.new.id)).toEqual([own.id]);
    expect(seen.otherClient).toEqual([]);
  });
});

describe('private channel topics', () => {
  it('let members join `channel:<id>` and broadcast typing to each other; outsiders are refused', async () => {
    const topic = `channel:${s.channelId}`;
    const typing: unknown[] = [];
    const listener = s.as.member2.channel(topic, { config: { private: true } }).on('broadcast', { event: 'typing' }, (m) => typing.push(m.payload));
    await subscribe(listener);
    const sender = s.as.client.channel(topic, { config: { private: true } });
    await subscribe(sender);
    await sender.send({ type: 'broadcast', event: 'typing', payload: { user_id: s.users.client } });
    await until(() => typing.length > 0);
    expect(typing[0]).toEqual({ user_id: s.users.client });

    for (const person of ['outsider', 'otherClient'] as const) {
      const refused = s.as[person].channel(topic, { config: { private: true } });
      await expect(subscribe(refused)).rejects.toThrow(/Unauthorized/);
      await s.as[person].removeChannel(refused);
    }
  });
});
