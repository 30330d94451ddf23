// npm run bench [-- <scenario> ...]: starts a throw-away stack, runs the scenarios in bench/scenarios,
// writes bench/results/latest.json and the summary table in bench/README.md.
import { readdirSync, writeFileSync, readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { startTestStack } from '../scripts/test-stack.ts';
import { passes, type BenchResult, type Scenario } from './types.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SCENARIOS = join(ROOT, 'bench/scenarios');

async function loadScenarios(names: string[]): Promise<Scenario[]> {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'));
  const all: Scenario[] = [];
  for (const file of files.sort()) all.push((await import(pathToFileURL(join(SCENARIOS, file)).href)).default as Scenario);
  // Generated data goes in before anything is measured.
  all.sort((a, b) => Number(b.name === 'generate') - Number(a.name === 'generate'));
  if (!names.length) return all;
  const unknown = names.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length) throw new Error(`bench: unknown scenario ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
  return all.filter((s) => names.includes(s.name));
}

function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

function summaryTable(results: Array<BenchResult & { scenario: string }>): string {
  const rows = results.map((r) => {
    const verdict = passes(r);
    const target = r.target ? `${r.target.op} ${fmt(r.target.value)} ${r.unit}` : '—';
    const details = r.details ? Object.entries(r.details).map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v) : v}`).join(', ') : '';
    return `| ${r.scenario} | ${r.label} | ${fmt(r.value)} ${r.unit} | ${target} | ${verdict === null ? 'reported' : verdict ? 'pass' : 'falls short'} | ${details} |`;
  });
  return ['| scenario | figure | measured | target | result | details |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function writeReadme(results: Array<BenchResult & { scenario: string }>, when: string, scenarios: string[]): void {
  const file = join(ROOT, 'bench/README.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const begin = '<!-- results:begin -->';
  const end = '<!-- results:end -->';
  const block = `${begin}\nLatest run: ${when} on ${machine()}; scenarios: ${scenarios.join(', ')}.\n\n${summaryTable(results)}\n${end}`;
  const next = text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const scenarios = await loadScenarios(names);
  const started = Date.now();
  console.log('bench: starting a throw-away stack');
  const stack = await startTestStack({ apiPort: 55521, dbPort: 55522, logFile: join(ROOT, 'bench/results/stack.log') });
  const results: Array<BenchResult & { scenario: string }> = [];
  try {
    for (const scenario of scenarios) {
      console.log(`\nbench: ${scenario.name} — ${scenario.description}`);
      const t0 = Date.now();
      const out = await scenario.run({ ...stack, log: (line) => console.log(`  ${line}`) });
      for (const r of out) {
        results.push({ scenario: scenario.name, ...r });
        const verdict = passes(r);
        console.log(`  ${r.label}: ${fmt(r.value)} ${r.unit}${r.target ? ` (target ${r.target.op} ${r.target.value}: ${verdict ? 'pass' : 'falls short'})` : ''}`);
      }
      console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await stack.stop();
  }
  const when = new Date().toISOString();
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const latestFile = join(ROOT, 'bench/results/latest.json');
  // A partial run (named scenarios) keeps the other scenarios' latest figures.
  const previous = names.length && existsSync(latestFile) ? (JSON.parse(readFileSync(latestFile, 'utf8')).results as typeof results) : [];
  const merged = [...previous.filter((r) => !scenarios.some((s) => s.name === r.scenario)), ...results];
  writeFileSync(latestFile, JSON.stringify({ date: when, machine: machine(), seconds: (Date.now() - started) / 1000, results: merged }, null, 2) + '\n');
  writeReadme(merged, when, [...new Set(merged.map((r) => r.scenario))]);
  console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(0)} s; wrote bench/results/latest.json and bench/README.md`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
