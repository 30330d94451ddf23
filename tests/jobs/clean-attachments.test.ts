// clean-stale-attachments (04:00 UTC) calls the clean-attachments edge function: files whose
// attachments row is gone are removed from Storage, rows whose upload never arrived (older than a
// day) are deleted; kept files and uploads still in progress stay.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, stackEnv } from '../helpers/env.ts';
import { createOrganization, createProject, letScheduleRun, resetClock, runJob, sql, waitFor, type Fixture } from './helpers.ts';

let fx: Fixture;
let projectId: string;
const paths: Record<'kept' | 'orphan' | 'abandoned' | 'uploading', string> = { kept: '', orphan: '', abandoned: '', uploading: '' };

async function attachmentRow(name: string, createdDaysAgo = 0): Promise<string> {
  const id = randomUUID();
  const path = `${fx.organizationId}/${projectId}/${id}/${name}`;
  await sql(
    `insert into public.attachments (id, organization_id, project_id, object_path, file_name, content_type, size_bytes, created_at)
     values ($1, $2, $3, $4, $5, 'text/plain', 12, now() - make_interval(days => $6))`,
    [id, fx.organizationId, projectId, path, name, createdDaysAgo],
  );
  return path;
}

async function upload(path: string): Promise<void> {
  const { error } = await serviceClient().storage.from('attachments').upload(path, new Blob(['hello world\n'], { type: 'text/plain' }));
  if (error) throw error;
}

const objectExists = async (path: string) => (await sql(`select 1 from storage.objects where bucket_id = 'attachments' and name = $1`, [path])).length > 0;
const rowExists = async (path: string) => (await sql(`select 1 from public.attachments where object_path = $1`, [path])).length > 0;

async function callFunction(key: string, token = key, body = '{}'): Promise<{ status: number; body: any }> {
  const res = await fetch(`${stackEnv.apiUrl}/functions/v1/clean-attachments`, {
    method: 'POST',
    headers: { apikey: key, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

describe('daily job: clean-stale-attachments', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    fx = await createOrganization('files');
    ({ projectId } = await createProject(fx));
    paths.kept = await attachmentRow('kept.txt', 3);
    await upload(paths.kept);
    paths.orphan = await attachmentRow('orphan.txt', 3);
    await upload(paths.orphan);
    await sql(`delete from public.attachments where object_path = $1`, [paths.orphan]);
    paths.abandoned = await attachmentRow('never-arrived.txt', 2);
    paths.uploading = await attachmentRow('still-uploading.txt', 0);
  });
  afterAll(async () => {
    await resetClock();
  });

  it('refuses callers other than the service role', async () => {
    expect(await callFunction(stackEnv.anonKey)).toEqual({ status: 403, body: { error: 'Only the service role may clean attachments' } });
    const user = anonClient();
    const { data } = await user.auth.signInWithPassword({ email: fx.email, password: fx.password });
    expect((await callFunction(stackEnv.anonKey, data.session!.access_token)).status).toBe(403);
    expect((await callFunction(stackEnv.anonKey, 'not-a-jwt')).status).toBe(401);
    expect(await objectExists(paths.orphan)).toBe(true);
  });

  it('rejects a malformed body with a clear message', async () => {
    expect(await callFunction(stackEnv.serviceRoleKey, stackEnv.serviceRoleKey, '{"max_rows": 5000}')).toEqual({
      status: 400,
      body: { error: 'max_rows must be between 1 and 1000' },
    });
  });

  it('runs at 04:00 UTC: the orphaned file goes, the kept file and the row still uploading stay', async () => {
    const since = new Date();
    const run = await letScheduleRun('clean-stale-attachments', 4, 0);
    expect(run.status).toBe('succeeded');
    // The job hands the work to the edge function through pg_net; wait for its answer.
    const [answer] = await waitFor('the clean-attachments answer', async () => {
      const rows = await sql<{ status_code: number; content: string }>(
        `select status_code, content from net._http_response where created >= $1 and content like '%removed_objects%'`,
        [since],
      );
      return rows.length ? rows : null;
    });
    expect(answer!.status_code).toBe(200);
    expect(JSON.parse(answer!.content)).toMatchObject({ removed_objects: expect.any(Number), deleted_rows: expect.any(Number), failed_objects: 0 });
    expect(JSON.parse(answer!.content).removed_objects).toBeGreaterThanOrEqual(1);

    expect(await objectExists(paths.orphan)).toBe(false);
    expect(await objectExists(paths.kept)).toBe(true);
    expect(await rowExists(paths.kept)).toBe(true);
    expect(await rowExists(paths.abandoned)).toBe(false);
    expect(await rowExists(paths.uploading)).toBe(true);
    const kept = await serviceClient().storage.from('attachments').download(paths.kept);
    expect(await kept.data?.text()).toBe('hello world\n');
  });

  it('is safe to run again: nothing of ours is left to remove', async () => {
    expect((await runJob('clean-stale-attachments')).status).toBe('succeeded');
    const direct = await callFunction(stackEnv.serviceRoleKey);
    expect(direct.status).toBe(200);
    expect(direct.body).toMatchObject({ failed_objects: 0 });
    expect(await objectExists(paths.kept)).toBe(true);
    expect(await rowExists(paths.uploading)).toBe(true);
  });
});
