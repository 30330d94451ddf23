// Payments: manual and partial payments move the invoice's amount paid and status, a receipt is
// queued once per payment, refunds bring the status back, void and draft invoices take no money,
// deposits have their own quote, and an invoice can be built from a project's unbilled time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMail } from '../helpers/mailbox.ts';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { draftInvoice, invoiceRow, newShop, notifications, outbox, sentInvoice, type Shop } from './fixtures.ts';

let matrix: Matrix;
let shop: Shop;
beforeAll(async () => {
  matrix = await setUpMatrix();
  shop = await newShop(matrix);
});
afterAll(async () => {
  await matrix?.close();
});

const invoice = (values: Record<string, unknown> = {}) =>
  sentInvoice(matrix.clients.manager, shop.org, shop.clientId, [{ description: 'Build', quantity: 1, unit_amount: 100000 }], values);

describe('manual payments', () => {
  it('records partial then full payments: partially paid, then paid with paid_at', async () => {
    const id = await invoice();
    const first = await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 40000, method: 'bank_transfer', reference: 'SEPA 123' });
    expect(first.error).toBeNull();
    expect(first.data).toMatchObject({ amount: 40000, status: 'succeeded', provider: 'manual', recorded_by: matrix.ctx.users.member, currency: 'USD' });
    let inv = await invoiceRow(matrix, id);
    expect([inv.status, inv.amount_paid, inv.amount_due, inv.paid_at]).toEqual(['partially_paid', '40000', '60000', null]);
    const tooMuch = await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 60001, method: 'cash' });
    expect(tooMuch.error?.message).toBe('The amount must be above zero and at most the 600.00 USD due');
    await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 60000, method: 'cash' }).throwOnError();
    inv = await invoiceRow(matrix, id);
    expect([inv.status, inv.amount_paid, inv.amount_due]).toEqual(['paid', '100000', '0']);
    expect(inv.paid_at).not.toBeNull();
    const done = await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 1, method: 'cash' });
    expect(done.error?.message).toBe(`Invoice ${inv.number} is paid and takes no payments`);
    // The client sees the history of its own invoice, the other client does not.
    const mine = await matrix.clients.client.from('payments').select('amount').eq('invoice_id', id).order('amount').throwOnError();
    expect(mine.data).toEqual([{ amount: 40000 }, { amount: 60000 }]);
    const theirs = await shop.clientB.from('payments').select('amount').eq('invoice_id', id).throwOnError();
    expect(theirs.data).toEqual([]);
  });

  it('queues one receipt per payment and tells staff and the client', async () => {
    const id = await invoice();
    const { data: payment } = await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 25000, method: 'bank_transfer' }).throwOnError();
    const paymentId = (payment as { id: string }).id;
    // Later updates of the same payment (a note, a refund) queue nothing new.
    await matrix.ctx.db.query(`update public.payments set note = 'checked' where id = $1`, [paymentId]);
    const receipts = await outbox(matrix, 'payment_receipt', 'payment_id', paymentId);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.subject).toMatch(/^Receipt: 250\.00 USD paid on INV-\d{4}$/);
    expect(receipts[0]!.payload).toMatchObject({ payment_amount: 25000, amount_due: 75000, invoice_id: id });
    const staff = await notifications(matrix, 'invoice.paid', 'payment_id', paymentId);
    expect(staff.map((n) => n.user_id).sort()).toEqual([matrix.ctx.users.manager, matrix.ctx.users.admin, matrix.ctx.users.owner].sort());
    const client = await notifications(matrix, 'payment.received', 'payment_id', paymentId);
    expect(client.map((n) => n.user_id)).toEqual([matrix.ctx.users.client]);
  });

  it('delivers the receipt to the payer\'s mailbox through send-email, rendered from its template', async () => {
    const id = await invoice();
    const { number } = await invoiceRow(matrix, id);
    await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 100000, method: 'bank_transfer', reference: 'Wire 42' }).throwOnError();
    const { rows } = await matrix.ctx.db.query('select email from auth.users where id = $1', [matrix.ctx.users.client]);
    const mail = await waitForMail(rows[0].email, (m) => m.subject === `Receipt: 1,000.00 USD paid on ${number}`, 20_000);
    expect(mail.text).toContain(`received your payment for invoice ${number}`);
    expect(mail.text).toContain('Payment: $1,000.00');
    expect(mail.text).toContain('Reference: Wire 42');
    expect(mail.text).toContain('The invoice is paid in full.');
    expect(mail.html).toContain(`/invoices/${id}`);
  });

  it('goes back to sent when a refund brings the amount paid to zero (as the webhook does)', async () => {
    const id = await invoice();
    const { rows } = await matrix.ctx.db.query(
      `insert into public.payments (organization_id, invoice_id, amount, currency, method, status, provider, stripe_payment_intent_id)
       values ($1, $2, 100000, 'USD', 'card', 'succeeded', 'stripe', $3) returning id`,
      [shop.org, id, `pi_${id.slice(0, 8)}`],
    );
    expect((await invoiceRow(matrix, id)).status).toBe('paid');
    await matrix.ctx.db.query(`update public.payments set amount_refunded = 30000 where id = $1`, [rows[0].id]);
    expect(await invoiceRow(matrix, id)).toMatchObject({ status: 'partially_paid', amount_paid: '70000' });
    await matrix.ctx.db.query(`update public.payments set amount_refunded = 100000, status = 'refunded' where id = $1`, [rows[0].id]);
    expect(await invoiceRow(matrix, id)).toMatchObject({ status: 'sent', amount_paid: '0', paid_at: null });
    expect(await outbox(matrix, 'payment_receipt', 'payment_id', rows[0].id)).toHaveLength(1);
  });

  it('refuses payments on drafts and void invoices, and voiding an invoice with money', async () => {
    const draft = await draftInvoice(matrix.clients.manager, shop.org, shop.clientId, [{ description: 'x', quantity: 1, unit_amount: 100 }]);
    const onDraft = await matrix.clients.member.rpc('record_payment', { invoice_id: draft, amount: 100, method: 'cash' });
    expect(onDraft.error?.message).toMatch(/is draft and takes no payments/);
    let direct = await matrix.ctx.db.query(`insert into public.payments (organization_id, invoice_id, amount, currency, method, status) values ($1, $2, 100, 'USD', 'card', 'succeeded')`, [shop.org, draft]).catch((e: Error) => e);
    expect((direct as Error).message).toMatch(/is draft; it cannot take payments/);

    const paid = await invoice();
    await matrix.clients.member.rpc('record_payment', { invoice_id: paid, amount: 100, method: 'cash' }).throwOnError();
    const voidPaid = await matrix.clients.manager.rpc('void_invoice', { invoice_id: paid, reason: 'Wrong client' });
    expect(voidPaid.error?.message).toMatch(/has received money and cannot be voided/);

    const open = await invoice();
    const byMember = await matrix.clients.member.rpc('void_invoice', { invoice_id: open, reason: 'Wrong client' });
    expect(byMember.error?.code).toBe('42501');
    const { data } = await matrix.clients.manager.rpc('void_invoice', { invoice_id: open, reason: 'Wrong client' }).throwOnError();
    expect(data).toMatchObject({ status: 'void', void_reason: 'Wrong client' });
    direct = await matrix.ctx.db.query(`insert into public.payments (organization_id, invoice_id, amount, currency, method, status) values ($1, $2, 100, 'USD', 'card', 'succeeded')`, [shop.org, open]).catch((e: Error) => e);
    expect((direct as Error).message).toMatch(/is void; it cannot take payments/);
  });
});

