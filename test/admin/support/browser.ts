/**
 * What the admin browser tests share: the Chromium they run in, a page as the flows expect it,
 * logging in, and keeping evidence when a flow fails.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../../support/strapi.ts';

type ChromiumModule = { findChromium(): string | null; CHROMIUM_ARGS: string[] };
const { findChromium, CHROMIUM_ARGS } = (await import(
  pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
)) as ChromiumModule;

/** The Chromium the flows run in (scripts/chromium.mjs), or null when there is none. */
export const chromiumPath = findChromium();
/** `skip` for a browser test: skipped, with the reason, on a machine without Chromium. */
export const skipWithoutChromium = chromiumPath ? false : 'no Chromium found (set CHROME_PATH)';

/** A page as the flows expect it: a patient default timeout, its script errors collected. */
function preparePage(page: Page, pageErrors: string[]): Page {
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/**
 * Headless Chromium with a page as the flows expect it: English, a large viewport (unless
 * `viewport` says otherwise), downloads allowed, a patient default timeout; the page's script
 * errors are collected in `pageErrors`.
 */
export async function openAdminPage(
  pageErrors: string[],
  {
    viewport = { width: 1400, height: 1000 },
  }: { viewport?: { width: number; height: number } } = {}
): Promise<{ browser: Browser; page: Page }> {
  if (!chromiumPath) throw new Error('no Chromium found (set CHROME_PATH)');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const page = await browser.newPage({ locale: 'en-GB', viewport, acceptDownloads: true });
  return { browser, page: preparePage(page, pageErrors) };
}

/** A second, separate session in `browser` (another official's log-in), with its own page. */
export async function openOtherSession(
  browser: Browser,
  pageErrors: string[]
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB' });
  return { context, page: preparePage(await context.newPage(), pageErrors) };
}

/** Logs in to the admin panel at `url` and waits until it has left the log-in page. */
export async function logIn(
  page: Page,
  url: string,
  { email, password }: { email: string; password: string }
) {
  await page.goto(`${url}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: /^log ?in$/i }).click();
  await page.waitForURL((address) => !address.pathname.includes('/auth/'));
}

/** Runs a flow; on failure keeps a screenshot and the page's text for the report. */
export async function flow(page: Page, name: string, fn: (p: Page) => Promise<void>) {
  try {
    await fn(page);
  } catch (error) {
    const file = path.join(os.tmpdir(), `begroot-admin-${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    console.log(`screenshot: ${file}\npage at ${page.url()}:\n${text.slice(0, 1500)}`);
    throw error;
  }
}
