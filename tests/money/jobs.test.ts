// The daily money jobs. invoice-reminders (06:00 UTC): past due + delay -> overdue, a reminder e-mail
// every interval days up to the organization's maximum, each adding its late fee; idempotent per day.
// recurring-invoices (05:00 UTC): issues each due period of a template once, catching up missed ones,
// and stops after N or after the end date. The stack clock decides when jobs run; now() stays real,
// so the suites backdate their invoices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letScheduleRun, resetClock, runJob } from '../jobs/helpers.ts';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { draftInvoice, invoiceRow, newShop, outbox, sentInvoice, type Shop } from './fixtures.ts';

let matrix: Matrix;
let flat: Shop;
let percent: Shop;
beforeAll(async () => {
  matrix = await setUpMatrix();
  flat = await newShop(matrix, { late_fee_kind: 'flat', late_fee_value: 2500, reminder_delay_days: 3, reminder_interval_days: 7, reminder_max: 3 });
  percent = await newShop(matrix, { late_fee_kind: 'percent', late_fee_value: 150, reminder_delay_days: 0 });
});
afterAll(async () => {
  await resetClock();
  await matrix?.close();
});

async function dates(days: number[]): Promise<string[]> {
  const { rows } = await matrix.ctx.db.query(`select array(select to_char(current_date + d, 'YYYY-MM-DD') from unnest($1::int[]) d) as dates`, [days]);
  return rows[0].dates;
}

const ITEMS = [{ description: 'Retainer', quantity: 1, unit_amount: 100000 }];

async function lateFees(id: string): Promise<number[]> {
  const { rows } = await matrix.ctx.db.query(`select unit_amount from public.invoice_items where invoice_id = $1 and kind = 'late_fee' order by position`, [id]);
  return rows.map((r) => Number(r.unit_amount));
}

describe('daily job: invoice-reminders', { timeout: 60_000 }, () => {
  const ids: Record<string, string> = {};

  it('runs at 06:00 UTC: overdue past due + delay, one reminder with its late fee', async () => {
    const [issue, due10, due2, future, deposit5] = await dates([-40, -10, -2, 20, -5]);
    ids.late = await sentInvoice(matrix.clients.manager, flat.org, flat.clientId, ITEMS, { issue_on: issue, due_on: due10 });
    ids.grace = await sentInvoice(matrix.clients.manager, flat.org, flat.clientId, ITEMS, { issue_on: issue, due_on: due2 });
    ids.deposit = await sentInvoice(matrix.clients.manager, flat.org, flat.clientId, ITEMS, { issue_on: issue, due_on: future, deposit_amount: 30000, deposit_due_on: deposit5 });
    ids.paid = await sentInvoice(matrix.clients.manager, flat.org, flat.clientId, ITEMS, { issue_on: issue, due_on: due10 });
    await matrix.clients.manager.rpc('record_payment', { invoice_id: ids.paid, amount: 100000, method: 'bank_transfer' }).throwOnError();

    const run = await letScheduleRun('invoice-reminders', 6, 0);
    expect(run.status).toBe('succeeded');
    const late = await invoiceRow(matrix, ids.late);
    expect([late.status, late.reminder_count, late.total_amount, late.amount_due]).toEqual(['overdue', 1, '102500', '102500']);
    expect(late.last_reminder_at).not.toBeNull();
    expect(await lateFees(ids.late)).toEqual([2500]);
    const mail = await outbox(matrix, 'invoice_reminder', 'invoice_id', ids.late);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/^Reminder 1: invoice INV-\d{4} from RLS matrix is overdue \(1,025\.00 USD due\)$/);
    expect(mail[0]!.payload.late_fee).toBe(2500);
    expect((await invoiceRow(matrix, ids.grace)).status).toBe('sent');
    expect(await invoiceRow(matrix, ids.deposit)).toMatchObject({ status: 'overdue', reminder_count: 1 });
    expect(await invoiceRow(matrix, ids.paid)).toMatchObject({ status: 'paid', reminder_count: 0 });
  });

  it('is idempotent on the same day', async () => {
    expect((await runJob('invoice-reminders')).status).toBe('succeeded');
    expect(await invoiceRow(matrix, ids.late!)).toMatchObject({ reminder_count: 1, total_amount: '102500' });
    expect(await outbox(matrix, 'invoice_reminder', 'invoice_id', ids.late!)).toHaveLength(1);
  });

  it('reminds again after the interval, three times at most, each with its fee', async () => {
    const backdate = () => matrix.ctx.db.query(`update public.invoices set last_reminder_at = now() - interval '8 days' where id = $1`, [ids.late]);
    for (const expected of [2, 3, 3]) {
      await backdate();
      await runJob('invoice-reminders');
      expect((await invoiceRow(matrix, ids.late!)).reminder_count).toBe(expected);
    }
    expect(await lateFees(ids.late!)).toEqual([2500, 2500, 2500]);
    expect(await outbox(matrix, 'invoice_reminder', 'invoice_id', ids.late!)).toHaveLength(3);
    expect((await invoiceRow(matrix, ids.late!)).total_amount).toBe('107500');
    // Six days is not yet the interval.
    const fresh = await sentInvoice(matrix.clients.manager, flat.org, flat.clientId, ITEMS, { issue_on: (await dates([-40]))[0], due_on: (await dates([-10]))[0] });
    await runJob('invoice-reminders');
    await matrix.ctx.db.query(`update public.invoices set last_reminder_at = now() - interval '6 days' where id = $1`, [fresh]);
    await runJob('invoice-reminders');
    expect((await invoiceRow(matrix, fresh)).reminder_count).toBe(1);
  });

  it('takes a percentage fee of the amount still due', async () => {
    const [issue, due] = await dates([-30, -1]);
    const id = await sentInvoice(matrix.clients.manager, percent.org, percent.clientId, ITEMS, { issue_on: issue, due_on: due });
    await matrix.clients.manager.rpc('record_payment', { invoice_id: id, amount: 40000, method: 'cash' }).throwOnError();
    await runJob('invoice-reminders');
    // 1.5 % of 600.00 due
    expect(await lateFees(id)).toEqual([900]);
    expect(await invoiceRow(matrix, id)).toMatchObject({ status: 'overdue', total_amount: '100900', amount_due: '60900' });
  });
});

