/**
 * End to end: on the demo city page served by a booted Strapi, a keyboard-only resident (Tab,
 * typing, arrow keys, Space, Enter; no mouse) signs up for the citizens' panel in the section
 * "Burgerpanel"; the widget says what happens next, axe-clean before and after; the public panel
 * view then counts one volunteer more and the officials' view lists the resident with their
 * contact details (which the public view never shows).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { SUPER_ADMIN, SUPER_ADMIN_ENV, login } from '../support/admin.ts';
import { panelSignupTexts } from '../../widgets/src/panel-signup/texts.ts';
import { assertAccessible, tabTo, waitForFocus, type Focused } from './page-tools.ts';

const widgetsBuilt = fs.existsSync(path.join(repoRoot, 'widgets', 'dist', 'begroot.js'));
const skip = widgetsBuilt
  ? false
  : 'widgets/dist/begroot.js is missing: build the widgets first (`npm run build -w widgets`)';

const ROUND = 'voorbeeldstad-2027';
const WIDGET = 'begroot-panel-signup';
const t = panelSignupTexts.nl;

type ChromiumModule = { ensureChromium(): string; CHROMIUM_ARGS: string[] };

let app: TestStrapi | undefined;
let browser: Browser | undefined;
let adminJwt: string;

before(async () => {
  if (!widgetsBuilt) return;
  const { ensureChromium, CHROMIUM_ARGS } = (await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
  )) as ChromiumModule;
  app = await startStrapi({ env: SUPER_ADMIN_ENV });
  adminJwt = await login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
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

async function publicPanel(): Promise<{ status: string; volunteers: number } & object> {
  const response = await app!.request(`/api/begroot/rounds/${ROUND}/panel`);
  const text = await response.text();
  assert.equal(response.status, 200, text);
  return (JSON.parse(text) as { data: { status: string; volunteers: number } }).data;
}

const inWidget = (test: (element: Focused) => boolean) => (element: Focused) =>
  element.host === WIDGET && test(element);

test(
  'a keyboard-only resident signs up for the citizens’ panel on the city page',
  { skip },
  async () => {
    const before = await publicPanel();
    assert.equal(before.status, 'open', 'the demo round’s panel is open for sign-ups');

    const context = await browser!.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    assert.equal((await page.goto(`${app!.url}/`))?.status(), 200);

    const widget = page.locator(WIDGET);
    await widget.locator('[part~="form"]').waitFor({ timeout: 15_000 });
    assert.equal(
      await page.locator('section:has(begroot-panel-signup) h2').innerText(),
      'Burgerpanel'
    );
    await assertAccessible(page, 'with the panel sign-up form');

    await tabTo(
      page,
      'the panel’s name field',
      inWidget((e) => e.name === 'displayName'),
      { limit: 400 }
    );
    await page.keyboard.type('Fatima Bakker');
    await tabTo(
      page,
      'the e-mail field',
      inWidget((e) => e.name === 'email')
    );
    await page.keyboard.type('fatima.bakker@example.nl');
    await tabTo(
      page,
      'the district',
      inWidget((e) => e.name === 'district')
    );
    // Centrum, Noord, Zuid after "Kies uw wijk": three steps down is Zuid.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await widget.locator('select[name="district"]').inputValue(), 'zuid');
    await tabTo(
      page,
      'the consent box',
      inWidget((e) => e.name === 'consent')
    );
    await page.keyboard.press('Space');
    assert.ok(await widget.locator('input[name="consent"]').isChecked());
    await tabTo(
      page,
      'the sign-up button',
      inWidget((e) => e.tag === 'button' && e.text === t.submit)
    );
    await page.keyboard.press('Enter');

    await waitForFocus(
      page,
      'the heading that says the sign-up was received',
      inWidget((e) => e.text === t.sentTitle)
    );
    assert.match(await widget.locator('[part~="notice"]').innerText(), /lotnummer/);
    await assertAccessible(page, 'after signing up');
    // The resident's name and address are nowhere in the widget's public part now.
    assert.ok(!(await widget.innerText()).includes('fatima.bakker@example.nl'));

    const after = await publicPanel();
    assert.equal(after.volunteers, before.volunteers + 1, 'the public count rose by one');
    assert.ok(!JSON.stringify(after).includes('fatima'), 'the public view names nobody');

    const response = await app!.request(`/begroot/rounds/${ROUND}/panel`, {
      headers: { authorization: `Bearer ${adminJwt}` },
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    const candidates = (
      JSON.parse(text) as {
        data: {
          candidates: { displayName: string; email: string; district: string; source: string }[];
        };
      }
    ).data.candidates;
    const signedUp = candidates.find((c) => c.email === 'fatima.bakker@example.nl');
    assert.ok(signedUp, `the officials' view lists the resident: ${text}`);
    assert.equal(signedUp.displayName, 'Fatima Bakker');
    assert.equal(signedUp.district, 'zuid');
    assert.equal(signedUp.source, 'signup');

    assert.deepEqual(problems, []);
    await context.close();
  }
);
