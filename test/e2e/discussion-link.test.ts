/**
 * End to end: on the demo city page, the trial ballot's "Lees en praat mee" link
 * (`discussion-url="?voorstel={id}#praat-kop"`) lands on the deliberation board
 * (`proposal-param="voorstel"`) with that proposal shown and its discussion open; "Alle ideeën
 * tonen" returns to the list, and the browser's Back button to the proposal.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { assertAccessible } from './page-tools.ts';

const widgetsBuilt = fs.existsSync(path.join(repoRoot, 'widgets', 'dist', 'begroot.js'));
const skip = widgetsBuilt
  ? false
  : 'widgets/dist/begroot.js is missing: build the widgets first (`npm run build -w widgets`)';

type ChromiumModule = { ensureChromium(): string; CHROMIUM_ARGS: string[] };

let app: TestStrapi | undefined;
let browser: Browser | undefined;

before(async () => {
  if (!widgetsBuilt) return;
  const { ensureChromium, CHROMIUM_ARGS } = (await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
  )) as ChromiumModule;
  app = await startStrapi();
  browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

test(
  'following the ballot’s discussion link opens that proposal on the board',
  { skip },
  async () => {
    const page = await browser!.newPage({ locale: 'nl-NL' });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${app!.url}/`);

    const ballot = page.locator('begroot-vote-ballot');
    // The ballot lists a district's proposals once the voter chose the district.
    const district = ballot.locator('#district');
    await district.waitFor({ timeout: 15_000 });
    await district.selectOption({ index: 1 });
    const link = ballot.locator('a.discuss').first();
    await link.waitFor({ timeout: 15_000 });
    assert.equal((await link.innerText()).trim(), 'Lees en praat mee');
    const href = (await link.getAttribute('href')) ?? '';
    const id = /[?&]voorstel=([^&#]+)/.exec(href)?.[1];
    assert.ok(id, `the link names a proposal: ${href}`);
    const title = (
      await ballot.locator('.option').first().locator('.option-title').innerText()
    ).trim();

    await link.click();
    await page.waitForURL((url) => url.searchParams.get('voorstel') === decodeURIComponent(id));
    assert.equal(new URL(page.url()).hash, '#praat-kop');

    const board = page.locator('begroot-deliberation-board');
    await board.locator('[part~="discussion"] .column').first().waitFor({ timeout: 15_000 });
    assert.equal(await board.locator('[part~="proposal"]').count(), 1);
    assert.equal((await board.locator('[part~="proposal-title"]').innerText()).trim(), title);
    assert.equal(
      await board.locator('[part~="toggle-button"]').getAttribute('aria-expanded'),
      'true'
    );
    await assertAccessible(page, 'the board opened from the ballot’s link');

    // "Alle ideeën tonen" leaves the proposal for the list; Back returns to it.
    await board.locator('.show-all').click();
    await page.waitForURL((url) => !url.searchParams.has('voorstel'));
    await page.waitForFunction(
      () =>
        (document
          .querySelector('begroot-deliberation-board')
          ?.shadowRoot?.querySelectorAll('[part~="proposal"]').length ?? 0) > 1
    );
    await page.goBack();
    await page.waitForFunction(
      () =>
        document
          .querySelector('begroot-deliberation-board')
          ?.shadowRoot?.querySelectorAll('[part~="proposal"]').length === 1
    );
    assert.deepEqual(problems, []);
    await page.close();
  }
);
