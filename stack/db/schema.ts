// Brings a database to the state `supabase start` leaves it in: the base schema hosted Supabase
// has, then the project's migrations applied by the real Supabase CLI, then seed.sql.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import pg from 'pg';
import type { StackConfig } from '../config.ts';
import { SERVICE_ROLE_KEY } from '../keys.ts';

const BASE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'base');

/** Base-schema files, in order. Each service adds its own numbered file (e.g. 30-realtime.sql). */
export function baseSchemaFiles(): string[] {
  return readdirSync(BASE_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => join(BASE_DIR, f));
}

export async function applyBaseSchema(url: string, jwtSecret: string, jwtExpiry: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One lock so two stacks pointed at one database never interleave their set-up.
    await client.query('select pg_advisory_lock(5432100)');
    for (const file of baseSchemaFiles()) {
      try {
        await client.query('begin');
        await client.query(readFileSync(file, 'utf8'));
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new Error(`db: base schema ${file.split('/').pop()} failed: ${(err as Error).message}`, { cause: err });
      }
    }
    const db = (await client.query('select current_database() as name')).rows[0].name as string;
    await client.query(`alter database ${pg.escapeIdentifier(db)} set "app.settings.jwt_secret" to ${pg.escapeLiteral(jwtSecret)}`);
    await client.query(`alter database ${pg.escapeIdentifier(db)} set "app.settings.jwt_exp" to ${pg.escapeLiteral(String(jwtExpiry))}`);
  } finally {
    await client.query('select pg_advisory_unlock(5432100)').catch(() => {});
    await client.end();
  }
}

function supabaseBin(repoRoot: string): string {
  const bin = join(repoRoot, 'node_modules', '.bin', 'supabase');
  if (!existsSync(bin)) throw new Error('db: the Supabase CLI is missing; run `npm install` (it is a dev dependency).');
  return bin;
}

/** Runs the real Supabase CLI in the repository and returns its output; rejects with it on failure. */
export function runSupabaseCli(config: StackConfig, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(supabaseBin(config.repoRoot), args, {
      cwd: config.repoRoot,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', NO_COLOR: '1', ...extraEnv },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`supabase ${args[0]} ${args[1] ?? ''} failed (exit ${code}):\n${err || out}`));
    });
  });
}

export function cliDbUrl(url: string): string {
  return url.includes('sslmode=') ? url : `${url}${url.includes('?') ? '&' : '?'}sslmode=disable`;
}

/** Applies pending migrations (and optionally seed.sql) with `supabase db push`. */
export async function pushMigrations(config: StackConfig, url: string, withSeed: boolean): Promise<string> {
  const args = ['db', 'push', '--db-url', cliDbUrl(url), '--yes', '--include-all'];
  if (withSeed) args.push('--include-seed');
  // The [db.vault] secrets in config.toml: where the database reaches this stack's functions.
  return runSupabaseCli(config, args, {
    SUPABASE_PROJECT_URL: process.env.SUPABASE_PROJECT_URL ?? config.apiUrl,
    SUPABASE_SERVICE_ROLE_KEY_SECRET: process.env.SUPABASE_SERVICE_ROLE_KEY_SECRET ?? SERVICE_ROLE_KEY,
  });
}

export async function generateTypes(config: StackConfig, url: string): Promise<string> {
  return runSupabaseCli(config, ['gen', 'types', 'typescript', '--db-url', cliDbUrl(url), '--schema', 'public']);
}
