// Capacity through the real REST API: capacity_overview's planned and tracked hours per member and week
// for a known set of entries (in the organization's time zone), and planning with set_planned_hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { newStudio, type Studio } from './fixtures.ts';

let matrix: Matrix;
let studio: Studio;
beforeAll(async () => {
  matrix = await setUpMatrix();
  studio = await newStudio(matrix, { timezone: 'America/New_York' });
});
afterAll(async () => {
  await matrix?.close();
});

describe('capacity_overview', () => {
  beforeAll(async () => {
    const { db, users } = matrix.ctx;
    const entry = (user: string, start: string, end: string | null) =>
      db.query('insert into public.time_entries (organization_id, project_id, user_id, started_at, ended_at, hourly_rate) values ($1, $2, $3, $4, $5, 100)', [
        studio.org,
        studio.projectId,
        user,
        start,
        end,
      ]);
    await entry(users.member, '2030-03-04T14:00:00Z', '2030-03-04T17:00:00Z'); // 3 h, Monday
    await entry(users.member, '2030-03-06T14:00:00Z', '2030-03-06T16:30:00Z'); // 2.5 h, Wednesday
    // 02:00 UTC on Monday the 11th is still Sunday the 10th in New York: it counts in the first week.
    await entry(users.member, '2030-03-11T02:00:00Z', '2030-03-11T03:00:00Z');
    await entry(users.member, '2030-03-12T13:00:00Z', '2030-03-12T21:00:00Z'); // 8 h, second week
    await entry(users.member, '2030-03-13T13:00:00Z', null); // running: not counted
    await entry(users.member, '2030-03-26T13:00:00Z', '2030-03-26T15:00:00Z'); // outside the two weeks
    const plan = (user: string, project: string, week: string, hours: number) =>
      db.query('insert into public.capacity_entries (organization_id, user_id, project_id, week_start, planned_hours) values ($1, $2, $3, $4, $5)', [
        studio.org,
        user,
        project,
        week,
        hours,
      ]);
    await plan(users.member, studio.projectId, '2030-03-04', 10);
    await plan(users.manager, studio.projectId, '2030-03-04', 20);
    await plan(users.manager, studio.otherProjectId, '2030-03-04', 24);
    await plan(users.manager, studio.projectId, '2030-03-25', 30); // outside the two weeks
  });

  it('adds up planned and tracked hours per member and week, from the week of from_week', async () => {
    const { data, error } = await matrix.clients.manager.rpc('capacity_overview', { organization_id: studio.org, from_week: '2030-03-06', weeks: 2 });
    expect(error).toBeNull();
    const { users } = matrix.ctx;
    const expected = [
      { user_id: users.member, week_start: '2030-03-04', planned_hours: 10, actual_hours: 6.5 },
      { user_id: users.member, week_start: '2030-03-11', planned_hours: 0, actual_hours: 8 },
      { user_id: users.manager, week_start: '2030-03-04', planned_hours: 44, actual_hours: 0 },
      { user_id: users.manager, week_start: '2030-03-11', planned_hours: 0, actual_hours: 0 },
    ];
    const byKey = (r: { user_id: string; week_start: string }) => `${r.user_id}:${r.week_start}`;
    expect([...data].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual([...expected].sort((a, b) => byKey(a).localeCompare(byKey(b))));
  });

  it('is the same for members, and empty for clients', async () => {
    const staff = await matrix.clients.member.rpc('capacity_overview', { organization_id: studio.org, from_week: '2030-03-04', weeks: 2 });
    expect(staff.data).toHaveLength(4);
    const client = await matrix.clients.client.rpc('capacity_overview', { organization_id: studio.org, from_week: '2030-03-04', weeks: 2 });
    expect(client.data).toEqual([]);
  });
});

describe('set_planned_hours', () => {
  const cell = (over: Record<string, unknown> = {}) => ({ project_id: studio.projectId, user_id: matrix.ctx.users.member, week_start: '2030-04-01', planned_hours: 12, ...over });

  it('lets a manager plan a week and change it in place', async () => {
    const first = await matrix.clients.manager.rpc('set_planned_hours', cell());
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ organization_id: studio.org, planned_hours: 12, week_start: '2030-04-01' });
    const second = await matrix.clients.manager.rpc('set_planned_hours', cell({ planned_hours: 7.5 }));
    expect(second.data).toMatchObject({ id: first.data.id, planned_hours: 7.5 });
    const { rows } = await matrix.ctx.db.query('select planned_hours from public.capacity_entries where project_id = $1 and week_start = $2', [studio.projectId, '2030-04-01']);
    expect(rows).toEqual([{ planned_hours: '7.50' }]);
  });

  it('clears a week with a delete', async () => {
    await matrix.clients.manager.rpc('set_planned_hours', cell({ week_start: '2030-04-08' }));
    const { data } = await matrix.clients.manager
      .from('capacity_entries')
      .delete()
      .match({ project_id: studio.projectId, user_id: matrix.ctx.users.member, week_start: '2030-04-08' })
      .select('id');
    expect(data).toHaveLength(1);
  });

  it('refuses members, weeks that do not start on Monday, and impossible hours', async () => {
    expect((await matrix.clients.member.rpc('set_planned_hours', cell())).error?.code).toBe('42501');
    expect((await matrix.clients.manager.rpc('set_planned_hours', cell({ week_start: '2030-04-02' }))).error).toMatchObject({
      code: '22023',
      message: 'A planning week starts on a Monday',
    });
    expect((await matrix.clients.manager.rpc('set_planned_hours', cell({ planned_hours: 200 }))).error?.code).toBe('22023');
  });

  it('is what a REST upsert cannot do: tenant columns are not updatable', async () => {
    const { error } = await matrix.clients.manager
      .from('capacity_entries')
      .upsert({ organization_id: studio.org, ...cell({ planned_hours: 3 }) }, { onConflict: 'project_id,user_id,week_start' });
    expect(error?.code).toBe('42501');
  });
});
