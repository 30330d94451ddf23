// The membership RPCs through the real REST API, as real users: who may do what, and what the
// database refuses with which error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';

let matrix: Matrix;
beforeAll(async () => {
  matrix = await setUpMatrix();
});
afterAll(async () => {
  await matrix?.close();
});

const slug = () => `t-${Math.random().toString(36).slice(2, 10)}`;

describe('create_organization', () => {
  it('creates the organization and makes the caller its owner', async () => {
    const s = slug();
    const { data, error } = await matrix.clients.outsider.rpc('create_organization', { name: 'Fresh Studio', slug: s });
    expect(error).toBeNull();
    expect(data).toMatchObject({ name: 'Fresh Studio', slug: s });
    const { data: members } = await matrix.clients.outsider.from('organization_members').select('role').eq('organization_id', data.id);
    expect(members).toEqual([{ role: 'owner' }]);
  });

  it('refuses a taken slug with a conflict and a hint', async () => {
    const s = slug();
    await matrix.clients.outsider.rpc('create_organization', { name: 'First', slug: s });
    const { error, status } = await matrix.clients.outsider.rpc('create_organization', { name: 'Second', slug: s });
    expect(status).toBe(409);
    expect(error).toMatchObject({ code: '23505', hint: 'Choose another address.' });
  });

  it('refuses a malformed slug and anonymous callers', async () => {
    const bad = await matrix.clients.outsider.rpc('create_organization', { name: 'Bad', slug: 'Not A Slug' });
    expect(bad.error?.code).toBe('22023');
    const anon = await matrix.clients.anon.rpc('create_organization', { name: 'Anon', slug: slug() });
    expect(anon.error).not.toBeNull();
  });
});

describe('invitations', () => {
  it('lets a manager invite a member but not an admin', async () => {
    const org = await matrix.ctx.newOrg();
    const ok = await matrix.clients.manager.rpc('invite_member', { organization_id: org, email: 'new.member@rls.test', role: 'member' });
    expect(ok.error).toBeNull();
    expect((ok.data as Array<{ token: string }>)[0]!.token.length).toBeGreaterThan(30);
    const refused = await matrix.clients.manager.rpc('invite_member', { organization_id: org, email: 'new.admin@rls.test', role: 'admin' });
    expect(refused.error?.message).toBe('Managers can invite members and clients only');
  });

  it('refuses members and clients who try to invite', async () => {
    const org = await matrix.ctx.newOrg();
    for (const actor of ['member', 'client'] as const) {
      const { error } = await matrix.clients[actor].rpc('invite_member', { organization_id: org, email: `x-${actor}@rls.test`, role: 'member' });
      expect(error?.code).toBe('42501');
    }
  });

  it('is accepted once, by the invited address only, and queues the email', async () => {
    const org = await matrix.ctx.newOrg();
    const { data: outsiderUser } = await matrix.clients.outsider.auth.getUser();
    const email = outsiderUser.user!.email!;
    const { data } = await matrix.clients.admin.rpc('invite_member', { organization_id: org, email, role: 'manager' });
    const token = (data as Array<{ token: string }>)[0]!.token;

    const wrongUser = await matrix.clients.member.rpc('accept_invitation', { token });
    expect(wrongUser.error?.message).toBe(`This invitation is for ${email}`);

    const preview = await matrix.clients.anon.rpc('invitation_preview', { token });
    expect(preview.data).toEqual([expect.objectContaining({ role: 'manager', status: 'open', email })]);

    const accepted = await matrix.clients.outsider.rpc('accept_invitation', { token });
    expect(accepted.error).toBeNull();
    expect(accepted.data).toMatchObject({ organization_id: org, role: 'manager' });
    const again = await matrix.clients.outsider.rpc('accept_invitation', { token });
    expect(again.error?.message).toBe('This invitation has already been used');

    const { rows } = await matrix.ctx.db.query(`select template, payload from public.email_outbox where to_email = $1 and organization_id = $2`, [email, org]);
    expect(rows[0]).toMatchObject({ template: 'invitation', payload: expect.objectContaining({ path: `/invite/${token}` }) });
  });

  it('refuses an expired invitation', async () => {
    const org = await matrix.ctx.newOrg();
    const { data: u } = await matrix.clients.outsider.auth.getUser();
    const { data } = await matrix.clients.owner.rpc('invite_member', { organization_id: org, email: u.user!.email!, role: 'member' });
    await matrix.ctx.db.query(`update public.invitations set expires_at = now() - interval '1 minute' where id = $1`, [(data as Array<{ id: string }>)[0]!.id]);
    const { error } = await matrix.clients.outsider.rpc('accept_invitation', { token: (data as Array<{ token: string }>)[0]!.token });
    expect(error).toMatchObject({ message: 'This invitation has expired', hint: 'Ask for a new invitation.' });
  });
});

describe('roles and ownership', () => {
  async function memberId(org: string, user: string): Promise<string> {
    const { rows } = await matrix.ctx.db.query('select id from public.organization_members where organization_id = $1 and user_id = $2', [org, user]);
    return rows[0].id;
  }

  it('lets an owner promote, an admin not grant admin, and nobody below admin change roles', async () => {
    const org = await matrix.ctx.newOrg();
    const target = await memberId(org, await matrix.ctx.newMember(org, 'member'));
    expect((await matrix.clients.manager.rpc('change_member_role', { member_id: target, new_role: 'manager' })).error?.code).toBe('42501');
    expect((await matrix.clients.admin.rpc('change_member_role', { member_id: target, new_role: 'admin' })).error?.code).toBe('42501');
    const promoted = await matrix.clients.owner.rpc('change_member_role', { member_id: target, new_role: 'admin' });
    expect(promoted.data).toMatchObject({ role: 'admin' });
  });

  it('keeps at least one owner, and transfers ownership', async () => {
    const org = await matrix.ctx.newOrg();
    const leave = await matrix.clients.owner.rpc('leave_organization', { organization_id: org });
    expect(leave.error).toMatchObject({ message: 'You are the only owner', hint: 'Transfer ownership before you leave.' });
    expect((await matrix.clients.owner.rpc('transfer_ownership', { organization_id: org, new_owner_id: matrix.ctx.users.admin })).error).toBeNull();
    const { rows } = await matrix.ctx.db.query('select user_id, role from public.organization_members where organization_id = $1 and role in ($2, $3) order by role', [org, 'admin', 'owner']);
    expect(rows).toEqual([
      { user_id: matrix.ctx.users.owner, role: 'admin' },
      { user_id: matrix.ctx.users.admin, role: 'owner' },
    ]);
    expect((await matrix.clients.owner.rpc('leave_organization', { organization_id: org })).error).toBeNull();
  });

  it('lets an admin remove a member but not another admin', async () => {
    const org = await matrix.ctx.newOrg();
    const member = await memberId(org, matrix.ctx.users.member);
    const otherAdmin = await memberId(org, await matrix.ctx.newMember(org, 'member'));
    await matrix.ctx.db.query(`update public.organization_members set role = 'admin' where id = $1`, [otherAdmin]);
    expect((await matrix.clients.admin.rpc('remove_member', { member_id: otherAdmin })).error?.code).toBe('42501');
    expect((await matrix.clients.admin.rpc('remove_member', { member_id: member })).error).toBeNull();
    const { rowCount } = await matrix.ctx.db.query('select 1 from public.organization_members where id = $1', [member]);
    expect(rowCount).toBe(0);
  });
});
