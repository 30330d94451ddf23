import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureExtensions, sql, stackCli, waitFor } from './helpers.ts';

// Each `npm run stack` call starts a Node process; give the CLI-driven tests room on a busy machine.
describe('cron: running jobs', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    await ensureExtensions();
    await sql(`create schema if not exists cron_fixture;
               create table if not exists cron_fixture.ticks (id bigserial, who text, at timestamptz default now());
               grant usage on schema cron_fixture to anon;
               grant insert on cron_fixture.ticks to anon;
               grant usage on sequence cron_fixture.ticks_id_seq to anon;`);
  });
  afterAll(async () => {
    await sql(`select cron.unschedule(jobid) from cron.job where jobname like 'run-%'`);
    await sql('drop schema if exists cron_fixture cascade');
    await stackCli('clock', 'reset');
  });

  it('runs a job on its own schedule and records the run', async () => {
    const [job] = await sql(`select cron.schedule('run-every-second', '1 seconds', $$insert into cron_fixture.ticks (who) values ('every-second')$$) as id`);
    const run = await waitFor(async () => (await sql(`select * from cron.job_run_details where jobid = $1 and status = 'succeeded' limit 1`, [job!.id]))[0]);
    await sql(`select cron.unschedule('run-every-second')`);
    expect(run).toMatchObject({ status: 'succeeded', return_message: 'INSERT 0 1', database: 'postgres', username: 'postgres' });
    expect(run.command).toContain('every-second');
    expect(new Date(run.end_time).getTime()).toBeGreaterThanOrEqual(new Date(run.start_time).getTime());
    expect(Number(run.job_pid)).toBeGreaterThan(0);
  });

  it('does not run inactive jobs', async () => {
    const [job] = await sql(`select cron.schedule('run-inactive', '1 seconds', 'select 1') as id`);
    await sql(`select cron.alter_job($1, active := false)`, [job!.id]);
    const before = await sql(`select count(*)::int as n from cron.job_run_details where jobid = $1`, [job!.id]);
    await new Promise((r) => setTimeout(r, 2500));
    const after = await sql(`select count(*)::int as n from cron.job_run_details where jobid = $1`, [job!.id]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('runs a job now with `npm run stack -- cron run <name>`, as its username', async () => {
    await sql(`select cron.schedule_in_database('run-as-anon', '0 0 1 1 *', $$insert into cron_fixture.ticks (who) values (current_user)$$, 'postgres', 'anon')`);
    const out = await stackCli('cron', 'run', 'run-as-anon');
    expect(out).toMatch(/^cron: job run-as-anon run \d+ succeeded: INSERT 0 1$/);
    expect(await sql(`select who from cron_fixture.ticks where who = 'anon'`)).toHaveLength(1);
  });

  it('records a failing job as failed with the error, and `cron run` by id exits non-zero', async () => {
    const [job] = await sql(`select cron.schedule('run-failing', '0 0 1 1 *', 'select * from cron_fixture.no_such_table') as id`);
    await expect(stackCli('cron', 'run', String(job!.id))).rejects.toThrow(/failed: relation "cron_fixture.no_such_table" does not exist/);
    const [run] = await sql(`select status, return_message from cron.job_run_details where jobid = $1 order by runid desc limit 1`, [job!.id]);
    expect(run).toEqual({ status: 'failed', return_message: 'relation "cron_fixture.no_such_table" does not exist' });
  });

  it('answers an unknown job with an error', async () => {
    await expect(stackCli('cron', 'run', 'run-nobody-made-this')).rejects.toThrow(/could not find valid entry for job 'run-nobody-made-this'/);
  });

  it('makes a daily job due by moving the stack clock', async () => {
    const [job] = await sql(`select cron.schedule('run-daily-3am', '0 3 * * *', $$insert into cron_fixture.ticks (who) values ('daily')$$) as id`);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const out = await stackCli('clock', `${tomorrow}T02:59:58Z`);
    expect(out).toContain(`clock: the scheduler's now is ${tomorrow}T02:59:5`);
    const run = await waitFor(async () => (await sql(`select status from cron.job_run_details where jobid = $1 and end_time is not null`, [job!.id]))[0], 6000);
    expect(run.status).toBe('succeeded');
    expect(await stackCli('clock', 'reset')).toMatch(/offset 0 ms/);
    await expect(stackCli('clock', 'next tuesday')).rejects.toThrow(/expected an ISO time/);
  });
});
