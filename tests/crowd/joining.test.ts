// Joining and leaving a crowd project through the real REST API: who may join, when, rejoining, the
// quorum creating exactly one estimate request (also under concurrent joins), and what people see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crowdProject, isoDay, newCrowdStudio, openCrowdProject, sql, type CrowdStudio } from './fixtures.ts';

let studio: CrowdStudio;
beforeAll(async () => {
  studio = await newCrowdStudio();
});
afterAll(async () => {
  for (const p of [studio?.manager, studio?.member, studio?.ownClient, studio?.foreignClient, studio?.loner]) await p?.client.auth.signOut();
});

describe('joining', () => {
  it('lets a client of the organization, a client of another organization and a person in no organization join', async () => {
    const id = await openCrowdProject(studio, { quorum: 10 });
    const own = await studio.ownClient.client.rpc('join_crowd_project', { crowd_project_id: id, agree_to_charge: true });
    expect(own.error).toBeNull();
    expect(own.data).toMatchObject({ status: 'joined', client_id: studio.clientId, agreed_to_charge: true, pledge_amount: null });
    const foreign = await studio.foreignClient.client.rpc('join_crowd_project', { crowd_project_id: id });
    expect(foreign.error).toBeNull();
    expect(foreign.data).toMatchObject({ status: 'joined', client_id: null, organization_id: studio.org });
    const loner = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    expect(loner.error).toBeNull();
    expect((await crowdProject(id)).joined_count).toBe(3);
  });

  it('refuses staff of the organization', async () => {
    const id = await openCrowdProject(studio);
    const { error } = await studio.member.client.rpc('join_crowd_project', { crowd_project_id: id });
    expect(error?.code).toBe('42501');
  });

  it('refuses a cancelled project and one past its deadline', async () => {
    const cancelled = await openCrowdProject(studio);
    expect((await studio.manager.client.rpc('cancel_crowd_project', { crowd_project_id: cancelled })).error).toBeNull();
    const closed = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: cancelled });
    expect(closed.error?.code).toBe('23514');
    expect(closed.error?.message).toMatch(/no longer open/);

    const late = await openCrowdProject(studio);
    await sql('alter table public.crowd_projects disable trigger crowd_projects_rules');
    try {
      await sql('update public.crowd_projects set deadline = $2 where id = $1', [late, isoDay(-1)]);
    } finally {
      await sql('alter table public.crowd_projects enable trigger crowd_projects_rules');
    }
    const past = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: late });
    expect(past.error?.code).toBe('23514');
    expect(past.error?.message).toMatch(/deadline/);
    expect(await sql('select 1 from public.crowd_participants where crowd_project_id = any($1)', [[cancelled, late]])).toHaveLength(0);
  });

  it('requires a pledge when the project splits by pledge', async () => {
    const id = await openCrowdProject(studio, { split: 'pledge' });
    const none = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    expect(none.error?.code).toBe('23514');
    const ok = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id, pledge_amount: 25_000 });
    expect(ok.data).toMatchObject({ pledge_amount: 25_000 });
  });

  it('refuses a deadline in the past when staff open a project', async () => {
    await expect(openCrowdProject(studio, { deadline: isoDay(-2) })).rejects.toMatchObject({ code: '23514' });
  });
});

describe('leaving', () => {
  it('leaves before the quorum owing nothing, and rejoining reactivates the same row', async () => {
    const id = await openCrowdProject(studio, { quorum: 3 });
    const joined = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    const left = await studio.loner.client.rpc('leave_crowd_project', { crowd_project_id: id });
    expect(left.error).toBeNull();
    expect(left.data).toMatchObject({ id: joined.data.id, status: 'left', share_amount: null, invoice_id: null });
    expect((await crowdProject(id)).joined_count).toBe(0);

    const again = await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    expect(again.data).toMatchObject({ id: joined.data.id, status: 'joined', left_at: null });
    expect((await crowdProject(id)).joined_count).toBe(1);
  });

  it('is refused to someone who has not joined, and once the quorum is reached', async () => {
    const id = await openCrowdProject(studio, { quorum: 2 });
    expect((await studio.loner.client.rpc('leave_crowd_project', { crowd_project_id: id })).error?.code).toBe('P0002');
    await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    await studio.foreignClient.client.rpc('join_crowd_project', { crowd_project_id: id });
    const { error } = await studio.loner.client.rpc('leave_crowd_project', { crowd_project_id: id });
    expect(error?.code).toBe('23514');
  });
});