describe('checkout quotes and deposits', () => {
  it('quotes the balance for the client, the bill-to user or staff, and refuses others', async () => {
    const id = await invoice();
    const { data, error } = await matrix.clients.client.rpc('invoice_checkout_quote', { invoice_id: id });
    expect(error).toBeNull();
    const inv = await invoiceRow(matrix, id);
    expect(data).toEqual([{ invoice_id: id, organization_id: shop.org, number: inv.number, currency: 'USD', amount: 100000, payer_email: expect.stringMatching(/^rls-client-/), organization_name: 'RLS matrix' }]);
    for (const other of [shop.clientB, matrix.clients.outsider]) {
      const refused = await other.rpc('invoice_checkout_quote', { invoice_id: id });
      expect(refused.error?.message).toBe('You are not allowed to pay this invoice');
    }
    const draft = await draftInvoice(matrix.clients.manager, shop.org, shop.clientId, [{ description: 'x', quantity: 1, unit_amount: 100 }]);
    expect((await matrix.clients.client.rpc('invoice_checkout_quote', { invoice_id: draft })).error?.message).toBe('You are not allowed to pay this invoice');
    // Billed to a user (as crowd invoices are): that user may pay it.
    const billed = await draftInvoice(matrix.clients.manager, shop.org, shop.clientId, [{ description: 'Share', quantity: 1, unit_amount: 4200 }]);
    await matrix.ctx.db.query('update public.invoices set bill_to_user_id = $1 where id = $2', [shop.clientBUser, billed]);
    await matrix.clients.manager.rpc('send_invoice', { invoice_id: billed }).throwOnError();
    const share = await shop.clientB.rpc('invoice_checkout_quote', { invoice_id: billed });
    expect(share.data).toMatchObject([{ amount: 4200, payer_email: shop.clientBEmail }]);
    expect(await outbox(matrix, 'invoice_sent', 'invoice_id', billed)).toMatchObject([{ to_email: shop.clientBEmail }]);
    expect((await matrix.clients.manager.rpc('invoice_checkout_quote', { invoice_id: draft })).error?.message).toMatch(/is draft and cannot be paid/);
  });

  it('quotes a deposit until it is paid, then only the balance', async () => {
    const id = await invoice({ deposit_amount: 30000, deposit_due_on: '2026-12-01' });
    const quote = async (part: string) => matrix.clients.client.rpc('invoice_checkout_quote', { invoice_id: id, part });
    expect(((await quote('deposit')).data as any[])[0].amount).toBe(30000);
    await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 10000, method: 'bank_transfer' }).throwOnError();
    expect(((await quote('deposit')).data as any[])[0].amount).toBe(20000);
    await matrix.clients.member.rpc('record_payment', { invoice_id: id, amount: 20000, method: 'bank_transfer' }).throwOnError();
    expect((await quote('deposit')).error?.message).toMatch(/^Nothing is due on invoice/);
    expect(((await quote('balance')).data as any[])[0].amount).toBe(70000);
    expect((await quote('everything')).error?.message).toBe('part is balance or deposit');
  });
});

