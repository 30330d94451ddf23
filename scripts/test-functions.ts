// Type-checks and tests the edge functions with the real Deno (npm `deno`), as Supabase deploys them:
// `deno check` on every supabase/functions/<name>/index.ts (and the shared code), then `deno test`
// on supabase/functions/**/*.test.ts. Exits non-zero when either fails.
//   npx tsx scripts/test-functions.ts
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FUNCTIONS = join(ROOT, 'supabase', 'functions');
const DENO = process.env.ATRIUM_DENO_BIN ?? join(ROOT, 'node_modules', '.bin', 'deno');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** What `deno check` gets: each function's entry point and every non-test module in `_shared`. */
export function checkTargets(files: string[], functionsDir = FUNCTIONS): string[] {
  return files.filter((f) => {
    const rel = relative(functionsDir, f).split(/[\\/]/);
    if (rel.length === 2 && rel[1] === 'index.ts' && /^[A-Za-z][A-Za-z0-9_-]*$/.test(rel[0]!)) return true;
    return rel[0] === '_shared' && f.endsWith('.ts') && !f.endsWith('.test.ts');
  });
}

function deno(args: string[]): number {
  const rel = args.map((a) => (a.startsWith(ROOT) ? relative(ROOT, a) : a));
  console.log(`$ deno ${rel.join(' ')}`);
  const result = spawnSync(DENO, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw new Error(`cannot run deno (${DENO}): ${result.error.message}`);
  return result.status ?? 1;
}

/** A function's own deno.json / deno.jsonc, which `deno check` must use for that entry point. */
function ownConfig(entry: string): string | null {
  const dir = resolve(entry, '..');
  for (const name of ['deno.json', 'deno.jsonc']) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

function main(): number {
  const files = walk(FUNCTIONS);
  const targets = checkTargets(files);
  const tests = files.filter((f) => f.endsWith('.test.ts'));
  const importMap = join(FUNCTIONS, 'import_map.json');
  const plain = ['--no-config', ...(existsSync(importMap) ? [`--import-map=${importMap}`] : [])];
  let failed = 0;
  const configured = targets.filter((t) => ownConfig(t));
  const rest = targets.filter((t) => !ownConfig(t));
  if (rest.length) failed += deno(['check', '--quiet', ...plain, ...rest]) === 0 ? 0 : 1;
  for (const entry of configured) failed += deno(['check', '--quiet', `--config=${ownConfig(entry)}`, entry]) === 0 ? 0 : 1;
  if (!targets.length) console.log('no edge functions to check');
  if (tests.length) failed += deno(['test', '--quiet', ...plain, '--allow-env', '--allow-net', '--allow-read', ...tests]) === 0 ? 0 : 1;
  else console.log('no edge function tests');
  console.log(failed ? '✗ edge functions: check or tests failed' : `✓ edge functions: ${targets.length} checked, ${tests.length} test file(s) passed`);
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main() ? 1 : 0);
