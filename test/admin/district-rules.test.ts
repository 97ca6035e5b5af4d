/**
 * The round form's "own voting rules" per district (components/DistrictRules.tsx) in headless
 * Chromium against a booted Strapi with its admin panel built: an official gives one district
 * its own method and counting rule, saves, and the public view carries them; the paper-ballot
 * entry follows the district.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ensureAdminBuild, startStrapiWithAdmin, type AdminStrapi } from './support/admin-panel.ts';
import { registerFirstAdmin } from './support/admin-users.ts';
import {
  flow as flowOn,
  logIn,
  openAdminPage,
  skipWithoutChromium as skip,
} from './support/browser.ts';

const ADMIN = { email: 'wijken@voorbeeldstad.test', password: 'Begroot-wijken-2027!' };
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
let adminToken = '';
const slug = `wijken-${Date.now().toString(36)}`;

async function asAdmin<T>(method: string, pathname: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app!.url}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

before(
  async () => {
    if (skip) return;
    await ensureAdminBuild();
    app = await startStrapiWithAdmin();
    adminToken = await registerFirstAdmin(app.url, {
      firstname: 'Wim',
      lastname: 'Wijk',
      ...ADMIN,
    });
    await asAdmin('POST', '/begroot/rounds', {
      slug,
      title: 'Wijken op eigen wijze',
      language: 'en',
      budget: 150000,
      phases: [{ kind: 'voting', start: iso(-1), end: iso(10) }],
      districts: [
        { slug: 'noord', name: 'Noord', budget: 50000 },
        { slug: 'zuid', name: 'Zuid', budget: 100000 },
      ],
      voting: { method: 'knapsack', districtScope: 'own' },
    });
    ({ browser, page } = await openAdminPage(pageErrors));
    await logIn(page, app.url, ADMIN);
  },
  { timeout: 600_000 }
);

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('an official gives one district its own voting method and counting rule', { skip }, () =>
  flowOn(page!, 'district-rules', async (p) => {
    await p.goto(`${app!.url}/admin/plugins/begroot/rounds/${slug}`);
    await p.getByRole('heading', { name: 'Wijken op eigen wijze', level: 1 }).waitFor();
    const noord = p.getByRole('group', { name: 'Own voting rules of Noord' });
    await noord.getByRole('checkbox', { name: 'Noord votes and counts its own way' }).click();
    await noord.getByRole('combobox', { name: 'How residents vote' }).click();
    await p.getByRole('option', { name: 'Approval (tick proposals)' }).click();
    await noord.getByRole('combobox', { name: 'Rule' }).click();
    await p.getByRole('option', { name: 'Most votes first (greedy)' }).click();
    await noord.getByLabel('Most proposals to choose').fill('2');
    // Zuid keeps the round's rules: its part shows only the choice.
    const zuid = p.getByRole('group', { name: 'Own voting rules of Zuid' });
    assert.equal(await zuid.getByRole('combobox').count(), 0);
    await p.getByRole('button', { name: 'Save' }).first().click();
    await p.getByText('The round is saved.').first().waitFor();

    const stored = await fetch(`${app!.url}/api/begroot/rounds/${slug}`);
    const { data } = (await stored.json()) as {
      data: {
        voting: { method: string };
        districts: Array<{
          slug: string;
          voting?: { method: string; maxSelections: number | null };
          counting?: { rule: string };
        }>;
      };
    };
    assert.equal(data.voting.method, 'knapsack');
    const [n, z] = data.districts;
    assert.deepEqual(
      [n!.voting?.method, n!.voting?.maxSelections, n!.counting?.rule],
      ['approval', 2, 'greedy']
    );
    assert.deepEqual([z!.voting?.method, z!.counting?.rule], ['knapsack', 'mes']);
    assert.deepEqual(pageErrors, []);
  })
);

test('own rules are offered only where each voter votes in one district', { skip }, () =>
  flowOn(page!, 'district-rules-all', async (p) => {
    await p.goto(`${app!.url}/admin/plugins/begroot/rounds/${slug}`);
    await p.getByRole('heading', { name: 'Wijken op eigen wijze', level: 1 }).waitFor();
    await p.getByRole('combobox', { name: 'Where residents vote' }).click();
    await p.getByRole('option', { name: 'Every district' }).click();
    // Noord has rules of its own: the form says why that cannot be saved, Zuid's choice is off.
    await p
      .getByText(/own voting or counting rules only when each voter votes in one district/)
      .first()
      .waitFor();
    const zuid = p.getByRole('group', { name: 'Own voting rules of Zuid' });
    assert.equal(
      await zuid.getByRole('checkbox', { name: 'Zuid votes and counts its own way' }).isDisabled(),
      true
    );
    assert.equal(await p.getByRole('button', { name: 'Save' }).first().isDisabled(), true);
  })
);
