// npm run bench:generate -- [--scale small|medium|large] [--seed N] [--db postgresql://...]
// Fills a stack's database with realistic, reproducible data (a seeded random generator and ids derived
// from it, so the same scale and seed give the same rows) using COPY. Tables a later module adds are
// generated once they exist; the report says which were skipped. Rows are written with triggers off
// (session_replication_role = replica): they are consistent by construction, and the side effects the
// triggers would add (audit rows, notifications) are not what the benchmarks measure.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generateInvoices } from './invoices.ts';
import { generateMessaging } from './generate-messaging.ts';

export const SCALES = {
  small: { organizations: 10, clients: 500, projects: 2_000, invoices: 10_000, messages: 20_000 },
  medium: { organizations: 100, clients: 5_000, projects: 20_000, invoices: 100_000, messages: 200_000 },
  large: { organizations: 1_000, clients: 50_000, projects: 200_000, invoices: 1_000_000, messages: 2_000_000 },
} as const;
export type Scale = keyof typeof SCALES;

/** Staff per organization, by role; client members are added for one client in ten. */
const STAFF_ROLES = ['owner', 'admin', 'manager', 'member', 'member'] as const;
export const BENCH_PASSWORD = 'bench-password';
export const benchEmail = (org: number, person: number, seed = 1) => `staff${person}.org${org}${seed === 1 ? '' : `.s${seed}`}@bench.test`;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic UUID (version 4 layout) for the n-th row of a kind. */
export function benchId(kind: string, n: number, seed: number): string {
  const h = createHash('sha1').update(`${seed}:${kind}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** One COPY text-format field. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function copyRows(client: pg.PoolClient | pg.Client, table: string, columns: string[], rows: Iterable<unknown[]>): Promise<number> {
  let count = 0;
  function* lines() {
    let batch = '';
    for (const row of rows) {
      batch += row.map(copyField).join('\t') + '\n';
      count++;
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(lines()), sink);
  return count;
}

const WORDS = ['North', 'Blue', 'Iron', 'Silver', 'Cedar', 'Harbor', 'Summit', 'Bright', 'Lumen', 'Oak', 'Atlas', 'Nova', 'Pixel', 'Copper', 'Maple', 'Orbit'];
const KINDS = ['Studio', 'Foods', 'Labs', 'Outdoor', 'Media', 'Health', 'Logistics', 'Design', 'Energy', 'Finance', 'Travel', 'Retail'];
const PROJECT_KINDS = ['Website redesign', 'Brand refresh', 'Mobile app', 'Campaign', 'Packaging', 'Product launch', 'Annual report', 'Design system'];
const CLIENT_STATUS = ['lead', 'active', 'active', 'active', 'inactive', 'archived'] as const;
const PROJECT_STATUS = ['planning', 'active', 'active', 'active', 'on_hold', 'completed', 'archived'] as const;

export interface GenerateReport {
  scale: Scale;
  seed: number;
  rows: Record<string, number>;
  skipped: string[];
  seconds: number;
}

async function tableExists(client: pg.PoolClient | pg.Client, table: string): Promise<boolean> {
  const { rows } = await client.query('select to_regclass($1) is not null as present', [table]);
  return rows[0].present as boolean;
}

/** Generates one scale of data into the database at `dbUrl` (which must not already hold it). */
export async function generate(dbUrl: string, scale: Scale, seed = 1): Promise<GenerateReport> {
  const size = SCALES[scale];
  const started = performance.now();
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  const skipped: string[] = [];
  const now = Date.UTC(2026, 10, 23);
  const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
  try {
    await client.query('begin');
    await client.query(`set local session_replication_role = replica`);
    const hash = (await client.query(`select extensions.crypt($1, extensions.gen_salt('bf', 4)) as h`, [BENCH_PASSWORD])).rows[0].h as string;

    const orgs = Array.from({ length: size.organizations }, (_, i) => ({ id: benchId('org', i, seed), n: i }));
    rows.organizations = await copyRows(client, 'public.organizations', ['id', 'name', 'slug', 'currency', 'created_at', 'updated_at'],
      orgs.map((o) => [o.id, `${pick(WORDS)} ${pick(KINDS)} ${o.n}`, `bench-${seed}-${o.n}`, o.n % 3 === 0 ? 'EUR' : 'USD', daysAgo(400), daysAgo(1)]));

    const people = orgs.flatMap((o) => STAFF_ROLES.map((role, p) => ({ id: benchId('user', o.n * 10 + p, seed), org: o, role, email: benchEmail(o.n, p, seed) })));
    rows['auth.users'] = await copyRows(client, 'auth.users',
      ['instance_id', 'id', 'aud', 'role', 'email', 'encrypted_password', 'email_confirmed_at', 'raw_app_meta_data', 'raw_user_meta_data', 'created_at', 'updated_at'],
      people.map((u) => ['00000000-0000-0000-0000-000000000000', u.id, 'authenticated', 'authenticated', u.email, hash, daysAgo(300),
        { provider: 'email', providers: ['email'] }, { display_name: `Staff ${u.email.split('@')[0]}` }, daysAgo(300), daysAgo(1)]));
    await copyRows(client, 'auth.identities', ['provider_id', 'user_id', 'identity_data', 'provider', 'created_at', 'updated_at'],
      people.map((u) => [u.id, u.id, { sub: u.id, email: u.email, email_verified: true }, 'email', daysAgo(300), daysAgo(1)]));
    rows.profiles = await copyRows(client, 'public.profiles', ['id', 'display_name'], people.map((u) => [u.id, `Staff ${u.email.split('@')[0]}`]));
    rows.organization_members = await copyRows(client, 'public.organization_members', ['organization_id', 'user_id', 'role', 'created_at', 'updated_at'],
      people.map((u) => [u.org.id, u.id, u.role, daysAgo(300), daysAgo(1)]));

    // Clients are spread over organizations unevenly (a few big studios, many small ones), as in life.
    const clientOrg = () => orgs[Math.floor(Math.pow(rand(), 1.6) * orgs.length)]!;
    const clients = Array.from({ length: size.clients }, (_, i) => ({ id: benchId('client', i, seed), org: clientOrg(), n: i }));
    rows.clients = await copyRows(client, 'public.clients',
      ['id', 'organization_id', 'name', 'status', 'email', 'contacts', 'owner_id', 'source', 'last_activity_at', 'created_at', 'updated_at'],
      clients.map((c) => {
        const name = `${pick(WORDS)} ${pick(KINDS)} ${c.n}`;
        return [c.id, c.org.id, name, pick(CLIENT_STATUS), `hello${c.n}@client${c.n}.bench.test`,
          [{ name: `Contact ${c.n}`, email: `contact${c.n}@client${c.n}.bench.test` }],
          benchId('user', c.org.n * 10 + 2, seed), c.n % 4 === 0 ? 'intake' : 'manual', daysAgo(Math.floor(rand() * 90)), daysAgo(200), daysAgo(1)];
      }));

    const projectNames: string[] = [];
    const projects = Array.from({ length: size.projects }, (_, i) => ({ id: benchId('project', i, seed), client: clients[Math.floor(rand() * clients.length)]!, n: i }));
    rows.projects = await copyRows(client, 'public.projects',
      ['id', 'organization_id', 'client_id', 'name', 'status', 'budget', 'budget_hours', 'hourly_rate', 'start_on', 'end_on', 'milestones', 'created_at', 'updated_at'],
      projects.map((p) => {
        const start = Math.floor(rand() * 300);
        const name = `${pick(PROJECT_KINDS)} ${p.n}`;
        projectNames[p.n] = name;
        return [p.id, p.client.org.id, p.client.id, name, pick(PROJECT_STATUS), 1000 * (5 + Math.floor(rand() * 95)),
          20 + Math.floor(rand() * 400), 80 + Math.floor(rand() * 80), daysAgo(start).slice(0, 10), daysAgo(start - 120).slice(0, 10),
          [{ key: 'kickoff', title: 'Kickoff', due_on: daysAgo(start).slice(0, 10), done: true }, { key: 'launch', title: 'Launch', due_on: daysAgo(start - 120).slice(0, 10) }],
          daysAgo(start + 5), daysAgo(1)];
      }));

    if (await tableExists(client, 'public.invoices')) {
      const projectsByClient = new Map<number, string[]>();
      const clientIndex = new Map(clients.map((c, i) => [c.id, i]));
      for (const p of projects) {
        const i = clientIndex.get(p.client.id)!;
        const list = projectsByClient.get(i);
        if (list) list.push(p.id);
        else projectsByClient.set(i, [p.id]);
      }
      Object.assign(rows, await generateInvoices(client, size.invoices, { seed, now, clients, projectsByClient }, copyRows));
    }

    if (await tableExists(client, 'public.messages')) {
      const staffByOrg = new Map<number, string[]>();
      for (const u of people) staffByOrg.set(u.org.n, [...(staffByOrg.get(u.org.n) ?? []), u.id]);
      Object.assign(rows, await generateMessaging({
        client, seed, rand, now, totalMessages: size.messages, staffByOrg, benchId, copyRows,
        projects: projects.map((p) => ({ id: p.id, name: projectNames[p.n]!, orgId: p.client.org.id, orgIndex: p.client.org.n })),
      }));
    }

    // Later modules: generated once their tables exist.
    for (const table of ['invoices', 'messages'] as const) {
      if (!(await tableExists(client, `public.${table}`))) skipped.push(`${table} (${size[table].toLocaleString('en-US')} rows once the table exists)`);
    }
    await client.query('commit');
    for (const table of ['organizations', 'organization_members', 'profiles', 'clients', 'projects']) await client.query(`analyze public.${table}`);
    if (rows.invoices) for (const table of ['invoices', 'invoice_items', 'payments']) await client.query(`analyze public.${table}`);
    if (rows.messages) for (const table of ['channels', 'channel_members', 'messages']) await client.query(`analyze public.${table}`);
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return { scale, seed, rows, skipped, seconds: (performance.now() - started) / 1000 };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = (argument('scale') ?? 'small') as Scale;
  if (!(scale in SCALES)) throw new Error(`bench:generate: --scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const seed = Number(argument('seed') ?? 1);
  const db = argument('db') ?? process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
  const report = await generate(db, scale, seed);
  const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
  console.log(`bench:generate: ${scale} (seed ${seed}) wrote ${total.toLocaleString('en-US')} rows in ${report.seconds.toFixed(1)} s`);
  for (const [table, count] of Object.entries(report.rows)) console.log(`  ${table.padEnd(22)} ${count.toLocaleString('en-US')}`);
  for (const s of report.skipped) console.log(`  skipped: ${s}`);
}
