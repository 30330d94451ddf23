// A studio's day with tasks and time: staff move cards on a project's board by mouse and by keyboard,
// time a task, log time by hand, read capacity; a client asks for work and staff accept it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser } from './helpers/browser.ts';
import { capture, newPerson } from './helpers/app.ts';
import { withDb } from '../helpers/env.ts';

const run = Math.random().toString(36).slice(2, 7);
const ORG = 'a0000000-0000-4000-8000-000000000001'; // Northwind Studio (demo data)
const ACME = '11000000-0000-4000-a000-000000000001'; // Acme Outdoor, whom client@northwind.test stands for
const MEMBER = '10000000-0000-4000-9000-000000000004';
const MANAGER = '10000000-0000-4000-9000-000000000003';
const title = (name: string) => `${name} ${run}`;
let projectId = '';

let browser: Browser;
let staff: Page;

/** Demo users sign in with the demo password (the shared helper signs in e2e-created people). */
async function signInDemo(page: Page, email: string): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('atrium-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
}

const card = (page: Page, name: string) => page.locator(`[data-task-card]`, { hasText: title(name) });
const column = (page: Page, status: string) => page.locator(`[data-column="${status}"]`);
const taskStatus = (name: string) =>
  withDb(async (db) => (await db.query('select status from public.tasks where title = $1', [title(name)])).rows[0]?.status as string | undefined);

beforeAll(async () => {
  browser = await launchBrowser();
  // A project of our own, so moving cards never disturbs the demo data other tests read.
  projectId = await withDb(async (db) => {
    const { rows } = await db.query(
      `insert into public.projects (organization_id, client_id, name, status, hourly_rate, budget, budget_hours, milestones)
       values ($1, $2, $3, 'active', 120, 5000, 40, jsonb_build_array(jsonb_build_object('key', 'design', 'title', 'Design approved', 'due_on', current_date + 7)))
       returning id`,
      [ORG, ACME, `E2E board ${run}`],
    );
    const id = rows[0].id as string;
    const tasks: Array<[string, string, number, string | null, string, boolean]> = [
      ['Draft wireframes', 'todo', 1, MEMBER, 'current_date - 1', true],
      ['Write homepage copy', 'todo', 2, MANAGER, 'current_date + 3', false],
      ['Pick typefaces', 'in_progress', 1, MEMBER, 'current_date + 5', true],
      ['QA pass', 'review', 1, null, 'null', false],
      ['Kickoff call', 'done', 1, MANAGER, 'current_date - 10', true],
    ];
    for (const [name, status, position, assignee, due, visible] of tasks) {
      await db.query(
        `insert into public.tasks (organization_id, project_id, title, status, position, assignee_id, due_on, milestone_key, client_visible)
         values ($1, $2, $3, $4, $5, $6, ${due}, 'design', $7)`,
        [ORG, id, title(name), status, position, assignee, visible],
      );
    }
    return id;
  });
  ({ page: staff } = await newPerson(browser));
  await signInDemo(staff, 'manager@northwind.test');
});

afterAll(async () => {
  await withDb((db) => db.query(`update public.time_entries set ended_at = greatest(started_at + interval '1 second', now()) where ended_at is null and project_id = $1`, [projectId]));
  await browser?.close();
});

