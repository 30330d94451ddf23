// Channel membership follows the organization: a project channel holds the staff and that project's
// client members, and stays in step as people join, leave, change role or the project changes client;
// a crowd channel holds the staff and the participants who joined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, setUpStudio, type Studio } from './fixture.ts';

let s: Studio;
beforeAll(async () => {
  s = await setUpStudio();
});
afterAll(async () => {
  await s?.close();
});

const sorted = (ids: string[]) => [...ids].sort();

describe('project channels', () => {
  it('are created with every new project, holding the staff and that client’s members only', async () => {
    const { projectId, channelId } = await s.newProject();
    expect(channelId).toBeTruthy();
    const { rows } = await s.db.query(`select kind, name, organization_id from public.channels where id = $1`, [channelId]);
    const [project] = (await s.db.query(`select name from public.projects where id = $1`, [projectId])).rows;
    expect(rows[0]).toEqual({ kind: 'project', name: project.name, organization_id: s.org });
    expect(await s.members(channelId)).toEqual(sorted([s.owner, s.users.manager, s.users.member, s.users.member2, s.users.client]));
    const { rows: roles } = await s.db.query(`select user_id, role from public.channel_members where channel_id = $1 and user_id = $2`, [
      channelId,
      s.users.manager,
    ]);
    expect(roles[0].role).toBe('moderator');
  });

  it('lets members see the channel and keeps other clients and other organizations out', async () => {
    const mine = must(await s.as.client.rpc('my_channels')) as Array<{ id: string; kind: string }>;
    expect(mine.map((c) => c.id)).toContain(s.channelId);
    for (const person of ['otherClient', 'outsider'] as const) {
      const theirs = must(await s.as[person].rpc('my_channels')) as Array<{ id: string }>;
      expect(theirs.map((c) => c.id)).not.toContain(s.channelId);
      expect(must(await s.as[person].from('channels').select('id').eq('id', s.channelId))).toEqual([]);
      expect(must(await s.as[person].from('channel_members').select('user_id').eq('channel_id', s.channelId))).toEqual([]);
    }
  });

  it('adds a new staff member to every project channel, and a new client member to its client’s only', async () => {
    const other = await s.newProject(s.otherClientId);
    const staff = await s.newUser('staff');
    await s.db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'member')`, [s.org, staff.id]);
    expect(await s.members(s.channelId)).toContain(staff.id);
    expect(await s.members(other.channelId)).toContain(staff.id);

    const portal = await s.newUser('portal');
    await s.db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [
      s.org,
      portal.id,
      s.clientId,
    ]);
    expect(await s.members(s.channelId)).toContain(portal.id);
    expect(await s.members(other.channelId)).not.toContain(portal.id);
  });

  it('takes a removed member out of every channel, and they lose access to its messages', async () => {
    const leaver = await s.newUser('leaver');
    await s.db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'member')`, [s.org, leaver.id]);
    must(await leaver.client.from('messages').insert({ channel_id: s.channelId, body: 'Last day tomorrow!' }));
    expect(must(await leaver.client.from('messages').select('id').eq('channel_id', s.channelId)).length).toBeGreaterThan(0);

    await s.db.query(`delete from public.organization_members where organization_id = $1 and user_id = $2`, [s.org, leaver.id]);
    expect(await s.members(s.channelId)).not.toContain(leaver.id);
    expect(must(await leaver.client.from('messages').select('id').eq('channel_id', s.channelId))).toEqual([]);
    const { error } = await leaver.client.from('messages').insert({ channel_id: s.channelId, body: 'Still here?' });
    expect(error?.code).toBe('42501');
  });

  it('follows role changes: a staff member made a client keeps only their client’s channels', async () => {
    const other = await s.newProject(s.otherClientId);
    const mover = await s.newUser('mover');
    await s.db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'manager')`, [s.org, mover.id]);
    const role = async () =>
      (await s.db.query(`select role from public.channel_members where channel_id = $1 and user_id = $2`, [s.channelId, mover.id])).rows[0]?.role;
    expect(await role()).toBe('moderator');
    await s.db.query(`update public.organization_members set role = 'member' where organization_id = $1 and user_id = $2`, [s.org, mover.id]);
    expect(await role()).toBe('member');
    await s.db.query(`update public.organization_members set role = 'client', client_id = $3 where organization_id = $1 and user_id = $2`, [
      s.org,
      mover.id,
      s.clientId,
    ]);
    expect(await s.members(s.channelId)).toContain(mover.id);
    expect(await s.members(other.channelId)).not.toContain(mover.id);
  });

  it('swaps the client members when a project moves to another client', async () => {
    const moving = await s.newProject(s.clientId);
    expect(await s.members(moving.channelId)).toContain(s.users.client);
    must(await s.as.manager.from('projects').update({ client_id: s.otherClientId }).eq('id', moving.projectId));
    const members = await s.members(moving.channelId);
    expect(members).toContain(s.users.otherClient);
    expect(members).not.toContain(s.users.client);
    expect(members).toContain(s.users.member);
  });

  it('renames the channel with its project and removes it with the project', async () => {
    const p = await s.newProject();
    must(await s.as.manager.from('projects').update({ name: 'Renamed launch' }).eq('id', p.projectId));
    expect((await s.db.query(`select name from public.channels where id = $1`, [p.channelId])).rows[0].name).toBe('Renamed launch');
    must(await s.as.manager.from('projects').delete().eq('id', p.projectId));
    expect((await s.db.query(`select count(*)::int as n from public.channels where id = $1`, [p.channelId])).rows[0].n).toBe(0);
  });
});

describe('crowd channels', () => {
  it('hold the staff and the participants who joined, and let go of those who left', async () => {
    const { rows } = await s.db.query(
      `insert into public.crowd_projects (organization_id, title, quorum, target_budget, currency, deadline)
       values ($1, 'Community mural', 3, 500000, 'USD', current_date + 30) returning id`,
      [s.org],
    );
    const crowdId = rows[0].id as string;
    const channel = (await s.db.query(`select id, kind from public.channels where crowd_project_id = $1`, [crowdId])).rows[0];
    expect(channel.kind).toBe('crowd');
    const members = await s.members(channel.id);
    expect(members).toEqual(expect.arrayContaining([s.owner, s.users.manager, s.users.member, s.users.member2]));
    expect(members).not.toContain(s.users.client);
    expect(members).not.toContain(s.users.outsider);

    await s.db.query(`insert into public.crowd_participants (organization_id, crowd_project_id, user_id) values ($1, $2, $3)`, [
      s.org,
      crowdId,
      s.users.outsider,
    ]);
    expect(await s.members(channel.id)).toContain(s.users.outsider);
    const theirs = must(await s.as.outsider.rpc('my_channels')) as Array<{ id: string; kind: string }>;
    expect(theirs.find((c) => c.id === channel.id)?.kind).toBe('crowd');

    await s.db.query(`update public.crowd_participants set status = 'left', left_at = now() where crowd_project_id = $1 and user_id = $2`, [
      crowdId,
      s.users.outsider,
    ]);
    expect(await s.members(channel.id)).not.toContain(s.users.outsider);
  });
});
