// flag-stale-leads (03:00 UTC): leads without activity for the organization's stale_lead_days are
// flagged and their owner (or the managers) told once; fresh leads and real clients are left alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient } from '../helpers/env.ts';
import { createOrganization, letScheduleRun, resetClock, runJob, sql, type Fixture } from './helpers.ts';

let strict: Fixture; // stale after 10 days
let relaxed: Fixture; // the default 14 days
const ids: Record<string, string> = {};

async function addClient(fx: Fixture, name: string, status: 'lead' | 'active', daysIdle: number, owned: boolean): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into public.clients (organization_id, name, status, owner_id, last_activity_at)
     values ($1, $2, $3, $4, now() - make_interval(days => $5)) returning id`,
    [fx.organizationId, name, status, owned ? fx.userId : null, daysIdle],
  );
  return row!.id;
}

const staleNotifications = (clientId: string) =>
  sql<{ user_id: string; title: string; link: string }>(`select user_id, title, link from public.notifications where kind = 'lead.stale' and data ->> 'client_id' = $1`, [clientId]);

describe('daily job: flag-stale-leads', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    strict = await createOrganization('leads-strict', { staleLeadDays: 10 });
    relaxed = await createOrganization('leads-relaxed');
    ids.cold = await addClient(strict, 'Cold lead', 'lead', 20, true);
    ids.unowned = await addClient(strict, 'Unowned cold lead', 'lead', 12, false);
    ids.fresh = await addClient(strict, 'Fresh lead', 'lead', 2, true);
    ids.quietClient = await addClient(strict, 'Quiet active client', 'active', 60, true);
    ids.underDefault = await addClient(relaxed, 'Twelve days, default threshold', 'lead', 12, true);
    ids.overDefault = await addClient(relaxed, 'Fifteen days, default threshold', 'lead', 15, true);
  });
  afterAll(async () => {
    await resetClock();
  });

  it('runs at 03:00 UTC on its own and flags leads idle longer than their organization allows', async () => {
    const run = await letScheduleRun('flag-stale-leads', 3, 0);
    expect(run.status).toBe('succeeded');
    const rows = await sql<{ id: string; stale: boolean }>(`select id, stale_since is not null as stale from public.clients where id = any($1)`, [Object.values(ids)]);
    const stale = Object.fromEntries(rows.map((r) => [r.id, r.stale]));
    expect({
      cold: stale[ids.cold!],
      unowned: stale[ids.unowned!],
      fresh: stale[ids.fresh!],
      quietClient: stale[ids.quietClient!],
      underDefault: stale[ids.underDefault!],
      overDefault: stale[ids.overDefault!],
    }).toEqual({ cold: true, unowned: true, fresh: false, quietClient: false, underDefault: false, overDefault: true });
  });

  it('tells the owner, or the managers when nobody owns the lead, with a link to it', async () => {
    expect(await staleNotifications(ids.cold!)).toEqual([{ user_id: strict.userId, title: 'Lead going cold: Cold lead', link: `/clients/${ids.cold}` }]);
    expect((await staleNotifications(ids.unowned!)).map((n) => n.user_id)).toEqual([strict.userId]);
    expect(await staleNotifications(ids.fresh!)).toEqual([]);
  });

  it('does not notify twice when it runs again', async () => {
    const again = await runJob('flag-stale-leads');
    expect(again.status).toBe('succeeded');
    expect(await staleNotifications(ids.cold!)).toHaveLength(1);
    expect(await staleNotifications(ids.overDefault!)).toHaveLength(1);
  });

  it('clears the flag as soon as someone works on the lead', async () => {
    const db = anonClient();
    const { error } = await db.auth.signInWithPassword({ email: strict.email, password: strict.password });
    expect(error).toBeNull();
    await db.from('clients').update({ notes: 'Called them back; proposal next week.' }).eq('id', ids.cold!).throwOnError();
    const [row] = await sql<{ stale_since: Date | null; idle: boolean }>(
      `select stale_since, last_activity_at < now() - interval '1 day' as idle from public.clients where id = $1`,
      [ids.cold],
    );
    expect(row).toEqual({ stale_since: null, idle: false });
  });
});
