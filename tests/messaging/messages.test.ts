// Messages through the real supabase-js, under RLS: only members read and write, direct messages stay
// between their two people, authors edit, authors and moderators delete (softly), reactions toggle
// atomically, mentions are checked and notified, replies counted and notified, unread counts move.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, setUpStudio, type Studio } from './fixture.ts';

let s: Studio;
beforeAll(async () => {
  s = await setUpStudio();
});
afterAll(async () => {
  await s?.close();
});

interface Message {
  id: string;
  body: string;
  author_id: string;
  mentions: string[];
  reactions: Record<string, string[]>;
  reply_count: number;
  edited_at: string | null;
  deleted_at: string | null;
  organization_id: string;
  attachments: unknown[];
}

async function post(client: SupabaseClient, values: Record<string, unknown>): Promise<Message> {
  return must(await client.from('messages').insert({ channel_id: s.channelId, ...values }).select('*').single()) as Message;
}

const mention = (person: keyof Studio['users'], name = 'Someone') => `@[${name}](${s.users[person]})`;

describe('reading and writing', () => {
  it('lets members post as themselves and read; the organization id comes from the channel', async () => {
    const msg = await post(s.as.member, { body: 'Kick-off is on Monday.', organization_id: s.otherOrg });
    expect(msg.author_id).toBe(s.users.member);
    expect(msg.organization_id).toBe(s.org);
    for (const person of ['manager', 'member2', 'client'] as const) {
      expect(must(await s.as[person].from('messages').select('id').eq('id', msg.id))).toHaveLength(1);
    }
  });

  it('keeps non-members out: no reading, no posting, no posting as someone else', async () => {
    const msg = await post(s.as.manager, { body: 'Staff and Acme only.' });
    for (const person of ['otherClient', 'outsider'] as const) {
      expect(must(await s.as[person].from('messages').select('id').eq('id', msg.id))).toEqual([]);
      const { error } = await s.as[person].from('messages').insert({ channel_id: s.channelId, body: 'Let me in' });
      expect(error?.code).toBe('42501');
    }
    const forged = await s.as.client.from('messages').insert({ channel_id: s.channelId, body: 'I am the manager', author_id: s.users.manager });
    expect(forged.error?.code).toBe('42501');
  });

  it('refuses empty bodies, over-long bodies and malformed files', async () => {
    expect((await s.as.member.from('messages').insert({ channel_id: s.channelId, body: '   ' })).error?.code).toBe('23514');
    expect((await s.as.member.from('messages').insert({ channel_id: s.channelId, body: 'x'.repeat(8001) })).error?.code).toBe('23514');
    const foreign = { path: `${s.otherOrg}/${s.channelId}/${randomUUID()}/a.png`, name: 'a.png', size: 10, content_type: 'image/png' };
    expect((await s.as.member.from('messages').insert({ channel_id: s.channelId, body: '', attachments: [foreign] })).error?.code).toBe('23514');
    const file = { path: `${s.org}/${s.channelId}/${randomUUID()}/plan.pdf`, name: 'plan.pdf', size: 2048, content_type: 'application/pdf' };
    const withFile = await post(s.as.member, { body: '', attachments: [file] });
    expect(withFile.attachments).toEqual([file]);
    const six = Array.from({ length: 6 }, () => ({ ...file, path: `${s.org}/${s.channelId}/${randomUUID()}/plan.pdf` }));
    expect((await s.as.member.from('messages').insert({ channel_id: s.channelId, body: 'Six files', attachments: six })).error?.code).toBe('23514');
  });

  it('shows a message containing HTML as it was typed (stored verbatim, never rewritten)', async () => {
    const body = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const msg = await post(s.as.member, { body });
    expect(must(await s.as.client.from('messages').select('body').eq('id', msg.id).single())).toEqual({ body });
  });
});

