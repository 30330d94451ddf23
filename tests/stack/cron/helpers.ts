// Shared by the cron suites: the real CLI against the test stack, and waiting for the database.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { stackEnv, withDb } from '../../helpers/env.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** `npm run stack -- <args>` against the running test stack (found through its data directory). */
export async function stackCli(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'stack/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ATRIUM_DATA_DIR: stackEnv.dataDir },
  });
  return stdout.trim();
}

export function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (db) => (await db.query(text, params)).rows as T[]);
}

/** Polls `probe` until it returns something truthy or the time is up. */
export async function waitFor<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function ensureExtensions(): Promise<void> {
  await sql('create extension if not exists pg_cron with schema pg_catalog');
  await sql('create extension if not exists pg_net with schema extensions');
  await sql('create extension if not exists supabase_vault with schema vault');
}
