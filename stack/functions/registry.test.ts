import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSecrets, loadExtraSource, parseDotenv, resolveFunction } from './registry.ts';

describe('parseDotenv', () => {
  it('reads the forms a .env file uses', () => {
    const text = ['# comment', 'PLAIN=value', 'export EXPORTED=1', 'QUOTED="a b # not a comment"', "SINGLE='x\\ny'", 'TRAIL=v # comment', 'EMPTY=', 'bad line', 'MULTI="one\\ntwo"'].join('\n');
    expect(parseDotenv(text)).toEqual({ PLAIN: 'value', EXPORTED: '1', QUOTED: 'a b # not a comment', SINGLE: 'x\\ny', TRAIL: 'v', EMPTY: '', MULTI: 'one\ntwo' });
  });
});

describe('collectSecrets', () => {
  it('merges the env file and [edge_runtime.secrets], dropping reserved SUPABASE_ names', () => {
    expect(collectSecrets('A=1\nB=2\nSUPABASE_URL=x', { B: 'toml', C: 3, SUPABASE_DB_URL: 'y' })).toEqual({ A: '1', B: 'toml', C: '3' });
    expect(collectSecrets(null, undefined)).toEqual({});
  });
});

describe('resolveFunction', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'atrium-fn-'));
    for (const name of ['hello', 'off', 'with-map', '_shared']) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'index.ts'), 'Deno.serve(() => new Response("x"))');
    }
    writeFileSync(join(dir, 'with-map', 'deno.json'), '{}');
    writeFileSync(join(dir, 'config.toml'), ['env_file = "s.env"', '[functions.off]', 'enabled = false', '[functions.hello]', 'verify_jwt = false', 'timeout_sec = 3'].join('\n'));
    writeFileSync(join(dir, 's.env'), 'TOKEN=abc');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds functions with their config, skipping disabled, shared and invalid names', () => {
    const source = loadExtraSource(dir);
    expect(source.secrets).toEqual({ TOKEN: 'abc' });
    const hello = resolveFunction('hello', [source], 60_000)!;
    expect(hello).toMatchObject({ name: 'hello', entrypoint: join(dir, 'hello', 'index.ts'), verifyJwt: false, timeoutMs: 3000, denoConfig: null });
    expect(resolveFunction('with-map', [source], 60_000)).toMatchObject({ verifyJwt: true, timeoutMs: 60_000, denoConfig: { kind: 'config', path: join(dir, 'with-map', 'deno.json') } });
    for (const name of ['off', '_shared', 'missing', '../hello', 'hello/x', '']) expect(resolveFunction(name, [source], 60_000), name).toBeNull();
  });
});
