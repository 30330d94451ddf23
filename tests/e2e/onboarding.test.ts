// The first day of a studio: the owner signs up, confirms through the mailbox, creates the
// organization, invites a member and a client; each accepts and sees what their role allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as OTPAuth from 'otpauth';
import { launchBrowser, appUrl, screenshot } from './helpers/browser.ts';
import { waitForMail } from '../helpers/mailbox.ts';
import { withDb } from '../helpers/env.ts';
import { capture, invite, navItems, newPerson, signIn, signUpAndConfirm } from './helpers/app.ts';

const run = Math.random().toString(36).slice(2, 8);
const owner = { name: 'Olga Owner', email: `owner-${run}@e2e.test` };
const member = { name: 'Mats Member', email: `member-${run}@e2e.test` };
const client = { name: 'Cleo Client', email: `client-${run}@e2e.test` };
const clientCompany = `Cleo Outfitters ${run}`;
const links: Record<string, string> = {};

let browser: Browser;
let ownerPage: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a studio gets started', () => {
  it('the owner signs up, confirms the email and creates the organization', async () => {
    ({ page: ownerPage } = await newPerson(browser));
    await ownerPage.goto(appUrl('/sign-up'));
    await capture(ownerPage, '01-sign-up');
    await signUpAndConfirm(ownerPage, owner, '02-confirm-email');
    await ownerPage.waitForURL(/\/onboarding$/);
    await ownerPage.getByLabel('Organization name').fill(`E2E Studio ${run}`);
    expect(await ownerPage.getByLabel('Address').inputValue()).toBe(`e2e-studio-${run}`);
    await capture(ownerPage, '03-onboarding');
    await ownerPage.getByRole('button', { name: 'Create organization' }).click();
    await ownerPage.getByRole('heading', { name: /Good (morning|afternoon|evening), Olga/ }).waitFor();
    expect(await navItems(ownerPage)).toEqual([
      'Dashboard', 'Notifications', 'Messages', 'Clients', 'Projects', 'My tasks', 'Time', 'Capacity', 'Reports', 'Crowd projects', 'Estimates', 'Invoices',
      'Profile', 'Security', 'Members', 'Organization', 'Intake form', 'Invoicing', 'Plan',
    ]);
    await ownerPage.getByText('people in this organization').waitFor();
    await capture(ownerPage, '04-dashboard-owner');
  });

  it('the owner adds a client, then invites a member and someone for the client', async () => {
    // A client member stands for one client, so the studio's first client comes first.
    await ownerPage.getByRole('link', { name: 'Clients' }).click();
    await ownerPage.getByRole('heading', { name: 'No clients yet' }).waitFor();
    await ownerPage.getByRole('button', { name: 'New client' }).first().click();
    const newClient = ownerPage.getByRole('dialog', { name: 'New client' });
    await newClient.getByLabel('Name', { exact: true }).fill(clientCompany);
    await newClient.getByRole('button', { name: 'Create client' }).click();
    await ownerPage.getByRole('heading', { name: clientCompany, level: 1 }).waitFor();

    await ownerPage.getByRole('link', { name: 'Members' }).click();
    await ownerPage.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    links.member = await invite(ownerPage, member.email, 'member');
    links.client = await invite(ownerPage, client.email, 'client', clientCompany);
    await ownerPage.getByText(client.email, { exact: true }).waitFor();
    await capture(ownerPage, '05-members-owner');
  });

  for (const [who, person, expectedNav] of [
    ['member', member, ['Dashboard', 'Notifications', 'Messages', 'Clients', 'Projects', 'My tasks', 'Time', 'Capacity', 'Reports', 'Crowd projects', 'Estimates', 'Invoices', 'Profile', 'Security']],
    ['client', client, ['Dashboard', 'Notifications', 'Messages', 'Projects', 'Reports', 'Crowd projects', 'Estimates', 'Invoices', 'Profile', 'Security']],
  ] as const) {
    it(`the ${who} accepts and sees only what a ${who} may`, async () => {
      const { page, context } = await newPerson(browser);
      if (who === 'member') {
        // The member follows the emailed invitation; the client the link the owner copied.
        const mail = await waitForMail(person.email, (m) => /invited to join E2E Studio/.test(m.subject));
        const emailed = mail.text.match(/https?:\/\/\S+\/invite\/[\w-]+/)?.[0];
        expect(emailed, 'invitation email carries the link').toBeTruthy();
        expect(new URL(emailed!).pathname).toBe(new URL(links.member!).pathname);
        await page.goto(appUrl(new URL(emailed!).pathname));
      } else {
        await page.goto(links[who]!);
      }
      await page.getByText(/You are invited to join E2E Studio/).waitFor();
      await capture(page, `06-invitation-${who}`);
      await page.getByRole('link', { name: 'Create an account to accept' }).click();
      await signUpAndConfirm(page, person);
      await page.waitForURL(/\/invite\//);
      await page.getByRole('button', { name: /Accept and join/ }).click();
      await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
      expect(await navItems(page)).toEqual(expectedNav);
      if (who === 'client') await page.getByText(/Your team at E2E Studio/).waitFor();
      await capture(page, `07-dashboard-${who}`);
      if (who === 'member') {
        // Something the member should know about happens elsewhere: the bell shows it live.
        await withDb((db) =>
          db.query(
            `insert into public.notifications (user_id, kind, title, body, link)
             select id, 'task.assigned', 'You were assigned a task', 'Homepage copy review', '/notifications' from auth.users where email = $1`,
            [person.email],
          ),
        );
        const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
        await bell.waitFor();
        await bell.click();
        await page.getByText('You were assigned a task').waitFor();
        await capture(page, '07b-bell-member');
        await page.getByRole('button', { name: 'Mark all read' }).click();
        await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
        await page.keyboard.press('Escape');
      }
      await page.goto(appUrl('/settings/members'));
      await page.getByRole('heading', { name: 'You do not have access to member settings' }).waitFor();
      await page.goto(appUrl('/settings/organization'));
      await page.getByRole('heading', { name: 'You do not have access to organization settings' }).waitFor();
      await context.close();
    });
  }

  it('the owner sees both new people in the member list', async () => {
    await ownerPage.reload();
    await ownerPage.getByText(member.name, { exact: true }).waitFor();
    await ownerPage.getByText(client.name, { exact: true }).waitFor();
    await screenshot(ownerPage, '08-members-after');
  });
});

