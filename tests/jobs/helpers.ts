// Shared by the daily-job suites: the stack's control routes (move the scheduler's clock, run a job
// by name), waiting for a job's run, and a throw-away organization to hold each suite's data.
// The stack clock decides only WHEN jobs are due; now() inside a job stays real, so suites backdate
// their data rather than move time forward.
import { randomUUID } from 'node:crypto';
import { serviceClient, stackEnv, withDb } from '../helpers/env.ts';

export function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (db) => (await db.query(text, params)).rows as T[]);
}

async function control<T>(path: string, body: Record<string, string>): Promise<T> {
  const res = await fetch(`${stackEnv.apiUrl}/_atrium/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: stackEnv.serviceRoleKey, Authorization: `Bearer ${stackEnv.serviceRoleKey}` },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(`/_atrium/${path}: ${answer.message ?? res.status}`);
  return answer;
}

export const resetClock = () => control('clock', { time: 'reset' });

/** Runs a cron job now, by name, as `npm run stack -- cron run <job>` does. */
export function runJob(job: string): Promise<{ status: string; return_message: string | null }> {
  return control('cron/run', { job });
}

/** The next time of day `hh:mm` UTC, at least a minute away. */
export function nextUtc(hour: number, minute: number, from = Date.now()): Date {
  const at = new Date(from);
  at.setUTCHours(hour, minute, 0, 0);
  while (at.getTime() < from + 60_000) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface JobRun {
  runid: string;
  status: string;
  return_message: string | null;
}

/** Finished runs of a job that started at or after `since` (real time). */
export function runsSince(job: string, since: Date): Promise<JobRun[]> {
  return sql<JobRun>(
    `select d.runid::text, d.status, d.return_message from cron.job_run_details d join cron.job j using (jobid)
     where j.jobname = $1 and d.start_time >= $2 and d.end_time is not null order by d.runid`,
    [job, since],
  );
}

/**
 * Moves the scheduler's clock to two seconds before the job's next daily time and waits until the
 * scheduler itself has run it: the job fires because it is due, not because a test asked.
 */
export async function letScheduleRun(job: string, hour: number, minute: number): Promise<JobRun> {
  const since = new Date(Date.now() - 1000);
  const [{ now }] = await sql<{ now: Date }>('select now()');
  const due = nextUtc(hour, minute, now!.getTime());
  await control('clock', { time: new Date(due.getTime() - 2000).toISOString() });
  return waitFor(`the scheduler to run ${job}`, async () => (await runsSince(job, since))[0]);
}

export interface Fixture {
  organizationId: string;
  userId: string;
  email: string;
  password: string;
}

/** A fresh organization with one manager who can sign in; the suite's rows never touch demo data. */
export async function createOrganization(label: string, options: { staleLeadDays?: number } = {}): Promise<Fixture> {
  const run = randomUUID().slice(0, 8);
  const email = `jobs-${label}-${run}@jobs.test`;
  const password = `pw-${randomUUID()}`;
  const { data, error } = await serviceClient().auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { display_name: `Jobs ${label}` } });
  if (error) throw error;
  const [org] = await sql<{ id: string }>(
    `insert into public.organizations (name, slug, stale_lead_days) values ($1, $2, $3) returning id`,
    [`Jobs ${label} ${run}`, `jobs-${label}-${run}`, options.staleLeadDays ?? 14],
  );
  await sql(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'manager')`, [org!.id, data.user.id]);
  return { organizationId: org!.id, userId: data.user.id, email, password };
}

/** A client and a project of it in the fixture's organization. */
export async function createProject(fx: Fixture, values: Record<string, unknown> = {}): Promise<{ clientId: string; projectId: string }> {
  const [client] = await sql<{ id: string }>(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [
    fx.organizationId,
    `Client ${randomUUID().slice(0, 6)}`,
  ]);
  const row: Record<string, unknown> = { organization_id: fx.organizationId, client_id: client!.id, name: `Project ${randomUUID().slice(0, 6)}`, status: 'active', ...values };
  const columns = Object.keys(row);
  const params = Object.values(row);
  const [project] = await sql<{ id: string }>(
    `insert into public.projects (${columns.join(', ')}) values (${params.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    params,
  );
  return { clientId: client!.id, projectId: project!.id };
}
