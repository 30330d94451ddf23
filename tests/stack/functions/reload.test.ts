import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fnUrl, keyHeaders } from './helpers.ts';

// A function written during the test into the fixture folder the stack serves and watches.
const name = `fn-reload-${process.pid}`;
const dir = resolve(import.meta.dirname, '../../fixtures/functions', name);
const write = (text: string) => writeFileSync(join(dir, 'index.ts'), `Deno.serve(() => new Response(${JSON.stringify(text)}));\n`);

async function body(): Promise<string> {
  const res = await fetch(fnUrl(name), { headers: keyHeaders() });
  return `${res.status} ${await res.text()}`;
}

describe('functions: reload on file change', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves a new function at once and restarts its worker when its file changes', async () => {
    mkdirSync(dir, { recursive: true });
    write('first version');
    expect(await body()).toBe('200 first version');
    write('second version');
    await expect.poll(body, { timeout: 5000, interval: 100 }).toBe('200 second version');
  });
});
