/**
 * End to end: the round timeline and the project tracker on the city page of a booted Strapi, in
 * headless Chromium, against the real public API: a closed round's steps, and funded proposals
 * with the execution an official entered through the admin route. The elements are added to the
 * page after it loaded, as a CMS preview would: the loader defines them when they appear.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { ADMIN_ENV, adminToken, createProposals, json } from '../support/voting.ts';
import { createClosedRound } from '../support/results.ts';

const widgetsBuilt = fs.existsSync(path.join(repoRoot, 'widgets', 'dist', 'begroot.js'));
const skip = widgetsBuilt
  ? false
  : 'widgets/dist/begroot.js is missing: build the widgets first (`npm run build -w widgets`)';

type ChromiumModule = { ensureChromium(): string; CHROMIUM_ARGS: string[] };

const ROUND = 'uitvoering-e2e-2027';
let app: TestStrapi | undefined;
let browser: Browser | undefined;

before(async () => {
  if (!widgetsBuilt) return;
  const { ensureChromium, CHROMIUM_ARGS } = (await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
  )) as ChromiumModule;
  app = await startStrapi({ env: ADMIN_ENV });
  const admin = await adminToken(app);
  const { roundId } = await createClosedRound(app, ROUND, 0);
  const [speeltuin] = await createProposals(app, roundId, [
    { title: 'Speeltuin', district: 'oost', cost: 60000, status: 'funded' },
    { title: 'Fietspad', district: 'west', cost: 150000, status: 'funded' },
    { title: 'Bankjes', district: 'oost', cost: 50000, status: 'not_funded' },
  ]);
  for (const change of [
    { status: 'planned' },
    { status: 'in_progress', progress: 40, spent: 24000, update: 'De grond is bouwrijp.' },
  ]) {
    const response = await app.request(`/begroot/proposals/${speeltuin}/execution`, {
      ...json(change, { authorization: `Bearer ${admin}` }),
      method: 'PATCH',
    });
    assert.equal(response.status, 200, await response.text());
  }
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

/** The city page, with `markup` added once it has loaded, and the problems it reports. */
async function cityPageWith(markup: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser!.newPage({ locale: 'nl-NL' });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const response = await page.goto(`${app!.url}/`);
  assert.equal(response?.status(), 200);
  await page.evaluate((html) => {
    const section = document.createElement('section');
    section.innerHTML = html;
    document.body.append(section);
  }, markup);
  return { page, problems };
}

test(
  'the round timeline shows the closed round’s steps with the results open',
  { skip },
  async () => {
    const { page, problems } = await cityPageWith(
      `<begroot-round-timeline round="${ROUND}" results-href="/uitslag"></begroot-round-timeline>`
    );
    // The city page has its own timeline and tracker (other rounds): pick this round's.
    const timeline = page.locator(`begroot-round-timeline[round="${ROUND}"]`);
    await timeline.locator('[part~="steps"]').waitFor({ timeout: 15_000 });
    const names = await timeline.locator('[part~="step-name"]').allInnerTexts();
    assert.deepEqual(names, ['Ideeën indienen', 'Beoordeling', 'Stemmen', 'Uitslag']);
    const current = timeline.locator('[aria-current="step"]');
    assert.equal(await current.count(), 1);
    assert.match(await current.innerText(), /Uitslag/);
    assert.equal(await timeline.locator('[part~="summary"]').innerText(), 'Nu: de uitslag.');
    assert.equal(await timeline.locator('[part~="step-link"]').getAttribute('href'), '/uitslag');
    assert.deepEqual(problems, []);
    await page.close();
  }
);

test(
  'the project tracker shows execution entered by an official, and what became of the rest',
  { skip },
  async () => {
    const { page, problems } = await cityPageWith(
      `<begroot-project-tracker round="${ROUND}" show="all"></begroot-project-tracker>`
    );
    const tracker = page.locator(`begroot-project-tracker[round="${ROUND}"]`);
    await tracker.locator('[part~="projects"]').waitFor({ timeout: 15_000 });
    assert.equal(
      (await tracker.locator('[part~="summary"]').innerText()).replace(/\s+/g, ' '),
      '2 projecten gekozen: € 210.000 toegekend, € 24.000 besteed. 1 in uitvoering, 1 nog niet begonnen.'
    );
    const first = tracker.locator('[part~="project"]').first();
    assert.match(await first.innerText(), /Speeltuin/);
    assert.equal(await first.locator('[part~="status"]').innerText(), 'In uitvoering');
    assert.equal(await first.locator('[part~="progress"]').innerText(), '40% klaar');
    assert.match(
      await first.locator('[part~="money"]').innerText(),
      /€\s?24\.000 besteed van €\s?60\.000/
    );
    assert.match(await first.locator('[part~="updates"]').innerText(), /De grond is bouwrijp\./);
    // The bar is drawn under the city page's Content-Security-Policy (set through the CSSOM).
    const width = await first
      .locator('[part~="bar-fill"]')
      .first()
      .evaluate(
        (fill) =>
          fill.getBoundingClientRect().width / fill.parentElement!.getBoundingClientRect().width
      );
    assert.ok(Math.abs(width - 0.4) < 0.05, `progress bar at ${width}`);
    const other = tracker.locator('[part~="other"]');
    assert.equal(await other.count(), 1);
    assert.match(await other.innerText(), /Bankjes[\s\S]*Niet gekozen/);

    // The district filter, with the keyboard.
    await tracker.locator('select').focus();
    await tracker.locator('select').selectOption('west');
    await page.waitForFunction(
      (round) =>
        document
          .querySelector(`begroot-project-tracker[round="${round}"]`)
          ?.shadowRoot?.querySelectorAll('[part~="project"]').length === 1,
      ROUND
    );
    assert.match(await tracker.locator('[part~="project"]').innerText(), /Fietspad/);
    assert.deepEqual(problems, []);
    await page.close();
  }
);
