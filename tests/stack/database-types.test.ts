import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../../scripts/db-types.ts';
import { stackEnv } from '../helpers/env.ts';

describe('src/lib/database.types.ts', () => {
  it('matches what `supabase gen types` produces from the migrated database (run `npm run db:types`)', async () => {
    const current = readFileSync(resolve(import.meta.dirname, '../../src/lib/database.types.ts'), 'utf8');
    const generated = await renderTypes(stackEnv.dbUrl);
    expect(current === generated, 'src/lib/database.types.ts is stale: run `npm run db:types`').toBe(true);
  });
});
