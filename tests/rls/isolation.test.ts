// Attacks the matrix does not express: elevating one's own role, forging another organization's id,
// reaching another organization through an embedded resource, reading its audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from './harness.ts';

let matrix: Matrix;
let org: string;
let otherOrg: string;

beforeAll(async () => {
  matrix = await setUpMatrix();
  org = await matrix.ctx.newOrg();
  otherOrg = (await matrix.ctx.db.query('select organization_id from public.organization_members where user_id = $1', [matrix.ctx.users.outsider])).rows[0]
    .organization_id;
  // Something in the other organization's audit trail.
  await matrix.ctx.db.query(`update public.organizations set name = 'Other org renamed' where id = $1`, [otherOrg]);
});
afterAll(async () => {
  await matrix?.close();
});

async function roleOf(user: string, organization: string): Promise<string> {
  const { rows } = await matrix.ctx.db.query('select role from public.organization_members where user_id = $1 and organization_id = $2', [user, organization]);
  return rows[0]?.role;
}

describe('a member cannot elevate their own role', () => {
  it('by updating their membership row', async () => {
    const { error } = await matrix.clients.member.from('organization_members').update({ role: 'owner' }).eq('user_id', matrix.ctx.users.member).eq('organization_id', org);
    expect(error?.code).toBe('42501');
    expect(await roleOf(matrix.ctx.users.member, org)).toBe('member');
  });

  it('through change_member_role', async () => {
    const { data: me } = await matrix.clients.admin.from('organization_members').select('id').eq('user_id', matrix.ctx.users.admin).eq('organization_id', org).single();
    const { error } = await matrix.clients.admin.rpc('change_member_role', { member_id: me!.id, new_role: 'owner' });
    expect(error?.message).toBe('You cannot change your own role');
    expect(await roleOf(matrix.ctx.users.admin, org)).toBe('admin');
  });

  it('by inviting themselves as an owner', async () => {
    const { error } = await matrix.clients.admin.rpc('invite_member', { organization_id: org, email: 'someone@rls.test', role: 'owner' });
    expect(error?.message).toMatch(/transfer ownership/);
  });
});

describe('a user cannot forge another organization id', () => {
  it('to invite people into an organization they do not run', async () => {
    const { error } = await matrix.clients.owner.rpc('invite_member', { organization_id: otherOrg, email: 'spy@rls.test', role: 'admin' });
    expect(error?.code).toBe('42501');
    const { rows } = await matrix.ctx.db.query(`select 1 from public.invitations where organization_id = $1 and email = 'spy@rls.test'`, [otherOrg]);
    expect(rows).toHaveLength(0);
  });

  it('to update an organization they do not belong to', async () => {
    await matrix.clients.owner.from('organizations').update({ name: 'Hijacked' }).eq('id', otherOrg);
    const { rows } = await matrix.ctx.db.query('select name from public.organizations where id = $1', [otherOrg]);
    expect(rows[0].name).toBe('Other org renamed');
  });
});

describe('embedded resources do not cross organizations', () => {
  it('shows a member only their organizations and those organizations\' members', async () => {
    const { data, error } = await matrix.clients.member.from('organizations').select('id, organization_members(user_id, organization_id)');
    expect(error).toBeNull();
    const orgIds = new Set(data!.map((o) => o.id));
    expect(orgIds.has(otherOrg)).toBe(false);
    for (const o of data!) for (const m of o.organization_members as Array<{ organization_id: string }>) expect(m.organization_id).toBe(o.id);
    const embeddedUsers = data!.flatMap((o) => (o.organization_members as Array<{ user_id: string }>).map((m) => m.user_id));
    expect(embeddedUsers).not.toContain(matrix.ctx.users.outsider);
  });

  it('gives an outsider nothing of this organization through members → organizations', async () => {
    const { data } = await matrix.clients.outsider.from('organization_members').select('organization_id, organizations(name)');
    expect(data!.every((m) => m.organization_id === otherOrg)).toBe(true);
  });
});

describe('audit trail', () => {
  it('shows an admin only their own organizations\' rows', async () => {
    const { data, error } = await matrix.clients.admin.from('audit_logs').select('organization_id, action, table_name');
    expect(error).toBeNull();
    expect(data!.length).toBeGreaterThan(0);
    const mine = new Set((await matrix.ctx.db.query('select organization_id from public.organization_members where user_id = $1', [matrix.ctx.users.admin])).rows.map((r) => r.organization_id));
    expect(data!.every((row) => mine.has(row.organization_id))).toBe(true);
    expect(data!.some((row) => row.organization_id === otherOrg)).toBe(false);
  });

  it('records membership changes with the actor and never the invitation token', async () => {
    const { data: invite } = await matrix.clients.owner.rpc('invite_member', { organization_id: org, email: 'audited@rls.test', role: 'member' });
    const { rows } = await matrix.ctx.db.query(
      `select actor_id, action, after from public.audit_logs where table_name = 'invitations' and row_id = $1`,
      [(invite as Array<{ id: string }>)[0]!.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(matrix.ctx.users.owner);
    expect(rows[0].after).not.toHaveProperty('token_hash');
  });
});