describe('direct messages', () => {
  it('are private to their two people, even from the organization’s owner and managers', async () => {
    const dm = must(await s.as.member.rpc('open_direct_channel', { other_user_id: s.users.client })) as { id: string; kind: string };
    expect(dm.kind).toBe('direct');
    const again = must(await s.as.client.rpc('open_direct_channel', { other_user_id: s.users.member })) as { id: string };
    expect(again.id).toBe(dm.id);
    must(await s.as.client.from('messages').insert({ channel_id: dm.id, body: 'Just between us: the budget can stretch.' }));

    expect(must(await s.as.member.from('messages').select('body').eq('channel_id', dm.id))).toHaveLength(1);
    expect(must(await s.as.manager.from('messages').select('body').eq('channel_id', dm.id))).toEqual([]);
    expect(must(await s.as.manager.from('channels').select('id').eq('id', dm.id))).toEqual([]);
    const { rows } = await s.db.query(`select count(*)::int as n from public.channel_members where channel_id = $1`, [dm.id]);
    expect(rows[0].n).toBe(2);

    const listed = must(await s.as.member.rpc('my_channels')) as Array<{ id: string; other_user_id: string; other_display_name: string }>;
    const entry = listed.find((c) => c.id === dm.id)!;
    expect(entry.other_user_id).toBe(s.users.client);
    expect(entry.other_display_name).toMatch(/^Client /);
  });

  it('need a shared organization, someone else, and at least one staff member', async () => {
    expect((await s.as.member.rpc('open_direct_channel', { other_user_id: s.users.outsider })).error?.code).toBe('42501');
    expect((await s.as.member.rpc('open_direct_channel', { other_user_id: s.users.member })).error?.code).toBe('23514');
    expect((await s.as.client.rpc('open_direct_channel', { other_user_id: s.users.otherClient })).error?.code).toBe('42501');
  });
});

describe('edits and deletes', () => {
  it('lets the author edit (stamping edited_at) and nobody else', async () => {
    const msg = await post(s.as.member, { body: 'Draft is ready' });
    expect(msg.edited_at).toBeNull();
    const edited = must(await s.as.member.from('messages').update({ body: 'Draft v2 is ready' }).eq('id', msg.id).select('body, edited_at').single()) as Message;
    expect(edited.body).toBe('Draft v2 is ready');
    expect(edited.edited_at).not.toBeNull();
    const byOther = must(await s.as.manager.from('messages').update({ body: 'Hijacked' }).eq('id', msg.id).select('id'));
    expect(byOther).toEqual([]);
    const sneaky = await s.as.member.from('messages').update({ reactions: { '🎉': [s.users.manager] } }).eq('id', msg.id);
    expect(sneaky.error?.code).toBe('42501');
  });

  it('soft-deletes for the author and moderators, not for other members; a tombstone stays and cannot be edited', async () => {
    const mine = await post(s.as.member, { body: 'Oops, wrong channel' });
    expect((await s.as.member2.rpc('delete_message', { message_id: mine.id })).error?.code).toBe('42501');
    expect((await s.as.otherClient.rpc('delete_message', { message_id: mine.id })).error?.code).toBe('P0001');
    const gone = must(await s.as.member.rpc('delete_message', { message_id: mine.id })) as Message;
    expect(gone).toMatchObject({ body: '', attachments: [], mentions: [] });
    expect(gone.deleted_at).not.toBeNull();
    expect(must(await s.as.client.from('messages').select('body, deleted_at').eq('id', mine.id).single())).toMatchObject({ body: '' });
    expect(must(await s.as.member.from('messages').update({ body: 'Back again' }).eq('id', mine.id).select('id'))).toEqual([]);

    const clients = await post(s.as.client, { body: 'Something off-topic' });
    const byManager = must(await s.as.manager.rpc('delete_message', { message_id: clients.id })) as Message;
    expect(byManager.deleted_at).not.toBeNull();
  });
});

