// Start-up (issue 4): from a warm install, time from `npm run stack -- start`'s process launch until
// the API answers — once on a fresh data directory (initdb, migrations, seed) and once restarting on
// existing data, the everyday case.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BenchResult, Scenario } from '../types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function stackCommand(dataDir: string, command: string): number {
  const env = { ...process.env, ATRIUM_DATA_DIR: dataDir, ATRIUM_API_PORT: '55531', ATRIUM_DB_PORT: '55532', DATABASE_URL: '' };
  const t0 = performance.now();
  const result = spawnSync(TSX, [join(ROOT, 'stack/cli.ts'), command], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`stack ${command} failed: ${result.stderr || result.stdout}`);
  return (performance.now() - t0) / 1000;
}

const scenario: Scenario = {
  name: 'startup',
  description: 'time until a started stack answers: fresh data directory, and restart on existing data',
  async run({ log }) {
    const dataDir = mkdtempSync(join(tmpdir(), 'atrium-startup-'));
    try {
      const fresh = stackCommand(dataDir, 'start');
      stackCommand(dataDir, 'stop');
      const warm = stackCommand(dataDir, 'start');
      stackCommand(dataDir, 'stop');
      log(`fresh ${fresh.toFixed(1)} s, restart ${warm.toFixed(1)} s`);
      const target = { op: '<=' as const, value: 10, source: 'issue 4: answering within 10 s from a warm install' };
      const results: BenchResult[] = [
        { metric: 'stack.start.fresh_s', label: 'stack start, fresh data (initdb, migrations, seed)', value: Math.round(fresh * 10) / 10, unit: 's', target },
        { metric: 'stack.start.restart_s', label: 'stack start, existing data', value: Math.round(warm * 10) / 10, unit: 's', target },
      ];
      return results;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default scenario;
