// One sender run: claim a batch, render and deliver each e-mail, record each outcome. The outbox is an
// interface so the run can be tested without a database; in the function it is the two RPCs
// claim_email_batch (leases due rows) and finish_email (sent, or failed with a backoff).
import type { OutgoingEmail, Sender } from './providers.ts';
import type { OutboxRow } from './templates.ts';

export interface Outbox {
  claim(): Promise<OutboxRow[]>;
  finish(id: string, outcome: { ok: true; provider: string; providerId: string | null } | { ok: false; error: string }): Promise<void>;
}

export async function deliverBatch(
  outbox: Outbox,
  send: Sender,
  renderRow: (row: OutboxRow) => OutgoingEmail,
): Promise<{ claimed: number; sent: number; failed: string[] }> {
  const batch = await outbox.claim();
  let sent = 0;
  const failed: string[] = [];
  for (const row of batch) {
    let delivery: Awaited<ReturnType<Sender>>;
    try {
      // The outbox id is the idempotency key: a retry after a lost answer is not delivered twice.
      delivery = await send({ ...renderRow(row), idempotencyKey: row.id });
    } catch (err) {
      failed.push(row.id);
      // Kept with the reason and retried after a backoff.
      await outbox.finish(row.id, { ok: false, error: String((err as Error).message ?? err).slice(0, 500) });
      continue;
    }
    // Delivered: never mark it failed now. If recording fails the row stays leased ('sending') and is
    // retried after the lease with the same idempotency key, which the provider answers without sending.
    await outbox.finish(row.id, { ok: true, provider: delivery.provider, providerId: delivery.providerId }).catch(() => {});
    sent++;
  }
  return { claimed: batch.length, sent, failed };
}
