// The message-attachments bucket: channel members upload into and read their channel's folder
// (<organization>/<channel>/<uuid>/<name>), nobody else does; the uploader or a moderator removes a
// file; a deleted message's files leave Storage, and the daily sweep removes files no message lists.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob, waitFor } from '../jobs/helpers.ts';
import { must, setUpStudio, type Studio } from './fixture.ts';

const BUCKET = 'message-attachments';
let s: Studio;
beforeAll(async () => {
  s = await setUpStudio();
});
afterAll(async () => {
  await s?.close();
});

const pathIn = (channel = s.channelId, org = s.org, name = 'notes.txt') => `${org}/${channel}/${randomUUID()}/${name}`;
const upload = (client: SupabaseClient, path: string) => client.storage.from(BUCKET).upload(path, new Blob(['hello'], { type: 'text/plain' }));
const exists = async (path: string) =>
  ((await s.db.query(`select 1 from storage.objects where bucket_id = $1 and name = $2`, [BUCKET, path])).rowCount ?? 0) > 0;
async function canRead(client: SupabaseClient, path: string): Promise<boolean> {
  const { data, error } = await client.storage.from(BUCKET).download(path);
  return !error && (await data!.text()) === 'hello';
}

describe('message-attachments bucket', () => {
  it('is private and takes at most 10 MB a file', async () => {
    const { rows } = await s.db.query(`select public, file_size_limit from storage.buckets where id = $1`, [BUCKET]);
    expect(rows[0]).toEqual({ public: false, file_size_limit: '10485760' });
  });

  it('lets channel members upload and read in their channel’s folder, and nobody else', async () => {
    const path = pathIn();
    expect((await upload(s.as.client, path)).error).toBeNull();
    const readers = Object.fromEntries(
      await Promise.all((['manager', 'member', 'client', 'otherClient', 'outsider'] as const).map(async (p) => [p, await canRead(s.as[p], path)])),
    );
    expect(readers).toEqual({ manager: true, member: true, client: true, otherClient: false, outsider: false });
    for (const person of ['otherClient', 'outsider'] as const) {
      expect((await upload(s.as[person], pathIn())).error).not.toBeNull();
    }
  });

  it('refuses paths outside the layout: another organization’s prefix, or the wrong depth', async () => {
    expect((await upload(s.as.member, pathIn(s.channelId, s.otherOrg))).error).not.toBeNull();
    expect((await upload(s.as.member, `${s.org}/${s.channelId}/notes.txt`)).error).not.toBeNull();
    expect((await upload(s.as.member, `${s.org}/${s.channelId}/${randomUUID()}/deeper/notes.txt`)).error).not.toBeNull();
  });

  it('lets the uploader or a moderator remove a file, not other members', async () => {
    const mine = pathIn();
    must(await upload(s.as.client, mine));
    await s.as.member.storage.from(BUCKET).remove([mine]);
    expect(await exists(mine)).toBe(true);
    await s.as.client.storage.from(BUCKET).remove([mine]);
    expect(await exists(mine)).toBe(false);

    const theirs = pathIn();
    must(await upload(s.as.member, theirs));
    await s.as.manager.storage.from(BUCKET).remove([theirs]);
    expect(await exists(theirs)).toBe(false);
  });

  it('removes a deleted message’s files from Storage', async () => {
    const path = pathIn(s.channelId, s.org, 'plan.txt');
    must(await upload(s.as.member, path));
    const msg = must(
      await s.as.member
        .from('messages')
        .insert({ channel_id: s.channelId, body: 'The plan', attachments: [{ path, name: 'plan.txt', size: 5, content_type: 'text/plain' }] })
        .select('id')
        .single(),
    ) as { id: string };
    expect(await canRead(s.as.client, path)).toBe(true);
    must(await s.as.member.rpc('delete_message', { message_id: msg.id }));
    await waitFor('the deleted message’s file to leave Storage', async () => !(await exists(path)));
  });

  it('sweeps day-old files no message lists, and keeps the ones a message lists', async () => {
    const orphan = pathIn();
    const kept = pathIn();
    must(await upload(s.as.member, orphan));
    must(await upload(s.as.member, kept));
    must(
      await s.as.member
        .from('messages')
        .insert({ channel_id: s.channelId, body: 'Keep this', attachments: [{ path: kept, name: 'notes.txt', size: 5, content_type: 'text/plain' }] }),
    );
    await s.db.query(`update storage.objects set created_at = now() - interval '2 days' where bucket_id = $1 and name = any($2)`, [BUCKET, [orphan, kept]]);
    expect((await runJob('clean-message-files')).status).toBe('succeeded');
    await waitFor('the sweep to remove the orphan', async () => !(await exists(orphan)));
    expect(await exists(kept)).toBe(true);
  });
});
