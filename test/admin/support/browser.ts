/**
 * What the admin browser tests share: a page as the flows expect it, logging in, and keeping
 * evidence when a flow fails.
 */
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Headless Chromium with a page as the flows expect it: English, a large viewport, downloads
 * allowed, a patient default timeout; the page's script errors are collected in `pageErrors`.
 */
export async function openAdminPage(
  executablePath: string,
  args: string[],
  pageErrors: string[]
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath, args, headless: true });
  const page = await browser.newPage({
    locale: 'en-GB',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { browser, page };
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
