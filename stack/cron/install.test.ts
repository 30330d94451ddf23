import { describe, expect, it } from 'vitest';
import { databaseUrl } from './runner.ts';
import { isShimControl } from './install.ts';

describe('runner.databaseUrl', () => {
  it('points the server URL at the job database, keeping credentials and options', () => {
    expect(databaseUrl('postgresql://postgres:postgres@127.0.0.1:54322/postgres?sslmode=disable', 'other db')).toBe(
      'postgresql://postgres:postgres@127.0.0.1:54322/other%20db?sslmode=disable',
    );
  });
});

describe('install.isShimControl', () => {
  it('tells our stand-in control files from the real extensions', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['pg_cron', 'pg_net', 'supabase_vault']) {
      expect(isShimControl(readFileSync(new URL(`./extensions/${name}.control`, import.meta.url), 'utf8'))).toBe(true);
    }
    expect(isShimControl("comment = 'Job scheduler for PostgreSQL'\ndefault_version = '1.6'\nmodule_pathname = '$libdir/pg_cron'")).toBe(false);
  });
});
