// The money path of issue 11 end to end: a client requests an estimate with a file, staff answer with line
// items, the client approves (the invoice appears), pays through the stack's test-mode Stripe Checkout, the
// invoice shows paid and the receipt reaches the mailbox. Then staff write an invoice by hand, send it and
// record a partial bank transfer. Every screen is captured light (and the main ones dark) with axe.
// Uses an organization of its own, so the demo data stays as it is.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser } from './helpers/browser.ts';
import { capture, newPerson, signIn } from './helpers/app.ts';
import { stackEnv, withDb } from '../helpers/env.ts';
import { waitForMail } from '../helpers/mailbox.ts';

const run = randomUUID().slice(0, 8);
const PASSWORD = 'e2e-money-password';
const staffEmail = `money-owner-${run}@e2e.test`;
const clientEmail = `money-client-${run}@e2e.test`;
const SITE_URL = 'http://127.0.0.1:5173';
let browser: Browser;
let org: string;
let estimateUrl = '';
let invoiceUrl = '';

async function addUser(db: { query: (q: string, p: unknown[]) => Promise<unknown> }, email: string, name: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf', 4)), now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', $4::text), now(), now())`,
    [id, email, PASSWORD, name],
  );
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $2::uuid, jsonb_build_object('sub', $1::text, 'email', $3::text), 'email', now(), now())`,
    [id, id, email],
  );
  return id;
}

beforeAll(async () => {
  browser = await launchBrowser();
  org = await withDb(async (db) => {
    const owner = await addUser(db, staffEmail, 'Mona Money');
    const clientUser = await addUser(db, clientEmail, 'Carl Client');
    const o = (
      await db.query(`insert into public.organizations (name, slug, currency, default_tax_rate_bp) values ($1, $2, 'EUR', 2000) returning id`, [`Money Studio ${run}`, `money-studio-${run}`])
    ).rows[0].id as string;
    await db.query(`insert into public.organization_members (organization_id, user_id, role) values ($1, $2, 'owner')`, [o, owner]);
    const client = (await db.query(`insert into public.clients (organization_id, name, status, email) values ($1, 'Outdoor Co', 'active', $2) returning id`, [o, clientEmail])).rows[0].id as string;
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [o, clientUser, client]);
    return o;
  });
});

afterAll(async () => {
  await browser?.close();
  await withDb(async (db) => {
    await db.query(`delete from public.organizations where id = $1`, [org]);
    await db.query(`delete from auth.users where email = any($1)`, [[staffEmail, clientEmail]]);
  });
});

/** Stripe sends the browser back to SITE_URL; the test app is served elsewhere, so follow it there. */
async function followSiteUrl(page: Page): Promise<void> {
  await page.route(`${SITE_URL}/**`, (route) => {
    const url = new URL(route.request().url());
    return route.fulfill({ status: 302, headers: { location: appUrl(`${url.pathname}${url.search}`) } });
  });
}