describe('reactions', () => {
  it('toggle per person and survive concurrent toggles', async () => {
    const msg = await post(s.as.member, { body: 'Ship it?' });
    const people = ['manager', 'member', 'member2', 'client'] as const;
    await Promise.all(people.map((p) => s.as[p].rpc('toggle_reaction', { message_id: msg.id, emoji: '👍' })));
    const after = must(await s.as.member.from('messages').select('reactions').eq('id', msg.id).single()) as Message;
    expect([...after.reactions['👍']!].sort()).toEqual(people.map((p) => s.users[p]).sort());
    const undone = must(await s.as.client.rpc('toggle_reaction', { message_id: msg.id, emoji: '👍' })) as Message;
    expect(undone.reactions['👍']).not.toContain(s.users.client);
    for (const p of ['manager', 'member', 'member2'] as const) must(await s.as[p].rpc('toggle_reaction', { message_id: msg.id, emoji: '👍' }));
    const cleared = must(await s.as.member.from('messages').select('reactions').eq('id', msg.id).single()) as Message;
    expect(cleared.reactions).toEqual({});
  });

  it('validate the emoji and the reader', async () => {
    const msg = await post(s.as.member, { body: 'React to me' });
    expect((await s.as.member.rpc('toggle_reaction', { message_id: msg.id, emoji: '' })).error?.code).toBe('23514');
    expect((await s.as.member.rpc('toggle_reaction', { message_id: msg.id, emoji: 'x'.repeat(17) })).error?.code).toBe('23514');
    expect((await s.as.member.rpc('toggle_reaction', { message_id: msg.id, emoji: 'a b' })).error?.code).toBe('23514');
    expect((await s.as.outsider.rpc('toggle_reaction', { message_id: msg.id, emoji: '👍' })).error?.code).toBe('P0001');
  });
});

describe('mentions and replies', () => {
  const notificationsFor = async (user: string, messageId: string) =>
    (
      await s.db.query(`select kind, title, link from public.notifications where user_id = $1 and data ->> 'message_id' = $2 order by kind`, [
        user,
        messageId,
      ])
    ).rows;

  it('fills mentions from the body, notifies the mentioned with a link, and never the author', async () => {
    const msg = await post(s.as.member, { body: `${mention('client', 'Clara')} and ${mention('manager', 'Max')}, see ${mention('member', 'me')}` });
    expect([...msg.mentions].sort()).toEqual([s.users.client, s.users.manager, s.users.member].sort());
    const link = `/messages/${s.channelId}?message=${msg.id}`;
    expect(await notificationsFor(s.users.client, msg.id)).toEqual([
      { kind: 'message.mention', title: expect.stringMatching(/^Member .* mentioned you in Project /), link },
    ]);
    expect(await notificationsFor(s.users.manager, msg.id)).toHaveLength(1);
    expect(await notificationsFor(s.users.member, msg.id)).toEqual([]);
    expect(await notificationsFor(s.users.member2, msg.id)).toEqual([]);
    const [n] = (await s.db.query(`select body from public.notifications where user_id = $1 and data ->> 'message_id' = $2`, [s.users.client, msg.id])).rows;
    expect(n.body).toBe('@Clara and @Max, see @me');
  });

  it('refuses to mention people outside the channel', async () => {
    const byToken = await s.as.member.from('messages').insert({ channel_id: s.channelId, body: `Hey ${mention('otherClient')}` });
    expect(byToken.error?.code).toBe('23514');
    const byList = await s.as.member.from('messages').insert({ channel_id: s.channelId, body: 'Hey', mentions: [s.users.outsider] });
    expect(byList.error?.code).toBe('23514');
  });

  it('tells people mentioned by an edit, once', async () => {
    const msg = await post(s.as.member, { body: 'Who can review this?' });
    must(await s.as.member.from('messages').update({ body: `Who can review this? ${mention('member2')}` }).eq('id', msg.id));
    must(await s.as.member.from('messages').update({ body: `Who can review this, ${mention('member2')}?` }).eq('id', msg.id));
    expect(await notificationsFor(s.users.member2, msg.id)).toHaveLength(1);
  });

  it('counts replies, tells the parent’s author, and keeps threads one level deep', async () => {
    const parent = await post(s.as.client, { body: 'Can we move the launch?' });
    const reply = await post(s.as.manager, { body: 'Yes, to the 14th.', parent_id: parent.id });
    await post(s.as.client, { body: 'Great, thanks', parent_id: parent.id });
    const counted = must(await s.as.member.from('messages').select('reply_count, last_reply_at').eq('id', parent.id).single()) as {
      reply_count: number;
      last_reply_at: string;
    };
    expect(counted.reply_count).toBe(2);
    expect(counted.last_reply_at).not.toBeNull();
    expect(await notificationsFor(s.users.client, reply.id)).toEqual([
      { kind: 'message.reply', title: expect.stringMatching(/replied to you/), link: `/messages/${s.channelId}?message=${reply.id}` },
    ]);
    const nested = await s.as.member.from('messages').insert({ channel_id: s.channelId, body: 'Nested', parent_id: reply.id });
    expect(nested.error?.code).toBe('23514');
    const other = await s.newProject();
    const crossChannel = await s.as.member.from('messages').insert({ channel_id: other.channelId, body: 'Elsewhere', parent_id: parent.id });
    expect(crossChannel.error?.code).toBe('23503');
  });
});

