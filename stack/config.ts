// Stack configuration: ports, data directory and the parts of supabase/config.toml the services read.
// Every value can be overridden by environment so tests run a second stack beside a developer's one.
import { readFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { JWT_SECRET } from './keys.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type SupabaseToml = Record<string, any>;

export interface StackConfig {
  repoRoot: string;
  supabaseDir: string;
  apiPort: number;
  dbPort: number;
  host: string;
  apiUrl: string;
  /** Directory holding db/, storage/, logs and the pid file. */
  dataDir: string;
  /** Set when the stack should use an existing Postgres instead of the embedded one. */
  externalDatabaseUrl: string | null;
  jwtSecret: string;
  toml: SupabaseToml;
}

/** Replaces `env(NAME)` values the way the Supabase CLI does. */
function substituteEnv(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = /^env\((\w+)\)$/.exec(value.trim());
    return m ? (process.env[m[1]!] ?? '') : value;
  }
  if (Array.isArray(value)) return value.map(substituteEnv);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteEnv(v)]));
  }
  return value;
}

export function readSupabaseToml(supabaseDir: string): SupabaseToml {
  const file = resolve(supabaseDir, 'config.toml');
  if (!existsSync(file)) return {};
  return substituteEnv(parse(readFileSync(file, 'utf8'))) as SupabaseToml;
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`stack: ${name} must be a port number, got "${raw}"`);
  return n;
}

export function loadConfig(overrides: Partial<StackConfig> = {}): StackConfig {
  const repoRoot = overrides.repoRoot ?? REPO_ROOT;
  const supabaseDir = overrides.supabaseDir ?? resolve(repoRoot, 'supabase');
  const toml = readSupabaseToml(supabaseDir);
  const apiPort = overrides.apiPort ?? intFromEnv('ATRIUM_API_PORT', toml.api?.port ?? 54321);
  const dbPort = overrides.dbPort ?? intFromEnv('ATRIUM_DB_PORT', toml.db?.port ?? 54322);
  const host = overrides.host ?? process.env.ATRIUM_HOST ?? '127.0.0.1';
  return {
    repoRoot,
    supabaseDir,
    apiPort,
    dbPort,
    host,
    apiUrl: `http://${host}:${apiPort}`,
    dataDir: overrides.dataDir ?? resolve(repoRoot, process.env.ATRIUM_DATA_DIR ?? '.atrium'),
    externalDatabaseUrl: overrides.externalDatabaseUrl ?? process.env.DATABASE_URL ?? null,
    jwtSecret: overrides.jwtSecret ?? toml.auth?.jwt_secret ?? JWT_SECRET,
    toml,
  };
}
