// Chromium for end-to-end tests: Debian's build driven by playwright-core, with a screenshot helper.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-artifacts/screenshots');

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Chromium found. Install Debian\'s package (`apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary.');
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export function appUrl(path = '/'): string {
  return new URL(path, inject('appUrl')).toString();
}

/** Opens a fresh page (its own storage) at `path` of the app under test. */
export async function openPage(browser: Browser, path = '/', options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  await page.goto(appUrl(path));
  return page;
}

/** Saves a full-page screenshot as a test artifact (test-artifacts/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
