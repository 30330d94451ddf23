// REST under RLS on generated data: a signed-in member of the largest generated organization asks
// /rest/v1 for a 50-row client list with the owner embedded, and for one project with its client
// embedded; the same statements run directly with pg as the same role and claims. Each is measured
// paced at 20 requests/s and at saturation with 50 connections, recording every request's latency
// (p50, p95, req/s). The REST/direct p50 ratio at 20 req/s is issue 4's target.
// Requests go through node:http with keep-alive: the client's own overhead (fetch/undici costs about a
// millisecond a request here) is not the server's.
import http from 'node:http';
import pg from 'pg';
import { BENCH_PASSWORD, benchEmail, generate } from '../generate.ts';
import { percentile, type BenchEnv, type BenchResult, type Scenario } from '../types.ts';

const PACED_RATE = 20;
const PACED_SECONDS = 15;
const CONCURRENCY = 50;
const SATURATION_MS = 10_000;
const WARMUP = 100;

/** The statement the REST service builds for the list request, as one parameterised query. */
const LIST_SQL = `
SELECT NULL::bigint AS total, count(*) AS page_total, coalesce(json_agg("r"), '[]')::text AS body
FROM (SELECT "t0"."id" AS "id", "t0"."name" AS "name", "t0"."status" AS "status", "t0"."last_activity_at" AS "last_activity_at", "l1"."body" AS "owner"
  FROM "public"."clients" AS "t0"
  LEFT JOIN LATERAL (SELECT row_to_json("e") AS "body" FROM (SELECT "t1"."display_name" AS "display_name"
    FROM "public"."profiles" AS "t1" WHERE "t1"."id" = "t0"."owner_id" LIMIT 1) AS "e") AS "l1" ON TRUE
  WHERE "t0"."organization_id" = $1
  ORDER BY "t0"."last_activity_at" DESC LIMIT 50) AS "r"`;

const DETAIL_SQL = `
SELECT NULL::bigint AS total, count(*) AS page_total, coalesce(json_agg("r"), '[]')::text AS body
FROM (SELECT "t0".*, "l1"."body" AS "client"
  FROM "public"."projects" AS "t0"
  LEFT JOIN LATERAL (SELECT row_to_json("e") AS "body" FROM (SELECT "t1"."id" AS "id", "t1"."name" AS "name"
    FROM "public"."clients" AS "t1" WHERE "t1"."id" = "t0"."client_id" AND "t1"."organization_id" = "t0"."organization_id" LIMIT 1) AS "e") AS "l1" ON TRUE
  WHERE "t0"."id" = $1) AS "r"`;

interface Probe {
  name: string;
  label: string;
  path: string;
  accept?: string;
  sql: string;
  params: unknown[];
  /** Rows each answer must hold. */
  rows: number;
}

interface Member {
  token: string;
  claims: string;
}

