// storage.objects in the `attachments` bucket, per actor: a file is readable exactly when its
// attachments row is, can be stored only by the uploader its row names, and can be removed only once
// while its row names the caller as uploader or the caller manages the organization, and once its row has
// gone by staff or whoever stored it (the daily job removes what is left).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, setUpMatrix, type Actor, type Matrix } from './harness.ts';

let matrix: Matrix;
beforeAll(async () => {
  matrix = await setUpMatrix();
});
afterAll(async () => {
  await matrix?.close();
});

const ALL_MEMBERS: Actor[] = ['client', 'member', 'manager', 'admin', 'owner', 'service_role'];
const STAFF: Actor[] = ['member', 'manager', 'admin', 'owner', 'service_role'];

type Uploader = Actor | 'someone else';

/** A fresh organization with a project of the client the `client` actor stands for. */
async function portalProject(): Promise<{ org: string; project: string }> {
  const { db } = matrix.ctx;
  const org = await matrix.ctx.newOrg();
  const client = (await db.query(`insert into public.clients (organization_id, name) values ($1, 'Storage client') returning id`, [org])).rows[0].id;
  await db.query('update public.organization_members set client_id = $1 where organization_id = $2 and user_id = $3', [client, org, matrix.ctx.users.client]);
  const project = (await db.query(`insert into public.projects (organization_id, client_id, name) values ($1, $2, 'Storage project') returning id`, [org, client])).rows[0].id;
  return { org, project };
}

async function attachmentRow(options: { clientVisible?: boolean; internalNote?: boolean; uploader: Uploader }): Promise<string> {
  const { db, users } = matrix.ctx;
  const { org, project } = await portalProject();
  const id = randomUUID();
  const path = `${org}/${project}/${id}/file.txt`;
  const someone = await matrix.ctx.newMember(org, 'member');
  const uploader = options.uploader in users ? users[options.uploader as keyof typeof users] : someone;
  let updateId: string | null = null;
  if (options.internalNote) {
    updateId = (await db.query(
      `insert into public.project_updates (organization_id, project_id, visibility, body, author_id) values ($1, $2, 'internal', 'Note', $3) returning id`,
      [org, project, someone],
    )).rows[0].id;
  }
  await db.query(
    `insert into public.attachments (id, organization_id, project_id, update_id, object_path, file_name, size_bytes, client_visible, uploaded_by)
     values ($1, $2, $3, $4, $5, 'file.txt', 5, $6, $7)`,
    [id, org, project, updateId, path, options.clientVisible ?? false, uploader],
  );
  return path;
}

async function storeAsService(path: string): Promise<void> {
  const { error } = await matrix.clients.service_role.storage.from('attachments').upload(path, new Blob(['hello'], { type: 'text/plain' }));
  if (error) throw error;
}

async function objectExists(path: string): Promise<boolean> {
  const { rowCount } = await matrix.ctx.db.query(`select 1 from storage.objects where bucket_id = 'attachments' and name = $1`, [path]);
  return (rowCount ?? 0) > 0;
}

async function outcomes(run: (actor: Actor) => Promise<boolean>): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const actor of ACTORS) out[actor] = await run(actor);
  return out;
}

const expected = (allowed: Actor[]) => Object.fromEntries(ACTORS.map((a) => [a, allowed.includes(a)]));

async function canDownload(actor: Actor, path: string): Promise<boolean> {
  const { data, error } = await matrix.clients[actor].storage.from('attachments').download(path);
  return !error && (await data!.text()) === 'hello';
}

describe('storage.objects in the attachments bucket', () => {
  it('a shared file: every member of the organization reads it, the client included', async () => {
    const result = await outcomes(async (actor) => {
      const path = await attachmentRow({ clientVisible: true, uploader: 'someone else' });
      await storeAsService(path);
      return canDownload(actor, path);
    });
    expect(result).toEqual(expected(ALL_MEMBERS));
  });

  it('an unshared file, and a file on an internal note: staff only', async () => {
    for (const options of [{ clientVisible: false }, { clientVisible: true, internalNote: true }]) {
      const result = await outcomes(async (actor) => {
        const path = await attachmentRow({ ...options, uploader: 'someone else' });
        await storeAsService(path);
        return canDownload(actor, path);
      });
      expect(result, JSON.stringify(options)).toEqual(expected(STAFF));
    }
  });

  it('signed links work for those who can read the file', async () => {
    const path = await attachmentRow({ clientVisible: true, uploader: 'someone else' });
    await storeAsService(path);
    const { data } = await matrix.clients.client.storage.from('attachments').createSignedUrl(path, 60);
    expect(await (await fetch(data!.signedUrl)).text()).toBe('hello');
    const refused = await matrix.clients.outsider.storage.from('attachments').createSignedUrl(path, 60);
    expect(refused.data).toBeNull();
  });

  it('uploading: only to the path of an attachment row that names you as its uploader', async () => {
    const own = await outcomes(async (actor) => {
      const path = await attachmentRow({ clientVisible: true, uploader: actor });
      await matrix.clients[actor].storage.from('attachments').upload(path, new Blob(['hello']));
      return objectExists(path);
    });
    expect(own).toEqual(expected(['client', 'member', 'manager', 'admin', 'owner', 'service_role']));

    const someoneElses = await outcomes(async (actor) => {
      const path = await attachmentRow({ clientVisible: true, uploader: 'someone else' });
      await matrix.clients[actor].storage.from('attachments').upload(path, new Blob(['hello']));
      return objectExists(path);
    });
    expect(someoneElses).toEqual(expected(['service_role']));

    const withoutRow = await outcomes(async (actor) => {
      const { org, project } = await portalProject();
      const path = `${org}/${project}/${randomUUID()}/stray.txt`;
      await matrix.clients[actor].storage.from('attachments').upload(path, new Blob(['hello']));
      return objectExists(path);
    });
    expect(withoutRow).toEqual(expected(['service_role']));
  });

  it('removing: by the uploader or a manager while the row exists; once it has gone, by staff or its uploader', async () => {
    const someoneElses = await outcomes(async (actor) => {
      const path = await attachmentRow({ clientVisible: true, uploader: 'someone else' });
      await storeAsService(path);
      await matrix.clients[actor].storage.from('attachments').remove([path]);
      return !(await objectExists(path));
    });
    expect(someoneElses).toEqual(expected(['manager', 'admin', 'owner', 'service_role']));

    const own = await outcomes(async (actor) => {
      const path = await attachmentRow({ clientVisible: true, uploader: actor });
      await storeAsService(path);
      await matrix.clients[actor].storage.from('attachments').remove([path]);
      return !(await objectExists(path));
    });
    expect(own).toEqual(expected(ALL_MEMBERS));

    const orphaned = await outcomes(async (actor) => {
      const path = await attachmentRow({ clientVisible: true, uploader: actor });
      await storeAsService(path);
      await matrix.ctx.db.query('delete from public.attachments where object_path = $1', [path]);
      await matrix.clients[actor].storage.from('attachments').remove([path]);
      return !(await objectExists(path));
    });
    // Stored by the service role here, so no actor is the object's owner: staff only.
    expect(orphaned).toEqual(expected(STAFF));
  });
});
