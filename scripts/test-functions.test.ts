import { describe, expect, it } from 'vitest';
import { checkTargets } from './test-functions.ts';

describe('checkTargets', () => {
  it('checks each function entry point and the shared modules, not tests or nested files', () => {
    const dir = '/repo/supabase/functions';
    const files = ['hello/index.ts', 'hello/lib.ts', 'hello/index.test.ts', '_shared/cors.ts', '_shared/http.test.ts', '_shared/sub/x.ts', '1bad/index.ts', 'import_map.json', 'nested/deep/index.ts'].map((f) => `${dir}/${f}`);
    expect(checkTargets(files, dir)).toEqual([`${dir}/hello/index.ts`, `${dir}/_shared/cors.ts`, `${dir}/_shared/sub/x.ts`]);
  });
});
