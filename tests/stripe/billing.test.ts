// Subscriptions end to end through the stack's Stripe emulator: an admin subscribes on the test-mode
// Checkout page (plan pro), switches and cancels in the portal (business, then free); non-admins are
// refused. Plan limits hold in SQL for organizations created in the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../helpers/env.ts';
import { createUser, functionsUrl, setUpBilling, signIn, stripeUrl, type BillingWorld } from './fixtures.ts';

let w: BillingWorld;

beforeAll(async () => {
  w = await setUpBilling();
});
afterAll(async () => {
  await w?.close();
});

async function call(name: string, token: string, body: unknown) {
  const res = await fetch(functionsUrl(name), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, apikey: stackEnv.anonKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function press(url: string, fields: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location') };
}

async function plan() {
  return (
    await w.db.query(
      `select o.plan::text, o.stripe_customer_id, s.status, s.plan::text as sub_plan from public.organizations o
       left join public.subscriptions s on s.organization_id = o.id where o.id = $1`,
      [w.org],
    )
  ).rows[0];
}

describe('subscriptions', () => {
  it('refuses members and managers; admins only', async () => {
    for (const person of ['member', 'client', 'outsider'] as const) {
      const res = await call('billing-checkout', w.tokens[person], { organization_id: w.org, plan: 'pro' });
      expect(res.status, person).toBe(403);
      expect(res.body.error).toBe('Only owners and admins can manage billing');
    }
    expect((await call('billing-checkout', w.tokens.admin, { organization_id: w.org, plan: 'gold' })).status).toBe(400);
    expect((await call('billing-portal', w.tokens.admin, { organization_id: w.org })).body.error).toMatch(/choose a plan first/);
  });

  it('subscribes on the test-mode page (pro), switches in the portal (business) and cancels (free)', async () => {
    await fetch(stripeUrl('/_emulator/requests'), { method: 'DELETE' });
    const started = await call('billing-checkout', w.tokens.admin, { organization_id: w.org, plan: 'pro' });
    expect(started.status).toBe(200);
    const requests = (await (await fetch(stripeUrl('/_emulator/requests'))).json()) as any[];
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/customers', 'POST /v1/checkout/sessions']);
    expect(requests[1].body).toMatchObject({ mode: 'subscription', line_items: [{ price: 'price_pro', quantity: '1' }], metadata: { organization_id: w.org } });

    const page = await (await fetch(started.body.url)).text();
    expect(page).toContain('Test mode — no real money moves');
    expect(page).toContain('Subscribe');
    const done = await press(started.body.url, { action: 'pay' });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/\/settings\/plan\?billing=success$/);
    expect(await plan()).toMatchObject({ plan: 'pro', status: 'active', sub_plan: 'pro' });
    expect((await plan()).stripe_customer_id).toMatch(/^cus_/);

    expect((await call('billing-checkout', w.tokens.owner, { organization_id: w.org, plan: 'business' })).status).toBe(409);

    const portal = await call('billing-portal', w.tokens.owner, { organization_id: w.org });
    expect(portal.status).toBe(200);
    const portalPage = await (await fetch(portal.body.url)).text();
    const subscription = /name="subscription" value="(sub_[A-Za-z0-9]+)"/.exec(portalPage)![1]!;
    await press(portal.body.url, { action: 'switch', subscription, price: 'price_business' });
    expect(await plan()).toMatchObject({ plan: 'business', status: 'active', sub_plan: 'business' });
    await press(portal.body.url, { action: 'cancel', subscription });
    expect(await plan()).toMatchObject({ plan: 'free', status: 'canceled' });
  });
});

describe('plan limits', () => {
  it('hold for an organization created in the app: 5 active projects and 3 staff on Free', async () => {
    const email = `stripe-founder-${w.run}@billing.test`;
    await createUser(w.db, email);
    const { client } = await signIn(email);
    const { data: org, error } = await client.rpc('create_organization', { name: `Limited ${w.run}`, slug: `limited-${w.run}` });
    expect(error).toBeNull();
    const orgId = (org as { id: string }).id;
    const { data: c } = await client.from('clients').insert({ organization_id: orgId, name: 'Acme' }).select('id').single().throwOnError();
    const clientId = (c as { id: string }).id;
    for (let i = 1; i <= 5; i++) {
      await client.from('projects').insert({ organization_id: orgId, client_id: clientId, name: `P${i}` }).throwOnError();
    }
    const sixth = await client.from('projects').insert({ organization_id: orgId, client_id: clientId, name: 'P6' });
    expect(sixth.error).toMatchObject({ code: '23514', message: 'Your Free plan allows 5 active projects — upgrade to add more' });
    // Completed projects do not count; a completed one cannot come back while the plan is full.
    const { data: done } = await client.from('projects').insert({ organization_id: orgId, client_id: clientId, name: 'Old', status: 'completed' }).select('id').single().throwOnError();
    const reopen = await client.from('projects').update({ status: 'active' }).eq('id', (done as { id: string }).id);
    expect(reopen.error?.code).toBe('23514');

    expect(await client.rpc('plan_usage', { org: orgId })).toMatchObject({ data: { active_projects: 5, staff: 1 } });
    expect(await client.rpc('plan_limits', { org: orgId })).toMatchObject({ data: { max_active_projects: 5, max_staff: 3 } });

    const addStaff = async (n: number) => {
      const id = await createUser(w.db, `stripe-staff${n}-${w.run}@billing.test`);
      return w.db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'member')`, [orgId, id]);
    };
    await addStaff(2);
    await addStaff(3);
    await expect(addStaff(4)).rejects.toThrow('Your Free plan allows 3 staff seats — upgrade to add more');
    // Client members take no seat.
    const clientUser = await createUser(w.db, `stripe-cl-${w.run}@billing.test`);
    await w.db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [orgId, clientUser, clientId]);

    await w.db.query(`update public.organizations set plan = 'pro' where id = $1`, [orgId]);
    await client.from('projects').insert({ organization_id: orgId, client_id: clientId, name: 'P6' }).throwOnError();
    await addStaff(5);
  });

  it('leave organizations made in SQL (seed, tests) alone', async () => {
    const { rows } = await w.db.query(`select plan_limits_enforced from public.organizations where id = $1`, [w.org]);
    expect(rows[0].plan_limits_enforced).toBe(false);
  });
});
