// A month's report, end to end: a manager drafts it from a client's updates, edits it (the preview
// renders Markdown safely, unsaved edits are guarded), publishes it; the client member reads and
// prints it and sees their projects and updates on the dashboard; unpublished, it is gone for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, screenshot } from './helpers/browser.ts';
import { capture, newPerson, PASSWORD, signIn } from './helpers/app.ts';
import { serviceClient, withDb } from '../helpers/env.ts';

const NORTHWIND = 'a0000000-0000-4000-8000-000000000001';
const MANAGER_ID = '10000000-0000-4000-9000-000000000003';
const run = Math.random().toString(36).slice(2, 8);
const clientName = `Fjord Cycles ${run}`;
const projectName = `Spring catalogue ${run}`;
const clientUpdate = `Photography wrapped up for the catalogue ${run}; layouts are next.`;
const internalNote = `Internal only ${run}: margin is thin, watch the hours.`;
const reader = { name: 'Rita Reader', email: `report-client-${run}@e2e.test` };
const reportTitle = `Progress report ${run}`;

let browser: Browser;
let staff: Page;
let reportUrl = '';

/** Demo accounts use the demo password, not the one the sign-up helpers use. */
async function signInDemo(page: Page, email: string): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('atrium-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
}

async function openReports(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A client of our own in the demo organization, with a project, a client update, an internal note
  // and a finished client-visible task; and a client member who stands for it.
  const { data, error } = await serviceClient().auth.admin.createUser({
    email: reader.email,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: { display_name: reader.name },
  });
  if (error) throw error;
  await withDb(async (db) => {
    const client = await db.query(`insert into public.clients (organization_id, name, status) values ($1, $2, 'active') returning id`, [NORTHWIND, clientName]);
    const clientId = client.rows[0].id as string;
    const project = await db.query(
      `insert into public.projects (organization_id, client_id, name, status, budget, budget_hours, milestones)
       values ($1, $2, $3, 'active', 9000, 80, jsonb_build_array(
         jsonb_build_object('key', 'shoot', 'title', 'Product shoot', 'due_on', current_date - 3, 'done', true),
         jsonb_build_object('key', 'print', 'title', 'Catalogue to print', 'due_on', current_date + 30, 'done', false)))
       returning id`,
      [NORTHWIND, clientId, projectName],
    );
    const projectId = project.rows[0].id as string;
    await db.query(
      `insert into public.project_updates (organization_id, project_id, visibility, body, author_id, created_at)
       values ($1, $2, 'client', $3, $5, now() - interval '1 day'), ($1, $2, 'internal', $4, $5, now() - interval '1 day')`,
      [NORTHWIND, projectId, clientUpdate, internalNote, MANAGER_ID],
    );
    await db.query(
      `insert into public.tasks (organization_id, project_id, title, status, client_visible) values ($1, $2, 'Shot list signed off', 'done', true)`,
      [NORTHWIND, projectId],
    );
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [
      NORTHWIND,
      data.user.id,
      clientId,
    ]);
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('client reports', () => {
  it('staff see their work widgets on the dashboard', async () => {
    ({ page: staff } = await newPerson(browser));
    await signInDemo(staff, 'manager@northwind.test');
    for (const title of ['Tasks due this week', 'Active projects', 'Leads to follow up']) await staff.getByRole('heading', { name: title }).waitFor();
    await staff.getByText(/projects? under way/).waitFor();
    await staff.getByRole('link', { name: new RegExp(projectName) }).waitFor();
    await capture(staff, 'reports-01-dashboard-staff');
  });

  it('a manager drafts a report for a client and period', async () => {
    await openReports(staff);
    await capture(staff, 'reports-02-list-staff');
    await staff.getByRole('button', { name: 'New report' }).first().click();
    const dialog = staff.getByRole('dialog', { name: 'New report' });
    await dialog.getByLabel('Client').selectOption({ label: clientName });
    await dialog.getByLabel('Period').selectOption({ label: 'Last 2 weeks' });
    await capture(staff, 'reports-03-new-report');
    await dialog.getByRole('button', { name: 'Generate draft' }).click();
    await staff.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    reportUrl = new URL(staff.url()).pathname;
    const preview = staff.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: projectName, level: 2 }).waitFor();
    await preview.getByText(clientUpdate, { exact: false }).waitFor();
    await preview.getByText('Shot list signed off', { exact: false }).waitFor();
    expect(await preview.innerText()).not.toContain(internalNote);
  });

  it('the manager edits it with a live, safe preview, and unsaved edits are guarded', async () => {
    await staff.getByLabel('Title').fill(reportTitle);
    const body = staff.getByLabel('Report text');
    await body.fill(
      `${await body.inputValue()}\n## Next steps\n\nWe **launch** in *May*. See the [staging site](https://staging.example.com).\n\n<script>window.__pwned = 1</script> [bad](javascript:window.__pwned=1)`,
    );
    const preview = staff.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Next steps' }).waitFor();
    expect(await preview.locator('strong', { hasText: 'launch' }).count()).toBe(1);
    const link = preview.getByRole('link', { name: 'staging site' });
    expect(await link.getAttribute('href')).toBe('https://staging.example.com');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await preview.getByRole('link', { name: 'bad' }).count()).toBe(0);
    expect(await preview.locator('script').count()).toBe(0);
    await preview.getByText('<script>window.__pwned = 1</script>', { exact: false }).waitFor();
    await staff.evaluate(() => window.scrollTo(0, 0));
    await capture(staff, 'reports-04-editor');

    await staff.getByRole('link', { name: 'All reports' }).click();
    // (Headless UI's dialog root has no box of its own; wait for what is inside it.)
    const guard = staff.getByRole('dialog', { name: 'Leave without saving?' });
    await guard.getByRole('button', { name: 'Discard changes' }).waitFor();
    await capture(staff, 'reports-05-unsaved-guard');
    await guard.getByRole('button', { name: 'Cancel' }).click();
    expect(new URL(staff.url()).pathname).toBe(reportUrl);

    await staff.getByRole('button', { name: 'Save changes' }).click();
    await staff.getByText('Report saved.').waitFor();
    await staff.getByRole('heading', { name: reportTitle, level: 1 }).waitFor();
    await staff.getByText('All changes saved. Only your team sees drafts.').waitFor();
  });

  it('publishing asks first and names who will see it', async () => {
    await staff.getByRole('button', { name: 'Publish to client' }).click();
    const confirm = staff.getByRole('dialog', { name: 'Publish this report?' });
    await confirm.getByText(`${clientName} will see this report in their portal`, { exact: false }).waitFor();
    await staff.evaluate(() => window.scrollTo(0, 0));
    await capture(staff, 'reports-06-publish-confirm');
    await confirm.getByRole('button', { name: 'Publish to client' }).click();
    await staff.getByText(`Published. ${clientName} can read it now and was notified.`).waitFor();
    await staff.getByRole('button', { name: 'Unpublish' }).waitFor();
    expect(await staff.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await staff.getByRole('link', { name: 'All reports' }).click();
    await staff.getByLabel('Client').selectOption({ label: clientName });
    await staff.getByLabel('Status').selectOption({ label: 'Published' });
    await staff.waitForURL(/status=published/);
    await staff.getByText('1–1 of 1').waitFor();
    await staff.getByRole('link', { name: reportTitle }).waitFor();
    await capture(staff, 'reports-07-list-filtered');
  });

  it('the client member sees their projects and updates, then reads and prints the report', async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, reader.email);
    await page.getByRole('heading', { name: 'Your projects' }).waitFor();
    await page.getByRole('link', { name: projectName }).first().waitFor();
    await page.getByText('Next: Catalogue to print', { exact: false }).waitFor();
    await page.getByText(clientUpdate).waitFor();
    expect(await page.getByText(internalNote).count()).toBe(0);
    await capture(page, 'reports-08-dashboard-client');

    await openReports(page);
    await page.getByRole('link', { name: new RegExp(reportTitle) }).click();
    await page.getByRole('heading', { name: reportTitle, level: 1 }).waitFor();
    const article = page.locator('article');
    await article.getByText('Next steps').waitFor();
    expect(await article.getByRole('link', { name: 'staging site' }).getAttribute('rel')).toBe('noopener noreferrer');
    expect(await article.innerText()).not.toContain(internalNote);
    expect(await page.getByLabel('Title').count()).toBe(0); // read-only
    await capture(page, 'reports-09-report-client');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await article.isVisible()).toBe(true);
    await screenshot(page, 'reports-10-report-print');
    await page.emulateMedia({ media: 'screen' });

    // Unpublished, the report is no longer theirs to read.
    await staff.goto(appUrl(reportUrl));
    await staff.getByRole('button', { name: 'Unpublish' }).click();
    await staff.getByRole('dialog', { name: 'Unpublish this report?' }).getByRole('button', { name: 'Unpublish' }).click();
    await staff.getByText(`Unpublished. ${clientName} no longer sees this report.`).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'This report is not available' }).waitFor();
    await page.goto(appUrl('/reports'));
    await page.getByRole('heading', { name: 'No reports yet' }).waitFor();
    await capture(page, 'reports-11-list-client-empty');
    await context.close();
  });

  it('renders every screen in dark mode too', async () => {
    const { page: dark, context } = await newPerson(browser, 'dark');
    await signInDemo(dark, 'manager@northwind.test');
    await dark.getByRole('heading', { name: 'Active projects' }).waitFor();
    await dark.getByText(/projects? under way/).waitFor();
    await capture(dark, 'reports-12-dashboard-staff-dark');
    await openReports(dark);
    await dark.getByRole('link', { name: reportTitle }).waitFor();
    await capture(dark, 'reports-13-list-staff-dark');
    await dark.getByRole('button', { name: 'New report' }).first().click();
    await dark.getByRole('dialog', { name: 'New report' }).getByLabel('Client').selectOption({ label: clientName });
    await capture(dark, 'reports-14-new-report-dark');
    await dark.keyboard.press('Escape');
    await dark.goto(appUrl(reportUrl));
    await dark.getByRole('region', { name: 'Preview' }).getByRole('heading', { name: 'Next steps' }).waitFor();
    await capture(dark, 'reports-15-editor-dark');
    await dark.getByRole('button', { name: 'Publish to client' }).click();
    await dark.getByRole('dialog', { name: 'Publish this report?' }).getByRole('button', { name: 'Publish to client' }).click();
    await dark.getByRole('button', { name: 'Unpublish' }).waitFor();
    await context.close();

    const { page: client, context: clientContext } = await newPerson(browser, 'dark');
    await signIn(client, reader.email);
    await client.getByRole('heading', { name: 'Latest updates' }).waitFor();
    await client.getByText(clientUpdate).waitFor();
    await capture(client, 'reports-16-dashboard-client-dark');
    await openReports(client);
    await client.getByRole('link', { name: new RegExp(reportTitle) }).waitFor();
    await capture(client, 'reports-17-list-client-dark');
    await client.getByRole('link', { name: new RegExp(reportTitle) }).click();
    await client.getByRole('heading', { name: reportTitle, level: 1 }).waitFor();
    await capture(client, 'reports-18-report-client-dark');
    await clientContext.close();
  });
});
