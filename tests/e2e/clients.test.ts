// Clients from three sides: staff add and look after a client (search, contacts, billing, portal
// access); a prospect sends the public intake form and becomes a lead in the list; and a person
// invited to the portal accepts with nothing but emailed links, no password.
// Runs against the demo organization Northwind Studio, with rows of its own (random suffix) that it
// removes again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, launchBrowser } from './helpers/browser.ts';
import { capture, DEMO_PASSWORD, navItems, newPerson, signIn } from './helpers/app.ts';
import { firstLink, waitForMail } from '../helpers/mailbox.ts';
import { withDb } from '../helpers/env.ts';

const run = Math.random().toString(36).slice(2, 8);
const clientName = `Juniper Labs ${run}`;
const portalEmail = `portal-${run}@e2e.test`;
const leadCompany = `Fern Studio ${run}`;

let browser: Browser;
let staff: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // What this file added to the demo organization goes again (the lead is deleted through the UI).
  await withDb(async (db) => {
    await db.query(`delete from public.organization_members where user_id in (select id from auth.users where email = $1)`, [portalEmail]);
    await db.query(`delete from public.clients where name = any($1)`, [[clientName, leadCompany]]);
  });
});

async function signInAsDemo(page: Page, who: string): Promise<void> {
  await signIn(page, `${who}@northwind.test`, DEMO_PASSWORD);
  await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
}