async function signInMember(env: BenchEnv): Promise<Member> {
  const res = await fetch(`${env.apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: env.anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: benchEmail(0, 3), password: BENCH_PASSWORD }),
  });
  const body = (await res.json()) as { access_token?: string; msg?: string };
  if (!body.access_token) throw new Error(`rest bench: the generated member could not sign in: ${JSON.stringify(body)}`);
  const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { token: body.access_token, claims: JSON.stringify(claims) };
}

function httpGetter(env: BenchEnv, member: Member) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const base = new URL(env.apiUrl);
  return {
    get(probe: Probe): Promise<number> {
      const t0 = performance.now();
      return new Promise((resolve, reject) => {
        const req = http.get(
          { host: base.hostname, port: base.port, path: probe.path, agent,
            headers: { apikey: env.anonKey, Authorization: `Bearer ${member.token}`, ...(probe.accept ? { Accept: probe.accept } : {}) } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const ms = performance.now() - t0;
              const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
              const rows = Array.isArray(body) ? body.length : 1;
              if (res.statusCode !== 200 || rows !== probe.rows) reject(new Error(`rest bench: ${probe.name} answered ${res.statusCode} with ${rows} rows`));
              else resolve(ms);
            });
          },
        );
        req.on('error', reject);
      });
    },
    close: () => agent.destroy(),
  };
}

async function directOnce(client: pg.ClientBase, probe: Probe): Promise<number> {
  const t0 = performance.now();
  const result = await client.query(probe.sql, probe.params);
  const ms = performance.now() - t0;
  if ((JSON.parse(result.rows[0].body) as unknown[]).length !== probe.rows) throw new Error(`rest bench: direct ${probe.name} returned the wrong rows`);
  return ms;
}

/** One request every 1/rate s for `seconds` (open loop: a slow answer does not delay the next). */
async function paced(run: () => Promise<number>): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < PACED_RATE * PACED_SECONDS; i++) {
    const due = started + (i * 1000) / PACED_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(run().then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

/** CONCURRENCY workers back to back for SATURATION_MS: every latency and the request rate. */
async function saturated(run: () => Promise<number>): Promise<{ latencies: number[]; rps: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + SATURATION_MS;
  const worker = async () => {
    while (performance.now() < deadline) latencies.push(await run());
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, rps: latencies.length / ((performance.now() - started) / 1000) };
}

const stats = (xs: number[]) => ({ p50: percentile(xs, 0.5), p95: percentile(xs, 0.95) });

async function measure(env: BenchEnv, member: Member, probes: Probe[]): Promise<BenchResult[]> {
  const rest = httpGetter(env, member);
  const asMember = async (c: pg.ClientBase) => {
    await c.query(`select set_config('role', 'authenticated', false), set_config('request.jwt.claims', $1, false)`, [member.claims]);
  };
  const direct = new pg.Client({ connectionString: env.dbUrl });
  await direct.connect();
  await asMember(direct);
  const pool = new pg.Pool({ connectionString: env.dbUrl, max: CONCURRENCY });
  const prepared = new WeakSet<pg.PoolClient>();
  const pooled = async (probe: Probe) => {
    const c = await pool.connect();
    try {
      if (!prepared.has(c)) {
        await asMember(c);
        prepared.add(c);
      }
      return await directOnce(c, probe);
    } finally {
      c.release();
    }
  };
  const results: BenchResult[] = [];
  try {
    for (const probe of probes) {
      for (let i = 0; i < WARMUP; i++) await Promise.all([rest.get(probe), directOnce(direct, probe)]);
      const restPaced = stats(await paced(() => rest.get(probe)));
      const directPaced = stats(await paced(() => directOnce(direct, probe)));
      env.log(`${probe.name} at ${PACED_RATE}/s: REST p50 ${restPaced.p50.toFixed(2)} ms, direct ${directPaced.p50.toFixed(2)} ms`);
      const restSat = await saturated(() => rest.get(probe));
      const directSat = await saturated(() => pooled(probe));
      const rs = stats(restSat.latencies);
      const ds = stats(directSat.latencies);
      env.log(`${probe.name} at ${CONCURRENCY} connections: REST ${restSat.rps.toFixed(0)} req/s p95 ${rs.p95.toFixed(1)} ms; direct ${directSat.rps.toFixed(0)} req/s`);
      results.push(
        {
          metric: `rest.${probe.name}.p50_ratio`,
          label: `${probe.label} at ${PACED_RATE} req/s, p50 REST/direct`,
          value: restPaced.p50 / directPaced.p50,
          unit: '×',
          ...(probe.name === 'list50' ? { target: { op: '<=' as const, value: 1.5, source: 'issue 4: REST/direct p50 ratio' } } : {}),
          details: { rest_p50_ms: restPaced.p50, rest_p95_ms: restPaced.p95, direct_p50_ms: directPaced.p50, direct_p95_ms: directPaced.p95 },
        },
        {
          metric: `rest.${probe.name}.saturation`,
          label: `${probe.label} at ${CONCURRENCY} connections, req/s`,
          value: restSat.rps,
          unit: 'req/s',
          details: { rest_p50_ms: rs.p50, rest_p95_ms: rs.p95, direct_rps: directSat.rps, direct_p50_ms: ds.p50, direct_p95_ms: ds.p95 },
        },
      );
    }
    return results;
  } finally {
    rest.close();
    await direct.end();
    await pool.end();
  }
}

const scenario: Scenario = {
  name: 'rest',
  description: 'client list (50 rows + owner) and project detail (+ client) as a member under RLS: /rest/v1 vs the same SQL with pg',
  async run(env) {
    const admin = new pg.Client({ connectionString: env.dbUrl });
    await admin.connect();
    try {
      const org = async () => (await admin.query(`select id from public.organizations where slug = 'bench-1-0'`)).rows[0]?.id as string | undefined;
      if (!(await org())) {
        env.log('no generated data yet: generating the small scale');
        await generate(env.dbUrl, 'small');
      }
      const organizationId = (await org())!;
      const project = (await admin.query('select id from public.projects where organization_id = $1 order by id limit 1', [organizationId])).rows[0].id as string;
      const clients = Number((await admin.query('select count(*) from public.clients where organization_id = $1', [organizationId])).rows[0].count);
      env.log(`member of an organization with ${clients} clients`);
      const member = await signInMember(env);
      return await measure(env, member, [
        {
          name: 'list50',
          label: 'client list (50 + owner)',
          path: `/rest/v1/clients?select=id,name,status,last_activity_at,owner:profiles!clients_owner_id_fkey(display_name)&organization_id=eq.${organizationId}&order=last_activity_at.desc&limit=50`,
          sql: LIST_SQL,
          params: [organizationId],
          rows: Math.min(50, clients),
        },
        {
          name: 'detail',
          label: 'project detail (+ client)',
          path: `/rest/v1/projects?select=*,client:clients(id,name)&id=eq.${project}`,
          accept: 'application/vnd.pgrst.object+json',
          sql: DETAIL_SQL,
          params: [project],
          rows: 1,
        },
      ]);
    } finally {
      await admin.end();
    }
  },
};

export default scenario;
