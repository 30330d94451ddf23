// The stack's own control routes for the CLI (`npm run stack -- cron run <job>` and `clock <time>`),
// under /_atrium on the gateway, for the service_role key only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { RequestContext } from '../gateway/context.ts';
import type { StackClock } from './clock.ts';
import type { CronJob } from './runner.ts';
import type { Scheduler } from './scheduler.ts';

const MAX_BODY = 64 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const value: unknown = text ? JSON.parse(text) : {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('body must be a JSON object');
  return value as Record<string, unknown>;
}

/** A job by id (digits) or by name; a name shared by several users' jobs is ambiguous. */
export async function findJob(pool: pg.Pool, ref: string): Promise<CronJob[]> {
  const byId = /^\d+$/.test(ref);
  const { rows } = await pool.query<CronJob>(
    `select jobid, schedule, command, database, username, active, jobname from cron.job
     where ${byId ? 'jobid = $1::bigint' : 'jobname = $1'} order by jobid`,
    [ref],
  );
  return rows;
}

export interface ControlDeps {
  pool: pg.Pool;
  clock: StackClock;
  scheduler: Scheduler | null;
}

async function runCommand(deps: ControlDeps, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
  if (typeof body.job !== 'string' || !body.job.trim()) return send(res, 400, { message: 'expected {"job": "<job name or id>"}' });
  if (!deps.scheduler) return send(res, 409, { message: 'pg_cron here is the real extension; the stack does not run its jobs' });
  const jobs = await findJob(deps.pool, body.job.trim()).catch(() => []);
  if (jobs.length === 0) return send(res, 404, { message: `could not find valid entry for job '${body.job}'` });
  if (jobs.length > 1) return send(res, 409, { message: `several users have a job named '${body.job}'; use its jobid` });
  const result = await deps.scheduler.launch(jobs[0]!);
  send(res, 200, { jobid: jobs[0]!.jobid, jobname: jobs[0]!.jobname, ...result });
}

function clockCommand(deps: ControlDeps, body: Record<string, unknown>, res: ServerResponse): void {
  if (typeof body.time !== 'string') return send(res, 400, { message: 'expected {"time": "<ISO time | +1h | -30m | reset>"}' });
  try {
    deps.clock.set(body.time);
  } catch (err) {
    return send(res, 400, { message: (err as Error).message });
  }
  void deps.scheduler?.tick();
  send(res, 200, { now: deps.clock.now().toISOString(), offset_ms: deps.clock.offset });
}

export function controlHandler(deps: ControlDeps) {
  return async (req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> => {
    if (ctx.jwtProblem || ctx.role !== 'service_role') return send(res, 401, { message: 'the service_role key is required' });
    const route = `${ctx.method} ${ctx.path}`;
    if (route === 'GET /clock') return send(res, 200, { now: deps.clock.now().toISOString(), offset_ms: deps.clock.offset });
    if (route !== 'POST /cron/run' && route !== 'POST /clock') return send(res, 404, { message: `no route ${route}` });
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch (err) {
      return send(res, 400, { message: `invalid JSON body: ${(err as Error).message}` });
    }
    if (route === 'POST /clock') return clockCommand(deps, body, res);
    return runCommand(deps, body, res);
  };
}
