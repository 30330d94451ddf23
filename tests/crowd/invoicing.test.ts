// From quorum to money: staff answer the crowd's estimate, a manager approves it, every participant gets
// an invoice for their share (adding up to the total exactly), and those who agreed and saved a card are
// charged off-session through the stack's Stripe emulator; a declined card leaves the pay link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../helpers/env.ts';
import { callFunction, crowdProject, newCrowdStudio, openCrowdProject, saveCard, sql, waitFor, type CrowdStudio, type Person } from './fixtures.ts';

let studio: CrowdStudio;
beforeAll(async () => {
  studio = await newCrowdStudio();
});
afterAll(async () => {
  for (const p of [studio?.manager, studio?.member, studio?.ownClient, studio?.foreignClient, studio?.loner]) await p?.client.auth.signOut();
});

async function answer(estimateId: string, unitAmount: number, taxRateBp = 0) {
  const { error } = await studio.member.client.rpc('answer_estimate', {
    estimate_id: estimateId,
    scope: 'Design and paint the mural.',
    line_items: [{ description: 'Mural', quantity: 1, unit_amount: unitAmount, tax_rate_bp: taxRateBp }],
    timeline: 'Four weeks',
    starts_on: null,
    delivers_on: null,
  });
  if (error) throw error;
}

async function reachQuorum(people: Person[], options: Parameters<typeof openCrowdProject>[1] = {}, pledges: number[] = []) {
  const id = await openCrowdProject(studio, { quorum: people.length, ...options });
  for (const [i, p] of people.entries()) {
    const { error } = await p.client.rpc('join_crowd_project', { crowd_project_id: id, pledge_amount: pledges[i] ?? null });
    if (error) throw error;
  }
  const cp = await crowdProject(id);
  expect(cp.status).toBe('quorum_reached');
  return { id, estimateId: cp.estimate_id as string };
}

describe('approving a crowd estimate', () => {
  it('invoices each participant an equal share that adds up to the total incl. tax', async () => {
    const people = [studio.ownClient, studio.foreignClient, studio.loner];
    const { id, estimateId } = await reachQuorum(people);
    await answer(estimateId, 8_334, 2_000); // 83.34 + 20 % tax = 100.01 (16.67 tax)
    expect((await crowdProject(id)).status).toBe('estimated');
    const [est] = await sql<{ price_amount: string }>('select price_amount from public.estimates where id = $1', [estimateId]);
    const total = Number(est!.price_amount);

    // Only a manager approves; a member cannot, nor a participant.
    expect((await studio.member.client.rpc('approve_crowd_estimate', { estimate_id: estimateId })).error?.code).toBe('42501');
    expect((await studio.ownClient.client.rpc('approve_crowd_estimate', { estimate_id: estimateId })).error?.code).toBe('P0002');
    const { data, error } = await studio.manager.client.rpc('approve_crowd_estimate', { estimate_id: estimateId });
    expect(error).toBeNull();
    expect(data).toHaveLength(3);
    const amounts = data.map((i: any) => Number(i.total_amount));
    expect(amounts.reduce((a: number, b: number) => a + b, 0)).toBe(total);
    expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
    expect(data.every((i: any) => i.status === 'sent' && i.crowd_project_id === id && i.estimate_id === estimateId)).toBe(true);

    const byUser = new Map(data.map((i: any) => [i.bill_to_user_id, i]));
    expect((byUser.get(studio.ownClient.id) as any).client_id).toBe(studio.clientId); // a client member of the studio
    expect((byUser.get(studio.foreignClient.id) as any).client_id).toBeNull();
    expect(await crowdProject(id)).toMatchObject({ status: 'invoiced' });
    const [estimate] = await sql('select status from public.estimates where id = $1', [estimateId]);
    expect(estimate!.status).toBe('approved');

    // Each sees their own invoice and not the others'; the status RPC shows everyone's share and paid state.
    const mine = await studio.foreignClient.client.from('invoices').select('id, total_amount').eq('crowd_project_id', id);
    expect(mine.data).toEqual([{ id: (byUser.get(studio.foreignClient.id) as any).id, total_amount: (byUser.get(studio.foreignClient.id) as any).total_amount }]);
    const status = await studio.foreignClient.client.rpc('crowd_project_status', { crowd_project_id: id });
    expect(status.data.map((r: any) => Number(r.share_amount)).reduce((a: number, b: number) => a + b, 0)).toBe(total);
    expect(status.data.every((r: any) => r.invoice_status === 'sent' && Number(r.amount_paid) === 0)).toBe(true);

    // E-mailed: one invoice e-mail per participant.
    const mail = await sql<{ to_email: string }>(`select to_email from public.email_outbox where template = 'invoice_sent' and payload ->> 'invoice_id' = any($1)`, [
      data.map((i: any) => i.id),
    ]);
    expect(mail.map((m) => m.to_email).sort()).toEqual(people.map((p) => p.email).sort());
    // Cannot be approved twice.
    expect((await studio.manager.client.rpc('approve_crowd_estimate', { estimate_id: estimateId })).error?.code).toBe('23514');
  });

  it('splits in proportion to pledges 1:2:3 and a participant who left owes nothing', async () => {
    const quitter = await studio.newPerson('quitter');
    const id = await openCrowdProject(studio, { quorum: 3, split: 'pledge' });
    await quitter.client.rpc('join_crowd_project', { crowd_project_id: id, pledge_amount: 99_999 });
    await quitter.client.rpc('leave_crowd_project', { crowd_project_id: id });
    const people = [studio.ownClient, studio.foreignClient, studio.loner];
    for (const [i, p] of people.entries()) await p.client.rpc('join_crowd_project', { crowd_project_id: id, pledge_amount: (i + 1) * 1_000 });
    const { estimate_id: estimateId } = await crowdProject(id);
    await answer(estimateId, 10_000);
    const { data, error } = await studio.manager.client.rpc('approve_crowd_estimate', { estimate_id: estimateId });
    expect(error).toBeNull();
    const share = (user: string) => Number(data.find((i: any) => i.bill_to_user_id === user).total_amount);
    expect([share(studio.ownClient.id), share(studio.foreignClient.id), share(studio.loner.id)]).toEqual([1_667, 3_333, 5_000]);
    expect(data.find((i: any) => i.bill_to_user_id === quitter.id)).toBeUndefined();
    const [row] = await sql('select share_amount, invoice_id from public.crowd_participants where crowd_project_id = $1 and user_id = $2', [id, quitter.id]);
    expect(row).toEqual({ share_amount: null, invoice_id: null });
  });
});

