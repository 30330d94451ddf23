// pg_cron's launcher: every second, reads cron.job and starts the active jobs that came due since
// the last check on the stack's clock. One run per job at a time; a run that falls due while the
// previous one is still going waits for it, as pg_cron queues overlapping runs.
import type pg from 'pg';
import type { StackClock } from './clock.ts';
import { runJob, type CronJob, type RunResult } from './runner.ts';
import { isDue, parseSchedule, type Schedule } from './schedule.ts';

const TICK_MS = 1000;

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private lastCheck: Date;
  private readonly running = new Map<string, Promise<RunResult>>();
  private readonly queued = new Map<string, Promise<RunResult>>();
  private readonly parsed = new Map<string, Schedule | null>();
  private readonly warned = new Set<string>();
  private ticking = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly serverUrl: string,
    private readonly clock: StackClock,
    private readonly log: (line: string) => void,
  ) {
    this.lastCheck = clock.now();
  }

  async start(): Promise<void> {
    // Runs cut short by a previous stop, as pg_cron marks them on restart.
    await this.pool.query(
      `update cron.job_run_details set status = 'failed', return_message = 'server restarted', end_time = coalesce(end_time, now())
       where status in ('starting', 'running', 'connecting', 'sending')`,
    ).catch(() => {}); // no pg_cron yet: nothing to mark
    this.timer = setInterval(() => void this.tick(), TICK_MS);
  }

  /** Checks for due jobs now (also after the clock moved). */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.clock.now();
      const after = now < this.lastCheck ? now : this.lastCheck; // the clock went back: start over from now
      this.lastCheck = now;
      for (const job of await this.activeJobs()) {
        const schedule = this.scheduleOf(job);
        if (schedule && isDue(schedule, after, now)) this.launch(job).catch((err) => this.log(`cron: job ${job.jobid}: ${(err as Error).message}`));
      }
    } catch (err) {
      this.log(`cron: scheduler: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async activeJobs(): Promise<CronJob[]> {
    try {
      const jobs = await this.pool.query<CronJob>(`select jobid, schedule, command, database, username, active, jobname from cron.job where active`);
      return jobs.rows;
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') return []; // pg_cron not created (yet)
      throw err;
    }
  }

  private scheduleOf(job: CronJob): Schedule | null {
    if (!this.parsed.has(job.schedule)) this.parsed.set(job.schedule, parseSchedule(job.schedule));
    const schedule = this.parsed.get(job.schedule) ?? null;
    if (!schedule && !this.warned.has(job.schedule)) {
      this.warned.add(job.schedule);
      this.log(`cron: job ${job.jobid} has a schedule the scheduler cannot read: "${job.schedule}"`);
    }
    return schedule;
  }

  /** Starts a run now, or once the job's current run ends; resolves with this run's result. */
  launch(job: CronJob): Promise<RunResult> {
    const current = this.running.get(job.jobid);
    if (current) {
      const waiting = this.queued.get(job.jobid);
      if (waiting) return waiting;
      const next = current.catch(() => {}).then(() => {
        this.queued.delete(job.jobid);
        return this.launch(job);
      });
      this.queued.set(job.jobid, next);
      return next;
    }
    const run = runJob(this.pool, this.serverUrl, job)
      .then((result) => {
        this.log(`cron: job ${job.jobname ?? job.jobid} ${result.status}${result.return_message ? `: ${result.return_message}` : ''}`);
        return result;
      })
      .finally(() => this.running.delete(job.jobid));
    this.running.set(job.jobid, run);
    return run;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.running.values(), ...this.queued.values()]);
  }
}
