// Files on projects and updates through the real supabase-js, in the order the app uploads them:
// the attachments row first (where the 5-files rule lives), then the bytes at its object_path.
// Who may read which file is decided by the row: shared files reach the client, others never do.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpStudio, type Studio } from './studio.ts';

let studio: Studio;
beforeAll(async () => {
  studio = await setUpStudio();
});
afterAll(async () => {
  await studio?.close();
});

interface Upload {
  projectId: string;
  name?: string;
  bytes?: Buffer;
  /** What the row claims (defaults to the real size). */
  claimedSize?: number;
  shared?: boolean;
  updateId?: string | null;
  as?: SupabaseClient;
  uploader?: string;
}

/** The app's upload flow: row, then bytes; the row goes again if the bytes are refused. */
async function upload({ projectId, name = 'brief.txt', bytes = Buffer.from('hello'), claimedSize, shared = false, updateId = null, as, uploader }: Upload) {
  const client = as ?? studio.as.manager;
  const id = randomUUID();
  const objectPath = `${studio.org}/${projectId}/${id}/${name}`;
  const row = await client.from('attachments').insert({
    id,
    organization_id: studio.org,
    project_id: projectId,
    update_id: updateId,
    object_path: objectPath,
    file_name: name,
    size_bytes: claimedSize ?? bytes.length,
    content_type: 'text/plain',
    client_visible: shared,
    uploaded_by: uploader ?? studio.users.manager,
  });
  if (row.error) return { id, objectPath, rowError: row.error, uploadError: null };
  const stored = await client.storage.from('attachments').upload(objectPath, bytes, { contentType: 'text/plain' });
  if (stored.error) await client.from('attachments').delete().eq('id', id);
  return { id, objectPath, rowError: null, uploadError: stored.error };
}

async function readAs(client: SupabaseClient, objectPath: string) {
  const { data, error } = await client.storage.from('attachments').createSignedUrl(objectPath, 60);
  if (error) return { error, text: null };
  const res = await fetch(data.signedUrl);
  return { error: null, status: res.status, text: await res.text() };
}

async function postUpdate(visibility: 'internal' | 'client', projectId: string, body = 'An update') {
  const { data, error } = await studio.as.manager
    .from('project_updates')
    .insert({ organization_id: studio.org, project_id: projectId, visibility, body, author_id: studio.users.manager })
    .select('id')
    .single();
  expect(error).toBeNull();
  return data!.id as string;
}

describe('the upload flow', () => {
  it('stores the row and the bytes, and staff read them back through a signed URL', async () => {
    const result = await upload({ projectId: studio.projectId, name: 'Brief v2 (final).txt', bytes: Buffer.from('the brief') });
    expect(result.rowError).toBeNull();
    expect(result.uploadError).toBeNull();
    expect(await readAs(studio.as.member, result.objectPath)).toMatchObject({ status: 200, text: 'the brief' });
  });

  it('refuses a sixth file on the same item in SQL, but counts each item on its own', async () => {
    const projectId = await studio.newProject();
    for (let i = 1; i <= 5; i++) expect((await upload({ projectId, name: `file-${i}.txt` })).rowError).toBeNull();
    const sixth = await upload({ projectId, name: 'file-6.txt' });
    expect(sixth.rowError).toMatchObject({ code: 'P0001', message: 'This item already has 5 files, the most it can hold', hint: 'Remove a file before adding another.' });
    const { count } = await studio.as.manager.from('attachments').select('id', { count: 'exact', head: true }).eq('project_id', projectId);
    expect(count).toBe(5);
    // An update on the same project is another item with its own five.
    const updateId = await postUpdate('internal', projectId);
    expect((await upload({ projectId, name: 'on-update.txt', updateId })).rowError).toBeNull();
  });

  it('lets the bucket refuse 11 MB even when the row claims less, and the row goes with it', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 1);
    const honest = await upload({ projectId: studio.projectId, name: 'honest.bin', bytes: big });
    expect(honest.rowError).toMatchObject({ code: '23514' }); // size_bytes check: at most 10 MB
    const lying = await upload({ projectId: studio.projectId, name: 'lying.bin', bytes: big, claimedSize: 1000 });
    expect(lying.rowError).toBeNull();
    expect(lying.uploadError).toMatchObject({ statusCode: '413' });
    const { data } = await studio.as.manager.from('attachments').select('id').eq('id', lying.id);
    expect(data).toEqual([]);
    expect((await studio.as.manager.storage.from('attachments').exists(lying.objectPath)).data).toBe(false);
  });

  it('refuses bytes for a path without a row, and a row another person claims to have uploaded', async () => {
    const stray = `${studio.org}/${studio.projectId}/${randomUUID()}/stray.txt`;
    const { error } = await studio.as.manager.storage.from('attachments').upload(stray, Buffer.from('x'));
    expect(error).toMatchObject({ statusCode: '403' });
    const forged = await upload({ projectId: studio.projectId, name: 'forged.txt', uploader: studio.users.member });
    expect(forged.rowError).toMatchObject({ code: '42501' });
  });
});

