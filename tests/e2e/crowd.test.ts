// Crowd commissioning end to end: a manager opens a crowd project with a quorum of 2; a client of the
// studio and a client of another organization join; the quorum shows live; staff answer the estimate and
// a manager approves it; each participant sees their own share and invoice link, and who has paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser } from './helpers/browser.ts';
import { capture, DEMO_PASSWORD, newPerson, PASSWORD, signIn } from './helpers/app.ts';
import { serviceClient, stackClient, stackEnv, withDb } from '../helpers/env.ts';

const NORTHWIND = 'a0000000-0000-4000-8000-000000000001';
const LUMEN = 'b0000000-0000-4000-8000-000000000002';
const run = Math.random().toString(36).slice(2, 8);
const title = `Harbour mural ${run}`;
const own = { name: 'Nora North', email: `crowd-own-${run}@e2e.test` };
const foreign = { name: 'Luca Lumen', email: `crowd-foreign-${run}@e2e.test` };

let browser: Browser;
let staff: Page;
let ownPage: Page;
let foreignPage: Page;
let crowdUrl = '';

async function clientMember(person: { name: string; email: string }, org: string, clientName: string): Promise<void> {
  const { data, error } = await serviceClient().auth.admin.createUser({
    email: person.email,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: { display_name: person.name },
  });
  if (error) throw error;
  await withDb(async (db) => {
    const client = await db.query(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [org, clientName]);
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [org, data.user.id, client.rows[0].id]);
    await db.query('update public.profiles set display_name = $2 where id = $1', [data.user.id, person.name]);
  });
}

async function signedIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await signIn(page, email, password);
  await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
}

async function openCrowd(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crowd projects' }).click();
  await page.getByRole('heading', { name: 'Crowd projects', level: 1 }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  await clientMember(own, NORTHWIND, `North Bakery ${run}`);
  await clientMember(foreign, LUMEN, `Lumen Cafe ${run}`);
});

afterAll(async () => {
  await browser?.close();
});

