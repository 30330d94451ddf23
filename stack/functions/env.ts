// The environment a function sees: what the edge runtime injects, then the project's secrets.
// Nothing of the host's environment leaks in (upstream strips HOME, PATH, PWD, HOSTNAME).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../keys.ts';

export interface RuntimeEnvInput {
  apiUrl: string;
  dbUrl: string;
  secrets: Record<string, string>;
  /** Where Deno caches npm packages; shared across runs so only the first run downloads. */
  denoDir?: string;
}

export function functionEnv(input: RuntimeEnvInput): Record<string, string> {
  return {
    ...input.secrets,
    SUPABASE_URL: input.apiUrl,
    SUPABASE_ANON_KEY: ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
    SUPABASE_DB_URL: input.dbUrl,
    SUPABASE_PUBLISHABLE_KEYS: JSON.stringify({ default: PUBLISHABLE_KEY }),
    SUPABASE_SECRET_KEYS: JSON.stringify({ default: SECRET_KEY }),
    DENO_DIR: input.denoDir ?? process.env.DENO_DIR ?? join(homedir(), '.cache', 'deno'),
    NO_COLOR: '1',
  };
}
