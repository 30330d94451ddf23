// The public intake form through the real REST API as an anonymous visitor: a valid request becomes a
// lead, a submission and notifications; bad input is refused with the server's message; the honeypot
// stores nothing; a sixth request within the hour from one address is rate limited; a disabled form
// does not exist to the public.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { stackClient, stackEnv } from '../helpers/env.ts';

let matrix: Matrix;
let org: string;
let slug: string;

/** An anonymous visitor whose requests arrive from `ip` (as hosted Supabase's edge forwards it). */
const visitor = (ip: string) => stackClient(stackEnv.anonKey, { headers: { 'X-Forwarded-For': ip } });
let ipCounter = 0;
const freshIp = () => `198.51.100.${(++ipCounter % 250) + 1}, 10.0.0.${ipCounter}`;
const run = randomUUID().slice(0, 8);
const request = (over: Record<string, unknown> = {}) => ({
  org_slug: slug,
  name: 'Ada Lovelace',
  email: `ada-${randomUUID().slice(0, 8)}@intake.test`,
  message: 'We need a website for our analytical engine.',
  ...over,
});

async function newOrgWithForm(enabled: boolean): Promise<{ org: string; slug: string }> {
  const id = await matrix.ctx.newOrg();
  const { rows } = await matrix.ctx.db.query('select slug from public.organizations where id = $1', [id]);
  await matrix.ctx.db.query('insert into public.intake_forms (organization_id, enabled, title, thank_you) values ($1, $2, $3, $4)', [
    id,
    enabled,
    'Work with us',
    'Thanks!',
  ]);
  return { org: id, slug: rows[0].slug };
}

/** Fixed one-hour windows: do not start a rate-limit test in the last seconds of one. */
async function awayFromHourBoundary(): Promise<void> {
  const { rows } = await matrix.ctx.db.query(`select 3600 - extract(epoch from now())::bigint % 3600 as left`);
  if (Number(rows[0].left) < 20) await new Promise((r) => setTimeout(r, (Number(rows[0].left) + 1) * 1000));
}

beforeAll(async () => {
  matrix = await setUpMatrix();
  ({ org, slug } = await newOrgWithForm(true));
});
afterAll(async () => {
  await matrix?.close();
});

describe('intake_form', () => {
  it('shows an enabled form to anyone, by slug in any case', async () => {
    const { data, error } = await visitor(freshIp()).rpc('intake_form', { org_slug: slug.toUpperCase() });
    expect(error).toBeNull();
    expect(data).toEqual([{ organization_name: 'RLS matrix', title: 'Work with us', intro: null, thank_you: 'Thanks!', ask_budget: true }]);
  });

  it('does not exist for a disabled form or an unknown organization', async () => {
    const disabled = await newOrgWithForm(false);
    for (const s of [disabled.slug, `nobody-${run}`]) {
      const form = await visitor(freshIp()).rpc('intake_form', { org_slug: s });
      expect(form.data).toEqual([]);
      const sent = await visitor(freshIp()).rpc('submit_intake', request({ org_slug: s }));
      expect(sent.error).toMatchObject({ code: 'P0002', message: 'This organization does not take requests online' });
    }
    const { rows } = await matrix.ctx.db.query('select count(*)::int as n from public.intake_submissions where organization_id = $1', [disabled.org]);
    expect(rows[0].n).toBe(0);
  });

  it('is not readable as a table by visitors', async () => {
    const { data } = await visitor(freshIp()).from('intake_forms').select('id').eq('organization_id', org);
    expect(data ?? []).toEqual([]);
  });
});

