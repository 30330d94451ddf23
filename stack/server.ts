// Runs the whole stack in this process: database, base schema, migrations, seed, services, gateway.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { StackConfig } from './config.ts';
import { startPostgres } from './db/postgres.ts';
import { applyBaseSchema, pushMigrations } from './db/schema.ts';
import { Database } from './db/database.ts';
import { startGateway } from './gateway/server.ts';
import { createServices, runBeforeMigrations } from './services.ts';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from './keys.ts';

export interface StackStatus {
  pid: number;
  api_url: string;
  db_url: string;
  rest_url: string;
  functions_url: string;
  mailbox_url: string;
  anon_key: string;
  service_role_key: string;
  publishable_key: string;
  secret_key: string;
  jwt_secret: string;
  data_dir: string;
  started_at: string;
}

export function statusFile(config: StackConfig): string {
  return join(config.dataDir, 'stack.json');
}

export function describe(config: StackConfig, dbUrl: string, pid = process.pid): StackStatus {
  return {
    pid,
    api_url: config.apiUrl,
    db_url: dbUrl,
    rest_url: `${config.apiUrl}/rest/v1`,
    functions_url: `${config.apiUrl}/functions/v1`,
    mailbox_url: `${config.apiUrl}/mailbox`,
    anon_key: ANON_KEY,
    service_role_key: SERVICE_ROLE_KEY,
    publishable_key: PUBLISHABLE_KEY,
    secret_key: SECRET_KEY,
    jwt_secret: config.jwtSecret,
    data_dir: config.dataDir,
    started_at: new Date().toISOString(),
  };
}

async function isSeeded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select to_regclass('supabase_migrations.seed_files') is not null as seeded`);
    return rows[0].seeded as boolean;
  } finally {
    await client.end();
  }
}

export interface RunningStack {
  status: StackStatus;
  stop(): Promise<void>;
}

export async function runStack(config: StackConfig, log: (line: string) => void): Promise<RunningStack> {
  const t0 = performance.now();
  mkdirSync(config.dataDir, { recursive: true });
  const postgres = await startPostgres(config, log);
  const cleanups: Array<() => Promise<unknown>> = [() => postgres.stop()];
  const stop = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((e) => log(`stop: ${(e as Error).message}`));
    rmSync(statusFile(config), { force: true });
  };
  try {
    await applyBaseSchema(postgres.url, config.jwtSecret, Number(config.toml.auth?.jwt_expiry ?? 3600));
    await runBeforeMigrations({ config, dbUrl: postgres.url, log });
    const seed = (config.toml.db?.seed?.enabled ?? true) && !(await isSeeded(postgres.url));
    const pushed = await pushMigrations(config, postgres.url, seed);
    for (const line of pushed.split('\n')) if (/Applying|Seeding/.test(line)) log(`db: ${line.trim()}`);
    const db = new Database(postgres.url);
    cleanups.push(() => db.close());
    const services = await createServices({ config, db, log });
    cleanups.push(async () => Promise.all(services.map((s) => s.close?.())));
    const server = await startGateway({ host: config.host, port: config.apiPort, jwtSecret: config.jwtSecret, services, log });
    cleanups.push(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));
    const status = describe(config, postgres.url);
    writeFileSync(statusFile(config), JSON.stringify(status, null, 2));
    log(`stack: ready in ${((performance.now() - t0) / 1000).toFixed(1)}s on ${config.apiUrl}`);
    return { status, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export function wipeData(config: StackConfig): void {
  for (const dir of ['db', 'storage']) {
    const path = join(config.dataDir, dir);
    if (existsSync(path)) rmSync(path, { recursive: true, force: true });
  }
}