/** Delivers queued e-mail now (the stack's cron would do it on its own schedule). */
async function deliverMail(): Promise<void> {
  const res = await fetch(`${stackEnv.apiUrl}/functions/v1/send-email`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stackEnv.serviceRoleKey}`, apikey: stackEnv.serviceRoleKey },
  });
  expect(res.status).toBe(200);
}

describe('estimate → invoice → payment', () => {
  it('a client requests an estimate with a file', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, clientEmail, PASSWORD);
    await page.getByRole('link', { name: 'Estimates' }).click();
    await page.getByRole('heading', { name: 'No estimates yet' }).waitFor();
    await capture(page, 'money-01-estimates-client-empty');
    await page.getByRole('button', { name: 'Request an estimate' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Request an estimate' });
    await dialog.getByLabel('Service').selectOption('Website');
    await dialog.getByLabel('Description').fill('A new shop for our outdoor gear, with a blog.');
    await dialog.getByLabel('Budget from (EUR)').fill('4,000');
    await dialog.getByLabel('Budget up to (EUR)').fill('6000');
    await dialog.getByLabel('Wished deadline').fill('2027-03-01');
    await dialog.getByLabel(/Attachments/).setInputFiles({ name: 'brief.txt', mimeType: 'text/plain', buffer: Buffer.from('Our brief: tents, boots, blog.') });
    await capture(page, 'money-02-request-estimate');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await page.waitForURL(/\/estimates\/[0-9a-f-]{36}$/);
    estimateUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Website', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'brief.txt' }).waitFor();
    expect(await page.getByText('Requested', { exact: true }).count()).toBeGreaterThan(0);
    await capture(page, 'money-03-estimate-requested-client');
    await context.close();
  });

  it('staff answer with line items and see live totals', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, staffEmail, PASSWORD);
    await page.getByRole('link', { name: 'Estimates' }).click();
    await page.getByRole('link', { name: 'Website' }).click();
    await page.getByRole('heading', { name: 'Answer' }).waitFor();
    await page.getByLabel('Scope').fill('**Shop** with 3 templates\n\n- product pages\n- blog');
    await page.getByLabel('Description of line 1').fill('Design and build');
    await page.getByLabel('Quantity of line 1').fill('1');
    await page.getByLabel('Unit price of line 1').fill('4000');
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description of line 2').fill('Content migration');
    await page.getByLabel('Quantity of line 2').fill('12.5');
    await page.getByLabel('Unit price of line 2').fill('80');
    await page.getByLabel('Tax % of line 2').fill('0');
    // 4000 + 20 % tax, plus 12.5 x 80 without tax: 4,800 + 1,000.
    await page.getByText('€5,800.00').first().waitFor();
    await page.getByLabel('Timeline').fill('Six weeks from the start.');
    await capture(page, 'money-04-estimate-answer-form');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByRole('heading', { name: 'Our estimate: €5,800.00' }).waitFor();
    await capture(page, 'money-05-estimate-answered-staff');
    await context.close();
  });

  it('the client approves; the invoice is created and visible', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, clientEmail, PASSWORD);
    await page.getByRole('link', { name: 'Estimates' }).waitFor();
    await page.goto(appUrl(estimateUrl));
    await page.getByRole('heading', { name: 'Our estimate: €5,800.00' }).waitFor();
    await page.getByText('Shop', { exact: true }).waitFor(); // markdown rendered
    await capture(page, 'money-06-estimate-answered-client');
    await page.getByRole('button', { name: 'Approve €5,800.00' }).click();
    const confirm = page.getByRole('dialog', { name: 'Approve this estimate?' });
    await capture(page, 'money-07-approve-confirm');
    await confirm.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    invoiceUrl = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /^Invoice INV-0001$/ }).waitFor();
    await page.getByRole('button', { name: 'Pay €5,800.00' }).waitFor();
    await capture(page, 'money-08-invoice-client');
    await page.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('link', { name: 'INV-0001' }).waitFor();
    await capture(page, 'money-09-invoices-client');
    await context.close();
  });

  it('the client pays through the test-mode checkout; the invoice shows paid and the receipt arrives', async () => {
    const { page, context } = await newPerson(browser);
    await followSiteUrl(page);
    await signIn(page, clientEmail, PASSWORD);
    await page.getByRole('link', { name: 'Invoices' }).waitFor();
    await page.goto(appUrl(invoiceUrl));
    await page.getByRole('button', { name: 'Pay €5,800.00' }).click();
    await page.waitForURL(/\/stripe\/checkout\/cs_test_/);
    await page.getByText('Test mode — no real money moves').waitFor();
    await page.getByRole('button', { name: 'Pay €5,800.00' }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}\?checkout=success/);
    await page.getByText('Payment received — thank you. This invoice is paid.').waitFor();
    expect(await page.getByText('Paid', { exact: true }).count()).toBeGreaterThan(0);
    await capture(page, 'money-10-invoice-paid-client');
    await deliverMail();
    const receipt = await waitForMail(clientEmail, (m) => /^Receipt: .* paid on INV-0001/.test(m.subject));
    expect(receipt.text).toContain('INV-0001');
    await context.close();
  });
});

describe('staff invoices by hand', () => {
  it('staff create, send and record a partial payment', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, staffEmail, PASSWORD);
    await page.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('region', { name: 'Summary' }).getByText('€0.00').first().waitFor();
    await page.getByRole('link', { name: 'INV-0001' }).waitFor();
    await capture(page, 'money-11-invoices-staff');
    await page.getByRole('link', { name: 'New invoice' }).first().click();
    await page.getByRole('heading', { name: 'New invoice', level: 1 }).waitFor();
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Outdoor Co' });
    await page.getByLabel('Description of line 1').fill('Maintenance, November');
    await page.getByLabel('Quantity of line 1').fill('3');
    await page.getByLabel('Unit price of line 1').fill('33.33');
    await page.getByLabel('Invoice discount %').fill('12.5');
    // 99.99 - 12.50 discount + round(99.99 * 0.875 * 0.2) = 17.50 tax → 104.99
    await page.getByText('€104.99').first().waitFor();
    await capture(page, 'money-12-invoice-editor');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: 'Invoice INV-0002' }).waitFor();
    await page.getByText('€104.99').first().waitFor();
    await capture(page, 'money-13-invoice-draft');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByRole('dialog', { name: 'Send INV-0002?' }).getByRole('button', { name: 'Send invoice' }).click();
    await page.getByRole('button', { name: 'Record payment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record payment' });
    await dialog.getByLabel('Amount (EUR)').fill('50');
    await dialog.getByLabel('Reference').fill('SEPA 42');
    await capture(page, 'money-14-record-payment');
    await dialog.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('Partially paid', { exact: true }).first().waitFor();
    await page.getByRole('cell', { name: 'SEPA 42' }).waitFor();
    await page.getByText('€54.99').first().waitFor();
    await capture(page, 'money-15-invoice-partially-paid');
    await page.getByRole('link', { name: 'Print / PDF' }).click();
    await page.getByRole('button', { name: 'Print', exact: true }).waitFor();
    await capture(page, 'money-16-invoice-print');
    // The PDF comes from the invoice-pdf function with this person's session.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe('INV-0002.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await page.goto(appUrl('/settings/invoicing'));
    await page.getByRole('heading', { name: 'Invoicing', level: 1 }).waitFor();
    await page.getByLabel('Currency').selectOption('USD');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/currency/i).filter({ hasText: /invoice/i }).first().waitFor();
    await capture(page, 'money-17-invoicing-settings');
    await context.close();
  });

  it('the money pages in dark mode', async () => {
    const { page, context } = await newPerson(browser, 'dark');
    await signIn(page, staffEmail, PASSWORD);
    await page.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('link', { name: 'INV-0002' }).click();
    await page.getByRole('cell', { name: 'SEPA 42' }).waitFor();
    await capture(page, 'money-18-invoice-dark');
    await page.getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('link', { name: 'INV-0001' }).waitFor();
    await capture(page, 'money-19-invoices-dark');
    await page.goto(appUrl(estimateUrl));
    await page.getByRole('heading', { name: 'Our estimate: €5,800.00' }).waitFor();
    await capture(page, 'money-20-estimate-dark');
    await page.goto(appUrl('/invoices/new'));
    await page.getByLabel('Description of line 1').waitFor();
    await capture(page, 'money-21-invoice-editor-dark');
    await context.close();
  });
});
