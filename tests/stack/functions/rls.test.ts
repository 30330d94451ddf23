import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDb } from '../../helpers/env.ts';
import { client, userToken } from './helpers.ts';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

describe('functions: caller JWT and RLS', () => {
  beforeAll(async () => {
    await withDb(async (db) => {
      await db.query(`
        create schema if not exists fn_fixture;
        grant usage on schema fn_fixture to anon, authenticated;
        create table if not exists fn_fixture.notes (owner uuid not null, title text not null);
        alter table fn_fixture.notes enable row level security;
        grant select on fn_fixture.notes to anon, authenticated;
        drop policy if exists "Users read their own notes" on fn_fixture.notes;
        create policy "Users read their own notes" on fn_fixture.notes for select to authenticated using (owner = (select auth.uid()));
        truncate fn_fixture.notes;
      `);
      await db.query(`insert into fn_fixture.notes values ($1, 'alice 1'), ($1, 'alice 2'), ($2, 'bob 1')`, [ALICE, BOB]);
    });
  });
  afterAll(async () => {
    await withDb((db) => db.query('drop schema if exists fn_fixture cascade'));
  });

  it('queries as the caller: each user sees only their rows, anon sees none', async () => {
    const alice = await userToken(ALICE);
    const asAlice = await client().functions.invoke('fn-rls', { headers: { Authorization: `Bearer ${alice}` } });
    expect(asAlice.error).toBeNull();
    expect(asAlice.data).toMatchObject({ sub: ALICE, role: 'authenticated', titles: ['alice 1', 'alice 2'] });
    // The shared user client forwarded the caller's token to the next function.
    expect(asAlice.data.echoed.authorization).toBe(`Bearer ${alice}`);

    const asBob = await client().functions.invoke('fn-rls', { headers: { Authorization: `Bearer ${await userToken(BOB)}` } });
    expect(asBob.data.titles).toEqual(['bob 1']);

    const asAnon = await client().functions.invoke('fn-rls', { body: {} });
    expect(asAnon.data).toMatchObject({ role: 'anon', titles: [] });
  }, 120_000); // the first run downloads the function's npm imports
});