describe('submit_intake', () => {
  it('turns a valid request into a lead, a submission and a notification for managers and up', async () => {
    const email = `grace-${run}@intake.test`;
    const { data, error, status } = await visitor('203.0.113.7').rpc('submit_intake', {
      org_slug: slug,
      name: '  Grace Hopper ',
      email: email.toUpperCase(),
      company: 'Navy Labs',
      phone: '+1 555 0100',
      budget: '15,000 – 50,000',
      message: 'A compiler for business data processing, please.',
      website: '',
    });
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual({ ok: true });

    const db = matrix.ctx.db;
    const { rows: leads } = await db.query('select * from public.clients where organization_id = $1 and email = $2', [org, email]);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      name: 'Navy Labs',
      status: 'lead',
      source: 'intake',
      phone: '+1 555 0100',
      notes: 'A compiler for business data processing, please.',
      contacts: [{ name: 'Grace Hopper', email, phone: '+1 555 0100' }],
      created_by: null,
    });
    const { rows: submissions } = await db.query('select * from public.intake_submissions where client_id = $1', [leads[0].id]);
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ name: 'Grace Hopper', email, company: 'Navy Labs', budget: '15,000 – 50,000' });
    expect(submissions[0].ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(submissions[0])).not.toContain('203.0.113.7');

    const { rows: notified } = await db.query(
      `select user_id, title, link from public.notifications where organization_id = $1 and kind = 'lead.created' and data ->> 'client_id' = $2`,
      [org, leads[0].id],
    );
    const users = matrix.ctx.users;
    expect(notified.map((n) => n.user_id).sort()).toEqual([users.owner, users.admin, users.manager].sort());
    expect(notified[0]).toMatchObject({ title: 'New lead: Navy Labs', link: `/clients/${leads[0].id}` });

    // Staff read both through the API; the client member and outsiders read neither.
    const asMember = await matrix.clients.member.from('intake_submissions').select('id, client_id').eq('client_id', leads[0].id);
    expect(asMember.data).toHaveLength(1);
    for (const actor of ['client', 'outsider'] as const) {
      const { data: seen } = await matrix.clients[actor].from('intake_submissions').select('id').eq('client_id', leads[0].id);
      expect(seen ?? []).toEqual([]);
    }
  });

  it('names the lead after the person when no company is given', async () => {
    const email = `solo-${run}@intake.test`;
    await visitor(freshIp()).rpc('submit_intake', request({ name: 'Solo Person', email }));
    const { rows } = await matrix.ctx.db.query('select name from public.clients where organization_id = $1 and email = $2', [org, email]);
    expect(rows).toEqual([{ name: 'Solo Person' }]);
  });

  it('refuses invalid requests with a 400 and a message a person can act on, storing nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ' }, 'Please give your name (at most 120 characters)'],
      [{ email: 'not-an-email' }, 'Please give a valid email address'],
      [{ message: 'Too short' }, 'Please describe what you need in 10 to 5000 characters'],
      [{ message: 'x'.repeat(5001) }, 'Please describe what you need in 10 to 5000 characters'],
      [{ company: 'c'.repeat(121) }, 'Company (120), phone (40) or budget (60) is too long'],
      [{ budget: 'b'.repeat(61) }, 'Company (120), phone (40) or budget (60) is too long'],
    ];
    const email = `invalid-${run}@intake.test`;
    for (const [change, message] of cases) {
      const { error, status } = await visitor(freshIp()).rpc('submit_intake', request({ email, ...change }));
      expect(status, message).toBe(400);
      expect(error).toMatchObject({ code: '22023', message });
    }
    const { rows } = await matrix.ctx.db.query('select count(*)::int as n from public.intake_submissions where organization_id = $1 and email = $2', [org, email]);
    expect(rows[0].n).toBe(0);
  });

  it('answers a filled honeypot as if it worked, and stores nothing', async () => {
    const email = `bot-${run}@intake.test`;
    const { data, error } = await visitor(freshIp()).rpc('submit_intake', request({ email, website: 'https://cheap-pills.example' }));
    expect(error).toBeNull();
    expect(data).toEqual({ ok: true });
    const { rows } = await matrix.ctx.db.query(
      `select (select count(*) from public.clients where email = $1)::int as clients,
              (select count(*) from public.intake_submissions where email = $1)::int as submissions,
              (select count(*) from public.notifications where organization_id = $2 and body like '%cheap-pills%')::int as notifications`,
      [email, org],
    );
    expect(rows[0]).toEqual({ clients: 0, submissions: 0, notifications: 0 });
  });

  it('allows five requests an hour from one address; the sixth gets 429 while another address still works', async () => {
    const limited = await newOrgWithForm(true);
    await awayFromHourBoundary();
    const ip = '192.0.2.55';
    for (let i = 1; i <= 5; i++) {
      const { error } = await visitor(ip).rpc('submit_intake', request({ org_slug: limited.slug }));
      expect(error, `request ${i}`).toBeNull();
    }
    const sixth = await visitor(ip).rpc('submit_intake', request({ org_slug: limited.slug }));
    expect(sixth.status).toBe(429);
    expect(sixth.error).toMatchObject({ code: 'PT429', message: 'Too many requests from your network; please try again in an hour' });
    // The same address behind another proxy hop is the same visitor (the first X-Forwarded-For entry counts).
    const viaProxy = await visitor(`${ip}, 10.1.2.3`).rpc('submit_intake', request({ org_slug: limited.slug }));
    expect(viaProxy.status).toBe(429);

    const other = await visitor('192.0.2.56').rpc('submit_intake', request({ org_slug: limited.slug }));
    expect(other.error).toBeNull();
    // The limit is per organization: the same address can still write to another studio.
    const elsewhere = await visitor(ip).rpc('submit_intake', request());
    expect(elsewhere.error).toBeNull();

    const { rows } = await matrix.ctx.db.query('select count(*)::int as n from public.intake_submissions where organization_id = $1', [limited.org]);
    expect(rows[0].n).toBe(6);
  });
});
