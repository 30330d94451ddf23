// Estimates: a client requests, staff answer, the client approves (the invoice is created and sent in
// the same transaction, linked both ways) or declines; expiry, withdrawal and turning into a project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../jobs/helpers.ts';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { invoiceRow, newShop, notifications, outbox, type Shop } from './fixtures.ts';

let matrix: Matrix;
let shop: Shop;
beforeAll(async () => {
  matrix = await setUpMatrix();
  shop = await newShop(matrix, { default_tax_rate_bp: 1000, estimate_valid_days: 20, payment_terms_days: 10 });
});
afterAll(async () => {
  await matrix?.close();
});

const lineItems = [
  { description: 'Discovery workshop', quantity: 1, unit_amount: 150000, tax_rate_bp: 2000 },
  { description: 'Design days', quantity: 2.5, unit_amount: 80001 }, // default tax 10 %
];
// 150000 + 30000 tax; 200002.5 -> 200003, tax round(20000.3) = 20000
const PRICE = 150000 + 30000 + 200003 + 20000;

async function request(client = matrix.clients.client, clientId = shop.clientId): Promise<string> {
  const { data } = await client
    .from('estimates')
    .insert({ organization_id: shop.org, client_id: clientId, service_type: 'Website', description: 'A new website for spring', budget_min: 300000, budget_max: 500000 })
    .select('id')
    .single()
    .throwOnError();
  return (data as { id: string }).id;
}

async function answer(id: string, extra: Record<string, unknown> = {}) {
  return matrix.clients.member.rpc('answer_estimate', {
    estimate_id: id, scope: 'Five pages, CMS, launch.', line_items: lineItems, timeline: 'Six weeks',
    starts_on: '2026-12-01', delivers_on: '2027-01-15', ...extra,
  });
}