describe('unread counts', () => {
  type Row = { id: string; unread_count: number; mention_count: number; last_read_at: string };
  const entry = async (client: SupabaseClient, channel: string) => (must(await client.rpc('my_channels')) as Row[]).find((c) => c.id === channel)!;

  it('count others’ messages after the read position and mentions of me, and reset on mark read', async () => {
    const { channelId } = await s.newProject();
    const send = async (client: SupabaseClient, body: string) => must(await client.from('messages').insert({ channel_id: channelId, body }));
    await send(s.as.member, 'One');
    await send(s.as.member, `Two for ${mention('client')}`);
    await send(s.as.client, 'My own message does not count');
    expect(await entry(s.as.client, channelId)).toMatchObject({ unread_count: 2, mention_count: 1 });
    expect(await entry(s.as.member, channelId)).toMatchObject({ unread_count: 1, mention_count: 0 });

    const deleted = must(await s.as.member.from('messages').insert({ channel_id: channelId, body: 'Deleted soon' }).select('id').single()) as { id: string };
    must(await s.as.member.rpc('delete_message', { message_id: deleted.id }));
    expect((await entry(s.as.client, channelId)).unread_count).toBe(2);

    const marked = must(await s.as.client.rpc('mark_channel_read', { channel_id: channelId })) as { last_read_at: string };
    expect(marked.last_read_at).toBeTruthy();
    expect(await entry(s.as.client, channelId)).toMatchObject({ unread_count: 0, mention_count: 0 });
    await send(s.as.member, 'Three');
    expect((await entry(s.as.client, channelId)).unread_count).toBe(1);

    const future = must(await s.as.client.rpc('mark_channel_read', { channel_id: channelId, read_at: '2999-01-01T00:00:00Z' })) as { last_read_at: string };
    expect(new Date(future.last_read_at).getTime()).toBeLessThanOrEqual(Date.now() + 5000);
    expect((await s.as.outsider.rpc('mark_channel_read', { channel_id: channelId })).error?.code).toBe('42501');
  });

  it('lists the members of a channel for mention autocomplete, to members only', async () => {
    const list = must(await s.as.client.rpc('channel_members_list', { channel_id: s.channelId })) as Array<{ user_id: string; display_name: string }>;
    expect(list.map((m) => m.user_id)).toEqual(expect.arrayContaining([s.users.manager, s.users.member, s.users.client]));
    expect(list.map((m) => m.user_id)).not.toContain(s.users.otherClient);
    expect(must(await s.as.outsider.rpc('channel_members_list', { channel_id: s.channelId }))).toEqual([]);
  });

  it('lets members mute a channel for themselves only', async () => {
    must(await s.as.client.from('channel_members').update({ muted: true }).eq('channel_id', s.channelId).eq('user_id', s.users.client));
    expect((await entry(s.as.client, s.channelId) as Row & { muted: boolean }).muted).toBe(true);
    const others = must(await s.as.client.from('channel_members').update({ muted: true }).eq('channel_id', s.channelId).eq('user_id', s.users.member).select('user_id'));
    expect(others).toEqual([]);
    const role = await s.as.client.from('channel_members').update({ role: 'owner' }).eq('channel_id', s.channelId).eq('user_id', s.users.client);
    expect(role.error?.code).toBe('42501');
  });
});
