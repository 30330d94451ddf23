// Page objects for the flows the end-to-end tests walk: each speaks in what a person does.
import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { appUrl, screenshot } from './browser.ts';
import { firstLink, waitForMail } from '../../helpers/mailbox.ts';
import { axeViolations } from './axe.ts';

export const PASSWORD = 'e2e-password-123';

export async function newPerson(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl('/') });
  return { context, page: await context.newPage() };
}

/** Screenshot plus an accessibility check of the screen as it is now. */
export async function capture(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${name}`).toEqual([]);
}

/** Fills the sign-up form and confirms the address through the mailbox link. */
export async function signUpAndConfirm(page: Page, person: { name: string; email: string }, screenshotName?: string): Promise<void> {
  await page.getByLabel('Your name').fill(person.name);
  const email = page.getByLabel('Email');
  if ((await email.inputValue()) !== person.email) await email.fill(person.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Confirm your email' }).waitFor();
  if (screenshotName) await capture(page, screenshotName);
  const mail = await waitForMail(person.email, (m) => /confirm/i.test(m.subject));
  await page.goto(firstLink(mail));
}

/** The password of every demo account (supabase/seed.sql). */
export const DEMO_PASSWORD = 'atrium-demo';

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function navItems(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' }).first();
  await nav.waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((t) => t.trim());
}

/**
 * Invites someone from Settings → Members and returns the invitation link the page offers to copy.
 * A client invitation names the client (by its name) the person will stand for.
 */
export async function invite(page: Page, email: string, role: string, client?: string): Promise<string> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption(role);
  if (client) await page.getByLabel('Client', { exact: true }).selectOption({ label: client });
  await page.getByRole('button', { name: 'Invite' }).click();
  await page.getByText(`Invitation sent to ${email}.`).last().waitFor();
  await page.getByRole('button', { name: 'Copy invitation link' }).click();
  await page.getByText('Invitation link copied.').last().waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}
