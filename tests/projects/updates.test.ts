// Internal notes and client updates through the real supabase-js: clients never see internal notes
// nor comment on them, comments share their update's visibility, and the rules hold for edits.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStudio, type Studio } from './studio.ts';

let studio: Studio;
let note: string;
let update: string;
beforeAll(async () => {
  studio = await setUpStudio();
  note = await post(studio.as.manager, studio.users.manager, 'internal', 'Budget is tight; keep the CMS simple.');
  update = await post(studio.as.manager, studio.users.manager, 'client', 'Discovery is complete.');
});
afterAll(async () => {
  await studio?.close();
});

async function post(client: SupabaseClient, author: string, visibility: 'internal' | 'client', body: string, parentId: string | null = null) {
  const { data, error } = await client
    .from('project_updates')
    .insert({ organization_id: studio.org, project_id: studio.projectId, visibility, body, parent_id: parentId, author_id: author })
    .select('id')
    .single();
  if (error) throw Object.assign(new Error(error.message), error);
  return data.id as string;
}

async function attempt(client: SupabaseClient, author: string, visibility: 'internal' | 'client', body: string, parentId: string | null = null) {
  return client.from('project_updates').insert({ organization_id: studio.org, project_id: studio.projectId, visibility, body, parent_id: parentId, author_id: author });
}

describe('visibility', () => {
  it('shows staff both streams and the client only client updates', async () => {
    const staff = await studio.as.member.from('project_updates').select('id, visibility').eq('project_id', studio.projectId);
    expect(staff.data!.map((u) => u.id).sort()).toEqual([note, update].sort());
    const client = await studio.as.client.from('project_updates').select('id, visibility').eq('project_id', studio.projectId);
    expect(client.data).toEqual([{ id: update, visibility: 'client' }]);
    const fetched = await studio.as.client.from('project_updates').select('id').eq('id', note);
    expect(fetched.data).toEqual([]);
  });

  it('shows another client nothing of this project', async () => {
    const { data } = await studio.as.otherClient.from('project_updates').select('id').eq('project_id', studio.projectId);
    expect(data).toEqual([]);
  });
});

describe('comments', () => {
  it('let the client comment on a client update, visible to staff', async () => {
    const comment = await post(studio.as.client, studio.users.client, 'client', 'Thank you!', update);
    const { data } = await studio.as.manager.from('project_updates').select('body, parent_id, visibility').eq('id', comment).single();
    expect(data).toEqual({ body: 'Thank you!', parent_id: update, visibility: 'client' });
  });

  it('never let the client comment on an internal note, whatever it claims', async () => {
    for (const visibility of ['internal', 'client'] as const) {
      const { error } = await attempt(studio.as.client, studio.users.client, visibility, 'Can I see this?', note);
      expect(error).not.toBeNull();
    }
    const { rows } = await studio.db.query('select count(*)::int as n from public.project_updates where parent_id = $1', [note]);
    expect(rows[0].n).toBe(0);
  });

  it('share their update’s visibility, and answer updates only', async () => {
    const wrong = await attempt(studio.as.manager, studio.users.manager, 'client', 'Leaking the note', note);
    expect(wrong.error).toMatchObject({ code: '23514', message: 'A comment must answer an update of the same project with the same visibility' });
    const internalComment = await post(studio.as.member, studio.users.member, 'internal', 'Agreed.', note);
    const nested = await attempt(studio.as.manager, studio.users.manager, 'internal', 'A reply to a reply', internalComment);
    expect(nested.error).toMatchObject({ code: '23514', message: 'Comments answer updates, not other comments' });
    const client = await studio.as.client.from('project_updates').select('id').eq('id', internalComment);
    expect(client.data).toEqual([]);
  });

  it('stop an update with comments from changing visibility', async () => {
    const { error } = await studio.as.manager.from('project_updates').update({ visibility: 'internal' }).eq('id', update);
    expect(error).toMatchObject({ code: '23514', message: 'An update with comments keeps its visibility' });
  });
});

describe('edits and deletes', () => {
  it('mark an edited body, and let only the author edit', async () => {
    const id = await post(studio.as.member, studio.users.member, 'internal', 'First draft');
    const byOther = await studio.as.manager.from('project_updates').update({ body: 'Overwritten' }).eq('id', id).select('id');
    expect(byOther.data ?? []).toEqual([]);
    const own = await studio.as.member.from('project_updates').update({ body: 'Second draft' }).eq('id', id).select('body, edited_at').single();
    expect(own.data!.body).toBe('Second draft');
    expect(own.data!.edited_at).not.toBeNull();
  });

  it('let a manager delete anyone’s update, a member only their own, and the client only their own comments', async () => {
    const byManager = await post(studio.as.manager, studio.users.manager, 'internal', 'Manager note');
    const memberTry = await studio.as.member.from('project_updates').delete().eq('id', byManager).select('id');
    expect(memberTry.data ?? []).toEqual([]);
    const byMember = await post(studio.as.member, studio.users.member, 'client', 'Member update');
    expect((await studio.as.manager.from('project_updates').delete().eq('id', byMember).select('id')).data).toEqual([{ id: byMember }]);
    const clientComment = await post(studio.as.client, studio.users.client, 'client', 'Mine', update);
    const clientTriesUpdate = await studio.as.client.from('project_updates').delete().eq('id', update).select('id');
    expect(clientTriesUpdate.data ?? []).toEqual([]);
    expect((await studio.as.client.from('project_updates').delete().eq('id', clientComment).select('id')).data).toEqual([{ id: clientComment }]);
  });

  it('share an internal note with the client when its author moves it (no comments yet)', async () => {
    const id = await post(studio.as.manager, studio.users.manager, 'internal', 'Ready to share');
    expect((await studio.as.client.from('project_updates').select('id').eq('id', id)).data).toEqual([]);
    expect((await studio.as.manager.from('project_updates').update({ visibility: 'client' }).eq('id', id)).error).toBeNull();
    expect((await studio.as.client.from('project_updates').select('id').eq('id', id)).data).toEqual([{ id }]);
  });
});
