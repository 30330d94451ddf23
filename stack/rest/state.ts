// The REST service's runtime state: exposed schemas, settings, and the schema cache with its
// debounced reloads (a migration fires many DDL notifications; one reload answers them all).
import type pg from 'pg';
import { loadSchemaCache } from './schema/load.ts';
import type { SchemaCache } from './schema/types.ts';

export interface RestSettings {
  /** Configured schemas, in order: config.toml [api] schemas then ATRIUM_API_EXTRA_SCHEMAS. */
  configuredSchemas: string[];
  extraSearchPath: string[];
  maxRows: number | null;
  maxBodyBytes: number;
  maxQueryBytes: number;
}

/** Per-role settings PostgREST applies (`ALTER ROLE ... SET`), and the `pgrst.*` ones on authenticator. */
export interface DbSettings {
  roleSettings: Map<string, Array<[string, string]>>;
  txEnd: string;
  maxRows: number | null;
}

const ROLE_SETTINGS_SQL = `
select r.rolname as role, s.setconfig as config from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
where s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
order by s.setdatabase`;

const APPLIED = ['statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout'];

export class RestState {
  cache: SchemaCache | null = null;
  schemas: string[] = [];
  db: DbSettings = { roleSettings: new Map(), txEnd: 'commit', maxRows: null };
  /** Valid `Prefer: timezone=` values. */
  timezones = new Set<string>();
  private loading: Promise<void> | null = null;
  private again = false;

  constructor(
    readonly settings: RestSettings,
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void,
  ) {}

  /** Reloads now, or once more after the reload in flight; resolves when a fresh cache is in place. */
  reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const client = await this.pool.connect();
    try {
      const existing = (await client.query('select nspname from pg_namespace where nspname = any($1)', [this.settings.configuredSchemas])).rows.map((r) => r.nspname as string);
      const schemas = this.settings.configuredSchemas.filter((s) => existing.includes(s));
      this.cache = await loadSchemaCache(client, schemas);
      this.schemas = schemas;
      this.db = await loadDbSettings(client);
      this.timezones = new Set((await client.query('select name from pg_timezone_names')).rows.map((r) => r.name as string));
      this.log(`rest: schema cache loaded (${this.cache.tables.size} relations, ${this.cache.relationships.length} relationships, ${this.cache.functions.size} functions) in ${(performance.now() - started).toFixed(0)}ms`);
    } catch (err) {
      this.log(`rest: schema cache load failed: ${(err as Error).message}`);
    } finally {
      client.release();
    }
  }

  get maxRows(): number | null {
    return this.db.maxRows ?? this.settings.maxRows;
  }

  roleSettings(role: string): Array<[string, string]> {
    return this.db.roleSettings.get(role) ?? [];
  }
}

async function loadDbSettings(client: pg.PoolClient): Promise<DbSettings> {
  const roleSettings = new Map<string, Array<[string, string]>>();
  let txEnd = 'commit';
  let maxRows: number | null = null;
  for (const row of (await client.query(ROLE_SETTINGS_SQL)).rows) {
    for (const entry of row.config as string[]) {
      const eq = entry.indexOf('=');
      const [key, value] = [entry.slice(0, eq), entry.slice(eq + 1)];
      if (row.role === 'authenticator' && key === 'pgrst.db_tx_end') txEnd = value;
      if (row.role === 'authenticator' && key === 'pgrst.db_max_rows' && /^\d+$/.test(value)) maxRows = Number(value);
      if (!APPLIED.includes(key)) continue;
      const list = roleSettings.get(row.role) ?? [];
      roleSettings.set(row.role, [...list.filter(([k]) => k !== key), [key, value]]);
    }
  }
  return { roleSettings, txEnd, maxRows };
}
