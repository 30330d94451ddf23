// Invoices: totals kept in SQL with one rounding rule, drafts the only editable state, gapless
// numbers under concurrency, and columns (prices, totals, status) the browser can never set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('invoice totals', () => {
  it('rounds each item, the discount and each item\'s tax half away from zero', async () => {
    const staff = matrix.clients.manager;
    const id = await draftInvoice(staff, shop.org, shop.clientId, [
      { description: 'Half a cent up', quantity: 2.5, unit_amount: 333, tax_rate_bp: 2000 }, // 832.5 -> 833
      { description: 'Thirds', quantity: '0.333', unit_amount: 1001, tax_rate_bp: 700 }, // 333.333 -> 333
      { description: 'Tiny', quantity: 1, unit_amount: 5, tax_rate_bp: 1950 }, // 5
    ], { discount_bp: 1250 });
    const { data: items } = await staff.from('invoice_items').select('description, amount').eq('invoice_id', id).order('position').throwOnError();
    expect(items!.map((i: any) => i.amount)).toEqual([833, 333, 5]);
    // discount = round(1171 x 0.125 = 146.375) = 146
    // tax = round(833 x 0.875 x 0.20 = 145.775) + round(333 x 0.875 x 0.07 = 20.396) + round(5 x 0.875 x 0.195 = 0.853) = 146 + 20 + 1
    const inv = await invoiceRow(matrix, id);
    expect({ subtotal: Number(inv.subtotal_amount), discount: Number(inv.discount_amount), tax: Number(inv.tax_amount), total: Number(inv.total_amount), due: Number(inv.amount_due) })
      .toEqual({ subtotal: 1171, discount: 146, tax: 167, total: 1192, due: 1192 });
  });

  it('rounds exact halves away from zero and recomputes when an item or the discount changes', async () => {
    const staff = matrix.clients.manager;
    const id = await draftInvoice(staff, shop.org, shop.clientId, [{ description: 'Half', quantity: '0.5', unit_amount: 1, tax_rate_bp: 5000 }]);
    // 0.5 -> 1; tax round(1 x 0.5 = 0.5) -> 1
    expect((await invoiceRow(matrix, id)).total_amount).toBe('2');
    await staff.from('invoice_items').update({ quantity: 3, unit_amount: 1999 }).eq('invoice_id', id).throwOnError();
    let inv = await invoiceRow(matrix, id);
    expect([inv.subtotal_amount, inv.tax_amount, inv.total_amount]).toEqual(['5997', '2999', '8996']); // tax 2998.5 -> 2999
    await staff.from('invoices').update({ discount_bp: 3333 }).eq('id', id).throwOnError();
    inv = await invoiceRow(matrix, id);
    // discount round(5997 x 0.3333 = 1998.8001) = 1999; tax round(5997 x 0.6667 x 0.5 = 1999.09995) = 1999
    expect([inv.discount_amount, inv.tax_amount, inv.total_amount]).toEqual(['1999', '1999', '5997']);
    await staff.from('invoice_items').delete().eq('invoice_id', id).throwOnError();
    inv = await invoiceRow(matrix, id);
    expect([inv.subtotal_amount, inv.discount_amount, inv.tax_amount, inv.total_amount]).toEqual(['0', '0', '0', '0']);
  });

  it('keeps items and terms fixed once the invoice is sent, with a clear message', async () => {
    const staff = matrix.clients.manager;
    const id = await sentInvoice(staff, shop.org, shop.clientId, [{ description: 'Design', quantity: 1, unit_amount: 10000 }]);
    const item = await staff.from('invoice_items').update({ unit_amount: 1 }).eq('invoice_id', id);
    expect(item.error?.message).toBe('This invoice is sent and its items can no longer change');
    const added = await staff.from('invoice_items').insert({ organization_id: shop.org, invoice_id: id, description: 'Sneaky', quantity: 1, unit_amount: 1 });
    expect(added.error?.message).toBe('This invoice is sent and its items can no longer change');
    const terms = await staff.from('invoices').update({ discount_bp: 5000 }).eq('id', id);
    expect(terms.error?.message).toBe('This invoice is sent and its terms can no longer change');
    // Notes are not terms.
    await staff.from('invoices').update({ notes: 'Thanks!' }).eq('id', id).throwOnError();
    expect((await invoiceRow(matrix, id)).total_amount).toBe('10000');
  });

  it('sends by e-mail with its link to the client\'s members (or the client\'s address), and re-queues on a re-send', async () => {
    const staff = matrix.clients.manager;
    const id = await sentInvoice(staff, shop.org, shop.clientId, [{ description: 'Design', quantity: 1, unit_amount: 2500 }]);
    const { rows } = await matrix.ctx.db.query('select email from auth.users where id = $1', [matrix.ctx.users.client]);
    let mail = await outbox(matrix, 'invoice_sent', 'invoice_id', id);
    expect(mail.map((m) => m.to_email)).toEqual([rows[0].email]);
    expect(mail[0]!.subject).toMatch(/^Invoice INV-\d{4} from RLS matrix: 25\.00 USD due /);
    expect(mail[0]!.payload.path).toBe(`/invoices/${id}`);
    expect((await notifications(matrix, 'invoice.sent', 'invoice_id', id)).map((n) => n.user_id)).toEqual([matrix.ctx.users.client]);
    await staff.rpc('send_invoice', { invoice_id: id }).throwOnError();
    mail = await outbox(matrix, 'invoice_sent', 'invoice_id', id);
    expect(mail).toHaveLength(2);
    // Client B's invoice goes to client B's member; a client without members gets it at its own address.
    const other = await sentInvoice(staff, shop.org, shop.otherClientId, [{ description: 'Design', quantity: 1, unit_amount: 2500 }]);
    expect((await outbox(matrix, 'invoice_sent', 'invoice_id', other)).map((m) => m.to_email)).toEqual([shop.clientBEmail]);
    const { rows: [lone] } = await matrix.ctx.db.query(
      `insert into public.clients (organization_id, name, status, email) values ($1, 'No portal', 'active', 'ap@no-portal.test') returning id`,
      [shop.org],
    );
    const third = await sentInvoice(staff, shop.org, lone.id, [{ description: 'Design', quantity: 1, unit_amount: 2500 }]);
    expect((await outbox(matrix, 'invoice_sent', 'invoice_id', third)).map((m) => m.to_email)).toEqual(['ap@no-portal.test']);
    const byClient = await matrix.clients.client.rpc('send_invoice', { invoice_id: id });
    expect(byClient.error?.code).toBe('42501');
  });

  it('refuses to send an empty invoice', async () => {
    const id = await draftInvoice(matrix.clients.manager, shop.org, shop.clientId, []);
    const { error } = await matrix.clients.manager.rpc('send_invoice', { invoice_id: id });
    expect(error?.message).toMatch(/needs at least one item and a total above zero/);
  });
});

