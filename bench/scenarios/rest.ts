// REST: a 50-row list with one embedded resource through /rest/v1 against the same statement run
// directly with pg (same rows, same SQL, same role under RLS): p50/p95 of both, their p50 ratio,
// and REST throughput with 50 concurrent connections for ~10 s. Tables live in `public` (the
// exposed schema) as bench_rest_*, created and dropped here.
import pg from 'pg';
import { percentile, type BenchEnv, type BenchResult, type Scenario } from '../types.ts';

const WARMUP = 50;
const SAMPLES = 400;
const CONCURRENCY = 50;
const THROUGHPUT_MS = 10_000;
const MAX_REQUESTS = 200_000;

const SETUP = `
drop table if exists public.bench_rest_posts, public.bench_rest_authors;
create table public.bench_rest_authors (id int primary key, name text not null);
create table public.bench_rest_posts (id int primary key, author_id int not null references public.bench_rest_authors (id), title text not null, body text not null, created_at timestamptz not null default now());
create index on public.bench_rest_posts (author_id);
alter table public.bench_rest_authors enable row level security;
alter table public.bench_rest_posts enable row level security;
create policy "Anyone can read authors" on public.bench_rest_authors for select to anon using (true);
create policy "Anyone can read posts" on public.bench_rest_posts for select to anon using (true);
grant select on public.bench_rest_authors, public.bench_rest_posts to anon;
insert into public.bench_rest_authors select g, 'author ' || g from generate_series(1, 20) g;
insert into public.bench_rest_posts select g, 1 + g % 20, 'post ' || g, repeat('studio notes ', 20) from generate_series(1, 500) g;
analyze public.bench_rest_authors, public.bench_rest_posts;
notify pgrst, 'reload schema';`;

const TEARDOWN = `drop table if exists public.bench_rest_posts, public.bench_rest_authors; notify pgrst, 'reload schema';`;

const PATH = '/rest/v1/bench_rest_posts?select=id,title,body,created_at,author:bench_rest_authors(id,name)&order=id&limit=50';

/** The statement the REST service builds for PATH, run as one query. */
const DIRECT_SQL = `
SELECT NULL::bigint AS total, count(*) AS page_total, coalesce(json_agg("r"), '[]')::text AS body
FROM (SELECT "t0"."id" AS "id", "t0"."title" AS "title", "t0"."body" AS "body", "t0"."created_at" AS "created_at", "l1"."body" AS "author"
  FROM "public"."bench_rest_posts" AS "t0"
  LEFT JOIN LATERAL (SELECT row_to_json("e") AS "body" FROM (SELECT "t1"."id" AS "id", "t1"."name" AS "name"
    FROM "public"."bench_rest_authors" AS "t1" WHERE "t1"."id" = "t0"."author_id" LIMIT 1) AS "e") AS "l1" ON TRUE
  ORDER BY "t0"."id" LIMIT 50) AS "r"`;

async function waitForTable(env: BenchEnv, headers: Record<string, string>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const res = await fetch(env.apiUrl + PATH, { headers });
    await res.arrayBuffer();
    if (res.ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('rest bench: the schema cache never showed bench_rest_posts');
}

async function restOnce(url: string, headers: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const rows = (await res.json()) as unknown[];
  if (!res.ok || rows.length !== 50) throw new Error(`rest bench: ${res.status}, ${rows.length} rows`);
  return performance.now() - t0;
}

async function directOnce(client: pg.ClientBase): Promise<number> {
  const t0 = performance.now();
  const result = await client.query(DIRECT_SQL);
  if ((JSON.parse(result.rows[0].body) as unknown[]).length !== 50) throw new Error('rest bench: direct query did not return 50 rows');
  return performance.now() - t0;
}

/** Requests completed by CONCURRENCY workers in THROUGHPUT_MS (bounded by MAX_REQUESTS). */
async function throughput(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const deadline = started + THROUGHPUT_MS;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline && done < MAX_REQUESTS) {
      await run();
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function measure(env: BenchEnv, admin: pg.Client): Promise<BenchResult[]> {
  const headers = { apikey: env.anonKey, Authorization: `Bearer ${env.anonKey}` };
  await waitForTable(env, headers);
  const url = env.apiUrl + PATH;
  const direct = new pg.Client({ connectionString: env.dbUrl });
  await direct.connect();
  try {
    await direct.query("set role anon; select set_config('request.jwt.claims', '{\"role\":\"anon\"}', false)");
    for (let i = 0; i < WARMUP; i++) await Promise.all([restOnce(url, headers), directOnce(direct)]);
    const viaRest: number[] = [];
    const viaPg: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      viaRest.push(await restOnce(url, headers));
      viaPg.push(await directOnce(direct));
    }
    env.log(`rest: p50 REST ${percentile(viaRest, 0.5).toFixed(2)} ms, direct ${percentile(viaPg, 0.5).toFixed(2)} ms`);
    const restRps = await throughput(() => restOnce(url, headers));
    env.log(`rest: ${restRps.toFixed(0)} req/s through /rest/v1 at ${CONCURRENCY} connections`);
    const pool = new pg.Pool({ connectionString: env.dbUrl, max: CONCURRENCY });
    pool.on('connect', (c) => void c.query('set role anon'));
    const directRps = await throughput(async () => {
      const c = await pool.connect();
      try {
        await directOnce(c);
      } finally {
        c.release();
      }
    }).finally(() => pool.end());
    void admin;
    const [rp50, rp95, dp50, dp95] = [percentile(viaRest, 0.5), percentile(viaRest, 0.95), percentile(viaPg, 0.5), percentile(viaPg, 0.95)];
    return [
      {
        metric: 'rest.list50_embed.p50_ratio', label: '50-row list + embed, p50 REST/direct', value: rp50 / dp50, unit: '×',
        target: { op: '<=', value: 1.5, source: 'issue 4: REST/direct p50 ratio' },
        details: { rest_p50_ms: rp50, rest_p95_ms: rp95, direct_p50_ms: dp50, direct_p95_ms: dp95, samples: SAMPLES },
      },
      { metric: 'rest.list50_embed.rps', label: `50-row list + embed, req/s at ${CONCURRENCY} connections`, value: restRps, unit: 'req/s', details: { direct_rps: directRps, seconds: THROUGHPUT_MS / 1000 } },
    ];
  } finally {
    await direct.end();
  }
}

const scenario: Scenario = {
  name: 'rest',
  description: '50-row list with one embedded resource: /rest/v1 vs the same SQL with pg',
  async run(env) {
    const admin = new pg.Client({ connectionString: env.dbUrl });
    await admin.connect();
    try {
      await admin.query(SETUP);
      return await measure(env, admin);
    } finally {
      await admin.query(TEARDOWN).catch(() => {});
      await admin.end();
    }
  },
};

export default scenario;
