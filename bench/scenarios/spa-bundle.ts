// JavaScript each route downloads before it renders (gzip): the entry chunk, the route's lazy chunk and
// every chunk those import statically, read from Vite's build manifest.
import { build } from 'vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult, Scenario } from '../types.ts';

type Manifest = Record<string, { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; src?: string }>;

const ROOT = resolve(import.meta.dirname, '../..');

/** Budgets from the issues (gzip KB of JavaScript before the route renders). */
const BUDGETS: Record<string, { kb: number; source: string }> = {
  'sign-in': { kb: 150, source: 'issue 9: sign-in page JavaScript at most 150 KB gzip' },
};

export function routeClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return files;
}

export function routeName(src: string): string {
  return src.replace(/^src\/(features\/[^/]+\/routes|app\/routes)\//, '').replace(/\.tsx?$/, '');
}

const scenario: Scenario = {
  name: 'spa-bundle',
  description: 'JavaScript per route, gzip, from a production build',
  async run({ log }) {
    const outDir = mkdtempSync(join(tmpdir(), 'atrium-bundle-'));
    try {
      await build({ root: ROOT, logLevel: 'warn', build: { outDir, manifest: true, sourcemap: false } });
      const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
      const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
      const gz = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024;
      const results: BenchResult[] = [];
      const routes = Object.entries(manifest).filter(([k, c]) => c.isDynamicEntry && /\/routes\//.test(k));
      for (const [key] of routes) {
        const name = routeName(key);
        const kb = [...routeClosure(manifest, [entry, key])].reduce((sum, f) => sum + gz(f), 0);
        const budget = BUDGETS[name];
        results.push({
          metric: `spa.js_gzip.${name}`,
          label: `JS before /${name} renders (gzip)`,
          value: Math.round(kb * 10) / 10,
          unit: 'KB',
          ...(budget ? { target: { op: '<=', value: budget.kb, source: budget.source } } : {}),
        });
      }
      log(`${routes.length} routes measured`);
      return results;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

export default scenario;