describe('invoice numbers', () => {
  it('gives 50 concurrent invoices distinct consecutive numbers, with no gaps from 10 that fail alongside', async () => {
    const fresh = await newShop(matrix, { invoice_prefix: 'CC-' });
    const staff = matrix.clients.manager;
    // Every sixth insert fails after taking its number (due before issue) and rolls back.
    const attempts = Array.from({ length: 60 }, (_, i) =>
      staff.from('invoices').insert({ organization_id: fresh.org, client_id: fresh.clientId, ...(i % 6 === 5 ? { issue_on: '2026-11-10', due_on: '2026-11-01' } : {}) }).select('sequence_number, number').single(),
    );
    const results = await Promise.all(attempts);
    const ok = results.filter((r) => !r.error).map((r) => r.data as { sequence_number: number; number: string });
    expect(results.filter((r) => r.error)).toHaveLength(10);
    expect(ok).toHaveLength(50);
    expect(ok.map((r) => r.sequence_number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(ok.map((r) => r.number)).size).toBe(50);
    expect(ok.find((r) => r.sequence_number === 7)?.number).toBe('CC-0007');
    const { rows } = await matrix.ctx.db.query('select invoice_sequence from public.organizations where id = $1', [fresh.org]);
    expect(rows[0].invoice_sequence).toBe(50);
  });

  it('does not write an audit row for every number handed out', async () => {
    const fresh = await newShop(matrix);
    await draftInvoice(matrix.clients.manager, fresh.org, fresh.clientId, []);
    await draftInvoice(matrix.clients.manager, fresh.org, fresh.clientId, []);
    const { rows } = await matrix.ctx.db.query(
      `select count(*)::int as n from public.audit_logs where table_name = 'organizations' and organization_id = $1 and action = 'update'`,
      [fresh.org],
    );
    // Only newShop's settings update (none here) would count.
    expect(rows[0].n).toBe(0);
  });

  it('keeps the organization\'s currency once it has invoices', async () => {
    const fresh = await newShop(matrix);
    await matrix.clients.admin.from('organizations').update({ currency: 'EUR' }).eq('id', fresh.org).throwOnError();
    await draftInvoice(matrix.clients.manager, fresh.org, fresh.clientId, []);
    const { rows } = await matrix.ctx.db.query('select currency from public.invoices where organization_id = $1', [fresh.org]);
    expect(rows[0].currency).toBe('EUR');
    const again = await matrix.clients.admin.from('organizations').update({ currency: 'GBP' }).eq('id', fresh.org);
    expect(again.error?.message).toBe('The currency cannot change once the organization has invoices');
    const { rows: org } = await matrix.ctx.db.query('select currency from public.organizations where id = $1', [fresh.org]);
    expect(org[0].currency).toBe('EUR');
  });
});

describe('what the browser may not set', () => {
  it('refuses totals, status, numbers and item amounts from staff and clients through REST', async () => {
    const staff = matrix.clients.manager;
    const id = await sentInvoice(staff, shop.org, shop.clientId, [{ description: 'Design', quantity: 1, unit_amount: 10000 }]);
    for (const patch of [{ total_amount: 1 }, { amount_paid: 10000 }, { status: 'paid' }, { number: 'X-1' }, { subtotal_amount: 1 }]) {
      const { error } = await staff.from('invoices').update(patch).eq('id', id);
      expect(error?.message, JSON.stringify(patch)).toMatch(/permission denied/);
    }
    const { error: forged } = await staff.from('invoices').insert({ organization_id: shop.org, client_id: shop.clientId, status: 'paid' });
    expect(forged?.message).toMatch(/permission denied/);
    const draft = await draftInvoice(staff, shop.org, shop.clientId, []);
    const { error: amount } = await staff.from('invoice_items').insert({ organization_id: shop.org, invoice_id: draft, description: 'x', quantity: 1, unit_amount: 100, amount: 1 });
    expect(amount?.message).toMatch(/permission denied/);

    const client = matrix.clients.client;
    const { data: seen } = await client.from('invoices').select('id, total_amount').eq('id', id).throwOnError();
    expect(seen).toEqual([{ id, total_amount: 10000 }]);
    const { error: clientPrice } = await client.from('invoices').update({ notes: 'mine now' }).eq('id', id);
    const after = await invoiceRow(matrix, id);
    expect(clientPrice === null ? after.notes : 'refused').not.toBe('mine now');
    const { error: clientItem } = await client.from('invoice_items').insert({ organization_id: shop.org, invoice_id: draft, description: 'x', quantity: 1, unit_amount: 1 });
    expect(clientItem).not.toBeNull();
    const { error: clientPay } = await client.from('payments').insert({ organization_id: shop.org, invoice_id: id, amount: 10000, currency: 'USD', method: 'card', status: 'succeeded' });
    expect(clientPay?.message).toMatch(/permission denied/);
    expect((await invoiceRow(matrix, id)).status).toBe('sent');
  });

  it('hides drafts from the client and each client\'s invoices from the other', async () => {
    const staff = matrix.clients.manager;
    const draft = await draftInvoice(staff, shop.org, shop.clientId, [{ description: 'Draft', quantity: 1, unit_amount: 100 }]);
    const mine = await sentInvoice(staff, shop.org, shop.clientId, [{ description: 'Mine', quantity: 1, unit_amount: 100 }]);
    const theirs = await sentInvoice(staff, shop.org, shop.otherClientId, [{ description: 'Theirs', quantity: 1, unit_amount: 100 }]);
    const a = await matrix.clients.client.from('invoices').select('id').in('id', [draft, mine, theirs]).throwOnError();
    expect(a.data!.map((r: any) => r.id)).toEqual([mine]);
    const b = await shop.clientB.from('invoices').select('id').in('id', [draft, mine, theirs]).throwOnError();
    expect(b.data!.map((r: any) => r.id)).toEqual([theirs]);
    const items = await shop.clientB.from('invoice_items').select('invoice_id').in('invoice_id', [draft, mine, theirs]).throwOnError();
    expect(items.data!.map((r: any) => r.invoice_id)).toEqual([theirs]);
    const outsider = await matrix.clients.outsider.from('invoices').select('id').in('id', [draft, mine, theirs]).throwOnError();
    expect(outsider.data).toEqual([]);
  });
});
