import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sign-in page', () => {
  it('is where a signed-out visitor lands, and renders its form', async () => {
    const page = await openPage(browser, '/');
    await page.waitForURL(/\/sign-in\?next=%2F$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in-light');
    await page.context().close();
  });

  it('is usable from the keyboard alone', async () => {
    const page = await openPage(browser, '/sign-in');
    const email = page.getByLabel('Email');
    await email.waitFor();
    // The email field has focus on arrival; Tab reaches the password, then the submit button.
    expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('nobody@example.com');
    await page.keyboard.press('Tab');
    expect(await page.getByLabel('Password').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.getByRole('button', { name: 'Sign in' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Enter your password').waitFor();
    await page.context().close();
  });

  it('renders in dark mode', async () => {
    const page = await openPage(browser, '/sign-in', { colorScheme: 'dark' });
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
    expect(dark).toBe(true);
    await screenshot(page, 'sign-in-dark');
    await page.context().close();
  });
});
