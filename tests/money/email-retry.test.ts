// The outbox side of e-mail retries, in one transaction (so no sender run interferes): a failure is
// held back for its backoff (1, 2, 4 ... minutes), a claimed row is leased, a sent row is never claimed
// again. supabase/functions/send-email/deliver.test.ts drives the sender against a failing provider.
import { describe, expect, it } from 'vitest';
import { withDb } from '../helpers/env.ts';

describe('e-mail retry with backoff', () => {
  it('claims due rows, backs off after failures, and never claims a sent row again', async () => {
    await withDb(async (db) => {
      await db.query('begin');
      try {
        await db.query(`update public.email_outbox set next_attempt_at = now() + interval '1 day' where status in ('queued', 'failed', 'sending')`);
        const { rows: [row] } = await db.query(
          `insert into public.email_outbox (to_email, subject, template, payload) values ('retry-sql@mail.test', 'Retry', 'note', '{"text":"hi"}') returning id`,
        );
        const claim = async () => (await db.query(`select id, attempts from public.claim_email_batch(25)`)).rows;
        const state = async () =>
          (await db.query(
            `select status, attempts, last_error, provider_id, round(extract(epoch from next_attempt_at - now()))::int as wait from public.email_outbox where id = $1`,
            [row.id],
          )).rows[0];

        expect(await claim()).toEqual([{ id: row.id, attempts: 1 }]);
        expect(await state()).toMatchObject({ status: 'sending', wait: 600 }); // leased for 10 minutes
        expect(await claim()).toEqual([]);

        await db.query(`select public.finish_email($1, false, null, null, 'Resend answered 503')`, [row.id]);
        expect(await state()).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Resend answered 503', wait: 60 });
        expect(await claim()).toEqual([]);

        await db.query(`update public.email_outbox set next_attempt_at = now() where id = $1`, [row.id]);
        expect(await claim()).toEqual([{ id: row.id, attempts: 2 }]);
        await db.query(`select public.finish_email($1, false, null, null, 'again')`, [row.id]);
        expect(await state()).toMatchObject({ status: 'failed', attempts: 2, wait: 120 });

        await db.query(`update public.email_outbox set next_attempt_at = now() where id = $1`, [row.id]);
        expect(await claim()).toEqual([{ id: row.id, attempts: 3 }]);
        await db.query(`select public.finish_email($1, true, 'resend', 're_1', null)`, [row.id]);
        expect(await state()).toMatchObject({ status: 'sent', attempts: 3, provider_id: 're_1', last_error: null });
        await db.query(`update public.email_outbox set next_attempt_at = now() - interval '1 hour' where id = $1`, [row.id]);
        expect(await claim()).toEqual([]);
        // A late failure report for a row already sent changes nothing.
        await db.query(`select public.finish_email($1, false, null, null, 'late')`, [row.id]);
        expect(await state()).toMatchObject({ status: 'sent' });
      } finally {
        await db.query('rollback');
      }
    });
  });
});
