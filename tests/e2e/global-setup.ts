// Builds the SPA against the test stack and serves it with `vite preview` for the browser tests.
import { build, preview, type PreviewServer } from 'vite';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
let server: PreviewServer | null = null;

export async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const apiUrl = process.env.ATRIUM_TEST_API_URL;
  const anonKey = process.env.ATRIUM_TEST_ANON_KEY;
  if (!apiUrl || !anonKey) throw new Error('e2e: run through `npm test` (it starts the stack these tests need)');
  process.env.VITE_SUPABASE_URL = apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = anonKey;
  const outDir = resolve(ROOT, 'test-artifacts/dist');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const port = Number(process.env.ATRIUM_TEST_PREVIEW_PORT ?? 4174);
  server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true } });
  provide('appUrl', `http://127.0.0.1:${port}`);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
