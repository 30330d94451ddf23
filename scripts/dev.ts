// npm run dev: starts the local stack in the background (if it is not running yet) and then Vite,
// pointed at the stack. The stack keeps running after Vite stops; `npm run stack -- stop` stops it.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const tsx = join(ROOT, 'node_modules/.bin/tsx');

const started = spawnSync(tsx, [join(ROOT, 'stack/cli.ts'), 'start'], { cwd: ROOT, stdio: 'inherit' });
if (started.status !== 0) process.exit(started.status ?? 1);

const status = JSON.parse(spawnSync(tsx, [join(ROOT, 'stack/cli.ts'), 'status', '--json'], { cwd: ROOT, encoding: 'utf8' }).stdout);
console.log(`Mail the app sends (sign-up confirmations, magic links) arrives at ${status.mailbox_url}\n`);

const vite = spawn(join(ROOT, 'node_modules/.bin/vite'), process.argv.slice(2), {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    VITE_SUPABASE_URL: process.env.VITE_SUPABASE_URL ?? status.api_url,
    VITE_SUPABASE_ANON_KEY: process.env.VITE_SUPABASE_ANON_KEY ?? status.anon_key,
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vite.kill(signal));
vite.on('exit', (code) => process.exit(code ?? 0));
