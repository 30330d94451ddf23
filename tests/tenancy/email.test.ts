// An invitation is queued in email_outbox and delivered by the send-email function (through the
// trigger → pg_net → function path), into the local mailbox, with the status recorded on the row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { stackEnv } from '../helpers/env.ts';
import { waitForMail } from '../helpers/mailbox.ts';

let matrix: Matrix;
beforeAll(async () => {
  matrix = await setUpMatrix();
});
afterAll(async () => {
  await matrix?.close();
});

describe('email delivery', () => {
  it('delivers an invitation to the mailbox with its link, and records it as sent', async () => {
    const org = await matrix.ctx.newOrg();
    const address = `invitee-${Date.now()}@mail.test`;
    const { data, error } = await matrix.clients.owner.rpc('invite_member', { organization_id: org, email: address, role: 'member' });
    expect(error).toBeNull();
    const token = (data as Array<{ token: string }>)[0]!.token;

    const mail = await waitForMail(address, () => true, 20_000);
    expect(mail.subject).toBe('You are invited to join RLS matrix on Atrium');
    expect(mail.text).toContain(`/invite/${token}`);
    expect(mail.html).toContain('Accept the invitation');

    const { rows } = await matrix.ctx.db.query(
      `select status, provider, provider_id, attempts, sent_at from public.email_outbox where to_email = $1`,
      [address],
    );
    expect(rows[0]).toMatchObject({ status: 'sent', provider: 'mailbox', attempts: 1 });
    expect(rows[0].sent_at).not.toBeNull();
  });

  it('refuses to send for anyone but the service role', async () => {
    const { data: session } = await matrix.clients.owner.auth.getSession();
    const res = await fetch(`${stackEnv.apiUrl}/functions/v1/send-email`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.session!.access_token}`, apikey: stackEnv.anonKey },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'Only the service role may send queued email' });
  });

  it('keeps a failing email for a retry with the reason', async () => {
    const { rows } = await matrix.ctx.db.query(
      `insert into public.email_outbox (to_email, subject, template, payload, status, attempts)
       values ('retry@mail.test', 'Retry me', 'note', '{"text":"hello"}', 'failed', 5) returning id`,
    );
    // Five attempts used up: the batch does not claim it again.
    const res = await fetch(`${stackEnv.apiUrl}/functions/v1/send-email`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stackEnv.serviceRoleKey}`, apikey: stackEnv.serviceRoleKey },
    });
    const body = await res.json();
    expect(res.status).toBe(200);
    const { rows: after } = await matrix.ctx.db.query('select status, attempts from public.email_outbox where id = $1', [rows[0].id]);
    expect(after[0]).toEqual({ status: 'failed', attempts: 5 });
    expect(body.failed).not.toContain(rows[0].id);
  });
});
