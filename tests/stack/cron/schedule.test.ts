import { beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { ensureExtensions, sql } from './helpers.ts';

describe('cron: schedule and unschedule', () => {
  beforeAll(ensureExtensions);

  it('schedules a named job and keeps its jobid when it is scheduled again', async () => {
    const [first] = await sql(`select cron.schedule('sched-keep-id', '*/5 * * * *', 'select 1') as id`);
    await sql(`select cron.alter_job($1, active := false)`, [first!.id]);
    const [second] = await sql(`select cron.schedule('sched-keep-id', '0 4 * * *', 'select 2') as id`);
    expect(second!.id).toBe(first!.id);
    const [job] = await sql(`select * from cron.job where jobid = $1`, [first!.id]);
    expect(job).toMatchObject({ schedule: '0 4 * * *', command: 'select 2', database: 'postgres', username: 'postgres', nodename: 'localhost', active: false, jobname: 'sched-keep-id' });
    expect(await sql(`select cron.unschedule('sched-keep-id') as ok`)).toEqual([{ ok: true }]);
  });

  it('accepts unnamed jobs, seconds, `$`, names and shorthands', async () => {
    const schedules = ['30 seconds', '1 second', '0 0 $ * *', '0 9 * jan-mar mon-fri', '@daily', '*/10 1-5,7 1 * 0', '0 0 * * 7'];
    for (const schedule of schedules) {
      const [row] = await sql(`select cron.schedule($1, 'select 1') as id`, [schedule]);
      expect(Number(row!.id)).toBeGreaterThan(0);
      expect(await sql(`select cron.unschedule($1::bigint) as ok`, [row!.id])).toEqual([{ ok: true }]);
    }
  });

  it('rejects schedules pg_cron rejects', async () => {
    for (const bad of ['not a schedule', '60 seconds', '0 seconds', '61 * * * *', '* * * *', '0 0 32 * *', '*/0 * * * *', '0 0 * * 8']) {
      await expect(sql(`select cron.schedule('bad-one', $1, 'select 1')`, [bad])).rejects.toThrow(`invalid schedule: ${bad}`);
    }
  });

  it('reports unknown jobs as pg_cron does', async () => {
    await expect(sql(`select cron.unschedule(987654321::bigint)`)).rejects.toThrow('could not find valid entry for job 987654321');
    await expect(sql(`select cron.unschedule('no-such-job')`)).rejects.toThrow(`could not find valid entry for job 'no-such-job'`);
  });

  it('keeps each role to its own jobs (row security on cron.job)', async () => {
    await sql(`select cron.schedule('sched-owned-by-postgres', '0 0 * * *', 'select 1')`);
    await withDb(async (db) => {
      await db.query('begin');
      try {
        // As on hosted, only postgres gets the cron schema; grant it for this transaction.
        await db.query('grant usage on schema cron to authenticated');
        await db.query('set local role authenticated');
        const mine = await db.query(`select cron.schedule('sched-service', '0 1 * * *', 'select 1') as id`);
        const visible = await db.query(`select jobname, username from cron.job order by jobid`);
        expect(visible.rows).toEqual([{ jobname: 'sched-service', username: 'authenticated' }]);
        await expect(db.query(`select cron.unschedule('sched-owned-by-postgres')`)).rejects.toThrow('could not find valid entry');
        expect(mine.rows[0].id).toBeTruthy();
      } finally {
        await db.query('rollback');
      }
    });
    await sql(`select cron.unschedule('sched-owned-by-postgres')`);
  });
});
