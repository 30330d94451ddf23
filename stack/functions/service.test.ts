import { describe, expect, it } from 'vitest';
import { jwtRefusal } from './index.ts';
import { passThroughHeaders } from './proxy.ts';
import { functionOfChange } from './watch.ts';
import { denoArgs } from './worker.ts';
import type { FunctionDef } from './registry.ts';

describe('jwtRefusal', () => {
  const ok = { token: 'jwt', jwtProblem: null, headers: { authorization: 'Bearer jwt' } };
  it('answers as the local edge runtime does', () => {
    expect(jwtRefusal(ok)).toBeNull();
    expect(jwtRefusal({ ...ok, token: null, headers: {} })).toBe('Error: Missing authorization header');
    expect(jwtRefusal({ ...ok, jwtProblem: { kind: 'claims', message: 'JWT expired' } })).toBe('Invalid JWT');
    expect(jwtRefusal({ ...ok, headers: { authorization: 'Basic abc' } })).toBe("Error: Auth header is not 'Bearer {token}'");
    // An sb_ key is swapped for its JWT by the gateway, so it passes.
    expect(jwtRefusal({ ...ok, headers: { authorization: 'Bearer sb_publishable_x' } })).toBeNull();
  });
});

describe('passThroughHeaders', () => {
  it('drops hop-by-hop headers and keeps repeated ones', () => {
    expect(passThroughHeaders(['Content-Type', 'text/plain', 'Connection', 'keep-alive', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Transfer-Encoding', 'chunked'])).toEqual([
      'Content-Type', 'text/plain', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2',
    ]);
  });
});

describe('functionOfChange', () => {
  it('maps a changed path to its function, or to shared code', () => {
    expect(functionOfChange('hello/index.ts')).toBe('hello');
    expect(functionOfChange('hello/lib/util.ts')).toBe('hello');
    expect(functionOfChange('_shared/cors.ts')).toBeNull();
    expect(functionOfChange('.env')).toBeNull();
    expect(functionOfChange('import_map.json')).toBeNull();
  });
});

describe('denoArgs', () => {
  const def = { entrypoint: '/p/fns/hello/index.ts', denoConfig: null } as unknown as FunctionDef;
  it('grants the edge runtime permissions and skips config discovery unless the function has one', () => {
    const args = denoArgs(def, '/stack/bootstrap.ts');
    expect(args).toEqual(expect.arrayContaining(['run', '--allow-net', '--allow-env', '--allow-read', '--no-config', '/stack/bootstrap.ts', 'file:///p/fns/hello/index.ts']));
    expect(args.some((a) => a === '--allow-all' || a === '-A' || a.startsWith('--allow-run'))).toBe(false);
    expect(denoArgs({ ...def, denoConfig: { kind: 'import-map', path: '/p/fns/import_map.json' } }, 'b.ts')).toEqual(expect.arrayContaining(['--no-config', '--import-map=/p/fns/import_map.json']));
    expect(denoArgs({ ...def, denoConfig: { kind: 'config', path: '/p/fns/hello/deno.json' } }, 'b.ts')).toContain('--config=/p/fns/hello/deno.json');
  });
});
