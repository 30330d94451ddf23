// Realtime delivery latency: 100 real supabase-js clients, each signed in as its own user, subscribe to
// INSERTs on one table whose RLS policy requires membership (so every change is RLS-checked as each
// of the 100 subscribers); 200 commits spread over time; latency from the commit returning to the
// callback firing in the client. Target (issue 6): p95 under 100 ms.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import pg from 'pg';
import ws from 'ws';
import { JWT_SECRET } from '../../stack/keys.ts';
import { percentile, type BenchEnv, type BenchResult, type Scenario } from '../types.ts';

const SUBSCRIBERS = 100;
const COMMITS = 200;
const COMMIT_INTERVAL_MS = 50;
const DELIVERY_TIMEOUT_MS = 30_000;

const SETUP = `
  create schema rt_bench;
  grant usage on schema rt_bench to authenticated;
  create table rt_bench.members (user_id uuid primary key);
  create table rt_bench.events (id bigint generated always as identity primary key, seq int not null, body text not null);
  alter table rt_bench.events enable row level security;
  create policy "Members can read events" on rt_bench.events for select to authenticated
    using (exists (select 1 from rt_bench.members m where m.user_id = (select auth.uid())));
  grant select on rt_bench.events, rt_bench.members to authenticated;
  alter publication supabase_realtime add table rt_bench.events;
`;
const TEARDOWN = `
  do $$ begin
    if exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'rt_bench') then
      alter publication supabase_realtime drop table rt_bench.events;
    end if;
  end $$;
  drop schema if exists rt_bench cascade;
`;

function token(id: string): Promise<string> {
  return new SignJWT({ sub: id, role: 'authenticated', aud: 'authenticated', email: `${id}@bench.test`, session_id: randomUUID() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(JWT_SECRET));
}

async function createUsers(db: pg.Client, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await db.query(
    `insert into auth.users (id, aud, role, email, created_at, updated_at)
     select id, 'authenticated', 'authenticated', id::text || '@bench.test', now(), now() from unnest($1::uuid[]) id`,
    [ids],
  );
  await db.query(`insert into rt_bench.members select unnest($1::uuid[])`, [ids]);
  return ids;
}

async function subscribeAll(env: BenchEnv, userIds: string[], onChange: (seq: number) => void): Promise<SupabaseClient[]> {
  return Promise.all(
    userIds.map(async (id) => {
      const client = createClient(env.apiUrl, env.anonKey, {
        auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
        realtime: { transport: ws as never },
      });
      await client.realtime.setAuth(await token(id));
      await new Promise<void>((resolve, reject) => {
        const channel = client
          .channel(`bench-${id}`)
          .on('postgres_changes', { event: 'INSERT', schema: 'rt_bench', table: 'events' }, (p) => onChange((p.new as { seq: number }).seq))
          .on('system', {}, (p: { status?: string; message?: string }) =>
            p.status === 'ok' ? resolve() : reject(new Error(`subscribe failed: ${p.message}`)),
          );
        channel.subscribe((status, err) => {
          if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') reject(err ?? new Error(status));
        });
      });
      return client;
    }),
  );
}

async function run(env: BenchEnv): Promise<BenchResult[]> {
  const db = new pg.Client({ connectionString: env.dbUrl });
  await db.connect();
  let clients: SupabaseClient[] = [];
  let userIds: string[] = [];
  try {
    await db.query(TEARDOWN);
    await db.query(SETUP);
    userIds = await createUsers(db, SUBSCRIBERS);
    const committedAt = new Map<number, number>();
    // Arrival times are kept raw: a delivery may be handled before the INSERT's own reply is.
    const arrivals: Array<{ seq: number; at: number }> = [];
    const onChange = (seq: number) => arrivals.push({ seq, at: performance.now() });
    env.log(`realtime: subscribing ${SUBSCRIBERS} clients`);
    clients = await subscribeAll(env, userIds, onChange);
    // Throw-away stacks run with synchronous_commit off, where WAL (and so logical decoding) waits up
    // to wal_writer_delay for a flush; commit like a production database does.
    await db.query('set synchronous_commit = on');
    env.log(`realtime: ${COMMITS} commits, one every ${COMMIT_INTERVAL_MS} ms`);
    for (let seq = 0; seq < COMMITS; seq++) {
      await db.query(`insert into rt_bench.events (seq, body) values ($1, $2)`, [seq, `event ${seq}`]);
      committedAt.set(seq, performance.now());
      await new Promise((r) => setTimeout(r, COMMIT_INTERVAL_MS));
    }
    const expected = SUBSCRIBERS * COMMITS;
    const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
    while (arrivals.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const latencies = arrivals.map(({ seq, at }) => Math.max(0, at - (committedAt.get(seq) ?? at)));
    const delivered = latencies.length;
    // A lost delivery counts as the full timeout, so losses fail the target instead of hiding.
    const all = [...latencies, ...Array.from({ length: expected - delivered }, () => DELIVERY_TIMEOUT_MS)];
    const p95 = percentile(all, 0.95);
    return [
      {
        metric: 'realtime.postgres_changes.p95_ms',
        label: `postgres_changes commit→client, ${SUBSCRIBERS} RLS subscribers`,
        value: Number(p95.toFixed(1)),
        unit: 'ms',
        target: { op: '<', value: 100, source: 'issue 6: delivery latency p95 with 100 subscribed clients' },
        details: {
          p50_ms: Number(percentile(all, 0.5).toFixed(1)),
          max_ms: Number(Math.max(...all).toFixed(1)),
          delivered,
          expected,
        },
      },
    ];
  } finally {
    await Promise.all(clients.map((c) => c.removeAllChannels().then(() => c.realtime.disconnect())));
    await db.query(TEARDOWN).catch(() => {});
    if (userIds.length) await db.query(`delete from auth.users where id = any($1::uuid[])`, [userIds]).catch(() => {});
    await db.end();
  }
}

const scenario: Scenario = {
  name: 'realtime',
  description: 'postgres_changes delivery latency from commit to 100 RLS-checked supabase-js subscribers',
  run,
};

export default scenario;