describe('what a client can read', () => {
  it('reads a shared project file through a signed URL, but not an unshared one', async () => {
    const shared = await upload({ projectId: studio.projectId, name: 'shared.txt', bytes: Buffer.from('for the client'), shared: true });
    const hidden = await upload({ projectId: studio.projectId, name: 'hidden.txt', bytes: Buffer.from('team only') });
    expect(await readAs(studio.as.client, shared.objectPath)).toMatchObject({ status: 200, text: 'for the client' });
    expect((await readAs(studio.as.client, hidden.objectPath)).error).not.toBeNull();
    const { data: rows } = await studio.as.client.from('attachments').select('file_name').eq('project_id', studio.projectId);
    expect(rows!.map((r) => r.file_name)).toContain('shared.txt');
    expect(rows!.map((r) => r.file_name)).not.toContain('hidden.txt');
  });

  it('never reads a file on an internal note, and reads one on a client update', async () => {
    const note = await postUpdate('internal', studio.projectId, 'Team only');
    const onNote = await upload({ projectId: studio.projectId, name: 'note.txt', updateId: note, shared: true });
    const update = await postUpdate('client', studio.projectId, 'For Acme');
    const onUpdate = await upload({ projectId: studio.projectId, name: 'update.txt', bytes: Buffer.from('with the update'), updateId: update });
    // The trigger sets client_visible from the update, whatever the browser sent.
    const { rows } = await studio.db.query('select file_name, client_visible from public.attachments where id = any($1) order by file_name', [[onNote.id, onUpdate.id]]);
    expect(rows).toEqual([
      { file_name: 'note.txt', client_visible: false },
      { file_name: 'update.txt', client_visible: true },
    ]);
    expect((await readAs(studio.as.client, onNote.objectPath)).error).not.toBeNull();
    expect(await readAs(studio.as.client, onUpdate.objectPath)).toMatchObject({ status: 200, text: 'with the update' });
  });

  it('does not reach another client’s files at all', async () => {
    const shared = await upload({ projectId: studio.projectId, name: 'acme-only.txt', shared: true });
    expect((await readAs(studio.as.otherClient, shared.objectPath)).error).not.toBeNull();
  });

  it('follows a note that is shared later, and one made internal again (files follow their update)', async () => {
    const note = await postUpdate('internal', studio.projectId, 'Draft for the client');
    const file = await upload({ projectId: studio.projectId, name: 'draft.txt', bytes: Buffer.from('draft'), updateId: note });
    expect((await readAs(studio.as.client, file.objectPath)).error).not.toBeNull();
    expect((await studio.as.manager.from('project_updates').update({ visibility: 'client' }).eq('id', note)).error).toBeNull();
    expect(await readAs(studio.as.client, file.objectPath)).toMatchObject({ status: 200, text: 'draft' });
    expect((await studio.as.manager.from('project_updates').update({ visibility: 'internal' }).eq('id', note)).error).toBeNull();
    expect((await readAs(studio.as.client, file.objectPath)).error).not.toBeNull();
    const { rows } = await studio.db.query('select client_visible from public.attachments where id = $1', [file.id]);
    expect(rows[0].client_visible).toBe(false);
  });
});

describe('sharing and deleting', () => {
  it('lets staff share and unshare project files, never files on updates, and never clients', async () => {
    const file = await upload({ projectId: studio.projectId, name: 'toggle.txt' });
    expect(file.rowError).toBeNull();
    const shared = await studio.as.member.from('attachments').update({ client_visible: true }).eq('id', file.id).select('client_visible');
    expect(shared.data).toEqual([{ client_visible: true }]);
    const byClient = await studio.as.client.from('attachments').update({ client_visible: false }).eq('id', file.id).select('id');
    expect(byClient.data ?? []).toEqual([]);
    const note = await postUpdate('internal', studio.projectId);
    const onNote = await upload({ projectId: studio.projectId, name: 'stays.txt', updateId: note });
    const forced = await studio.as.manager.from('attachments').update({ client_visible: true }).eq('id', onNote.id).select('id');
    expect(forced.data ?? []).toEqual([]);
  });

  it('deletes the row, then the object (the bucket lets staff go once the row is gone)', async () => {
    const file = await upload({ projectId: await studio.newProject(), name: 'remove-me.txt' });
    expect(file.rowError).toBeNull();
    const early = await studio.as.member.storage.from('attachments').remove([file.objectPath]);
    expect(early.data ?? []).toEqual([]); // refused: while the row exists only its uploader or a manager may
    const gone = await studio.as.manager.from('attachments').delete().eq('id', file.id).select('id');
    expect(gone.data).toEqual([{ id: file.id }]);
    // Without its row the file is nobody's to read but the studio's: not the client's.
    expect((await readAs(studio.as.client, file.objectPath)).error).not.toBeNull();
    const removed = await studio.as.manager.storage.from('attachments').remove([file.objectPath]);
    expect(removed.error).toBeNull();
    expect(removed.data).toHaveLength(1);
    expect((await studio.as.manager.storage.from('attachments').exists(file.objectPath)).data).toBe(false);
  });

  it('deletes the object first while the row still names the uploader, then the row', async () => {
    const file = await upload({ projectId: await studio.newProject(), name: 'object-first.txt' });
    const removed = await studio.as.manager.storage.from('attachments').remove([file.objectPath]);
    expect(removed.data).toHaveLength(1);
    expect((await studio.as.manager.from('attachments').delete().eq('id', file.id).select('id')).data).toEqual([{ id: file.id }]);
  });

  it('lets a client remove the bytes of a file on their own comment once the row is gone', async () => {
    const update = await postUpdate('client', studio.projectId, 'Any feedback?');
    const { data: comment } = await studio.as.client
      .from('project_updates')
      .insert({ organization_id: studio.org, project_id: studio.projectId, visibility: 'client', body: 'Notes attached', parent_id: update, author_id: studio.users.client })
      .select('id')
      .single();
    const file = await upload({ projectId: studio.projectId, name: 'feedback.txt', updateId: comment!.id, shared: true, as: studio.as.client, uploader: studio.users.client });
    expect(file.rowError).toBeNull();
    expect(file.uploadError).toBeNull();
    expect((await studio.as.client.from('attachments').delete().eq('id', file.id).select('id')).data).toEqual([{ id: file.id }]);
    expect((await studio.as.client.storage.from('attachments').remove([file.objectPath])).data).toHaveLength(1);
  });
});