describe('daily job: recurring-invoices', { timeout: 60_000 }, () => {
  async function template(shop: Shop, recurrence: Record<string, unknown>, issueDaysAgo: number): Promise<string> {
    const [issue] = await dates([-issueDaysAgo]);
    const id = await draftInvoice(matrix.clients.manager, shop.org, shop.clientId, [
      { description: 'Hosting', quantity: 1, unit_amount: 5000, tax_rate_bp: 2000 },
    ], { issue_on: issue, ...recurrence });
    await matrix.clients.manager.rpc('send_invoice', { invoice_id: id }).throwOnError();
    return id;
  }
  async function copies(id: string) {
    const { rows } = await matrix.ctx.db.query(
      `select to_char(issue_on, 'YYYY-MM-DD') as issue_on, due_on - issue_on as terms, status, total_amount::int as total
       from public.invoices where recurring_source_id = $1 order by issue_on`,
      [id],
    );
    return rows;
  }

  it('runs at 05:00 UTC and catches up every missed week once', async () => {
    const [d14, d7, d0, next] = await dates([-14, -7, 0, 7]);
    const weekly = await template(flat, { recurrence: 'weekly', recurrence_next_on: d14 }, 21);
    const run = await letScheduleRun('recurring-invoices', 5, 0);
    expect(run.status).toBe('succeeded');
    expect(await copies(weekly)).toEqual([d14, d7, d0].map((d) => ({ issue_on: d, terms: 14, status: 'sent', total: 6000 })));
    expect(await invoiceRow(matrix, weekly)).toMatchObject({ recurrence: 'weekly' });
    expect((await invoiceRow(matrix, weekly)).recurrence_next_on.toISOString().slice(0, 10)).toBe(next);
    const { rows } = await matrix.ctx.db.query(`select count(*)::int as n from public.email_outbox where template = 'invoice_sent' and payload ->> 'invoice_id' in (select id::text from public.invoices where recurring_source_id = $1)`, [weekly]);
    expect(rows[0].n).toBe(3);
    // Running again issues nothing new.
    await runJob('recurring-invoices');
    expect(await copies(weekly)).toHaveLength(3);
  });

  it('stops after N issues', async () => {
    const [d21, d14] = await dates([-21, -14]);
    const limited = await template(flat, { recurrence: 'weekly', recurrence_next_on: d21, recurrence_remaining: 2 }, 28);
    await runJob('recurring-invoices');
    expect((await copies(limited)).map((c) => c.issue_on)).toEqual([d21, d14]);
    expect(await invoiceRow(matrix, limited)).toMatchObject({ recurrence: null, recurrence_remaining: 0 });
  });

  it('issues monthly up to its end date, then stops', async () => {
    const { rows } = await matrix.ctx.db.query(
      `select to_char(current_date - interval '2 months', 'YYYY-MM-DD') as m2, to_char(current_date - interval '1 month', 'YYYY-MM-DD') as m1,
              to_char(current_date - interval '3 months', 'YYYY-MM-DD') as m3`,
    );
    const { m1, m2, m3 } = rows[0];
    const id = await draftInvoice(matrix.clients.manager, flat.org, flat.clientId, [{ description: 'Care plan', quantity: 1, unit_amount: 1000 }], {
      issue_on: m3, recurrence: 'monthly', recurrence_next_on: m2, recurrence_ends_on: m1,
    });
    await matrix.clients.manager.rpc('send_invoice', { invoice_id: id }).throwOnError();
    await runJob('recurring-invoices');
    expect((await copies(id)).map((c) => c.issue_on)).toEqual([m2, m1]);
    expect((await invoiceRow(matrix, id)).recurrence).toBeNull();
  });

  it('does not issue from drafts or void templates', async () => {
    const [d7] = await dates([-7]);
    const draft = await draftInvoice(matrix.clients.manager, flat.org, flat.clientId, ITEMS, { issue_on: d7, recurrence: 'weekly', recurrence_next_on: d7 });
    const voided = await template(flat, { recurrence: 'weekly', recurrence_next_on: (await dates([1]))[0] }, 7);
    await matrix.clients.manager.rpc('void_invoice', { invoice_id: voided, reason: 'Cancelled' }).throwOnError();
    await runJob('recurring-invoices');
    expect(await copies(draft)).toEqual([]);
    expect(await copies(voided)).toEqual([]);
  });
});