describe('charging saved cards', () => {
  it('charges agreed participants off-session once, leaves a declined card and the rest to pay by link', async () => {
    const payer = await studio.newPerson('payer');
    const decliner = await studio.newPerson('decliner');
    const byLink = await studio.newPerson('by-link');
    const id = await openCrowdProject(studio, { quorum: 3 });
    await payer.client.rpc('join_crowd_project', { crowd_project_id: id, agree_to_charge: true });
    await decliner.client.rpc('join_crowd_project', { crowd_project_id: id, agree_to_charge: true });
    // A card can be saved only by someone who joined.
    expect((await callFunction('crowd-setup', byLink.token, { crowd_project_id: id })).status).toBe(403);
    await saveCard(payer, id, 'pay');
    await saveCard(decliner, id, 'decline');
    await byLink.client.rpc('join_crowd_project', { crowd_project_id: id, agree_to_charge: false });
    await saveCard(byLink, id, 'pay'); // saved, but not agreed: never charged

    // Co-participants never see each other's Stripe ids.
    const peek = await byLink.client.from('crowd_participants').select('stripe_payment_method_id').eq('crowd_project_id', id);
    expect(peek.error?.code).toBe('42501');

    const { estimate_id: estimateId } = await crowdProject(id);
    await answer(estimateId, 30_000);
    const { data: invoices, error } = await studio.manager.client.rpc('approve_crowd_estimate', { estimate_id: estimateId });
    expect(error).toBeNull();
    const invoiceOf = (p: Person) => invoices.find((i: any) => i.bill_to_user_id === p.id).id as string;

    // approve_crowd_estimate called crowd-charge after commit (pg_net).
    await waitFor('the payer\'s invoice to be paid', async () => {
      const [inv] = await sql('select status from public.invoices where id = $1', [invoiceOf(payer)]);
      return inv!.status === 'paid';
    });
    await waitFor('the decliner to be told', async () =>
      (await sql(`select 1 from public.notifications where kind = 'crowd.charge_failed' and user_id = $1`, [decliner.id])).length === 1,
    );
    // Retrying is safe: nothing charged twice.
    const service = await callFunction('crowd-charge', stackEnv.serviceRoleKey, { crowd_project_id: id });
    expect(service.status).toBe(200);
    expect(service.body.charged).toBe(0);
    // A participant cannot trigger charges.
    expect((await callFunction('crowd-charge', payer.token, { crowd_project_id: id })).status).toBe(403);

    const payments = await sql<{ invoice_id: string; status: string; amount: string }>(
      `select invoice_id, status, amount from public.payments where invoice_id = any($1) and status = 'succeeded'`,
      [[invoiceOf(payer), invoiceOf(decliner), invoiceOf(byLink)]],
    );
    expect(payments).toEqual([{ invoice_id: invoiceOf(payer), status: 'succeeded', amount: '10000' }]);
    const states = await sql<{ id: string; status: string }>('select id, status from public.invoices where id = any($1)', [[invoiceOf(decliner), invoiceOf(byLink)]]);
    expect(states.map((s) => s.status)).toEqual(['sent', 'sent']);
    expect((await sql(`select 1 from public.notifications where kind = 'crowd.charge_failed' and user_id = $1`, [decliner.id])).length).toBe(1);

    // The project shows who has paid.
    const status = await payer.client.rpc('crowd_project_status', { crowd_project_id: id });
    const paid = Object.fromEntries(status.data.map((r: any) => [r.user_id, r.invoice_status]));
    expect(paid).toEqual({ [payer.id]: 'paid', [decliner.id]: 'sent', [byLink.id]: 'sent' });
  });
});
