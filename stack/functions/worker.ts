// One Deno process per function: started on the first request (cold start), kept warm, restarted
// on the next request after it dies, and stopped on file change or shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import type { FunctionDef } from './registry.ts';

const READY_MARK = '__atrium_worker_listening__';
const BOOT_TIMEOUT_MS = 120_000;

export class BootError extends Error {}

export interface WorkerOptions {
  denoBin: string;
  bootstrap: string;
  /** Environment the function sees (already without the host's variables). */
  env: Record<string, string>;
  log: (line: string) => void;
}

export function denoArgs(def: FunctionDef, bootstrap: string): string[] {
  const args = ['run', '--quiet', '--no-prompt', '--allow-net', '--allow-env', '--allow-read', `--allow-write=${tmpdir()}`];
  if (!def.denoConfig) args.push('--no-config');
  else if (def.denoConfig.kind === 'config') args.push(`--config=${def.denoConfig.path}`);
  else args.push('--no-config', `--import-map=${def.denoConfig.path}`);
  args.push(bootstrap, new URL(`file://${def.entrypoint}`).href);
  return args;
}

export class FunctionWorker {
  private child: ChildProcess | null = null;
  private startup: Promise<number> | null = null;
  private port: number | null = null;
  private inFlight = 0;
  private retired = false;

  constructor(readonly def: FunctionDef, private readonly options: WorkerOptions) {}

  /** Counts a request through this worker; call the returned function when it is done. */
  track(): () => void {
    this.inFlight++;
    return () => {
      this.inFlight--;
      if (this.retired && this.inFlight === 0) void this.stop();
    };
  }

  /** Stops the worker once the requests it is serving have finished (after a file change). */
  retire(): void {
    this.retired = true;
    if (this.inFlight === 0) void this.stop();
  }

  /** The worker's port once it listens; starts it when it is not running. */
  ensure(): Promise<number> {
    if (this.port !== null) return Promise.resolve(this.port);
    this.startup ??= this.start().finally(() => (this.startup = null));
    return this.startup;
  }

  get running(): boolean {
    return this.port !== null;
  }

  get currentPort(): number | null {
    return this.port;
  }

  private start(): Promise<number> {
    const { log } = this.options;
    const name = this.def.name;
    const t0 = performance.now();
    const child = spawn(this.options.denoBin, denoArgs(this.def, this.options.bootstrap), {
      cwd: this.def.source.functionsDir,
      env: this.options.env,
      stdio: ['pipe', 'pipe', 'pipe'], // stdin: the worker exits when it closes (see bootstrap.ts)
    });
    this.child = child;
    return new Promise<number>((resolvePort, reject) => {
      const timer = setTimeout(() => {
        reject(new BootError(`${name}: did not listen within ${BOOT_TIMEOUT_MS / 1000}s`));
        child.kill('SIGKILL');
      }, BOOT_TIMEOUT_MS);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (this.port === null && line.startsWith(READY_MARK)) {
          clearTimeout(timer);
          this.port = Number(line.slice(READY_MARK.length + 1));
          log(`functions: ${name} started in ${(performance.now() - t0).toFixed(0)}ms (pid ${child.pid}, port ${this.port})`);
          resolvePort(this.port);
        } else log(`functions: [${name}] ${line}`);
      });
      createInterface({ input: child.stderr! }).on('line', (line) => log(`functions: [${name}] ${line}`));
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new BootError(`${name}: cannot run deno: ${err.message}`));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) {
          this.child = null;
          this.port = null;
        }
        reject(new BootError(`${name}: worker exited (${signal ?? code}) before listening`));
        log(`functions: ${name} worker exited (${signal ?? `code ${code}`})`);
      });
    });
  }

  /** Stops the process; the next request starts a fresh one. */
  stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    this.port = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
  }
}
