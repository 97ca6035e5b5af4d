/**
 * End to end: the city's page at `/` on a booted Strapi, in headless Chromium, shows the budget
 * meter with the demo round's budget, loaded through the plugin's /begroot/widgets/ route and the
 * public API, under Strapi's default Content-Security-Policy; the round timeline links its open
 * step to the page's section, and the project tracker shows what became of last year's ideas
 * (seeded through the plugin's services: reviewed, voted on paper, counted, published, carried
 * out), a rejected idea with the city's reason and without its own text.
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
  // Playwright gives the browser a fresh profile of its own.
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

test('the city page at / shows the budget meter with the round’s budget', { skip }, async () => {
  const page = await browser!.newPage({ locale: 'nl-NL' });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  const widgetResponses: { url: string; status: number }[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/begroot/widgets/')) {
      widgetResponses.push({ url: response.url(), status: response.status() });
    }
  });

  const response = await page.goto(`${app!.url}/`);
  assert.equal(response?.status(), 200);
  assert.match(await page.title(), /Gemeente Voorbeeldstad/);
  assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

  // The round's meter (the page also has a ballot-mode meter beside the trial vote's ballot).
  const meter = page.locator('begroot-budget-meter[round="voorbeeldstad-2027"]');
  const total = meter.locator('[part~="total-amount"]');
  await total.waitFor({ timeout: 15_000 });
  // € 300.000 in Dutch notation, whatever the spacing and decimals.
  assert.match(await total.innerText(), /€\s?300\.000/);
  for (const district of ['Centrum', 'Noord', 'Zuid']) {
    assert.ok(await meter.getByText(district, { exact: true }).isVisible(), district);
  }

  assert.ok(widgetResponses.some((entry) => entry.url.endsWith('/begroot/widgets/begroot.js')));
  assert.ok(widgetResponses.every((entry) => entry.status === 200 || entry.status === 304));
  assert.deepEqual(problems, []);
  await page.close();
});

test(
  'the city page shows the round timeline and what happened to last year’s ideas',
  { skip },
  async () => {
    const page = await browser!.newPage({ locale: 'nl-NL' });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    assert.equal((await page.goto(`${app!.url}/`))?.status(), 200);

    // The timeline: the ideas step is open and links to the proposal form's section.
    const timeline = page.locator('begroot-round-timeline[round="voorbeeldstad-2027"]');
    await timeline.locator('[part~="steps"]').waitFor({ timeout: 15_000 });
    const current = timeline.locator('[aria-current="step"]');
    assert.match(await current.innerText(), /Ideeën indienen/);
    const link = current.locator('[part~="step-link"]');
    assert.equal(await link.getAttribute('href'), '#idee-kop');
    await link.click();
    await page.waitForFunction(() => location.hash === '#idee-kop');

    // The tracker: last year's funded projects, and every other idea with what became of it.
    const tracker = page.locator('begroot-project-tracker[round="voorbeeldstad-2026"]');
    await tracker.locator('[part~="others"]').waitFor({ timeout: 15_000 });
    assert.ok((await tracker.locator('[part~="project"]').count()) > 0);
    const others = tracker.locator('[part~="other"]');
    const rejected = others.filter({ hasText: 'Parkeergarage onder de Markt' });
    assert.match(await rejected.locator('[part~="status"]').innerText(), /Afgewezen/);
    assert.match(
      await rejected.locator('[part~="reason"]').innerText(),
      /kost vele miljoenen euro’s: veel meer dan het budget/
    );
    const merged = others.filter({ hasText: 'Meer bankjes bij de vijver' });
    assert.match(
      await merged.locator('[part~="reason"]').innerText(),
      /Samengevoegd met ‘Nieuwe banken en prullenbakken in het Noorderpark’/
    );
    // The rejected idea's own words never reach the page.
    assert.doesNotMatch(
      await tracker.locator('[part~="base"]').innerText(),
      /ondergrondse parkeergarage|400 auto/
    );

    await assertAccessible(page, 'on the city page with the timeline and the tracker');
    assert.deepEqual(problems, []);
    await page.close();
  }
);
