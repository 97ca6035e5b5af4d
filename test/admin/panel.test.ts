/**
 * In headless Chromium against a booted Strapi with its admin panel: an official imports
 * candidates (a bad file first), sets seats and seed, draws the panel after typing the seed again,
 * sees the selected members and invites them. The page's list is the public draw file's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkPanelDraw, panelDrawFileSchema } from '@begroot/core';
import { ensureAdminBuild, startStrapiWithAdmin, type AdminStrapi } from './support/admin-panel.ts';
import { registerFirstAdmin } from './support/admin-users.ts';
import { flow, logIn, openAdminPage, skipWithoutChromium as skip } from './support/browser.ts';

const ADMIN = { email: 'loting@voorbeeldstad.test', password: 'Begroot-test-2027!' };
const SLUG = 'panel-proef-2027';
const SEED = 'lotto 2027-04-12: 7 17 23';
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];

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
    if (skip) return;
    const build = await ensureAdminBuild();
    console.log(
      `admin panel ${build.built ? 'built' : 'reused'} in ${(build.ms / 1000).toFixed(1)} s`
    );
    app = await startStrapiWithAdmin();
    await registerFirstAdmin(app.url, { firstname: 'Lot', lastname: 'Loting', ...ADMIN });
    await app.strapi.documents('plugin::begroot.round' as never).create({
      data: {
        slug: SLUG,
        title: 'Panel proef 2027',
        language: 'en',
        budget: 100000,
        phases: [{ kind: 'ideas', start: iso(-2), end: iso(10) }],
        districts: [
          { slug: 'oost', name: 'Oost', budget: 60000, population: 6000 },
          { slug: 'west', name: 'West', budget: 40000, population: 4000 },
        ],
      } as never,
    });
    // Officials switch sign-up on (here through the service; the page's switch is the same PUT).
    const plugin = app.strapi.plugin('begroot');
    const round = await plugin.service('round').findBySlug(SLUG);
    await plugin.service('panel').enableIfNew(round, 4);
    for (let i = 0; i < 6; i += 1) {
      await post(`/api/begroot/rounds/${SLUG}/panel/volunteers`, {
        displayName: `Inwoner ${i}`,
        email: `inwoner${i}@example.org`,
        district: i % 3 ? 'oost' : 'west',
        consent: true,
      });
    }
    ({ browser, page } = await openAdminPage(pageErrors));
  },
  { timeout: 600_000 }
);

after(async () => {
  await browser?.close();
  await app?.stop();
});

test(
  'an official imports, sets the seed, draws and invites; the list is the draw file’s',
  { skip },
  () =>
    flow(page!, 'panel', async (p) => {
      await logIn(p, app!.url, ADMIN);
      await p.goto(`${app!.url}/admin/plugins/begroot/panel/${SLUG}`);
      await p
        .getByRole('heading', { name: "Citizens' panel: Panel proef 2027", level: 1 })
        .waitFor();
      await p.getByText('6 volunteers in the pool.').waitFor();

      // A file with a bad row imports nothing and says which line.
      const upload = (csv: string) =>
        p.getByLabel('CSV file').setInputFiles({
          name: 'kandidaten.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv),
        });
      await upload('name;email;district\nAda;ada@example.org;oost\nBen;ben@example.org;noord\n');
      await p.getByRole('button', { name: 'Import', exact: true }).click();
      const alert = p.getByRole('alert');
      await alert.getByText('1 problem in the file: nothing was imported.').waitFor();
      await alert.getByText(/^Line 3, district:/).waitFor();
      await upload('name;email;district\nAda;ada@example.org;oost\nBen;ben@example.org;west\n');
      await p.getByRole('button', { name: 'Import', exact: true }).click();
      await p.getByText('2 candidates imported.').waitFor();
      await p.getByText('8 volunteers in the pool.').waitFor();

      await p.getByLabel('Number of seats').fill('4');
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByText('Seats and seed saved.').waitFor();

      // Ben asks to be removed while the pool is open.
      await p.getByRole('button', { name: 'Remove Ben' }).click();
      await p.getByText('The volunteer is removed.').waitFor();
      await p.getByText('7 volunteers in the pool.').waitFor();

      // Closing comes first; only then is the seed accepted, once.
      await p.getByRole('button', { name: 'Close the pool…' }).click();
      await p.getByRole('button', { name: 'Close the pool for good' }).click();
      await p.getByText('The pool is closed.').waitFor();
      await p
        .getByText('The pool is closed and frozen. Announce the seed publicly, then enter it.')
        .waitFor();
      await p.getByText(/^Pool closed .* with fingerprint [0-9a-f]{64}/).waitFor();
      await p.getByLabel('Public seed').fill(SEED);
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      await p.getByText('Seats and seed saved.').waitFor();
      await p.getByText('The seed is set: sign-up is closed and the pool is fixed.').waitFor();
      assert.equal(await p.getByLabel('Public seed').isDisabled(), true);
      // 4 seats over 6000 : 4000 residents.
      const row = (name: string) => p.getByRole('row', { name: new RegExp(`^${name}`) });
      assert.match(await row('Oost').innerText(), /^Oost\s+2\s+5\s+–/);
      assert.match(await row('West').innerText(), /^West\s+2\s+2\s+–/);

      await p.getByRole('button', { name: 'Draw the panel…' }).click();
      const dialog = p.getByRole('alertdialog');
      const draw = dialog.getByRole('button', { name: 'Draw', exact: true });
      assert.equal(await draw.isDisabled(), true);
      await dialog.getByLabel('Public seed').fill(SEED);
      await draw.click();
      await p.getByText('The panel has been drawn.', { exact: true }).first().waitFor();

      const selected = p.locator('table').filter({ hasText: 'Invited' });
      await selected.locator('tbody tr').nth(3).waitFor();
      const lots = await selected.locator('tbody tr td:nth-child(5)').allInnerTexts();
      const response = await fetch(`${app!.url}/api/begroot/rounds/${SLUG}/panel/draw.json`);
      const text = await response.text();
      assert.deepEqual(
        lots.map((lot) => lot.trim()),
        panelDrawFileSchema.parse(JSON.parse(text)).output.selected
      );
      assert.equal(checkPanelDraw(text).matches, true);

      await p.getByRole('button', { name: 'Invite the 4 selected by e-mail' }).click();
      await p.getByText('4 invitations sent.').waitFor();
      await p.getByRole('button', { name: 'Everyone selected is invited' }).waitFor();
      assert.deepEqual(pageErrors, []);
    })
);
