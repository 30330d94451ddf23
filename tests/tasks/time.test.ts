// Timers and manual time entries through the real REST API: one running timer per member (starting one
// stops the other), entries at the project's rate, and who may log, change or delete whose time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { newStudio, type Studio } from './fixtures.ts';

let matrix: Matrix;
let studio: Studio;
beforeAll(async () => {
  matrix = await setUpMatrix();
  studio = await newStudio(matrix, { hourlyRate: 100 });
});
afterAll(async () => {
  await matrix?.close();
});

async function running(userId: string) {
  const { rows } = await matrix.ctx.db.query('select id, project_id, task_id from public.time_entries where user_id = $1 and ended_at is null', [userId]);
  return rows;
}

describe('timers', () => {
  it('start_timer stops the timer already running, so one runs at a time', async () => {
    const member = matrix.clients.member;
    const { rows: tasks } = await matrix.ctx.db.query(`insert into public.tasks (organization_id, project_id, title) values ($1, $2, 'Timed task') returning id`, [
      studio.org,
      studio.otherProjectId,
    ]);
    const first = await member.rpc('start_timer', { project_id: studio.projectId });
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ project_id: studio.projectId, task_id: null, ended_at: null, hourly_rate: 100, user_id: matrix.ctx.users.member });

    const second = await member.rpc('start_timer', { project_id: studio.otherProjectId, task_id: tasks[0].id });
    expect(second.error).toBeNull();
    expect(await running(matrix.ctx.users.member)).toEqual([{ id: second.data.id, project_id: studio.otherProjectId, task_id: tasks[0].id }]);
    const { rows } = await matrix.ctx.db.query('select ended_at from public.time_entries where id = $1', [first.data.id]);
    expect(rows[0].ended_at).not.toBeNull();

    const stopped = await member.rpc('stop_timer');
    expect(stopped.data).toMatchObject({ id: second.data.id });
    expect(stopped.data.ended_at).not.toBeNull();
    expect(await running(matrix.ctx.users.member)).toEqual([]);
  });

  it('each member has their own timer', async () => {
    await matrix.clients.member.rpc('start_timer', { project_id: studio.projectId });
    await matrix.clients.manager.rpc('start_timer', { project_id: studio.projectId });
    expect(await running(matrix.ctx.users.member)).toHaveLength(1);
    expect(await running(matrix.ctx.users.manager)).toHaveLength(1);
    await matrix.clients.member.rpc('stop_timer');
    await matrix.clients.manager.rpc('stop_timer');
  });

  it('refuses a task of another project, a project the caller cannot see, and clients', async () => {
    const { rows } = await matrix.ctx.db.query(`insert into public.tasks (organization_id, project_id, title) values ($1, $2, 'Elsewhere') returning id`, [studio.org, studio.otherProjectId]);
    const wrongTask = await matrix.clients.member.rpc('start_timer', { project_id: studio.projectId, task_id: rows[0].id });
    expect(wrongTask.error).toMatchObject({ code: '23503', message: 'The task is not on this project' });
    const hidden = await matrix.clients.outsider.rpc('start_timer', { project_id: studio.projectId });
    expect(hidden.error).toMatchObject({ code: 'P0002', message: 'Project not found' });
    const client = await matrix.clients.client.rpc('start_timer', { project_id: studio.projectId });
    expect(client.error?.code).toBe('42501');
    expect(await running(matrix.ctx.users.client)).toEqual([]);
  });
});

describe('manual entries', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    organization_id: studio.org,
    project_id: studio.projectId,
    user_id: matrix.ctx.users.member,
    started_at: '2030-02-04T09:00:00Z',
    ended_at: '2030-02-04T10:30:00Z',
    billable: true,
    note: 'Workshop',
    ...over,
  });

  it('are stored with their minutes and, without a rate, the project’s rate', async () => {
    const { data, error } = await matrix.clients.member.from('time_entries').insert(entry()).select('minutes, hourly_rate, billable').single();
    expect(error).toBeNull();
    expect(data).toEqual({ minutes: 90, hourly_rate: 100, billable: true });
    const custom = await matrix.clients.member.from('time_entries').insert(entry({ hourly_rate: 80, billable: false })).select('minutes, hourly_rate, billable').single();
    expect(custom.data).toEqual({ minutes: 90, hourly_rate: 80, billable: false });
  });

  it('last at most 24 hours', async () => {
    const { error } = await matrix.clients.member.from('time_entries').insert(entry({ ended_at: '2030-02-05T09:01:00Z' }));
    expect(error?.code).toBe('23514');
  });

  it('are logged for oneself by members, for anyone by managers', async () => {
    const forOther = await matrix.clients.member.from('time_entries').insert(entry({ user_id: matrix.ctx.users.manager }));
    expect(forOther.error?.code).toBe('42501');
    const byManager = await matrix.clients.manager.from('time_entries').insert(entry({ user_id: matrix.ctx.users.member })).select('id').single();
    expect(byManager.error).toBeNull();
  });

  it('are changed and deleted by their owner or a manager only', async () => {
    const mine = (await matrix.clients.member.from('time_entries').insert(entry()).select('id').single()).data!.id;
    const managers = (await matrix.clients.manager.from('time_entries').insert(entry({ user_id: matrix.ctx.users.manager })).select('id').single()).data!.id;

    const edited = await matrix.clients.member.from('time_entries').update({ ended_at: '2030-02-04T11:00:00Z', note: 'Longer' }).eq('id', mine).select('minutes, note');
    expect(edited.data).toEqual([{ minutes: 120, note: 'Longer' }]);
    const notMine = await matrix.clients.member.from('time_entries').update({ note: 'Sneaky' }).eq('id', managers).select('id');
    expect(notMine.data).toEqual([]);
    const notMineDelete = await matrix.clients.member.from('time_entries').delete().eq('id', managers).select('id');
    expect(notMineDelete.data).toEqual([]);

    const byManager = await matrix.clients.manager.from('time_entries').delete().eq('id', mine).select('id');
    expect(byManager.data).toEqual([{ id: mine }]);
  });

  it('are never seen by clients', async () => {
    const { data } = await matrix.clients.client.from('time_entries').select('id').eq('project_id', studio.projectId);
    expect(data).toEqual([]);
  });

  it('count in the project’s budget burn', async () => {
    const fresh = await newStudio(matrix, { hourlyRate: 120 });
    await matrix.ctx.db.query('update public.projects set budget = 1000, budget_hours = 10 where id = $1', [fresh.projectId]);
    await matrix.clients.member.from('time_entries').insert({ ...entry(), organization_id: fresh.org, project_id: fresh.projectId, ended_at: '2030-02-04T17:00:00Z' });
    const { data } = await matrix.clients.member.from('project_budget_status').select('tracked_hours, billable_hours, spent, hours_band, money_band').eq('project_id', fresh.projectId).single();
    expect(data).toEqual({ tracked_hours: 8, billable_hours: 8, spent: 960, hours_band: 'warning', money_band: 'critical' });
  });
});
