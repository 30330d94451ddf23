// A project from first plan to the client portal: a manager creates a project for a new client, plans
// milestones, posts an internal note and (after confirming) a client update, uploads a file, is told
// why a 12 MB file is refused, and shares the file. The client's own member then sees the client
// update and the shared file, and never the internal note. Every screen in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { format, addDays } from 'date-fns';
import { launchBrowser, appUrl } from './helpers/browser.ts';
import { withDb } from '../helpers/env.ts';
import { capture, newPerson, PASSWORD, signIn } from './helpers/app.ts';

const run = Math.random().toString(36).slice(2, 8);
const clientName = `Juniper Outfitters ${run}`;
const projectName = `Spring campaign ${run}`;
const internalNote = `Budget is tight; keep the shoot to one day (${run}).`;
const clientUpdate = `The shot list is ready for your review (${run}).`;
const fileName = `shot-list-${run}.txt`;
const updateFile = `moodboard-${run}.txt`;
const clientPerson = { name: 'Juno Client', email: `juno-${run}@e2e.test` };
const day = (offset: number) => format(addDays(new Date(), offset), 'yyyy-MM-dd');

let browser: Browser;
let staff: Page;
let projectUrl = '';

/** Demo accounts use the demo password, not the one the signIn helper knows. */
async function signInAsDemo(page: Page, email: string): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('atrium-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A new client of Northwind Studio, and a client member who stands for it.
  await withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.clients (organization_id, name, status)
       select id, $1, 'active' from public.organizations where slug = 'northwind' returning id, organization_id`,
      [clientName],
    );
    const { rows: users } = await db.query(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
         raw_user_meta_data, created_at, updated_at)
       values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
         extensions.crypt($2, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}',
         jsonb_build_object('display_name', $3::text), now(), now())
       returning id`,
      [clientPerson.email, PASSWORD, clientPerson.name],
    );
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1::text, $1::uuid, jsonb_build_object('sub', $1::text, 'email', $2::text), 'email', now(), now())`,
      [users[0].id, clientPerson.email],
    );
    await db.query(`insert into public.organization_members (organization_id, user_id, role, client_id) values ($1, $2, 'client', $3)`, [
      rows[0].organization_id,
      users[0].id,
      rows[0].id,
    ]);
  });
});
afterAll(async () => {
  await browser?.close();
});

describe('staff run a project', () => {
  it('creates a project for a new client', async () => {
    ({ page: staff } = await newPerson(browser));
    await signInAsDemo(staff, 'manager@northwind.test');
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects', exact: true }).click();
    await staff.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
    await staff.getByRole('link', { name: 'Website redesign' }).waitFor();
    await capture(staff, 'projects-01-list');

    await staff.getByRole('button', { name: 'New project' }).first().click();
    const dialog = staff.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Client').selectOption({ label: clientName });
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await dialog.getByText('Give the project a name').waitFor();
    await dialog.getByLabel('Name').fill(projectName);
    await dialog.getByLabel('Description').fill('Photography and copy for the spring range.');
    await dialog.getByLabel('Status').selectOption('active');
    await dialog.getByLabel('Start date').fill(day(-10));
    await dialog.getByLabel('End date').fill(day(50));
    await dialog.getByLabel('Budget (USD)').fill('5000');
    await dialog.getByLabel('Budget hours').fill('40');
    await dialog.getByLabel('Hourly rate (USD)').fill('125');
    await dialog.getByLabel('Every (days)').fill('14');
    await dialog.getByLabel('First checkpoint').fill(day(4));
    await capture(staff, 'projects-02-new-project');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await staff.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    projectUrl = new URL(staff.url()).pathname;
    await staff.getByRole('heading', { name: projectName, level: 1 }).waitFor();
    await staff.getByText('Every 14 days').waitFor();
    expect(await staff.getByRole('navigation', { name: 'Project sections' }).getByRole('link').allInnerTexts()).toEqual(['Overview', 'Tasks', 'Updates', 'Files', 'Time']);
  });

  it('plans milestones on the timeline', async () => {
    const add = staff.getByRole('form', { name: 'Add a milestone' });
    for (const [title, due] of [
      ['Shot list approved', day(-2)],
      ['Photo shoot', day(12)],
      ['Campaign live', day(45)],
    ] as const) {
      await add.getByLabel('New milestone').fill(title);
      await add.getByLabel('Due date').fill(due);
      await add.getByRole('button', { name: 'Add' }).click();
      await staff.getByRole('list', { name: 'Milestones by due date' }).getByText(title, { exact: true }).waitFor();
      // Shown at once (optimistic); wait until it is saved before the next change.
      await staff.getByText(`${title} was added.`).waitFor();
    }
    await staff.getByRole('checkbox', { name: 'Shot list approved is done' }).check();
    await staff.getByText('Shot list approved is done.').waitFor();
    await staff.getByRole('img', { name: /3 dated milestones, 1 done, 0 overdue, 2 upcoming/ }).waitFor();
    await staff.getByText('#photo-shoot').waitFor();
    await staff.getByRole('heading', { name: 'Budget burn' }).waitFor();
    await capture(staff, 'projects-03-overview');
  });

  it('posts an internal note, and a client update after confirming', async () => {
    await staff.getByRole('link', { name: 'Updates' }).click();
    await staff.getByRole('heading', { name: 'Internal notes' }).waitFor();
    await staff.getByLabel('Internal note', { exact: true }).fill(internalNote);
    await staff.getByRole('button', { name: 'Post internal note' }).click();
    await staff.getByRole('region', { name: 'Internal notes' }).getByText(internalNote).waitFor();

    await staff.getByText('Client update', { exact: true }).click();
    await staff.getByLabel(`Update for ${clientName}`).fill(clientUpdate);
    const [chooser] = await Promise.all([staff.waitForEvent('filechooser'), staff.getByRole('button', { name: 'Attach files' }).click()]);
    await chooser.setFiles([{ name: updateFile, mimeType: 'text/plain', buffer: Buffer.from('Greens, sand, morning light') }]);
    await staff.getByRole('list', { name: 'Files to attach' }).getByText(updateFile).waitFor();
    await staff.getByRole('button', { name: 'Post client update' }).click();
    const confirm = staff.getByRole('dialog', { name: `Post this update to ${clientName}?` });
    await confirm.getByText('The client will see this').waitFor();
    await confirm.getByText('The attached file is shared too.').waitFor();
    await capture(staff, 'projects-04-confirm-client-update');
    await confirm.getByRole('button', { name: 'Post client update' }).click();
    await staff.getByRole('region', { name: 'Client updates' }).getByText(clientUpdate).waitFor();
    await staff.getByRole('region', { name: 'Client updates' }).getByRole('button', { name: `Download ${updateFile}` }).waitFor();
    expect(await staff.getByRole('region', { name: 'Client updates' }).getByText(internalNote).count()).toBe(0);
    await capture(staff, 'projects-05-updates');
  });

  it('uploads a file, is told why 12 MB is refused, and shares the file with the client', async () => {
    await staff.getByRole('link', { name: 'Files' }).click();
    await staff.getByRole('heading', { name: 'Project files' }).waitFor();
    const choose = async (files: Array<{ name: string; mimeType: string; buffer: Buffer }>) => {
      const [chooser] = await Promise.all([staff.waitForEvent('filechooser'), staff.getByRole('button', { name: 'Choose files' }).click()]);
      await chooser.setFiles(files);
    };
    await choose([{ name: fileName, mimeType: 'text/plain', buffer: Buffer.from('1. Hero shot\n2. Detail shots\n') }]);
    await staff.getByText(`${fileName} was uploaded.`).waitFor();
    const row = staff.getByRole('list', { name: 'Project files' }).getByRole('listitem').filter({ hasText: fileName });
    await row.getByText('Team only').waitFor();

    await choose([{ name: 'raw-footage.mov', mimeType: 'video/quicktime', buffer: Buffer.alloc(12 * 1024 * 1024, 7) }]);
    await staff.getByRole('alert').filter({ hasText: 'raw-footage.mov is 12.0 MB; files can be at most 10 MB.' }).waitFor();
    await capture(staff, 'projects-06-files-refused');
    const { rows } = await withDb((db) => db.query(`select count(*)::int as n from public.attachments where file_name = 'raw-footage.mov'`));
    expect(rows[0].n, 'nothing was stored for the refused file').toBe(0);

    await row.getByRole('button', { name: `Share with client ${fileName}` }).click();
    const confirm = staff.getByRole('dialog', { name: `Share ${fileName} with ${clientName}?` });
    await confirm.getByRole('button', { name: 'Share with client' }).click();
    await row.getByText('Shared with client').waitFor();
    await capture(staff, 'projects-07-files');
  });

  it('renders every project screen in dark mode', async () => {
    const { page, context } = await newPerson(browser, 'dark');
    await signInAsDemo(page, 'manager@northwind.test');
    for (const [path, name, ready] of [
      ['/projects', 'projects-01-list-dark', 'Website redesign'],
      [projectUrl, 'projects-03-overview-dark', 'Photo shoot'],
      [`${projectUrl}/updates`, 'projects-05-updates-dark', internalNote],
      [`${projectUrl}/files`, 'projects-07-files-dark', fileName],
    ] as const) {
      await page.goto(appUrl(path));
      await page.getByText(ready, { exact: true }).first().waitFor();
      await capture(page, name);
    }
    await page.getByRole('button', { name: 'Choose files' }).waitFor();
    await context.close();
  });

  it('says plainly when a project does not exist', async () => {
    await staff.goto(appUrl('/projects/00000000-0000-4000-8000-000000000000'));
    await staff.getByRole('heading', { name: 'Project not found' }).waitFor();
    await capture(staff, 'projects-08-not-found');
  });
});

describe('the client sees their portal', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`sees the client update and the shared file, never the internal note (${scheme})`, async () => {
      const { page, context } = await newPerson(browser, scheme);
      const suffix = scheme === 'dark' ? '-dark' : '';
      await signIn(page, clientPerson.email);
      await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects', exact: true }).click();
      await page.getByRole('heading', { name: 'Your projects' }).waitFor();
      await page.getByText(`What Northwind Studio is working on for ${clientName}.`).waitFor();
      expect(await page.getByRole('link', { name: 'Website redesign' }).count(), 'another client’s project').toBe(0);
      await capture(page, `projects-09-client-list${suffix}`);

      await page.getByRole('link', { name: projectName }).click();
      await page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Milestones by due date' }).getByText('Photo shoot').waitFor();
      expect(await page.getByText('Budget burn').count(), 'no budget for clients').toBe(0);
      expect(await page.getByText('$5,000').count()).toBe(0);
      expect(await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link').allInnerTexts()).toEqual(['Overview', 'Tasks', 'Updates', 'Files']);
      await capture(page, `projects-10-client-overview${suffix}`);

      await page.getByRole('link', { name: 'Updates' }).click();
      await page.getByText(clientUpdate).waitFor();
      await page.getByRole('button', { name: `Download ${updateFile}` }).waitFor();
      expect(await page.getByText(internalNote).count(), 'the internal note stays internal').toBe(0);
      expect(await page.getByRole('heading', { name: 'Internal notes' }).count()).toBe(0);
      if (scheme === 'light') {
        await page.getByRole('button', { name: 'Comment' }).first().click();
        await page.getByLabel('Your comment').fill('Looks great, thank you!');
        await page.getByRole('button', { name: 'Post comment' }).click();
        await page.getByText('Looks great, thank you!').waitFor();
      }
      await capture(page, `projects-11-client-updates${suffix}`);

      await page.getByRole('link', { name: 'Files' }).click();
      await page.getByRole('heading', { name: 'Shared files', exact: true }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${fileName}` }).click()]);
      expect(download.suggestedFilename()).toBe(fileName);
      expect(await page.getByRole('button', { name: 'Choose files' }).count(), 'clients do not upload project files').toBe(0);
      await page.getByRole('list', { name: 'Files on updates and tasks' }).getByText(updateFile).waitFor();
      await capture(page, `projects-12-client-files${suffix}`);
      await context.close();
    });
  }

  it('the staff page shows the client’s comment live', async () => {
    await staff.goto(appUrl(`${projectUrl}/updates`));
    await staff.getByRole('region', { name: 'Client updates' }).getByText('Looks great, thank you!').waitFor();
    await withDb((db) =>
      db.query(
        `insert into public.project_updates (organization_id, project_id, visibility, body, author_id)
         select p.organization_id, p.id, 'client', 'Posted from elsewhere ${run}', m.user_id
         from public.projects p join public.organization_members m on m.organization_id = p.organization_id and m.role = 'owner'
         where p.name = $1 limit 1`,
        [projectName],
      ),
    );
    await staff.getByText(`Posted from elsewhere ${run}`).waitFor();
  });
});
