// A real browser for the board's tests: Debian's Chromium driven by playwright-core (Playwright's own browser
// download cannot work offline). Each test opens its own contexts, so that two people can work side by side.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/auth/passwords';
import { projectRoot } from '../../src/platform/runtime/project-paths';
import { seedReferenceData, startAndSeed } from './fixtures';
import type { TestStack, TestStackOptions } from './test-env';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * What a browser test runs against: a stack serving the built board (from WEB_DIR when set) to people who sign in
 * with their passwords (the development header off), holding the demo's reference data; and the browser.
 */
export async function startWebStack(options: TestStackOptions): Promise<{ stack: TestStack; browser: Browser }> {
  const env = { DEMO_IDENTITY_HEADER: 'false', ...(process.env.WEB_DIR ? { WEB_DIR: process.env.WEB_DIR } : {}), ...options.env };
  const { stack, seeded: browser } = await startAndSeed({ ...options, env }, async (s) => {
    await seedReferenceData(s.db);
    return launchBrowser();
  });
  return { stack, browser };
}

/** Closes the browser and stops the stack, whichever of them started. */
export async function stopWebStack(browser: Browser | undefined, stack: TestStack | undefined): Promise<void> {
  await browser?.close();
  await stack?.stop();
}

/** A fresh context (its own session storage: its own person) at a desktop size, or a phone's. */
export function openContext(browser: Browser, options: { phone?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext(
    options.phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
      : { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' },
  );
}

/** Opens the board and signs in through the sign-in screen, as a person would. */
export async function signInAs(page: Page, baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // The main navigation, shown on every screen size (the person's name is hidden on a phone).
  await page.getByRole('menu', { name: '主导航' }).waitFor();
}

/** A page in a fresh context (its own person), signed in as `login` and then opened at `route` of the board (e.g. '#/rounds'). */
export async function signedInPage(browser: Browser, baseUrl: string, login: string, route: string): Promise<Page> {
  const page = await (await openContext(browser)).newPage();
  await signInAs(page, baseUrl, login);
  await page.goto(`${baseUrl}/${route}`);
  return page;
}

/** Saves a screenshot for the README and docs/user-guide.md under docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(projectRoot(), 'docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
