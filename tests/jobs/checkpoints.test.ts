// project-checkpoints (04:15 UTC): a project with recurring checkpoints gets a "Checkpoint" task on
// its checkpoint date, once, and its next checkpoint moves forward by its interval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createProject, letScheduleRun, resetClock, runJob, sql, type Fixture } from './helpers.ts';

let fx: Fixture;
let today: string;
const projects: Record<'due' | 'missed' | 'future' | 'completed', string> = { due: '', missed: '', future: '', completed: '' };

const checkpointTasks = (projectId: string) =>
  sql<{ title: string; due_on: string; checkpoint_on: string; status: string }>(
    `select title, due_on::text, checkpoint_on::text, status from public.tasks where project_id = $1 and checkpoint_on is not null order by checkpoint_on`,
    [projectId],
  );
const nextCheckpoint = async (projectId: string) =>
  (await sql<{ next: string }>(`select next_checkpoint_on::text as next from public.projects where id = $1`, [projectId]))[0]!.next;
const plusDays = async (days: number) => (await sql<{ d: string }>(`select ($1::date + $2::int)::text as d`, [today, days]))[0]!.d;

describe('daily job: project-checkpoints', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    // The job's "today" is the database's real UTC date.
    [{ today } = { today: '' }] = await sql<{ today: string }>(`select ((now() at time zone 'utc')::date)::text as today`);
    fx = await createOrganization('checkpoints');
    projects.due = (await createProject(fx, { checkpoint_every_days: 7, next_checkpoint_on: today })).projectId;
    projects.missed = (await createProject(fx, { checkpoint_every_days: 7, next_checkpoint_on: await plusDays(-10) })).projectId;
    projects.future = (await createProject(fx, { checkpoint_every_days: 7, next_checkpoint_on: await plusDays(1) })).projectId;
    projects.completed = (await createProject(fx, { status: 'completed', checkpoint_every_days: 7, next_checkpoint_on: today })).projectId;
  });
  afterAll(async () => {
    await resetClock();
  });

  it('runs at 04:15 UTC and creates the checkpoint task due today, moving the next one 7 days on', async () => {
    const run = await letScheduleRun('project-checkpoints', 4, 15);
    expect(run.status).toBe('succeeded');
    const tasks = await checkpointTasks(projects.due);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ due_on: today, checkpoint_on: today, status: 'todo' });
    expect(tasks[0]!.title).toMatch(/^Checkpoint: [A-Z][a-z]{2} \d{2}, \d{4}$/);
    expect(await nextCheckpoint(projects.due)).toBe(await plusDays(7));
  });

  it('catches up a missed checkpoint with one task and schedules the next one after today', async () => {
    const tasks = await checkpointTasks(projects.missed);
    expect(tasks.map((t) => t.checkpoint_on)).toEqual([await plusDays(-10)]);
    expect(await nextCheckpoint(projects.missed)).toBe(await plusDays(4));
  });

  it('leaves projects whose checkpoint is not due, and finished projects, alone', async () => {
    expect(await checkpointTasks(projects.future)).toEqual([]);
    expect(await nextCheckpoint(projects.future)).toBe(await plusDays(1));
    expect(await checkpointTasks(projects.completed)).toEqual([]);
    expect(await nextCheckpoint(projects.completed)).toBe(today);
  });

  it('creates nothing more when it runs again the same day', async () => {
    expect((await runJob('project-checkpoints')).status).toBe('succeeded');
    expect(await checkpointTasks(projects.due)).toHaveLength(1);
    expect(await checkpointTasks(projects.missed)).toHaveLength(1);
    expect(await nextCheckpoint(projects.due)).toBe(await plusDays(7));
  });
});