describe('the estimate flow', () => {
  it('tells the managers when a client asks for an estimate, in the app and by e-mail', async () => {
    const id = await request();
    const notes = await notifications(matrix, 'estimate.requested', 'estimate_id', id);
    expect(notes.map((n) => n.user_id).sort()).toEqual([matrix.ctx.users.manager, matrix.ctx.users.admin, matrix.ctx.users.owner].sort());
    expect(notes[0]!.title).toBe('Estimate requested by Acme Money: Website');
    const mail = await outbox(matrix, 'estimate_requested', 'estimate_id', id);
    expect(mail).toHaveLength(3);
    expect(mail[0]!.subject).toBe('Acme Money asks for an estimate: Website');
  });

  it('lets staff answer with line items: price with tax, validity from the organization, client told', async () => {
    const id = await request();
    const { data, error } = await answer(id);
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: 'answered', price_amount: PRICE, timeline: 'Six weeks', answered_by: matrix.ctx.users.member });
    const { rows } = await matrix.ctx.db.query(`select valid_until = current_date + 20 as ok, line_items from public.estimates where id = $1`, [id]);
    expect(rows[0].ok).toBe(true);
    expect(rows[0].line_items[1]).toEqual({ description: 'Design days', quantity: 2.5, unit_amount: 80001, tax_rate_bp: 1000 });
    expect((await notifications(matrix, 'estimate.answered', 'estimate_id', id)).map((n) => n.user_id)).toEqual([matrix.ctx.users.client]);
    const mail = await outbox(matrix, 'estimate_answered', 'estimate_id', id);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.payload.price_amount).toBe(PRICE);
    // Re-answering is allowed while answered.
    const again = await answer(id, { line_items: [{ description: 'Just design', quantity: 1, unit_amount: 100 }] });
    expect(again.data).toMatchObject({ status: 'answered', price_amount: 110 });
  });

  it('refuses bad line items and answers from clients', async () => {
    const id = await request();
    expect((await answer(id, { line_items: [] })).error?.message).toBe('Add at least one line item');
    expect((await answer(id, { line_items: [{ description: 'x', quantity: -1, unit_amount: 1 }] })).error?.message).toMatch(/quantity must be above 0/);
    expect((await answer(id, { line_items: [{ description: 'x', quantity: 1, unit_amount: 1.5 }] })).error?.message).toMatch(/whole number of minor units/);
    const byClient = await matrix.clients.client.rpc('answer_estimate', {
      estimate_id: id, scope: 'Mine', line_items: lineItems, timeline: null, starts_on: null, delivers_on: null,
    });
    expect(byClient.error?.code).toBe('42501');
    const { error } = await matrix.clients.client.from('estimates').update({ price_amount: 1 }).eq('id', id);
    expect(error?.message).toMatch(/permission denied/);
  });

  it('keeps the price following the line items when staff edit them directly, and freezes decided answers', async () => {
    const id = await request();
    await answer(id);
    const staff = matrix.clients.manager;
    await staff.from('estimates').update({ line_items: [{ description: 'Smaller', quantity: 2, unit_amount: 1000, tax_rate_bp: 500 }] }).eq('id', id).throwOnError();
    const { rows } = await matrix.ctx.db.query('select price_amount from public.estimates where id = $1', [id]);
    expect(rows[0].price_amount).toBe('2100');
    const bad = await staff.from('estimates').update({ line_items: [{ description: '', quantity: 1, unit_amount: 1 }] }).eq('id', id);
    expect(bad.error?.message).toMatch(/give a description/);
    await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: false }).throwOnError();
    const frozen = await staff.from('estimates').update({ scope: 'Changed afterwards' }).eq('id', id);
    expect(frozen.error?.message).toBe('This estimate is declined and its answer can no longer change');
  });

  it('creates, sends and links the invoice when the client approves', async () => {
    const id = await request();
    await answer(id);
    const { data, error } = await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: true, comment: 'Go ahead' });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: 'approved', decision_comment: 'Go ahead', decided_by: matrix.ctx.users.client });
    const invoiceId = (data as { invoice_id: string }).invoice_id;
    const inv = await invoiceRow(matrix, invoiceId);
    expect(inv).toMatchObject({ status: 'sent', estimate_id: id, client_id: shop.clientId, total_amount: String(PRICE) });
    const { rows } = await matrix.ctx.db.query(`select due_on - issue_on as terms from public.invoices where id = $1`, [invoiceId]);
    expect(rows[0].terms).toBe(10);
    const { data: items } = await matrix.clients.client.from('invoice_items').select('description, amount').eq('invoice_id', invoiceId).order('position').throwOnError();
    expect(items).toEqual([{ description: 'Discovery workshop', amount: 150000 }, { description: 'Design days', amount: 200003 }]);
    expect(await outbox(matrix, 'invoice_sent', 'invoice_id', invoiceId)).toHaveLength(1);
    const staffNotes = await notifications(matrix, 'estimate.approved', 'estimate_id', id);
    expect(staffNotes.map((n) => n.user_id)).toContain(matrix.ctx.users.member);
    // Deciding twice is refused.
    const twice = await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: false });
    expect(twice.error?.message).toBe('This estimate is approved and cannot be decided');
  });

  it('records a decline with its comment, without an invoice', async () => {
    const id = await request();
    await answer(id);
    const { data } = await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: false, comment: 'Too expensive' }).throwOnError();
    expect(data).toMatchObject({ status: 'declined', invoice_id: null, decision_comment: 'Too expensive' });
    expect((await notifications(matrix, 'estimate.declined', 'estimate_id', id))[0]!.title).toBe('Estimate declined: Website');
  });

  it('lets only the estimate\'s own client (or staff) decide', async () => {
    const id = await request();
    await answer(id);
    const other = await shop.clientB.rpc('decide_estimate', { estimate_id: id, approve: true });
    expect(other.error?.message).toBe('Estimate not found');
    const seen = await shop.clientB.from('estimates').select('id').eq('id', id).throwOnError();
    expect(seen.data).toEqual([]);
    const staff = await matrix.clients.manager.rpc('decide_estimate', { estimate_id: id, approve: true, comment: 'Approved by phone' });
    expect(staff.data).toMatchObject({ status: 'approved' });
  });

  it('expires answered estimates past their date, and refuses to decide an expired one', async () => {
    const id = await request();
    await answer(id);
    await matrix.ctx.db.query(`update public.estimates set valid_until = current_date - 1 where id = $1`, [id]);
    const late = await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: true });
    expect(late.error?.message).toMatch(/^This estimate expired on /);
    const run = await runJob('expire-estimates');
    expect(run.status).toBe('succeeded');
    const { rows } = await matrix.ctx.db.query('select status from public.estimates where id = $1', [id]);
    expect(rows[0].status).toBe('expired');
  });

  it('lets the requester withdraw while requested or answered, not after', async () => {
    const id = await request();
    const other = await shop.clientB.rpc('withdraw_estimate', { estimate_id: id });
    expect(other.error?.message).toBe('Estimate not found');
    const { data } = await matrix.clients.client.rpc('withdraw_estimate', { estimate_id: id }).throwOnError();
    expect(data).toMatchObject({ status: 'withdrawn' });
    const again = await matrix.clients.client.rpc('withdraw_estimate', { estimate_id: id });
    expect(again.error?.message).toBe('This estimate is withdrawn and cannot be withdrawn');
  });

  it('tells a crowd estimate\'s joined participants, and leaves its approval to the crowd project', async () => {
    const { db } = matrix.ctx;
    const crowd = (await db.query(
      `insert into public.crowd_projects (organization_id, title, quorum, target_budget, deadline, status) values ($1, 'Shared mural', 2, 100000, current_date + 30, 'quorum_reached') returning id`,
      [shop.org],
    )).rows[0].id;
    await db.query(`insert into public.crowd_participants (organization_id, crowd_project_id, user_id) values ($1, $2, $3), ($1, $2, $4)`, [shop.org, crowd, matrix.ctx.users.client, shop.clientBUser]);
    await db.query(`insert into public.crowd_participants (organization_id, crowd_project_id, user_id, status, left_at) values ($1, $2, $3, 'left', now())`, [shop.org, crowd, matrix.ctx.users.outsider]);
    const id = (await db.query(
      `insert into public.estimates (organization_id, crowd_project_id, service_type, description) values ($1, $2, 'Mural', 'A shared mural') returning id`,
      [shop.org, crowd],
    )).rows[0].id;
    await answer(id).then((r) => expect(r.error).toBeNull());
    const told = (await notifications(matrix, 'estimate.answered', 'estimate_id', id)).map((n) => n.user_id).sort();
    expect(told).toEqual([matrix.ctx.users.client, shop.clientBUser].sort());
    expect(await outbox(matrix, 'estimate_answered', 'estimate_id', id)).toHaveLength(2);
    const decided = await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: true });
    expect(decided.error?.message).toBe('Crowd estimates are approved on their crowd project');
  });

  it('turns an approved estimate into a project with its budget, dates and scope, linked to the invoice', async () => {
    const id = await request();
    await answer(id);
    const { data: decided } = await matrix.clients.client.rpc('decide_estimate', { estimate_id: id, approve: true }).throwOnError();
    const byClient = await matrix.clients.client.rpc('estimate_to_project', { estimate_id: id });
    expect(byClient.error?.code).toBe('42501');
    const { data: project } = await matrix.clients.member.rpc('estimate_to_project', { estimate_id: id }).throwOnError();
    expect(project).toMatchObject({
      name: 'Website for Acme Money', description: 'Five pages, CMS, launch.', budget: PRICE / 100,
      start_on: '2026-12-01', end_on: '2027-01-15', client_id: shop.clientId, status: 'planning',
    });
    const projectId = (project as { id: string }).id;
    const inv = await invoiceRow(matrix, (decided as { invoice_id: string }).invoice_id);
    expect(inv.project_id).toBe(projectId);
    const { rows } = await matrix.ctx.db.query('select project_id from public.estimates where id = $1', [id]);
    expect(rows[0].project_id).toBe(projectId);
    const twice = await matrix.clients.member.rpc('estimate_to_project', { estimate_id: id });
    expect(twice.error?.message).toBe('This estimate already has a project');
  });
});
