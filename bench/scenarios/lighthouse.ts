// Lighthouse (desktop preset, performance, median of 3) for the sign-in page and the dashboard,
// served as a production build against the bench stack with its demo data. The dashboard is measured
// signed in: Chromium signs the demo owner in first and Lighthouse runs in that browser, keeping storage.
import { build, preview, type PreviewServer } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import lighthouse, { desktopConfig } from 'lighthouse';
import { percentile, type BenchResult, type Scenario } from '../types.ts';
import { chromePath } from '../../tests/e2e/helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PREVIEW_PORT = 4175;
const DEBUG_PORT = 9333;
const RUNS = 3;

const PAGES = [
  { path: '/sign-in', name: 'sign-in', target: null },
  { path: '/', name: 'dashboard', target: { op: '>=' as const, value: 95, source: 'issue 9: dashboard Lighthouse performance ≥ 95 (desktop)' } },
];

async function signIn(context: BrowserContext, appUrl: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${appUrl}/sign-in`);
  await page.getByLabel('Email').fill('owner@northwind.test');
  await page.getByLabel('Password').fill('atrium-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('people in this organization').waitFor({ timeout: 30_000 });
  await page.close();
}

const scenario: Scenario = {
  name: 'lighthouse',
  description: 'Lighthouse performance (desktop, median of 3): sign-in and the signed-in dashboard',
  async run({ apiUrl, anonKey, log }) {
    const outDir = mkdtempSync(join(tmpdir(), 'atrium-lh-'));
    const profile = mkdtempSync(join(tmpdir(), 'atrium-lh-profile-'));
    let server: PreviewServer | null = null;
    let context: BrowserContext | null = null;
    try {
      process.env.VITE_SUPABASE_URL = apiUrl;
      process.env.VITE_SUPABASE_ANON_KEY = anonKey;
      await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
      server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { port: PREVIEW_PORT, host: '127.0.0.1', strictPort: true } });
      const appUrl = `http://127.0.0.1:${PREVIEW_PORT}`;
      context = await chromium.launchPersistentContext(profile, {
        executablePath: chromePath(),
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--remote-debugging-port=${DEBUG_PORT}`],
      });
      await signIn(context, appUrl);
      const results: BenchResult[] = [];
      for (const p of PAGES) {
        const scores: number[] = [];
        const lcp: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const result = await lighthouse(`${appUrl}${p.path}`, { port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true }, desktopConfig);
          if (!result) throw new Error(`lighthouse: no result for ${p.path}`);
          scores.push(Math.round((result.lhr.categories.performance?.score ?? 0) * 100));
          lcp.push(result.lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
        }
        log(`${p.name}: scores ${scores.join(', ')}`);
        results.push({
          metric: `lighthouse.${p.name}.performance`,
          label: `Lighthouse performance, ${p.name} (desktop, median of ${RUNS})`,
          value: percentile(scores, 0.5),
          unit: 'score',
          ...(p.target ? { target: p.target } : {}),
          details: { lcp_ms: Math.round(percentile(lcp, 0.5)), min: Math.min(...scores), max: Math.max(...scores) },
        });
      }
      return results;
    } finally {
      await context?.close();
      await server?.close();
      rmSync(outDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  },
};

export default scenario;
