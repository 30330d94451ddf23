// The client list as the SPA asks for it through REST: search by name or email (trigram-indexed
// ilike with the typed text kept literal), filters, sorting, exact counts and range pagination, the
// owner embedded by its foreign key; and only staff see any of it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { CLIENTS_PAGE_SIZE, CLIENT_LIST_COLUMNS, containsFilter } from '../../src/features/clients/api/list-params.ts';

let matrix: Matrix;
let org: string;
const run = randomUUID().slice(0, 6);

beforeAll(async () => {
  matrix = await setUpMatrix();
  org = await matrix.ctx.newOrg();
  const db = matrix.ctx.db;
  await db.query('update public.profiles set display_name = $2 where id = $1', [matrix.ctx.users.manager, 'Maya Manager']);
  // 30 "Harbor" clients (some archived, some stale, some owned), and a few others.
  for (let i = 1; i <= 30; i++) {
    await db.query(
      `insert into public.clients (organization_id, name, email, status, owner_id, last_activity_at, stale_since)
       values ($1, $2, $3, $4, $5, now() - make_interval(days => $6), $7)`,
      [
        org,
        `Harbor ${String(i).padStart(2, '0')}`,
        `team${i}@harbor-${run}.test`,
        i % 10 === 0 ? 'archived' : i % 3 === 0 ? 'active' : 'lead',
        i % 2 === 0 ? matrix.ctx.users.manager : null,
        i,
        i % 7 === 0 ? new Date().toISOString() : null,
      ],
    );
  }
  await db.query(`insert into public.clients (organization_id, name, email) values ($1, 'Quiet Co', $2), ($1, '100% Organic', null), ($1, '100 Percent', null)`, [
    org,
    `hello@harbor-${run}.test`,
  ]);
});
afterAll(async () => {
  await matrix?.close();
});

const list = () => matrix.clients.member.from('clients').select(CLIENT_LIST_COLUMNS, { count: 'exact' }).eq('organization_id', org);

describe('client search and pagination', () => {
  it('finds clients by name or email, case-insensitively, with an exact count', async () => {
    const byName = await list().or(containsFilter(['name', 'email'], 'HARBOR 1')).order('name');
    expect(byName.error).toBeNull();
    expect(byName.count).toBe(10); // Harbor 10 to 19
    expect(byName.data!.map((c) => c.name)[0]).toBe('Harbor 10');

    const byEmail = await list().or(containsFilter(['name', 'email'], `hello@harbor-${run}`));
    expect(byEmail.data!.map((c) => c.name)).toEqual(['Quiet Co']);
  });

  it('pages with range() and keeps the total', async () => {
    const search = containsFilter(['name', 'email'], 'harbor');
    const first = await list().or(search).order('name').order('id').range(0, CLIENTS_PAGE_SIZE - 1);
    const second = await list().or(search).order('name').order('id').range(CLIENTS_PAGE_SIZE, 2 * CLIENTS_PAGE_SIZE - 1);
    expect(first.count).toBe(31); // 30 Harbor clients and Quiet Co (by its email)
    expect(first.data).toHaveLength(25);
    expect(second.data).toHaveLength(6);
    expect(second.count).toBe(31);
    const names = [...first.data!, ...second.data!].map((c) => c.name);
    expect(new Set(names).size).toBe(31);
    expect(names.slice(0, 3)).toEqual(['Harbor 01', 'Harbor 02', 'Harbor 03']);
  });

  it('treats % and _ in the search as text, not wildcards', async () => {
    const percent = await list().or(containsFilter(['name', 'email'], '100%'));
    expect(percent.data!.map((c) => c.name)).toEqual(['100% Organic']);
    const underscore = await list().or(containsFilter(['name', 'email'], 'harbor_0'));
    expect(underscore.data).toEqual([]);
    const quote = await list().or(containsFilter(['name', 'email'], 'a"),id.neq.(x'));
    expect(quote.error).toBeNull();
    expect(quote.data).toEqual([]);
  });

  it('filters by status, owner and staleness, and sorts by last activity', async () => {
    const harbor = containsFilter(['name'], 'harbor');
    const notArchived = await list().or(harbor).neq('status', 'archived');
    expect(notArchived.count).toBe(27);
    const archived = await list().or(harbor).eq('status', 'archived');
    expect(archived.data!.map((c) => c.name).sort()).toEqual(['Harbor 10', 'Harbor 20', 'Harbor 30']);

    const owned = await list().or(harbor).eq('owner_id', matrix.ctx.users.manager).order('name').limit(1);
    expect(owned.count).toBe(15);
    expect(owned.data![0]).toMatchObject({ name: 'Harbor 02', owner: { display_name: 'Maya Manager' } });
    const unowned = await list().or(harbor).is('owner_id', null);
    expect(unowned.count).toBe(15);
    expect(unowned.data!.every((c) => c.owner === null)).toBe(true);

    const stale = await list().not('stale_since', 'is', null).order('name');
    expect(stale.data!.map((c) => c.name)).toEqual(['Harbor 07', 'Harbor 14', 'Harbor 21', 'Harbor 28']);

    const recent = await list().or(harbor).order('last_activity_at', { ascending: false }).limit(2);
    expect(recent.data!.map((c) => c.name)).toEqual(['Harbor 01', 'Harbor 02']);
  });

  it('shows clients to staff only', async () => {
    for (const actor of ['client', 'outsider', 'anon'] as const) {
      const { data } = await matrix.clients[actor].from('clients').select('id').eq('organization_id', org);
      expect(data ?? [], actor).toEqual([]);
    }
    const { count } = await matrix.clients.owner.from('clients').select('id', { count: 'exact', head: true }).eq('organization_id', org);
    expect(count).toBe(33);
  });
});