describe('the project board', () => {
  it('shows the four columns with their cards', async () => {
    await staff.goto(appUrl(`/projects/${projectId}/tasks`));
    await card(staff, 'Draft wireframes').waitFor();
    expect(await column(staff, 'todo').locator('[data-task-card]').count()).toBe(2);
    // Overdue and client-visible show on the card.
    await expect(card(staff, 'Draft wireframes').getByText('Overdue, was due').count()).resolves.toBe(1);
    await expect(card(staff, 'Draft wireframes').getByText('Visible to the client').count()).resolves.toBe(1);
    await capture(staff, 'tasks-01-board');
  });

  it('moves a card to another column by drag and drop', async () => {
    await card(staff, 'Draft wireframes').dragTo(column(staff, 'in_progress'));
    await column(staff, 'in_progress').locator('[data-task-card]', { hasText: title('Draft wireframes') }).waitFor();
    await expect.poll(() => taskStatus('Draft wireframes')).toBe('in_progress');
  });

  it('moves a card by keyboard, announces it, and keeps the focus on it', async () => {
    const copy = card(staff, 'Write homepage copy');
    await copy.focus();
    await staff.keyboard.press('ArrowRight');
    await column(staff, 'in_progress').locator('[data-task-card]', { hasText: title('Write homepage copy') }).waitFor();
    await staff.getByText(`Moved ${title('Write homepage copy')} to In progress`).waitFor();
    await expect.poll(() => taskStatus('Write homepage copy')).toBe('in_progress');
    expect(await staff.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(title('Write homepage copy'));
    await staff.keyboard.press('ArrowRight');
    await expect.poll(() => taskStatus('Write homepage copy')).toBe('review');
    await capture(staff, 'tasks-02-board-after-moves');
  });

  it('starts a timer on a card, shows it running in the header, and stops it there', async () => {
    await card(staff, 'Pick typefaces').getByRole('button', { name: `Start timer on ${title('Pick typefaces')}` }).click();
    const header = staff.getByRole('group', { name: 'Running timer' });
    await header.getByText(title('Pick typefaces')).waitFor();
    await header.getByRole('timer').getByText(/0:00:0[1-9]/).waitFor();
    await capture(staff, 'tasks-03-timer-running');
    await header.getByRole('button', { name: `Stop timer on ${title('Pick typefaces')}` }).click();
    await header.waitFor({ state: 'detached' });
    const entries = await withDb(async (db) => (await db.query('select ended_at, task_id from public.time_entries where project_id = $1', [projectId])).rows);
    expect(entries).toHaveLength(1);
    expect(entries[0].ended_at).not.toBeNull();
  });

  it('opens a task from the URL, and asks before making a task client-visible', async () => {
    const id = await withDb(async (db) => (await db.query('select id from public.tasks where title = $1', [title('QA pass')])).rows[0].id);
    await staff.goto(appUrl(`/projects/${projectId}/tasks?task=${id}`));
    const dialog = staff.getByRole('dialog', { name: 'Edit task' });
    await dialog.getByLabel('Title').waitFor();
    expect(await dialog.getByLabel('Title').inputValue()).toBe(title('QA pass'));
    await capture(staff, 'tasks-04-task-dialog');
    await dialog.getByLabel('Visible to the client').check();
    await dialog.getByRole('button', { name: 'Save task' }).click();
    const confirm = staff.getByRole('dialog', { name: 'Show this task to the client?' });
    await confirm.getByRole('button', { name: 'Show to the client' }).waitFor();
    await capture(staff, 'tasks-05-confirm-client-visible');
    await confirm.getByRole('button', { name: 'Show to the client' }).click();
    await staff.getByText('Task saved.').waitFor();
    await expect.poll(() => withDb(async (db) => (await db.query('select client_visible from public.tasks where id = $1', [id])).rows[0].client_visible)).toBe(true);
    expect(new URL(staff.url()).searchParams.get('task')).toBeNull();
  });

  it('lists the tasks in a sortable, filterable table', async () => {
    await staff.getByRole('button', { name: 'List' }).click();
    await staff.waitForURL(/view=list/);
    await staff.getByRole('table').waitFor();
    await staff.getByLabel('Status').selectOption('in_progress');
    await staff.waitForURL(/status=in_progress/);
    await expect.poll(() => staff.getByRole('row').count()).toBe(3); // the header and the two in progress
    await staff.getByRole('cell', { name: title('Pick typefaces'), exact: true }).waitFor();
    await staff.getByRole('button', { name: 'Clear filters' }).click();
    await staff.getByRole('button', { name: 'Due' }).click();
    await staff.locator('th[aria-sort="ascending"]', { hasText: 'Due' }).waitFor();
    // Earliest first; the task without a date comes last.
    const titles = await staff.locator('tbody tr td:first-child').allInnerTexts();
    expect(titles.map((t) => t.trim())).toEqual([title('Kickoff call'), title('Draft wireframes'), title('Write homepage copy'), title('Pick typefaces'), title('QA pass')]);
    await capture(staff, 'tasks-06-list');
  });
});

describe('time', () => {
  it('adds a manual entry on the project time tab', async () => {
    await staff.goto(appUrl(`/projects/${projectId}/time`));
    await staff.getByRole('heading', { name: 'Time' }).waitFor();
    await staff.getByRole('button', { name: 'Add time' }).first().click();
    const dialog = staff.getByRole('dialog', { name: 'Add time' });
    await dialog.getByLabel('Hours').waitFor();
    expect(await dialog.getByLabel('Hourly rate').inputValue()).toBe('120');
    await dialog.getByLabel('Hours').fill('1');
    await dialog.getByLabel('Minutes').fill('30');
    await dialog.getByLabel('Task').selectOption({ label: title('QA pass') });
    await dialog.getByLabel('Note').fill(`Review round ${run}`);
    await capture(staff, 'tasks-07-time-entry-dialog');
    await dialog.getByRole('button', { name: 'Add time' }).click();
    await staff.getByText('Time added.').waitFor();
    await staff.getByRole('cell', { name: '1 h 30 min' }).waitFor();
    const { rows } = await withDb((db) => db.query(`select minutes, hourly_rate, note from public.time_entries where project_id = $1 and note is not null`, [projectId]));
    expect(rows).toEqual([{ minutes: 90, hourly_rate: '120.00', note: `Review round ${run}` }]);
    await capture(staff, 'tasks-08-project-time');
  });

  it('shows my week on the timesheet', async () => {
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Time', exact: true }).click();
    await staff.getByRole('heading', { name: 'Time', level: 1 }).waitFor();
    await staff.getByText(`Review round ${run}`).waitFor();
    await capture(staff, 'tasks-09-timesheet');
    await staff.getByRole('button', { name: 'Previous week' }).click();
    await staff.waitForURL(/week=/);
  });

  it('lists my tasks by due date', async () => {
    await staff.getByRole('link', { name: 'My tasks' }).click();
    await staff.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    await staff.getByRole('link', { name: title('Write homepage copy') }).waitFor();
    await capture(staff, 'tasks-10-my-tasks');
  });

  it('charts capacity against the 40-hour week, with a table', async () => {
    await staff.getByRole('link', { name: 'Capacity' }).click();
    await staff.getByRole('heading', { name: 'Capacity', level: 1 }).waitFor();
    await staff.getByRole('img', { name: /^Maya Manager: / }).waitFor();
    await staff.getByRole('heading', { name: 'Budget burn' }).waitFor();
    await staff.getByRole('rowheader', { name: `E2E board ${run}` }).waitFor();
    await capture(staff, 'tasks-11-capacity');
    await staff.getByRole('button', { name: 'Table' }).click();
    await staff.getByRole('columnheader', { name: 'Tracked' }).waitFor();
    await capture(staff, 'tasks-12-capacity-table');
  });
});

describe('a client asks for work', () => {
  let client: Page;
  const request = title('FAQ page');

  it('sees only shared tasks and sends a request', async () => {
    // Staff have the board open while the client asks: the request arrives live.
    await staff.goto(appUrl(`/projects/${projectId}/tasks`));
    await card(staff, 'Draft wireframes').waitFor();
    ({ page: client } = await newPerson(browser));
    await signInDemo(client, 'client@northwind.test');
    await client.goto(appUrl(`/projects/${projectId}/tasks`));
    await client.getByRole('button', { name: title('Draft wireframes') }).waitFor();
    expect(await client.getByText(title('Write homepage copy')).count()).toBe(0);
    await client.getByRole('button', { name: 'Ask for work' }).click();
    const dialog = client.getByRole('dialog', { name: 'Ask for work' });
    await dialog.getByLabel('What do you need?').fill(request);
    await dialog.getByLabel('Details').fill('A page answering the questions customers ask most.');
    await capture(client, 'tasks-13-ask-for-work');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await client.getByText('Waiting for an answer').waitFor();
    await capture(client, 'tasks-14-client-tasks');
  });

  it('staff see it arrive live, accept it, and it joins the board; the client sees the answer', async () => {
    await staff.getByRole('heading', { name: 'Requests (1)' }).waitFor();
    expect(await card(staff, 'FAQ page').count()).toBe(0);
    await capture(staff, 'tasks-15-requests');
    await staff.getByRole('button', { name: `Accept ${request}` }).click();
    await column(staff, 'todo').locator('[data-task-card]', { hasText: request }).waitFor();
    await client.reload();
    await client.getByText('Accepted').waitFor();
    await client.getByRole('button', { name: request }).first().waitFor();
  });

  it('renders in dark mode', async () => {
    const { page, context } = await newPerson(browser, 'dark');
    await signInDemo(page, 'client@northwind.test');
    await page.goto(appUrl(`/projects/${projectId}/tasks`));
    await page.getByRole('button', { name: 'Ask for work' }).waitFor();
    await capture(page, 'tasks-16-client-tasks-dark');
    await context.close();
  });
});

describe('dark mode for staff', () => {
  it('renders the board, timesheet, my tasks and capacity', async () => {
    const { page, context } = await newPerson(browser, 'dark');
    await signInDemo(page, 'manager@northwind.test');
    await page.goto(appUrl(`/projects/${projectId}/tasks`));
    await card(page, 'Pick typefaces').waitFor();
    await card(page, 'Pick typefaces').getByRole('button', { name: `Start timer on ${title('Pick typefaces')}` }).click();
    await page.getByRole('group', { name: 'Running timer' }).waitFor();
    await capture(page, 'tasks-17-board-dark');
    await page.getByRole('button', { name: 'List' }).click();
    await page.getByRole('table').waitFor();
    await capture(page, 'tasks-18-list-dark');
    await page.goto(appUrl(`/projects/${projectId}/time`));
    await page.getByRole('cell', { name: '1 h 30 min' }).waitFor();
    await capture(page, 'tasks-19-project-time-dark');
    await page.goto(appUrl('/time'));
    await page.getByRole('heading', { name: 'Time', level: 1 }).waitFor();
    await capture(page, 'tasks-20-timesheet-dark');
    await page.goto(appUrl('/tasks'));
    await page.getByRole('heading', { name: 'My tasks', level: 1 }).waitFor();
    await capture(page, 'tasks-21-my-tasks-dark');
    await page.goto(appUrl('/capacity'));
    await page.getByRole('img', { name: /^Maya Manager: / }).waitFor();
    await capture(page, 'tasks-22-capacity-dark');
    await page.getByRole('group', { name: 'Running timer' }).getByRole('button').click();
    await page.getByRole('group', { name: 'Running timer' }).waitFor({ state: 'detached' });
    await context.close();
  });
});
