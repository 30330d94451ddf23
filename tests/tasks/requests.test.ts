// Task requests through the real REST API: a client may only ask (pending, client-visible, requested by
// themselves, on their own project); staff accept or decline with a reason the client can read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { newStudio, taskRow, type Studio } from './fixtures.ts';

let matrix: Matrix;
let studio: Studio;
beforeAll(async () => {
  matrix = await setUpMatrix();
  studio = await newStudio(matrix);
});
afterAll(async () => {
  await matrix?.close();
});

const request = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  organization_id: studio.org,
  project_id: studio.projectId,
  title: `Request ${Math.random().toString(36).slice(2, 8)}`,
  description: 'A store finder on the new site.',
  client_visible: true,
  requested_by: matrix.ctx.users.client,
  request_status: 'pending',
  ...over,
});

describe('a client asks for work', () => {
  it('is allowed as a pending, client-visible request of their own on their project, and notifies managers', async () => {
    const row = request();
    const { data, error } = await matrix.clients.client.from('tasks').insert(row).select('id, status, request_status, client_visible').single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: 'todo', request_status: 'pending', client_visible: true });
    const { rows } = await matrix.ctx.db.query(`select user_id from public.notifications where kind = 'task.requested' and data ->> 'task_id' = $1`, [data!.id]);
    expect(rows.map((r) => r.user_id).sort()).toEqual([matrix.ctx.users.manager, matrix.ctx.users.admin, matrix.ctx.users.owner].sort());
  });

  const refused: Array<[string, () => Record<string, unknown>]> = [
    ['an internal task', () => ({ client_visible: false })],
    ['an accepted task', () => ({ request_status: 'accepted' })],
    ['a plain task', () => ({ request_status: null, requested_by: null })],
    ['a request in someone else’s name', () => ({ requested_by: matrix.ctx.users.member })],
    ['a task already in progress', () => ({ status: 'in_progress' })],
    ['an assigned task', () => ({ assignee_id: matrix.ctx.users.member })],
    ['a request on another client’s project', () => ({ project_id: studio.otherProjectId })],
  ];
  it.each(refused)('is refused for %s', async (_what, over) => {
    const row = request(over());
    const { error } = await matrix.clients.client.from('tasks').insert(row);
    expect(error?.code).toBe('42501');
    const { rowCount } = await matrix.ctx.db.query('select 1 from public.tasks where title = $1', [row.title]);
    expect(rowCount).toBe(0);
  });

  it('cannot then change the request or its answer', async () => {
    const { data } = await matrix.clients.client.from('tasks').insert(request()).select('id').single();
    await matrix.clients.client.from('tasks').update({ request_status: 'accepted', title: 'Changed' }).eq('id', data!.id);
    expect(await taskRow(matrix, data!.id)).toMatchObject({ request_status: 'pending' });
  });
});

describe('staff answer requests', () => {
  it('accept one: it joins the board and the client is told', async () => {
    const { data } = await matrix.clients.client.from('tasks').insert(request()).select('id').single();
    const { error } = await matrix.clients.member.from('tasks').update({ request_status: 'accepted' }).eq('id', data!.id).eq('request_status', 'pending');
    expect(error).toBeNull();
    expect(await taskRow(matrix, data!.id)).toMatchObject({ request_status: 'accepted', status: 'todo', decline_reason: null });
    const board = await matrix.clients.member
      .from('tasks')
      .select('id')
      .eq('project_id', studio.projectId)
      .or('request_status.is.null,request_status.eq.accepted');
    expect(board.data!.map((t) => t.id)).toContain(data!.id);
    const { rows } = await matrix.ctx.db.query(`select user_id, link from public.notifications where kind = 'task.request_accepted' and data ->> 'task_id' = $1`, [data!.id]);
    expect(rows).toEqual([{ user_id: matrix.ctx.users.client, link: `/projects/${studio.projectId}/tasks?task=${data!.id}` }]);
  });

  it('decline one with a reason the client reads; it stays off the board', async () => {
    const { data } = await matrix.clients.client.from('tasks').insert(request()).select('id').single();
    const reason = 'Out of scope for this phase; let us plan it for the next one.';
    await matrix.clients.manager.from('tasks').update({ request_status: 'declined', decline_reason: reason }).eq('id', data!.id);
    const seen = await matrix.clients.client.from('tasks').select('request_status, decline_reason').eq('id', data!.id).single();
    expect(seen.data).toEqual({ request_status: 'declined', decline_reason: reason });
    const board = await matrix.clients.client
      .from('tasks')
      .select('id')
      .eq('project_id', studio.projectId)
      .or('request_status.is.null,request_status.eq.accepted');
    expect(board.data!.map((t) => t.id)).not.toContain(data!.id);
  });

  it('cannot turn a request back into a plain task', async () => {
    const { data } = await matrix.clients.client.from('tasks').insert(request()).select('id').single();
    const { error } = await matrix.clients.manager.from('tasks').update({ request_status: null }).eq('id', data!.id);
    expect(error?.message).toBe('A task request keeps its request status');
  });
});

describe('what a client sees of the board', () => {
  it('only client-visible tasks of their own projects', async () => {
    const { db } = matrix.ctx;
    const insert = async (project: string, visible: boolean) =>
      (await db.query(`insert into public.tasks (organization_id, project_id, title, client_visible) values ($1, $2, 'Seen?', $3) returning id`, [studio.org, project, visible])).rows[0]
        .id as string;
    const shared = await insert(studio.projectId, true);
    const internal = await insert(studio.projectId, false);
    const elsewhere = await insert(studio.otherProjectId, true);
    const { data } = await matrix.clients.client.from('tasks').select('id').in('id', [shared, internal, elsewhere]);
    expect(data!.map((t) => t.id)).toEqual([shared]);
  });
});