describe('two-step verification', () => {
  it('is enrolled with a QR code and then asked for at sign-in', async () => {
    await ownerPage.getByRole('link', { name: 'Security' }).click();
    await ownerPage.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const qr = ownerPage.getByRole('img', { name: /QR code/ });
    await qr.waitFor();
    await ownerPage.waitForFunction(() => (document.querySelector('img[alt^="QR code"]') as HTMLImageElement | null)?.complete);
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth), 'the QR code image renders').toBeGreaterThan(0);
    await ownerPage.getByRole('button', { name: /Cannot scan/ }).click();
    const secret = (await ownerPage.getByTestId('totp-secret').innerText()).trim();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await capture(ownerPage, '09-mfa-enroll');
    await ownerPage.getByLabel('6-digit code from the app').fill(totp.generate());
    await ownerPage.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await ownerPage.getByText('Two-step verification is on.').waitFor();
    await capture(ownerPage, '10-security');

    await ownerPage.getByRole('button', { name: 'Your account' }).click();
    await ownerPage.getByRole('menuitem', { name: 'Sign out' }).click();
    await ownerPage.waitForURL(/\/sign-in/);
    await signIn(ownerPage, owner.email);
    await ownerPage.waitForURL(/\/auth\/mfa/);
    await capture(ownerPage, '11-mfa-challenge');
    await ownerPage.getByLabel('Authentication code').fill('000000');
    await ownerPage.getByRole('button', { name: 'Verify' }).click();
    await ownerPage.getByRole('alert').waitFor();
    await ownerPage.getByLabel('Authentication code').fill(totp.generate());
    await ownerPage.getByRole('button', { name: 'Verify' }).click();
    await ownerPage.getByRole('heading', { name: /Good (morning|afternoon|evening), Olga/ }).waitFor();
  });
});

describe('dark theme', () => {
  it('renders the shell and settings in dark mode', async () => {
    const { page, context } = await newPerson(browser, 'dark');
    await signIn(page, member.email);
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await capture(page, '12-dashboard-member-dark');
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    await capture(page, '13-profile-dark');
    await context.close();
  });
});
