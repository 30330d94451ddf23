// pg_cron, pg_net and vault stand-ins: the scheduler that runs due cron jobs, the worker that sends
// pg_net's queued requests, and the CLI's control routes (/_atrium/cron/run, /_atrium/clock).
// Where the server has the real pg_cron / pg_net, their own workers do the job and these stay idle.
import type { ServiceDeps } from '../services.ts';
import type { Service } from '../gateway/service.ts';
import { StackClock } from './clock.ts';
import { SHIM_MARK } from './install.ts';
import { NetWorker } from './net-worker.ts';
import { controlHandler } from './routes.ts';
import { Scheduler } from './scheduler.ts';

export { beforeMigrations } from './install.ts';

/** Which of pg_cron / pg_net are our stand-ins (or not installed yet, so they will be). */
async function standIns(deps: ServiceDeps): Promise<{ cron: boolean; net: boolean }> {
  const { rows } = await deps.db.pool.query<{ name: string; comment: string | null }>(
    `select name, comment from pg_catalog.pg_available_extensions where name in ('pg_cron', 'pg_net')`,
  );
  const ours = (name: string) => {
    const row = rows.find((r) => r.name === name);
    return !row || (row.comment ?? '').includes(SHIM_MARK);
  };
  return { cron: ours('pg_cron'), net: ours('pg_net') };
}

export default async function createCronService(deps: ServiceDeps): Promise<Service[]> {
  const { db, log } = deps;
  const clock = new StackClock();
  const ours = await standIns(deps);
  const scheduler = ours.cron ? new Scheduler(db.pool, db.url, clock, log) : null;
  const net = ours.net ? new NetWorker(db.pool, db.url, log) : null;
  await scheduler?.start();
  await net?.start();
  if (!ours.cron || !ours.net) log(`cron: real extensions in use (pg_cron: ${!ours.cron}, pg_net: ${!ours.net}); their workers run them`);
  return [
    {
      name: 'cron',
      async close() {
        await scheduler?.stop();
        await net?.stop();
      },
    },
    { name: 'atrium-control', prefix: '/_atrium', handle: controlHandler({ pool: db.pool, clock, scheduler }) },
  ];
}
