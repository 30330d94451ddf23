// Which functions exist and how each is served, as `supabase functions serve` decides it: every
// `<dir>/<slug>/index.ts` plus `[functions.<slug>]` from the config.toml beside the functions folder.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'smol-toml';
import type { SupabaseToml } from '../config.ts';

export const SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** One folder of functions and the config that governs it (supabase/ or a test fixture folder). */
export interface FunctionSource {
  /** The folder holding `<slug>/index.ts`. */
  functionsDir: string;
  /** The folder config paths (entrypoint, import_map, env_file) are relative to. */
  configDir: string;
  toml: SupabaseToml;
  /** KEY=value secrets from the source's env file and `[edge_runtime.secrets]`. */
  secrets: Record<string, string>;
}

export interface FunctionDef {
  name: string;
  /** Absolute path of the entry module. */
  entrypoint: string;
  verifyJwt: boolean;
  /** Absolute path of a deno.json / import map, or null (no config discovery, as the edge runtime). */
  denoConfig: { kind: 'config' | 'import-map'; path: string } | null;
  /** Wall-clock limit of one request, in milliseconds. */
  timeoutMs: number;
  source: FunctionSource;
}

/** Parses a dotenv file the way the Supabase CLI reads supabase/functions/.env. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    out[m[1]!] = value;
  }
  return out;
}

/** Secrets a function sees: the env file, then `[edge_runtime.secrets]`; `SUPABASE_*` names are reserved. */
export function collectSecrets(envFileText: string | null, tomlSecrets: Record<string, unknown> | undefined): Record<string, string> {
  const merged: Record<string, string> = { ...(envFileText ? parseDotenv(envFileText) : {}) };
  for (const [k, v] of Object.entries(tomlSecrets ?? {})) if (v !== undefined && v !== null) merged[k] = String(v);
  return Object.fromEntries(Object.entries(merged).filter(([k]) => !k.startsWith('SUPABASE_')));
}

export function loadSource(functionsDir: string, configDir: string, toml: SupabaseToml, envFile: string): FunctionSource {
  const envPath = isAbsolute(envFile) ? envFile : resolve(configDir, envFile);
  const text = existsSync(envPath) ? readFileSync(envPath, 'utf8') : null;
  return { functionsDir, configDir, toml, secrets: collectSecrets(text, toml.edge_runtime?.secrets) };
}

/** A folder with its own config.toml (the test fixtures); `env_file` there plays `--env-file`. */
export function loadExtraSource(dir: string): FunctionSource {
  const file = join(dir, 'config.toml');
  const toml = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as SupabaseToml) : {};
  return loadSource(dir, dir, toml, typeof toml.env_file === 'string' ? toml.env_file : '.env');
}

function denoConfigFor(fnDir: string, settings: Record<string, unknown>, source: FunctionSource): FunctionDef['denoConfig'] {
  if (typeof settings.import_map === 'string') return { kind: 'import-map', path: resolve(source.configDir, settings.import_map) };
  for (const name of ['deno.json', 'deno.jsonc']) if (existsSync(join(fnDir, name))) return { kind: 'config', path: join(fnDir, name) };
  for (const candidate of [join(fnDir, 'import_map.json'), join(source.functionsDir, 'import_map.json')]) {
    if (existsSync(candidate)) return { kind: 'import-map', path: candidate };
  }
  return null;
}

/** The function called `name` in one of the sources (first wins), or null when there is none. */
export function resolveFunction(name: string, sources: FunctionSource[], defaultTimeoutMs: number): FunctionDef | null {
  if (!SLUG.test(name)) return null;
  for (const source of sources) {
    const settings = (source.toml.functions?.[name] ?? {}) as Record<string, unknown>;
    if (settings.enabled === false) continue;
    const fnDir = join(source.functionsDir, name);
    const entrypoint =
      typeof settings.entrypoint === 'string' ? resolve(source.configDir, settings.entrypoint) : join(fnDir, 'index.ts');
    if (!existsSync(entrypoint)) continue;
    const timeoutSec = Number(settings.timeout_sec);
    return {
      name,
      entrypoint,
      verifyJwt: settings.verify_jwt !== false,
      denoConfig: denoConfigFor(dirname(entrypoint), settings, source),
      timeoutMs: Number.isFinite(timeoutSec) && timeoutSec > 0 ? timeoutSec * 1000 : defaultTimeoutMs,
      source,
    };
  }
  return null;
}
