// Client A against client B of the same organization (and an outsider from another one): each client
// member sees only its own client's estimates, sent invoices, their items and payments, and the
// notifications about them; nothing is visible across clients, in either direction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { setUpMatrix, type Matrix } from '../rls/harness.ts';
import { newShop, sentInvoice, type Shop } from './fixtures.ts';

let matrix: Matrix;
let shop: Shop;
const a: Record<string, string> = {};
const b: Record<string, string> = {};

async function moneyOf(owner: Record<string, string>, clientId: string, requester: SupabaseClient) {
  const { data: est } = await requester
    .from('estimates')
    .insert({ organization_id: shop.org, client_id: clientId, service_type: 'Isolation', description: 'Only mine' })
    .select('id')
    .single()
    .throwOnError();
  owner.estimate = (est as { id: string }).id;
  owner.invoice = await sentInvoice(matrix.clients.manager, shop.org, clientId, [{ description: 'Private work', quantity: 1, unit_amount: 12345 }]);
  const { data: pay } = await matrix.clients.manager.rpc('record_payment', { invoice_id: owner.invoice, amount: 345, method: 'bank_transfer' }).throwOnError();
  owner.payment = (pay as { id: string }).id;
}

async function visible(c: SupabaseClient) {
  const ids = [a, b];
  const pick = (key: string) => ids.map((o) => o[key]!);
  const estimates = await c.from('estimates').select('id').in('id', pick('estimate')).throwOnError();
  const invoices = await c.from('invoices').select('id').in('id', pick('invoice')).throwOnError();
  const items = await c.from('invoice_items').select('invoice_id').in('invoice_id', pick('invoice')).throwOnError();
  const payments = await c.from('payments').select('id').in('id', pick('payment')).throwOnError();
  const owner = (id: string) => (Object.values(a).includes(id) ? 'A' : 'B');
  return {
    estimates: estimates.data!.map((r: any) => owner(r.id)).sort(),
    invoices: invoices.data!.map((r: any) => owner(r.id)).sort(),
    items: items.data!.map((r: any) => owner(r.invoice_id)).sort(),
    payments: payments.data!.map((r: any) => owner(r.id)).sort(),
  };
}

beforeAll(async () => {
  matrix = await setUpMatrix();
  shop = await newShop(matrix);
  await moneyOf(a, shop.clientId, matrix.clients.client);
  await moneyOf(b, shop.otherClientId, shop.clientB);
});
afterAll(async () => {
  await matrix?.close();
});

describe('client A against client B', () => {
  it('client A sees only A\'s money', async () => {
    expect(await visible(matrix.clients.client)).toEqual({ estimates: ['A'], invoices: ['A'], items: ['A'], payments: ['A'] });
  });

  it('client B sees only B\'s money', async () => {
    expect(await visible(shop.clientB)).toEqual({ estimates: ['B'], invoices: ['B'], items: ['B'], payments: ['B'] });
  });

  it('staff see both; an outsider sees neither', async () => {
    expect(await visible(matrix.clients.member)).toEqual({ estimates: ['A', 'B'], invoices: ['A', 'B'], items: ['A', 'B'], payments: ['A', 'B'] });
    expect(await visible(matrix.clients.outsider)).toEqual({ estimates: [], invoices: [], items: [], payments: [] });
  });

  it('client B cannot act on A\'s estimate or invoice through the RPCs', async () => {
    expect((await shop.clientB.rpc('withdraw_estimate', { estimate_id: a.estimate })).error?.message).toBe('Estimate not found');
    expect((await shop.clientB.rpc('invoice_checkout_quote', { invoice_id: a.invoice })).error?.message).toBe('You are not allowed to pay this invoice');
    expect((await shop.clientB.rpc('record_payment', { invoice_id: a.invoice, amount: 1, method: 'cash' })).error?.code).toBe('42501');
    expect((await shop.clientB.rpc('send_invoice', { invoice_id: a.invoice })).error?.code).toBe('42501');
    expect((await shop.clientB.rpc('void_invoice', { invoice_id: a.invoice, reason: 'mine' })).error?.code).toBe('42501');
  });

  it('client B cannot request an estimate for client A', async () => {
    const { error } = await shop.clientB.from('estimates').insert({ organization_id: shop.org, client_id: shop.clientId, service_type: 'Forged', description: 'For someone else' });
    expect(error).not.toBeNull();
  });

  it('notifications about A\'s invoice reach A\'s members only', async () => {
    const { rows } = await matrix.ctx.db.query(
      `select distinct user_id from public.notifications where data ->> 'invoice_id' = $1 and user_id in ($2, $3)`,
      [a.invoice, matrix.ctx.users.client, shop.clientBUser],
    );
    expect(rows.map((r) => r.user_id)).toEqual([matrix.ctx.users.client]);
  });
});
