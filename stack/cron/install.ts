// Makes `create extension pg_cron / pg_net / supabase_vault` work before the project's migrations:
// where the server lacks the real extensions, the SQL stand-ins in ./extensions are copied into the
// server's extension directory (SHAREDIR/extension, as `make install` would); where it has them,
// nothing is installed and the real ones are used. Then creates supabase_vault, as hosted has it.
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { BeforeMigrationsHook } from '../services.ts';

const SHIM_DIR = fileURLToPath(new URL('./extensions/', import.meta.url));
export const SHIM_MARK = 'Atrium local stand-in';
export const EXTENSIONS = ['pg_cron', 'pg_net', 'supabase_vault'] as const;

/** Whether a control file on the server is one of ours (so it may be refreshed) or the real thing. */
export function isShimControl(text: string): boolean {
  return text.includes(SHIM_MARK);
}

async function extensionDir(client: pg.Client): Promise<string | null> {
  try {
    const { rows } = await client.query(`select setting from pg_catalog.pg_config where name = 'SHAREDIR'`);
    return rows[0] ? join(rows[0].setting as string, 'extension') : null;
  } catch {
    return null; // pg_config is superuser-only; a managed server keeps what it has
  }
}

/** Copies our control/script files for `name` unless the server holds the real extension. */
function installShim(dir: string, name: string): 'installed' | 'real' {
  const control = join(dir, `${name}.control`);
  if (existsSync(control) && !isShimControl(readFileSync(control, 'utf8'))) return 'real';
  for (const file of readdirSync(SHIM_DIR).filter((f) => f === `${name}.control` || f.startsWith(`${name}--`))) {
    const target = join(dir, file);
    // Several stacks may share this directory: rewrite only what changed, never under a running one.
    if (existsSync(target) && readFileSync(target).equals(readFileSync(join(SHIM_DIR, file)))) continue;
    copyFileSync(join(SHIM_DIR, file), target);
  }
  return 'installed';
}

export const beforeMigrations: BeforeMigrationsHook = async ({ dbUrl, log }) => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const dir = await extensionDir(client);
    if (dir && existsSync(dir)) {
      const outcome = EXTENSIONS.map((name) => `${name}: ${installShim(dir, name) === 'real' ? 'real' : 'stand-in'}`);
      log(`cron: extensions ${outcome.join(', ')}`);
    } else {
      log('cron: cannot reach the server\'s extension directory; using the extensions it provides');
    }
    const { rows } = await client.query(`select 1 from pg_catalog.pg_available_extensions where name = 'supabase_vault'`);
    if (rows.length) await client.query('create extension if not exists supabase_vault with schema vault');
  } finally {
    await client.end();
  }
};