describe('invoices from unbilled time', () => {
  it('bills finished billable entries once, one item per person and rate, and releases them when voided', async () => {
    const { db } = matrix.ctx;
    const entry = (user: string, startHoursAgo: number, minutes: number, values: { billable?: boolean; rate?: number; running?: boolean } = {}) =>
      db.query(
        `insert into public.time_entries (organization_id, project_id, user_id, started_at, ended_at, billable, hourly_rate)
         values ($1, $2, $3, now() - make_interval(hours => $4), case when $7 then null else now() - make_interval(hours => $4) + make_interval(mins => $5) end, $6, $8) returning id`,
        [shop.org, shop.projectId, user, startHoursAgo, minutes, values.billable ?? true, values.running ?? false, values.rate ?? 90],
      );
    await entry(matrix.ctx.users.member, 30, 90); // 1.5 h at 90
    await entry(matrix.ctx.users.member, 28, 50); // + 0.8333 h at 90
    await entry(matrix.ctx.users.member, 26, 60, { rate: 120 }); // 1 h at 120
    await entry(matrix.ctx.users.manager, 25, 45); // 0.75 h at 90
    await entry(matrix.ctx.users.manager, 24, 60, { billable: false });
    await entry(matrix.ctx.users.manager, 1, 0, { running: true });

    const byClient = await matrix.clients.client.rpc('invoice_from_unbilled_time', { project_id: shop.projectId });
    expect(byClient.error).not.toBeNull();
    const { data, error } = await matrix.clients.member.rpc('invoice_from_unbilled_time', { project_id: shop.projectId });
    expect(error).toBeNull();
    const inv = data as { id: string; status: string; project_id: string; client_id: string };
    expect(inv).toMatchObject({ status: 'draft', project_id: shop.projectId, client_id: shop.clientId });
    const { data: items } = await matrix.clients.member.from('invoice_items').select('kind, quantity, unit_amount, amount').eq('invoice_id', inv.id).order('unit_amount').order('quantity').throwOnError();
    expect(items).toEqual([
      { kind: 'time', quantity: 0.75, unit_amount: 9000, amount: 6750 },
      { kind: 'time', quantity: 2.33, unit_amount: 9000, amount: 20970 },
      { kind: 'time', quantity: 1, unit_amount: 12000, amount: 12000 },
    ]);
    const { rows } = await db.query(`select count(*) filter (where invoice_id = $2)::int as billed, count(*) filter (where invoice_id is null)::int as open from public.time_entries where project_id = $1`, [shop.projectId, inv.id]);
    expect(rows[0]).toEqual({ billed: 4, open: 2 });

    const again = await matrix.clients.member.rpc('invoice_from_unbilled_time', { project_id: shop.projectId });
    expect(again.error?.message).toMatch(/^No unbilled time on this project up to /);

    await matrix.clients.member.rpc('send_invoice', { invoice_id: inv.id }).throwOnError();
    await matrix.clients.manager.rpc('void_invoice', { invoice_id: inv.id, reason: 'Rates were wrong' }).throwOnError();
    const { rows: released } = await db.query(`select count(*)::int as n from public.time_entries where invoice_id = $1`, [inv.id]);
    expect(released[0].n).toBe(0);
    const rebilled = await matrix.clients.member.rpc('invoice_from_unbilled_time', { project_id: shop.projectId });
    expect(rebilled.error).toBeNull();

    const { data: budget } = await matrix.clients.member.from('project_budget_status').select('invoiced_amount, paid_amount').eq('project_id', shop.projectId).single().throwOnError();
    expect(budget).toEqual({ invoiced_amount: 39720, paid_amount: 0 });
  });
});
