// Billing from an admin's side: Settings → Plan shows the Free plan and its usage, "Upgrade to Pro"
// goes to the stack's test-mode Stripe Checkout, subscribing comes back to the Plan page on Pro.
// Also looks at the test-mode payment page itself (light and dark, axe-clean). Uses an organization of
// its own, so the demo data stays as it is.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser } from './helpers/browser.ts';
import { capture, newPerson, signIn } from './helpers/app.ts';
import { stackEnv, withDb } from '../helpers/env.ts';

const run = randomUUID().slice(0, 8);
const email = `plan-owner-${run}@e2e.test`;
const PASSWORD = 'e2e-billing-password';
const SITE_URL = 'http://127.0.0.1:5173';
let browser: Browser;
let org: string;

beforeAll(async () => {
  browser = await launchBrowser();
  org = await withDb(async (db) => {
    const id = randomUUID();
    await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf', 4)), now(),
         '{"provider":"email","providers":["email"]}', '{"full_name":"Paula Plan"}', now(), now())`,
      [id, email, PASSWORD],
    );
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text), 'email', now(), now())`,
      [id, id, email],
    );
    const o = (await db.query(`insert into public.organizations (name, slug, plan_limits_enforced) values ($1, $2, true) returning id`, [`Plan Studio ${run}`, `plan-studio-${run}`])).rows[0].id as string;
    await db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'owner')`, [o, id]);
    const client = (await db.query(`insert into public.clients (organization_id, name, status) values ($1, 'Acme', 'active') returning id`, [o])).rows[0].id as string;
    await db.query(`insert into public.projects (organization_id, client_id, name, status) values ($1, $2, 'Site', 'active'), ($1, $2, 'Brand', 'planning')`, [o, client]);
    return o;
  });
});
afterAll(async () => {
  await browser?.close();
  await withDb(async (db) => {
    await db.query(`delete from public.organizations where id = $1`, [org]);
    await db.query(`delete from auth.users where email = $1`, [email]);
  });
});

/** Stripe sends the browser back to SITE_URL; the test app is served elsewhere, so follow it there. */
async function followSiteUrl(page: Page): Promise<void> {
  await page.route(`${SITE_URL}/**`, (route) => {
    const url = new URL(route.request().url());
    return route.fulfill({ status: 302, headers: { location: appUrl(`${url.pathname}${url.search}`) } });
  });
}

describe('plan and subscription', () => {
  it('an owner sees the Free plan with usage, upgrades to Pro on the test-mode Checkout and comes back on Pro', async () => {
    const { page, context } = await newPerson(browser);
    await followSiteUrl(page);
    await signIn(page, email, PASSWORD);
    await page.getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
    await page.getByRole('progressbar', { name: 'Active projects' }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Active projects' }).getAttribute('aria-valuetext')).toBe('2 of 5 projects');
    await capture(page, 'billing-01-plan-free');

    await page.getByRole('button', { name: 'Upgrade to Pro' }).click();
    await page.waitForURL(/\/stripe\/checkout\/cs_test_/);
    await page.getByText('Test mode — no real money moves').waitFor();
    await capture(page, 'billing-02-checkout-subscribe');
    await page.getByRole('button', { name: /^Subscribe/ }).click();

    await page.waitForURL(/\/settings\/plan\?billing=success/);
    await page.getByText('You are on the Pro plan. Thank you!').waitFor();
    await page.getByRole('button', { name: 'Manage billing', exact: true }).waitFor();
    expect(await page.getByRole('progressbar', { name: 'Active projects' }).getAttribute('aria-valuetext')).toBe('2 of 50 projects');
    await capture(page, 'billing-03-plan-pro');
    await context.close();
  });

  it('the Plan page in dark mode', async () => {
    const { page, context } = await newPerson(browser, 'dark');
    await signIn(page, email, PASSWORD);
    await page.getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('button', { name: 'Manage billing', exact: true }).waitFor();
    await capture(page, 'billing-04-plan-pro-dark');
    await context.close();
  });
});

describe('the test-mode payment page', () => {
  it('shows the amount, merchant and the test-mode banner, light and dark', async () => {
    const res = await fetch(`${stackEnv.apiUrl}/stripe/v1/checkout/sessions`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_local_atrium_stack_emulator', 'Content-Type': 'application/x-www-form-urlencoded' },
      body:
        'mode=payment&success_url=http://127.0.0.1:5173/invoices/x?checkout=success&cancel_url=http://127.0.0.1:5173/invoices/x?checkout=cancel' +
        '&customer_email=client@northwind.test&line_items[0][quantity]=1&line_items[0][price_data][currency]=eur' +
        '&line_items[0][price_data][unit_amount]=123456&line_items[0][price_data][product_data][name]=Invoice INV-0042 — Northwind Studio',
    });
    const session = (await res.json()) as { url: string };
    for (const scheme of ['light', 'dark'] as const) {
      const { page, context } = await newPerson(browser, scheme);
      await page.goto(session.url);
      await page.getByRole('button', { name: 'Pay €1,234.56' }).waitFor();
      await page.getByText('Invoice INV-0042 — Northwind Studio').waitFor();
      // Keyboard: the pay button has focus first, Tab reaches the decline and cancel buttons.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pay €1,234.56');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Simulate a declined card');
      await capture(page, `billing-05-checkout-pay-${scheme}`);
      if (scheme === 'light') {
        await page.keyboard.press('Enter');
        await page.getByRole('alert').filter({ hasText: 'Your card was declined.' }).waitFor();
        await capture(page, 'billing-06-checkout-declined');
      }
      await context.close();
    }
  });
});
