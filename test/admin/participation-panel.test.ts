/**
 * In headless Chromium against a booted Strapi with its admin panel: the Participation page after
 * a couple of ballots shows the figures, and the round's edit page shows the budget meter running
 * in its preview frame.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAdminPanel, type AdminStrapi } from './support/admin-panel.ts';
import { registerFirstAdmin } from './support/admin-users.ts';
import {
  chromiumPath,
  flow,
  logIn,
  openAdminPage,
  skipWithoutChromium,
} from './support/browser.ts';

const ADMIN = { email: 'meedoen@voorbeeldstad.test', password: 'Begroot-test-2027!' };
const SLUG = 'meedoen-2027';
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
const skip = skipWithoutChromium;

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app!.url}${url}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${url}: ${response.status} ${text.slice(0, 300)}`);
  return text;
};

before(
  async () => {
    if (!chromiumPath) return;
    app = await startAdminPanel();
    const token = await registerFirstAdmin(app.url, {
      firstname: 'Mo',
      lastname: 'Meedoen',
      ...ADMIN,
    });
    const auth = { Authorization: `Bearer ${token}` };

    // A round in its voting phase that asks the age group, with two ballots cast online.
    const round = await app.strapi.documents('plugin::begroot.round' as never).create({
      data: {
        slug: SLUG,
        title: 'Meedoen 2027',
        language: 'en',
        budget: 100000,
        phases: [{ kind: 'voting', start: iso(-2), end: iso(10) }],
        districts: [
          {
            slug: 'oost',
            name: 'Oost',
            budget: 100000,
            population: 400,
            ageBands: { '16-29': 100, '30-64': 200, '65+': 100 },
          },
        ],
        voting: {
          method: 'approval',
          minSelections: 1,
          maxSelections: 2,
          askAgeBand: true,
          ageBands: ['16-29', '30-64', '65+'],
        },
        verification: { methods: ['code'] },
      } as never,
    });
    const proposal = await app.strapi.documents('plugin::begroot.proposal' as never).create({
      data: {
        round: (round as { documentId: string }).documentId,
        title: 'Bankjes in het park',
        description: 'Drie bankjes in het park, zodat ouderen kunnen uitrusten.',
        district: 'oost',
        officialCost: 20000,
        status: 'admitted',
        history: [],
        updates: [],
      } as never,
    });
    const csv = await post(`/begroot/rounds/${SLUG}/codes`, { district: 'oost', count: 2 }, auth);
    const codes = csv
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
    for (const [index, code] of codes.entries()) {
      const { data } = JSON.parse(
        await post(`/api/begroot/rounds/${SLUG}/verifications`, { method: 'code', code })
      ) as { data: { token: string } };
      await post(
        `/api/begroot/rounds/${SLUG}/ballots`,
        {
          selections: [{ proposal: (proposal as { documentId: string }).documentId }],
          ageBand: index === 0 ? '65+' : undefined,
        },
        { Authorization: `Bearer ${data.token}` }
      );
    }

    ({ browser, page } = await openAdminPage(pageErrors));
  },
  { timeout: 600_000 }
);

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('the Participation page shows the ballots, turnout and age groups', { skip }, () =>
  flow(page!, 'participation', async (p) => {
    await logIn(p, app!.url, ADMIN);

    await p.goto(`${app!.url}/admin/plugins/begroot/participation/${SLUG}`);
    await p.getByRole('heading', { name: 'Participation', level: 1 }).waitFor();
    const figure = (label: string) => p.locator(`[data-figure="${label}"]`);
    await figure('Ballots').waitFor();
    assert.equal(await figure('Ballots').innerText(), '2');
    assert.equal(await figure('Turnout').innerText(), '0.5%');
    assert.equal(await figure('Online / kiosk / paper').innerText(), '2 / 0 / 0');

    // The chart has a text equivalent: its name, and a table of the same figures.
    await p.getByRole('img', { name: /Ballots per day/ }).waitFor();
    const district = p.locator('tr[data-district="oost"]');
    assert.deepEqual(
      (await district.locator('td').allInnerTexts()).map((text) => text.trim()),
      ['Oost', '400', '2', '0.5%', '1']
    );
    await p.getByRole('heading', { name: 'Age groups', level: 2 }).waitFor();
    const oldest = p.getByRole('row', { name: /^65\+/ }).first();
    assert.match(await oldest.innerText(), /65\+\s+1\s+100%\s+25%\s+Above its share/);
    assert.match(
      await p
        .getByRole('row', { name: /^Not given/ })
        .first()
        .innerText(),
      /1/
    );
  })
);

test('the edit page previews the budget meter inside its frame', { skip }, () =>
  flow(page!, 'preview', async (p) => {
    await p.goto(`${app!.url}/admin/plugins/begroot/rounds/${SLUG}`);
    await p.getByRole('heading', { name: 'Meedoen 2027', level: 1 }).waitFor();
    const frame = p.frameLocator('iframe[data-preview="begroot-budget-meter"]');
    const meter = frame.locator('begroot-budget-meter');
    // The real widget, loaded from this CMS, fetched the round through the public API.
    await meter.locator('[part="total-amount"]').waitFor();
    assert.match(await meter.locator('[part="total-amount"]').innerText(), /100,000/);
    assert.equal(
      await p.locator('iframe[data-preview="begroot-budget-meter"]').getAttribute('sandbox'),
      'allow-scripts allow-same-origin'
    );
    assert.equal(await frame.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(pageErrors, []);
  })
);