describe('crowd commissioning', () => {
  it('a manager opens a crowd project with a quorum of 2', async () => {
    ({ page: staff } = await newPerson(browser));
    await signedIn(staff, 'manager@northwind.test', DEMO_PASSWORD);
    await openCrowd(staff);
    await staff.getByRole('heading', { name: 'Open to join', exact: true }).waitFor();
    await staff.getByRole('button', { name: 'Open a crowd project' }).first().click();
    const dialog = staff.getByRole('dialog', { name: 'Open a crowd project' });
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Description').fill('A mural on the **harbour wall**, paid for by the shops around it.');
    await dialog.getByLabel('Quorum (people)').fill('2');
    await dialog.getByLabel(/Target budget/).fill('1,200');
    const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel('Deadline to join').fill(deadline);
    await capture(staff, 'crowd-01-open-dialog');
    await dialog.getByRole('button', { name: 'Open crowd project' }).click();
    await staff.waitForURL(/\/crowd\/[0-9a-f-]{36}$/);
    crowdUrl = new URL(staff.url()).pathname;
    await staff.getByRole('heading', { name: title, level: 1 }).waitFor();
    await staff.getByText('0 of 2 joined').waitFor();
    await staff.getByText(/days left to join/).waitFor();
    await capture(staff, 'crowd-02-project-staff');
  });

  it('a client of the studio joins from the list (dark)', async () => {
    ({ page: ownPage } = await newPerson(browser, 'dark'));
    await signedIn(ownPage, own.email);
    await openCrowd(ownPage);
    const card = ownPage.getByRole('listitem').filter({ hasText: title });
    await card.waitFor();
    await ownPage.getByText('You have not joined a crowd project yet.').waitFor();
    await capture(ownPage, 'crowd-03-list-client-dark');
    await card.getByRole('link', { name: title }).click();
    await ownPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await ownPage.getByRole('button', { name: 'Join' }).click();
    const dialog = ownPage.getByRole('dialog', { name: `Join ${title}` });
    await dialog.getByLabel('Charge my saved card when invoices are issued').waitFor();
    await capture(ownPage, 'crowd-04-join-dialog-dark');
    await dialog.getByRole('button', { name: 'Join' }).click();
    await ownPage.getByText('1 of 2 joined').waitFor();
    await ownPage.getByRole('button', { name: 'Leave' }).waitFor();
    await ownPage.getByRole('button', { name: 'Save card' }).waitFor();
    await capture(ownPage, 'crowd-05-joined-client-dark');
  });

  it('a client of another organization joins and the quorum is reached, live for everyone', async () => {
    ({ page: foreignPage } = await newPerson(browser));
    await signedIn(foreignPage, foreign.email);
    await foreignPage.goto(appUrl(crowdUrl));
    await foreignPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await foreignPage.getByRole('button', { name: 'Join' }).click();
    await foreignPage.getByRole('dialog', { name: `Join ${title}` }).getByRole('button', { name: 'Join' }).click();
    await foreignPage.getByText('2 of 2 joined').waitFor();
    await foreignPage.getByText('Quorum reached').first().waitFor();
    await foreignPage.getByText('Waiting for the studio’s answer').waitFor();
    // Leaving is no longer offered once the quorum is reached.
    expect(await foreignPage.getByRole('button', { name: 'Leave' }).count()).toBe(0);
    await capture(foreignPage, 'crowd-06-quorum-foreign-client');

    // Without a reload: the staff page and the other participant's page follow.
    await staff.getByText('2 of 2 joined').waitFor();
    await staff.getByRole('link', { name: 'Answer the estimate' }).waitFor();
    await ownPage.getByText('Quorum reached').first().waitFor();
    await ownPage.getByText('Luca Lumen').first().waitFor();
    await capture(staff, 'crowd-07-quorum-staff');
  });

  it('staff answer the estimate and a manager approves and invoices', async () => {
    const id = crowdUrl.split('/').pop()!;
    const href = await staff.getByRole('link', { name: 'Answer the estimate' }).getAttribute('href');
    expect(href).toMatch(/^\/estimates\/[0-9a-f-]{36}$/);
    // The estimate page belongs to the money module; staff answer through the same RPC it calls.
    const manager = stackClient(stackEnv.anonKey);
    await manager.auth.signInWithPassword({ email: 'manager@northwind.test', password: DEMO_PASSWORD });
    const { error } = await manager.rpc('answer_estimate', {
      estimate_id: href!.split('/').pop(),
      scope: 'Design, wall preparation and painting.',
      line_items: [{ description: 'Mural', quantity: 1, unit_amount: 100_001, tax_rate_bp: 0 }],
      timeline: 'Three weeks',
      starts_on: null,
      delivers_on: null,
    });
    expect(error).toBeNull();
    await staff.getByText('Answered').waitFor();
    await staff.getByText('$1,000.01').waitFor();
    await staff.getByRole('button', { name: 'Approve & invoice' }).click();
    const confirm = staff.getByRole('dialog', { name: 'Approve and invoice everyone?' });
    await confirm.getByRole('button', { name: 'Cancel' }).waitFor();
    await capture(staff, 'crowd-08-approve-confirm');
    await confirm.getByRole('button', { name: 'Approve & invoice' }).click();
    await staff.getByText('2 invoices were sent.').waitFor();
    await staff.getByText('0 of 2 paid.').waitFor();
    await staff.getByText('Invoiced').first().waitFor();
    await capture(staff, 'crowd-09-invoiced-staff');
    const shares = await withDb(async (db) => (await db.query('select sum(share_amount)::int as total from public.crowd_participants where crowd_project_id = $1', [id])).rows[0].total);
    expect(shares).toBe(100_001);
  });

  it('each participant sees their own share and invoice', async () => {
    const id = crowdUrl.split('/').pop()!;
    const invoices = await withDb(async (db) =>
      (await db.query('select u.email, i.id from public.invoices i join auth.users u on u.id = i.bill_to_user_id where i.crowd_project_id = $1', [id])).rows,
    );
    const invoiceFor = (email: string) => invoices.find((r) => r.email === email)!.id as string;
    for (const [page, person, share, name] of [
      [ownPage, own, '$500.01', 'crowd-10-share-client-dark'],
      [foreignPage, foreign, '$500.00', 'crowd-11-share-foreign-client'],
    ] as const) {
      await page.reload();
      await page.getByText(`Your share: ${share}`).waitFor();
      const link = page.getByRole('link', { name: 'Pay your invoice' });
      expect(await link.getAttribute('href')).toBe(`/invoices/${invoiceFor(person.email)}`);
      await page.getByRole('link', { name: 'Your invoice', exact: true }).waitFor();
      expect(await page.getByRole('link', { name: /^Invoice / }).count()).toBe(0); // never another's invoice
      await capture(page, name);
    }
  });
});
