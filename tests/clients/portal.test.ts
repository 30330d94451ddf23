// Portal access for a client: a manager invites someone for a client; whoever accepts stands for that
// client, shows up in the client's portal list for staff, and sees the client's name, not the record.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { stackClient, stackEnv } from '../helpers/env.ts';

let matrix: Matrix;
beforeAll(async () => {
  matrix = await setUpMatrix();
});
afterAll(async () => {
  await matrix?.close();
});

describe('portal invitations', () => {
  it('link the new client member to the client they were invited for', async () => {
    const org = await matrix.ctx.newOrg();
    const { data: created } = await matrix.clients.member.from('clients').insert({ organization_id: org, name: 'Portal Co' }).select('id').single();
    const clientId = created!.id as string;
    const email = `portal-${randomUUID().slice(0, 8)}@portal.test`;

    const refused = await matrix.clients.member.rpc('invite_member', { organization_id: org, email, role: 'client', client_id: clientId });
    expect(refused.error?.code).toBe('42501');
    const withoutClient = await matrix.clients.manager.rpc('invite_member', { organization_id: org, email, role: 'client' });
    expect(withoutClient.error?.message).toBe('A client invitation names the client the person stands for');
    const otherOrg = await matrix.ctx.newOrg();
    const elsewhere = await matrix.clients.manager.rpc('invite_member', { organization_id: otherOrg, email, role: 'client', client_id: clientId });
    expect(elsewhere.error?.code).toBe('23503'); // a client of another organization
    const invited = await matrix.clients.manager.rpc('invite_member', { organization_id: org, email, role: 'client', client_id: clientId });
    expect(invited.error).toBeNull();
    const token = (invited.data as Array<{ token: string }>)[0]!.token;

    const { data: open } = await matrix.clients.manager.from('invitations').select('email, role, client_id').eq('client_id', clientId).is('accepted_at', null);
    expect(open).toEqual([{ email, role: 'client', client_id: clientId }]);
    const { data: hidden } = await matrix.clients.member.from('invitations').select('id').eq('client_id', clientId);
    expect(hidden).toEqual([]);

    // The invited person signs up and accepts.
    const person = stackClient(stackEnv.anonKey);
    await matrix.ctx.db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, extensions.crypt('portal-pass-123', extensions.gen_salt('bf', 4)), now(),
         '{"provider":"email","providers":["email"]}', '{"display_name":"Pat Portal"}', now(), now())`,
      [email],
    );
    const signedIn = await person.auth.signInWithPassword({ email, password: 'portal-pass-123' });
    expect(signedIn.error).toBeNull();
    const accepted = await person.rpc('accept_invitation', { token });
    expect(accepted.error).toBeNull();
    expect(accepted.data).toMatchObject({ organization_id: org, role: 'client', client_id: clientId });

    // Staff see them under the client's portal access, with their profile.
    const { data: people } = await matrix.clients.member
      .from('organization_members')
      .select('user_id, profiles!organization_members_user_profile_fkey(display_name)')
      .eq('organization_id', org)
      .eq('client_id', clientId)
      .eq('role', 'client');
    expect(people).toEqual([{ user_id: signedIn.data.user!.id, profiles: { display_name: 'Pat Portal' } }]);

    // The client member knows which client they stand for, but cannot read client records.
    const accounts = await person.rpc('my_client_accounts');
    expect(accounts.data).toEqual([{ organization_id: org, client_id: clientId, client_name: 'Portal Co' }]);
    const { data: records } = await person.from('clients').select('id').eq('id', clientId);
    expect(records).toEqual([]);
  });

  it('refuses to delete a client that still has projects, and lets only managers delete', async () => {
    const org = await matrix.ctx.newOrg();
    const { rows } = await matrix.ctx.db.query(`insert into public.clients (organization_id, name) values ($1, 'Busy Co'), ($1, 'Idle Co') returning id, name`, [org]);
    const busy = rows.find((r) => r.name === 'Busy Co').id;
    const idle = rows.find((r) => r.name === 'Idle Co').id;
    await matrix.ctx.db.query(`insert into public.projects (organization_id, client_id, name) values ($1, $2, 'Ongoing')`, [org, busy]);

    const asMember = await matrix.clients.member.from('clients').delete().eq('id', idle).select('id');
    expect(asMember.data).toEqual([]);
    const blocked = await matrix.clients.manager.from('clients').delete().eq('id', busy).select('id');
    expect(blocked.error?.code).toBe('23503');
    const deleted = await matrix.clients.manager.from('clients').delete().eq('id', idle).select('id');
    expect(deleted.data).toEqual([{ id: idle }]);
  });
});
