// npm test: lint, typecheck, unit tests, then a throw-away stack for the integration and end-to-end
// tests (stopped afterwards, also on failure or Ctrl-C). Ends with one "N passed, N failed" line.
//   npm test                     everything
//   npm test -- unit|integration|e2e [vitest filters...]   one part
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestStack, type TestStack } from './test-stack.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const [part = 'all', ...filters] = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let stack: TestStack | null = null;
const children = new Set<ReturnType<typeof spawn>>();

function run(title: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  console.log(`\n▶ ${title}`);
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

async function vitest(project: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const report = join(ARTIFACTS, `vitest-${project.replace(/\W/g, '')}.json`);
  rmSync(report, { force: true });
  const code = await run(`vitest ${project}`, bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filters], env);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    totals.failed += r.numFailedTests ?? 0;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    if (code !== 0 && !r.numFailedTests) totals.failed += 1; // e.g. a suite failed to load
  } else if (code !== 0) totals.failed += 1;
  return code;
}

async function withStack(): Promise<TestStack> {
  if (!stack) {
    console.log('\n▶ starting a throw-away stack for tests');
    stack = await startTestStack({ logFile: join(ARTIFACTS, 'stack.log') });
    console.log(`  stack on ${stack.apiUrl} (log: ${stack.logFile})`);
  }
  return stack;
}

function stackEnv(s: TestStack): NodeJS.ProcessEnv {
  return {
    ATRIUM_TEST_API_URL: s.apiUrl,
    ATRIUM_TEST_DB_URL: s.dbUrl,
    ATRIUM_TEST_ANON_KEY: s.anonKey,
    ATRIUM_TEST_SERVICE_ROLE_KEY: s.serviceRoleKey,
    ATRIUM_TEST_DATA_DIR: s.dataDir,
  };
}

async function main(): Promise<number> {
  mkdirSync(ARTIFACTS, { recursive: true });
  let failures = 0;
  const step = (code: number, name: string) => {
    if (code !== 0) {
      failures++;
      console.log(`✗ ${name} failed`);
    }
  };
  if (part === 'all' || part === 'lint') {
    const code = await run('lint', bin('eslint'), ['.', '--max-warnings=0']);
    step(code, 'lint');
    if (code === 0) totals.passed++;
    else totals.failed++;
  }
  if (part === 'all' || part === 'typecheck') {
    const code = await run('typecheck', bin('tsc'), ['-b']);
    step(code, 'typecheck');
    if (code === 0) totals.passed++;
    else totals.failed++;
  }
  if (part === 'all' || part === 'unit') step(await vitest('unit-*'), 'unit tests');
  if (part === 'all' || part === 'functions') {
    const code = await run('edge functions (deno check + deno test)', bin('tsx'), ['scripts/test-functions.ts']);
    step(code, 'edge functions');
    if (code === 0) totals.passed++;
    else totals.failed++;
  }
  if (part === 'all' || part === 'integration') step(await vitest('integration', stackEnv(await withStack())), 'integration tests');
  if (part === 'all' || part === 'e2e') step(await vitest('e2e', stackEnv(await withStack())), 'end-to-end tests');
  return failures;
}

async function cleanup(): Promise<void> {
  for (const child of children) child.kill('SIGTERM');
  if (stack) await stack.stop();
  stack = null;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping the test stack`);
    void cleanup().then(() => process.exit(130));
  });
}

main()
  .then(async (failures) => {
    await cleanup();
    console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
    process.exit(failures ? 1 : 0);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? err.message : err);
    await cleanup();
    console.log(`\n${totals.passed} passed, ${totals.failed + 1} failed`);
    process.exit(1);
  });