describe('staff look after a client', () => {
  it('a manager creates a client from the client list', async () => {
    staff = await newPerson(browser);
    const { page } = staff;
    await signInAsDemo(page, 'manager');
    expect(await navItems(page)).toContain('Clients');
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Acme Outdoor' }).waitFor();
    await capture(page, 'clients-01-list');

    await page.getByRole('button', { name: 'New client' }).click();
    const dialog = page.getByRole('dialog', { name: 'New client' });
    await dialog.getByRole('button', { name: 'Create client' }).click();
    await dialog.getByText('Name is required').waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill(clientName);
    await dialog.getByLabel('Email', { exact: true }).fill('not-an-email');
    await dialog.getByRole('button', { name: 'Create client' }).click();
    await dialog.getByText('Enter a valid email address').waitFor();
    await dialog.getByLabel('Email', { exact: true }).fill(`hello@juniper-${run}.test`);
    await dialog.getByLabel('Status', { exact: true }).selectOption('active');
    await dialog.getByLabel('Website', { exact: true }).fill(`juniper-${run}.test`);
    await capture(page, 'clients-02-new-client');
    await dialog.getByRole('button', { name: 'Create client' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: clientName, level: 1 }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('active');
    await page.getByRole('heading', { name: 'No contacts yet' }).waitFor();
    await capture(page, 'clients-03-detail-new');
  });

  it('finds it again by searching, and the URL keeps the search', async () => {
    const { page } = staff;
    await page.getByRole('link', { name: 'All clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search clients by name or email' }).fill(`juniper labs ${run}`);
    await page.waitForURL((url) => url.searchParams.get('q') === `juniper labs ${run}`);
    await page.getByText('1–1 of 1').waitFor();
    const rows = page.getByRole('table', { name: 'Clients' }).getByRole('row');
    expect(await rows.count()).toBe(2); // header and the one match
    await page.getByRole('link', { name: clientName }).waitFor();

    // Searching by email works too; a search with no match says so.
    await page.getByRole('searchbox', { name: 'Search clients by name or email' }).fill(`juniper-${run}.test`);
    await page.waitForURL((url) => url.searchParams.get('q') === `juniper-${run}.test`);
    await page.getByText('1–1 of 1').waitFor();
    await page.getByRole('searchbox', { name: 'Search clients by name or email' }).fill(`nothing-like-this-${run}`);
    await page.getByRole('heading', { name: 'No clients match' }).waitFor();
    await capture(page, 'clients-04-no-match');
    await page.goBack();
    await page.getByRole('link', { name: clientName }).waitFor();
    expect(await page.getByRole('searchbox', { name: 'Search clients by name or email' }).inputValue()).toBe(`juniper-${run}.test`);

    // Filters land in the URL as well: stale leads only, by owner.
    await page.goto(appUrl('/clients?status=lead&sort=name'));
    await page.getByRole('link', { name: 'Initech' }).waitFor();
    expect(await page.getByRole('link', { name: 'Acme Outdoor' }).count()).toBe(0);
    // The checkbox follows the URL, so it shows as checked once the navigation has happened.
    await page.getByLabel('Stale leads only').click();
    await page.waitForURL(/stale=1/);
    await page.getByRole('checkbox', { name: 'Stale leads only', checked: true }).waitFor();
    await capture(page, 'clients-05-filters');
    await page.goto(appUrl(`/clients?q=${encodeURIComponent(clientName)}`));
    await page.getByRole('link', { name: clientName }).click();
    await page.getByRole('heading', { name: clientName, level: 1 }).waitFor();
  });

  it('adds, edits and removes contacts, and fills in billing and custom fields', async () => {
    const { page } = staff;
    await page.getByRole('button', { name: 'Add contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Rosa Diaz');
    await dialog.getByLabel('Role', { exact: true }).fill('Head of marketing');
    await dialog.getByLabel('Email', { exact: true }).fill('rosa@');
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await dialog.getByText('Enter a valid email address').waitFor();
    await dialog.getByLabel('Email', { exact: true }).fill(`rosa@juniper-${run}.test`);
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Rosa Diaz was added.').waitFor();
    await page.getByText('Head of marketing').waitFor();

    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Sam Lee');
    await page.getByRole('dialog').getByLabel('Phone', { exact: true }).fill('+1 555 0199');
    await page.getByRole('dialog').getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Sam Lee was added.').waitFor();

    await page.getByRole('button', { name: 'Edit contact Rosa Diaz' }).click();
    await page.getByRole('dialog').getByLabel('Role', { exact: true }).fill('Chief marketing officer');
    await page.getByRole('dialog').getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Chief marketing officer').waitFor();
    expect(await page.getByText('Head of marketing').count()).toBe(0);

    await page.getByRole('button', { name: 'Remove contact Sam Lee' }).click();
    await page.getByRole('dialog', { name: 'Remove Sam Lee?' }).getByRole('button', { name: 'Remove contact' }).click();
    await page.getByText('Sam Lee was removed.').waitFor();
    expect(await page.getByRole('button', { name: 'Edit contact Sam Lee' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Edit billing details' }).click();
    await page.getByLabel('Legal name').fill(`Juniper Laboratories ${run} LLC`);
    await page.getByLabel('Payment terms (days)').fill('400');
    await page.getByRole('button', { name: 'Save billing' }).click();
    await page.getByText('Use a whole number of days from 0 to 365').waitFor();
    await page.getByLabel('Payment terms (days)').fill('30');
    await page.getByRole('button', { name: 'Save billing' }).click();
    await page.getByText('30 days').waitFor();

    await page.getByRole('button', { name: 'Edit custom fields' }).click();
    await page.getByLabel('Field 1 name').fill('Industry');
    await page.getByLabel('Field 1 value').fill('Biotech');
    await page.getByRole('button', { name: 'Save fields' }).click();
    await page.getByText('Custom fields saved.').waitFor();
    await page.getByText('Biotech').waitFor();

    // What the database now holds is what the page showed.
    const [row] = await withDb(async (db) => (await db.query('select contacts, billing_details, custom_fields from public.clients where name = $1', [clientName])).rows);
    expect(row.contacts).toEqual([{ name: 'Rosa Diaz', role: 'Chief marketing officer', email: `rosa@juniper-${run}.test` }]);
    expect(row.billing_details).toEqual({ legal_name: `Juniper Laboratories ${run} LLC`, payment_terms_days: 30 });
    expect(row.custom_fields).toEqual({ Industry: 'Biotech' });
    await capture(page, 'clients-06-detail-filled');
  });

  it('invites someone to the client portal, after confirming', async () => {
    const { page } = staff;
    await page.getByLabel('Invite by email').fill(portalEmail);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Give ${portalEmail} access to the ${clientName} portal?` });
    await confirm.getByRole('heading').waitFor();
    await capture(page, 'clients-07-portal-confirm');
    await confirm.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText(`Invitation sent to ${portalEmail}.`).waitFor();
    await page.getByText(/Invited, expires in 7 days/).waitFor();
  });

  it('renders the list and the client page in dark mode', async () => {
    const dark = await newPerson(browser, 'dark');
    await signInAsDemo(dark.page, 'member');
    await dark.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await dark.page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await dark.page.getByRole('link', { name: 'Acme Outdoor', exact: true }).waitFor();
    expect(await dark.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await capture(dark.page, 'clients-08-list-dark');
    await dark.page.getByRole('link', { name: 'Acme Outdoor', exact: true }).click();
    await dark.page.getByRole('heading', { name: 'Acme Outdoor', level: 1 }).waitFor();
    await dark.page.getByRole('link', { name: 'Website redesign' }).waitFor();
    // A member sees portal access but cannot invite or delete.
    await dark.page.getByText('Managers, admins and owners can invite people to the portal.').waitFor();
    expect(await dark.page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await capture(dark.page, 'clients-09-detail-dark');
    await dark.context.close();
  });
});

describe('the invited person accepts with emailed links only', () => {
  it('follows the invitation, asks for a sign-in link, and lands in the portal', async () => {
    const { page, context } = await newPerson(browser);
    const invitation = await waitForMail(portalEmail, (m) => /invited to join Northwind Studio/.test(m.subject));
    const link = invitation.text.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
    expect(link, 'the invitation email carries the link').toBeTruthy();
    const invitePath = new URL(link!).pathname;
    await page.goto(appUrl(invitePath));
    await page.getByText(/You are invited to join Northwind Studio as a client/).waitFor();
    await capture(page, 'clients-10-invitation');

    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await page.getByText(`Check your inbox: we sent a sign-in link to ${portalEmail}.`, { exact: false }).waitFor();
    await capture(page, 'clients-11-invitation-link-sent');
    const signInMail = await waitForMail(portalEmail, (m) => !/invited/i.test(m.subject) && m.text.includes('/auth/v1/verify'));
    await page.goto(firstLink(signInMail));

    // The link signs them in and brings them back to the invitation.
    await page.waitForURL((url) => url.pathname === invitePath);
    const accept = page.getByRole('button', { name: 'Accept and join Northwind Studio' });
    await accept.waitFor();
    await accept.click();
    await page.getByText('Welcome to the Northwind Studio client portal.').waitFor();
    expect(await navItems(page)).toEqual(['Dashboard', 'Notifications', 'Messages', 'Projects', 'Reports', 'Crowd projects', 'Estimates', 'Invoices', 'Profile', 'Security']);
    await capture(page, 'clients-12-portal-dashboard');

    const [member] = await withDb(async (db) =>
      (
        await db.query(
          `select m.role, c.name as client from public.organization_members m join auth.users u on u.id = m.user_id
           join public.clients c on c.id = m.client_id where u.email = $1`,
          [portalEmail],
        )
      ).rows,
    );
    expect(member).toEqual({ role: 'client', client: clientName });
    // Client records stay staff-only.
    await page.goto(appUrl('/clients'));
    await page.getByRole('heading', { name: 'You do not have access to the client list' }).waitFor();
    await context.close();
  });

  it('shows the new person under the client’s portal access for staff', async () => {
    const { page } = staff;
    await page.reload();
    await page.getByRole('heading', { name: clientName, level: 1 }).waitFor();
    // Their name is the email's local part until they set one in their profile.
    await page.getByText(`portal-${run}`, { exact: true }).waitFor();
    expect(await page.getByText(/Invited, expires/).count()).toBe(0);
  });
});

describe('the public intake form', () => {
  it('turns a prospect’s request into a lead in the client list', async () => {
    const { page, context } = await newPerson(browser);
    await page.goto(appUrl('/intake/northwind'));
    await page.getByRole('heading', { name: 'Start a project with us' }).waitFor();
    await capture(page, 'clients-13-intake-public');
    // Nothing of the signed-in app is loaded for a visitor.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.endsWith('.js')));
    expect(scripts.some((s) => /auth-client|app-shell/.test(s))).toBe(false);

    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText('Your name is required').waitFor();
    await capture(page, 'clients-14-intake-errors');
    await page.getByLabel('Your name').fill('Fiona Fern');
    await page.getByLabel('Email').fill(`fiona@fern-${run}.test`);
    await page.getByLabel('Company').fill(leadCompany);
    await page.getByLabel('Budget').selectOption('15,000 – 50,000');
    await page.getByLabel(/What do you need/).fill('A brand refresh and a small website for our spring launch.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('heading', { name: 'Request sent' }).waitFor();
    await page.getByText('Thanks! We read every request and will reply within two working days.').waitFor();
    await capture(page, 'clients-15-intake-sent');
    await context.close();

    const dark = await newPerson(browser, 'dark');
    await dark.page.goto(appUrl('/intake/northwind'));
    await dark.page.getByRole('heading', { name: 'Start a project with us' }).waitFor();
    await capture(dark.page, 'clients-16-intake-public-dark');
    await dark.page.goto(appUrl(`/intake/no-such-studio-${run}`));
    await dark.page.getByRole('heading', { name: 'This form is not available' }).waitFor();
    await capture(dark.page, 'clients-17-intake-not-found-dark');
    await dark.context.close();
  });

  it('the lead shows in the list with its request, and a manager can delete it', async () => {
    const { page } = staff;
    await page.goto(appUrl(`/clients?q=${encodeURIComponent(leadCompany)}`));
    const row = page.getByRole('row', { name: new RegExp(leadCompany) });
    await row.waitFor();
    await row.getByText('Lead', { exact: true }).waitFor();
    await row.getByText('Fiona Fern').waitFor();
    await row.getByRole('link', { name: leadCompany }).click();
    await page.getByText('Intake form · added', { exact: false }).waitFor();
    await page.getByText('A brand refresh and a small website for our spring launch.').first().waitFor();
    await page.getByText(/Budget: 15,000 – 50,000/).waitFor();
    await capture(page, 'clients-18-lead-detail');

    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${leadCompany}?` });
    await confirm.getByText('This cannot be undone.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Delete client' }).click();
    await page.getByText(`${leadCompany} was deleted.`).waitFor();
    await page.waitForURL(/\/clients$/);
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    const left = await withDb(async (db) => (await db.query('select count(*)::int as n from public.clients where name = $1', [leadCompany])).rows[0].n);
    expect(left).toBe(0);
  });
});

describe('intake settings', () => {
  it('an admin sees the public address and the stale lead setting', async () => {
    const { page, context } = await newPerson(browser);
    await signInAsDemo(page, 'admin');
    await page.getByRole('link', { name: 'Intake form' }).click();
    await page.getByRole('heading', { name: 'Intake form', level: 1 }).waitFor();
    expect(await page.getByTestId('intake-url').innerText()).toBe(appUrl('/intake/northwind'));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Intake form address copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(appUrl('/intake/northwind'));
    expect(await page.getByLabel('Days without activity').inputValue()).toBe('14');
    await page.getByLabel('Days without activity').fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Use a whole number of days from 1 to 365').waitFor();
    await page.getByLabel('Days without activity').fill('14');
    await capture(page, 'clients-19-intake-settings');
    await context.close();

    const dark = await newPerson(browser, 'dark');
    await signInAsDemo(dark.page, 'owner');
    await dark.page.goto(appUrl('/settings/intake'));
    await dark.page.getByRole('heading', { name: 'Intake form', level: 1 }).waitFor();
    await dark.page.getByText('Live').waitFor();
    await capture(dark.page, 'clients-20-intake-settings-dark');
    await dark.context.close();
  });
});
