// Starts a throw-away stack for tests: its own ports and a temporary data directory, so it never
// touches the developer's data. Used by scripts/test.ts and bench/.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, createWriteStream, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface TestStack {
  apiUrl: string;
  dbUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');

export async function startTestStack(options: { apiPort?: number; dbPort?: number; logFile?: string } = {}): Promise<TestStack> {
  const apiPort = options.apiPort ?? Number(process.env.ATRIUM_TEST_API_PORT ?? 55321);
  const dbPort = options.dbPort ?? Number(process.env.ATRIUM_TEST_DB_PORT ?? 55322);
  const dataDir = mkdtempSync(join(tmpdir(), 'atrium-test-'));
  const logFile = options.logFile ?? join(ROOT, 'test-artifacts', 'stack.log');
  mkdirSync(resolve(logFile, '..'), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'w' });
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'stack/cli.ts'), 'run'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ATRIUM_API_PORT: String(apiPort),
      ATRIUM_DB_PORT: String(dbPort),
      ATRIUM_DATA_DIR: dataDir,
      ATRIUM_DB_FAST: '1',
      ATRIUM_QUIET: '1',
      DATABASE_URL: '',
      // Test-only fixtures: a schema the REST conformance suite owns, and edge functions for the
      // functions suite, so neither ever lands in the app's public schema or supabase/functions.
      ATRIUM_API_EXTRA_SCHEMAS: 'fixtures',
      ATRIUM_EXTRA_FUNCTIONS_DIR: join(ROOT, 'tests/fixtures/functions'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exitCode: number | null = null;
  child.on('exit', (code) => (exitCode = code ?? 1));

  const stop = async () => {
    if (exitCode === null) {
      child.kill('SIGTERM');
      await new Promise<void>((r) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); r(); }, 20_000);
        child.once('exit', () => { clearTimeout(timer); r(); });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const statusPath = join(dataDir, 'stack.json');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exitCode !== null) {
      await stop();
      throw new Error(`test stack exited with ${exitCode}; log:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    if (existsSync(statusPath)) {
      const status = JSON.parse(readFileSync(statusPath, 'utf8'));
      return {
        apiUrl: status.api_url,
        dbUrl: status.db_url,
        anonKey: status.anon_key,
        serviceRoleKey: status.service_role_key,
        dataDir,
        logFile,
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`test stack did not start within 120 s; see ${logFile}`);
}
