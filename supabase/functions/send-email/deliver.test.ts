// E-mail retry without duplicates: a provider stand-in (Resend's wire format) fails the first attempt
// and accepts the next; the outbox (the SQL rules of claim_email_batch and finish_email, in memory)
// holds the failed row back for its backoff; in the end exactly one e-mail is delivered.
import { deepStrictEqual as assertEquals } from 'node:assert';
import { deliverBatch, type Outbox } from './deliver.ts';
import { resendSender } from './providers.ts';
import { render, type OutboxRow } from './templates.ts';

interface Stored extends OutboxRow {
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  providerId: string | null;
  lastError: string | null;
}

/** claim_email_batch and finish_email, as the migration defines them, on a clock the test moves. */
function memoryOutbox(rows: Stored[], clock: { now: number }): Outbox {
  return {
    async claim() {
      const due = rows.filter((r) => ['queued', 'failed', 'sending'].includes(r.status) && r.attempts < 5 && r.nextAttemptAt <= clock.now);
      for (const r of due) {
        r.status = 'sending';
        r.attempts++;
        r.nextAttemptAt = clock.now + 10 * 60_000;
      }
      return due.map((r) => ({ ...r }));
    },
    async finish(id, outcome) {
      const r = rows.find((x) => x.id === id && x.status === 'sending');
      if (!r) return;
      if (outcome.ok) {
        r.status = 'sent';
        r.providerId = outcome.providerId;
        r.lastError = null;
      } else {
        r.status = 'failed';
        r.lastError = outcome.error;
        r.nextAttemptAt = clock.now + 2 ** Math.max(r.attempts - 1, 0) * 60_000;
      }
    },
  };
}

Deno.test('a failing provider is retried after the backoff and the e-mail is delivered exactly once', async () => {
  const delivered: string[] = [];
  const keys: Array<string | null> = [];
  let calls = 0;
  const server = Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: () => {} }, async (req) => {
    await req.json();
    const key = req.headers.get('Idempotency-Key');
    keys.push(key);
    calls++;
    if (calls === 1) return Response.json({ name: 'application_error', message: 'Temporarily unavailable' }, { status: 503 });
    // Resend answers a repeated idempotency key with the first result and sends nothing new.
    if (!delivered.includes(key!)) delivered.push(key!);
    return Response.json({ id: `re_${key}` });
  });
  try {
    const clock = { now: Date.parse('2026-11-24T06:00:00Z') };
    const rows: Stored[] = [{
      id: 'mail-1', to_email: 'ana@example.com', subject: 'Receipt', template: 'payment_receipt',
      payload: { number: 'INV-0001', organization_name: 'Northwind', currency: 'USD', payment_amount: 1000, amount_due: 0, path: '/invoices/1' },
      status: 'queued', attempts: 0, nextAttemptAt: clock.now, providerId: null, lastError: null,
    }];
    const outbox = memoryOutbox(rows, clock);
    const send = resendSender('re_test', `http://127.0.0.1:${server.addr.port}`);
    const renderRow = (row: OutboxRow) => render(row, 'https://app.example', 'Atrium <no-reply@atrium.local>');

    const first = await deliverBatch(outbox, send, renderRow);
    assertEquals(first, { claimed: 1, sent: 0, failed: ['mail-1'] });
    assertEquals([rows[0]!.status, rows[0]!.attempts], ['failed', 1]);
    assertEquals(rows[0]!.lastError?.startsWith('Resend answered 503'), true);

    // Within the backoff (1 minute after the first failure) nothing is claimed.
    clock.now += 30_000;
    assertEquals(await deliverBatch(outbox, send, renderRow), { claimed: 0, sent: 0, failed: [] });

    clock.now += 31_000;
    assertEquals(await deliverBatch(outbox, send, renderRow), { claimed: 1, sent: 1, failed: [] });
    assertEquals([rows[0]!.status, rows[0]!.attempts, rows[0]!.providerId], ['sent', 2, 're_mail-1']);

    // A sent e-mail is never claimed again.
    clock.now += 60 * 60_000;
    assertEquals(await deliverBatch(outbox, send, renderRow), { claimed: 0, sent: 0, failed: [] });
    assertEquals(delivered, ['mail-1']);
    assertEquals(keys, ['mail-1', 'mail-1']);
  } finally {
    await server.shutdown();
  }
});
