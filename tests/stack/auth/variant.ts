// A second auth service, in this process, over the test stack's database but with other
// config.toml settings: the shared stack runs with the repo's config, so settings it does not use
// (confirmations off, anonymous sign-ins, tiny rate limits, sign-ups off) are tested here.
import { createServer } from 'node:net';
import type { Server } from 'node:http';
import { loadConfig, type SupabaseToml } from '../../../stack/config.ts';
import { Database } from '../../../stack/db/database.ts';
import { startGateway } from '../../../stack/gateway/server.ts';
import createAuth from '../../../stack/auth/index.ts';
import { stackEnv } from '../../helpers/env.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function merge(base: SupabaseToml, patch: SupabaseToml): SupabaseToml {
  const out: SupabaseToml = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) ? merge((base[k] ?? {}) as SupabaseToml, v as SupabaseToml) : v;
  }
  return out;
}

export interface Variant {
  url: string;
  lines: string[];
  stop(): Promise<void>;
}

export async function startVariant(authPatch: SupabaseToml): Promise<Variant> {
  const port = await freePort();
  const base = loadConfig();
  const config = { ...base, apiPort: port, apiUrl: `http://127.0.0.1:${port}`, toml: merge(base.toml, { auth: authPatch }) };
  const db = new Database(stackEnv.dbUrl, 5);
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const server: Server = await startGateway({ host: '127.0.0.1', port, jwtSecret: config.jwtSecret, services: [createAuth({ config, db, log })], log });
  return {
    url: config.apiUrl,
    lines,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await db.close();
    },
  };
}
