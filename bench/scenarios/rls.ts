// RLS overhead (issue 8): with 1,000 organizations and 1,000,000 rows in a tenant table, listing 50
// rows as an authenticated member (policies on) against the same query run as the table owner with
// an explicit organization_id filter. Both run directly in Postgres, interleaved, in the same run.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { percentile, type BenchResult, type Scenario } from '../types.ts';

const ORGS = 1_000;
const ROWS = 1_000_000;
const SAMPLES = 300;

const LIST_SQL = `select id, action, table_name, row_id, created_at from public.audit_logs %WHERE% order by created_at desc limit 50`;

async function seed(db: pg.Client, log: (l: string) => void): Promise<{ orgIds: string[]; adminIds: string[] }> {
  const t0 = Date.now();
  const { rows } = await db.query(`select id from public.organizations where slug like 'bench-rls-%' order by slug`);
  if (rows.length === ORGS) {
    const admins = await db.query(
      `select m.user_id from public.organization_members m join public.organizations o on o.id = m.organization_id
       where o.slug like 'bench-rls-%' and m.role = 'admin' order by o.slug`,
    );
    return { orgIds: rows.map((r) => r.id), adminIds: admins.rows.map((r) => r.user_id) };
  }
  log(`seeding ${ORGS} organizations, an admin each, ${ROWS.toLocaleString()} audit rows`);
  await db.query('begin');
  await db.query(`insert into public.organizations (name, slug) select 'Bench ' || g, 'bench-rls-' || lpad(g::text, 5, '0') from generate_series(1, ${ORGS}) g`);
  await db.query(
    `insert into auth.users (id, email, aud, role) select gen_random_uuid(), 'bench-rls-' || lpad(g::text, 5, '0') || '@bench.test', 'authenticated', 'authenticated'
     from generate_series(1, ${ORGS}) g`,
  );
  await db.query(
    `insert into public.organization_members (organization_id, user_id, role)
     select o.id, u.id, 'admin' from public.organizations o
     join auth.users u on u.email = o.slug || '@bench.test'
     where o.slug like 'bench-rls-%'`,
  );
  await db.query(
    `insert into public.audit_logs (organization_id, actor_id, action, table_name, row_id, after, created_at)
     select o.ids[1 + (g % ${ORGS})], null, 'update', 'projects', g::text, jsonb_build_object('n', g), now() - make_interval(secs => g)
     from generate_series(1, ${ROWS}) g,
          (select array_agg(id order by slug) as ids from public.organizations where slug like 'bench-rls-%') o`,
  );
  await db.query('commit');
  await db.query('analyze public.audit_logs, public.organization_members, public.organizations');
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return seed(db, log);
}

async function timeQuery(db: pg.Client, sql: string, params: unknown[], setup?: () => Promise<void>): Promise<number> {
  await db.query('begin');
  try {
    if (setup) await setup();
    const t = performance.now();
    const { rows } = await db.query(sql, params);
    const ms = performance.now() - t;
    if (rows.length !== 50) throw new Error(`expected 50 rows, got ${rows.length}`);
    return ms;
  } finally {
    await db.query('rollback');
  }
}

const scenario: Scenario = {
  name: 'rls',
  description: 'RLS overhead: the same 50-row list as a member (RLS) and as the owner (no RLS), 1,000 orgs, 1,000,000 rows',
  async run({ dbUrl, log }) {
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    try {
      const { orgIds, adminIds } = await seed(db, log);
      const member: number[] = [];
      const owner: number[] = [];
      const memberUnfiltered: number[] = [];
      const asMember = (user: string) => async () => {
        await db.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: user, role: 'authenticated', session_id: randomUUID() }),
        ]);
      };
      for (let i = 0; i < SAMPLES; i++) {
        const k = (i * 7919) % orgIds.length;
        // The same query (the app always filters by the current organization), interleaved so both see
        // the same cache and load: as the member under RLS, and as the owner, who bypasses it.
        const filtered = LIST_SQL.replace('%WHERE%', 'where organization_id = $1');
        member.push(await timeQuery(db, filtered, [orgIds[k]], asMember(adminIds[k]!)));
        owner.push(await timeQuery(db, filtered, [orgIds[k]]));
        if (i % 10 === 0) memberUnfiltered.push(await timeQuery(db, LIST_SQL.replace('%WHERE%', ''), [], asMember(adminIds[k]!)));
      }
      const p50m = percentile(member, 0.5);
      const p50o = percentile(owner, 0.5);
      const results: BenchResult[] = [
        {
          metric: 'rls.list50.p50_ratio',
          label: 'member (RLS) / owner (explicit filter), p50',
          value: Math.round((p50m / p50o) * 100) / 100,
          unit: '×',
          target: { op: '<=', value: 1.5, source: 'issue 8: member list within 1.5× the owner query with explicit filter' },
          details: {
            member_p50_ms: p50m,
            member_p95_ms: percentile(member, 0.95),
            owner_p50_ms: p50o,
            owner_p95_ms: percentile(owner, 0.95),
            member_without_filter_p50_ms: percentile(memberUnfiltered, 0.5),
            samples: SAMPLES,
          },
        },
      ];
      return results;
    } finally {
      await db.end();
    }
  },
};

export default scenario;
