// Runs one cron job as pg_cron does: a new session in the job's database as the job's username,
// the command as one simple query, and a cron.job_run_details row from `starting` to
// `succeeded` (with the last statement's command tag) or `failed` (with the error message).
import pg from 'pg';

export interface CronJob {
  jobid: string;
  schedule: string;
  command: string;
  database: string;
  username: string;
  active: boolean;
  jobname: string | null;
}

export interface RunResult {
  runid: string;
  status: 'succeeded' | 'failed';
  return_message: string;
}

/** The URL of `database` on the server `baseUrl` points at. */
export function databaseUrl(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** node-pg reports only the tag's first word for DDL; the protocol message has it whole. */
function trackCommandTags(client: pg.Client): () => string | null {
  let last: string | null = null;
  const connection = (client as unknown as { connection: { on(event: string, fn: (msg: { text: string }) => void): void } }).connection;
  connection.on('commandComplete', (msg) => (last = msg.text));
  return () => last;
}

async function execute(url: string, job: CronJob): Promise<{ pid: number | null; tag: string }> {
  const client = new pg.Client({ connectionString: url, application_name: 'pg_cron' });
  await client.connect();
  try {
    const lastTag = trackCommandTags(client);
    const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    await client.query(`set session authorization ${pg.escapeIdentifier(job.username)}`);
    await client.query(job.command);
    return { pid, tag: lastTag() ?? '' };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function runJob(pool: pg.Pool, serverUrl: string, job: CronJob): Promise<RunResult> {
  const { rows } = await pool.query(
    `insert into cron.job_run_details (jobid, database, username, command, status, start_time)
     values ($1, $2, $3, $4, 'starting', now()) returning runid`,
    [job.jobid, job.database, job.username, job.command],
  );
  const runid = rows[0].runid as string;
  let result: RunResult;
  try {
    await pool.query(`update cron.job_run_details set status = 'running' where runid = $1`, [runid]);
    const { pid, tag } = await execute(databaseUrl(serverUrl, job.database), job);
    await pool.query(`update cron.job_run_details set job_pid = $2 where runid = $1`, [runid, pid]);
    result = { runid, status: 'succeeded', return_message: tag };
  } catch (err) {
    result = { runid, status: 'failed', return_message: (err as Error).message };
  }
  await pool.query(
    `update cron.job_run_details set status = $2, return_message = $3, end_time = now() where runid = $1`,
    [runid, result.status, result.return_message],
  );
  return result;
}
