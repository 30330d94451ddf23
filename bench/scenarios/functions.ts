// Edge Functions: cold start (first response of a never-started function) and the gateway's warm
// overhead (the same function through /functions/v1 and straight at its worker's port, same run).
// Needs the stack to serve tests/fixtures/functions (ATRIUM_EXTRA_FUNCTIONS_DIR, as the test stack does).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { percentile, type BenchEnv, type BenchResult, type Scenario } from '../types.ts';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/functions');
const COLD_SAMPLES = 5;
const WARM_SAMPLES = 300;

async function timed(url: string, headers: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`functions bench: ${url} answered ${res.status}`);
  return performance.now() - t0;
}

/** First-response times of freshly written functions (no npm imports), each started once. */
async function coldStarts(env: BenchEnv): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    const name = `bench-cold-${process.pid}-${i}`;
    const dir = join(FIXTURES, name);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'index.ts'), 'Deno.serve(() => new Response("cold"));\n');
      samples.push(await timed(`${env.apiUrl}/functions/v1/${name}`, { apikey: env.anonKey, Authorization: `Bearer ${env.anonKey}` }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    env.log(`functions: cold start ${i + 1}/${COLD_SAMPLES}: ${samples.at(-1)!.toFixed(0)} ms`);
  }
  return samples;
}

async function workerPort(env: BenchEnv, name: string): Promise<number> {
  const res = await fetch(`${env.apiUrl}/functions/v1/_internal/workers`, { headers: { apikey: env.serviceRoleKey, Authorization: `Bearer ${env.serviceRoleKey}` } });
  const ports = (await res.json()) as Record<string, number>;
  if (!ports[name]) throw new Error(`functions bench: no running worker for ${name}`);
  return ports[name];
}

async function warmOverhead(env: BenchEnv): Promise<{ gateway: number[]; direct: number[] }> {
  const name = 'fn-public';
  const viaGateway = `${env.apiUrl}/functions/v1/${name}`;
  for (let i = 0; i < 20; i++) await timed(viaGateway); // start and warm the worker
  const direct = `http://127.0.0.1:${await workerPort(env, name)}/${name}`;
  const gateway: number[] = [];
  const straight: number[] = [];
  for (let i = 0; i < WARM_SAMPLES; i++) {
    gateway.push(await timed(viaGateway));
    straight.push(await timed(direct));
  }
  return { gateway, direct: straight };
}

export const scenario: Scenario = {
  name: 'functions',
  description: 'Edge Functions: cold start of a never-started function; gateway overhead over the warm worker',
  async run(env) {
    const cold = await coldStarts(env);
    const warm = await warmOverhead(env);
    const overhead = percentile(warm.gateway, 0.95) - percentile(warm.direct, 0.95);
    const results: BenchResult[] = [
      {
        metric: 'functions.cold_start.p50_ms',
        label: 'Function cold start (first response), median',
        value: percentile(cold, 0.5),
        unit: 'ms',
        target: { op: '<', value: 1000, source: 'issue 7: cold start under 1 s' },
        details: { max_ms: Math.max(...cold), samples: cold.length },
      },
      {
        metric: 'functions.gateway_overhead.p95_ms',
        label: 'Gateway overhead over the warm worker, p95',
        value: overhead,
        unit: 'ms',
        target: { op: '<', value: 20, source: 'issue 7: warm overhead of the gateway p95 under 20 ms' },
        details: {
          gateway_p50_ms: percentile(warm.gateway, 0.5),
          gateway_p95_ms: percentile(warm.gateway, 0.95),
          direct_p50_ms: percentile(warm.direct, 0.5),
          direct_p95_ms: percentile(warm.direct, 0.95),
          samples: warm.gateway.length,
        },
      },
    ];
    return results;
  },
};

export default scenario;