describe('the quorum', () => {
  it('requests one estimate and notifies staff and participants', async () => {
    const id = await openCrowdProject(studio, { quorum: 2, title: 'Quorum mural', target_budget: 123_400 });
    await studio.ownClient.client.rpc('join_crowd_project', { crowd_project_id: id });
    expect((await crowdProject(id)).status).toBe('open');
    await studio.foreignClient.client.rpc('join_crowd_project', { crowd_project_id: id });
    const cp = await crowdProject(id);
    expect(cp).toMatchObject({ status: 'quorum_reached', joined_count: 2 });
    expect(cp.quorum_reached_at).not.toBeNull();
    const estimates = await sql('select * from public.estimates where crowd_project_id = $1', [id]);
    expect(estimates).toHaveLength(1);
    expect(estimates[0]).toMatchObject({
      id: cp.estimate_id,
      client_id: null,
      service_type: 'Crowd commission',
      description: 'A shared mural for the street.',
      status: 'requested',
      budget_max: '123400',
      currency: 'USD',
    });
    const notified = await sql<{ user_id: string }>(`select user_id from public.notifications where kind = 'crowd.quorum_reached' and data ->> 'crowd_project_id' = $1`, [id]);
    const ids = notified.map((n) => n.user_id);
    expect(ids).toContain(studio.manager.id);
    expect(ids).toContain(studio.ownClient.id); // the earlier participant (the one who completed it sees it happen)
    expect(ids).not.toContain(studio.member.id);

    // Staff read the estimate; participants too (their crowd's estimate); the roster is closed.
    expect((await studio.manager.client.from('estimates').select('id').eq('id', cp.estimate_id)).data).toHaveLength(1);
    expect((await studio.foreignClient.client.from('estimates').select('id').eq('id', cp.estimate_id)).data).toHaveLength(1);
    expect((await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id })).error?.code).toBe('23514');
  });

  it('creates one estimate, not two, when the last joins arrive at once', async () => {
    const id = await openCrowdProject(studio, { quorum: 3 });
    const people = await Promise.all([1, 2, 3, 4, 5].map((n) => studio.newPerson(`racer${n}`)));
    await people[0]!.client.rpc('join_crowd_project', { crowd_project_id: id });
    const results = await Promise.all(people.slice(1).map((p) => p.client.rpc('join_crowd_project', { crowd_project_id: id })));
    const succeeded = results.filter((r) => !r.error).length;
    expect(succeeded).toBe(2); // the two that reached the quorum; later ones find it closed
    expect(results.filter((r) => r.error).every((r) => r.error!.code === '23514')).toBe(true);
    expect(await sql('select 1 from public.estimates where crowd_project_id = $1', [id])).toHaveLength(1);
    expect(await crowdProject(id)).toMatchObject({ status: 'quorum_reached', joined_count: 3 });
  });

  it('is reached when staff lower the quorum to the number already joined', async () => {
    const id = await openCrowdProject(studio, { quorum: 5 });
    await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    await studio.foreignClient.client.rpc('join_crowd_project', { crowd_project_id: id });
    const { error } = await studio.manager.client.from('crowd_projects').update({ quorum: 2 }).eq('id', id);
    expect(error).toBeNull();
    expect(await crowdProject(id)).toMatchObject({ status: 'quorum_reached', joined_count: 2 });
    // Terms are fixed from then on.
    const change = await studio.manager.client.from('crowd_projects').update({ target_budget: 1 }).eq('id', id);
    expect(change.error?.code).toBe('23514');
  });
});

describe('what people see', () => {
  it('shows participants to each other by name without Stripe ids; outsiders of a closed project see nothing', async () => {
    const id = await openCrowdProject(studio, { quorum: 2 });
    await studio.ownClient.client.rpc('join_crowd_project', { crowd_project_id: id });
    const beforeQuorum = await studio.loner.client.from('crowd_projects').select('id, joined_count').eq('id', id);
    expect(beforeQuorum.data).toEqual([{ id, joined_count: 1 }]); // open projects are visible to anyone signed in
    expect((await studio.loner.client.from('crowd_participants').select('id').eq('crowd_project_id', id)).data).toEqual([]);
    await sql(`update public.crowd_participants set stripe_customer_id = 'cus_secret', stripe_payment_method_id = 'pm_secret' where crowd_project_id = $1`, [id]);
    await studio.foreignClient.client.rpc('join_crowd_project', { crowd_project_id: id });

    const rows = await studio.foreignClient.client.from('crowd_participants').select('user_id, status').eq('crowd_project_id', id);
    expect(rows.data?.map((r) => r.user_id).sort()).toEqual([studio.ownClient.id, studio.foreignClient.id].sort());
    const stripe = await studio.foreignClient.client.from('crowd_participants').select('stripe_customer_id').eq('crowd_project_id', id);
    expect(stripe.error?.code).toBe('42501');

    const status = await studio.foreignClient.client.rpc('crowd_project_status', { crowd_project_id: id });
    expect(status.error).toBeNull();
    const own = status.data.find((r: any) => r.user_id === studio.ownClient.id);
    expect(own).toMatchObject({ display_name: 'Crowd own-client', is_me: false, has_saved_card: null });
    expect(JSON.stringify(status.data)).not.toMatch(/secret/);
    const staffView = await studio.manager.client.rpc('crowd_project_status', { crowd_project_id: id });
    expect(staffView.data.find((r: any) => r.user_id === studio.ownClient.id)).toMatchObject({ has_saved_card: true });

    // Quorum reached: the project is no longer open, so a non-participant sees neither it nor its people.
    expect((await studio.loner.client.from('crowd_projects').select('id').eq('id', id)).data).toEqual([]);
    expect((await studio.loner.client.rpc('crowd_project_status', { crowd_project_id: id })).error?.code).toBe('P0002');
    expect((await studio.loner.client.from('estimates').select('id').eq('crowd_project_id', id)).data).toEqual([]);
  });

  it('lets only staff open, and only managers cancel', async () => {
    const forged = await studio.ownClient.client.from('crowd_projects').insert({
      organization_id: studio.org, title: 'Forged', quorum: 2, target_budget: 100, currency: 'USD', deadline: isoDay(3),
    });
    expect(forged.error?.code).toBe('42501');
    const id = await openCrowdProject(studio);
    expect((await studio.member.client.rpc('cancel_crowd_project', { crowd_project_id: id })).error?.code).toBe('42501');
    expect((await studio.foreignClient.client.rpc('cancel_crowd_project', { crowd_project_id: id })).error?.code).toBe('P0002');
    await studio.loner.client.rpc('join_crowd_project', { crowd_project_id: id });
    const cancelled = await studio.manager.client.rpc('cancel_crowd_project', { crowd_project_id: id });
    expect(cancelled.data).toMatchObject({ status: 'cancelled' });
    expect(await sql(`select 1 from public.notifications where kind = 'crowd.cancelled' and user_id = $1 and data ->> 'crowd_project_id' = $2`, [studio.loner.id, id])).toHaveLength(1);
  });
});
