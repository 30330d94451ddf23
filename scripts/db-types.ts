// npm run db:types: regenerates src/lib/database.types.ts from the running stack's database with
// the real Supabase CLI (`supabase gen types`). `--check` exits 1 when the file is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../stack/config.ts';
import { format, resolveConfig } from 'prettier';
import { generateTypes } from '../stack/db/schema.ts';

const config = loadConfig();
const target = join(config.repoRoot, 'src/lib/database.types.ts');

export async function renderTypes(dbUrl: string): Promise<string> {
  const raw = await generateTypes(config, dbUrl);
  return format(raw, { ...(await resolveConfig(target)), parser: 'typescript' });
}

async function main() {
  const dbUrl =
    process.env.ATRIUM_TYPES_DB_URL ??
    JSON.parse(execFileSync(process.execPath, [...process.execArgv, join(config.repoRoot, 'stack/cli.ts'), 'status', '--json'], { encoding: 'utf8' }).trim() || '{}').db_url;
  if (!dbUrl) throw new Error('db:types: the stack is not running; start it with `npm run stack -- start`');
  const types = await renderTypes(dbUrl);
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== types) {
      console.error('src/lib/database.types.ts is stale: run `npm run db:types`');
      process.exit(1);
    }
    return;
  }
  writeFileSync(target, types);
  console.log(`wrote ${target}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main().catch((e) => { console.error(e.message); process.exit(1); });
