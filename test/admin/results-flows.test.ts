/**
 * The Results and Execution pages in headless Chromium against a booted Strapi with its admin
 * panel built: ballots cast through the public API, then an official counts, sees the outcome
 * beside greedy, publishes it, downloads the open data package and reports on the execution of
 * a funded proposal.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { proposalPublicViewSchema, roundResultsSchema } from '@begroot/core';
import type { TestStrapi } from '../support/strapi.ts';
import {
  ROUND_UID,
  createCodes,
  createProposals,
  createVotingRound,
  json,
  verifyCode,
} from '../support/voting.ts';
import { unzip } from '../support/unzip.ts';
import { startAdminPanel, type AdminStrapi } from './support/admin-panel.ts';
import { registerFirstAdmin } from './support/admin-users.ts';
import {
  chromiumPath,
  flow as flowOn,
  openAdminPage,
  skipWithoutChromium,
} from './support/browser.ts';

const ADMIN = { email: 'telling@voorbeeldstad.test', password: 'Begroot-telling-2027!' };
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
let adminToken = '';
const skip = skipWithoutChromium;

const slug = `uitslag-${Date.now().toString(36)}`;
const ids: Record<string, string> = {};

before(
  async () => {
    if (!chromiumPath) return;
    app = await startAdminPanel();
    adminToken = await registerFirstAdmin(app.url, {
      firstname: 'Tom',
      lastname: 'Teller',
      ...ADMIN,
    });

    // A round in its voting phase; five residents vote through the public API.
    const api = {
      ...app,
      request: (pathname: string, init?: RequestInit) => fetch(new URL(pathname, app!.url), init),
    } as unknown as TestStrapi;
    const roundId = await createVotingRound(api, slug, {
      title: 'Buurtbudget Oost',
      voting: { method: 'approval', minSelections: 1, maxSelections: null, revote: 'forbid' },
    });
    const titles = ['Speeltuin', 'Trapveld', 'Moestuin', 'Bankjes'];
    const created = await createProposals(api, roundId, [
      { title: 'Speeltuin', district: 'oost', cost: 38000 },
      { title: 'Trapveld', district: 'oost', cost: 40000 },
      { title: 'Moestuin', district: 'oost', cost: 42000 },
      { title: 'Bankjes', district: 'oost', cost: 40000 },
    ]);
    titles.forEach((title, i) => (ids[title] = created[i]!));
    const ballots = [
      ...Array.from({ length: 3 }, () => ['Speeltuin', 'Trapveld', 'Moestuin']),
      ['Bankjes'],
      ['Bankjes'],
    ];
    const codes = await createCodes(api, adminToken, slug, 'oost', ballots.length);
    for (const [i, chosen] of ballots.entries()) {
      const { token } = await verifyCode(api, slug, codes[i]!);
      const cast = await api.request(
        `/api/begroot/rounds/${slug}/ballots`,
        json(
          { selections: chosen.map((title) => ({ proposal: ids[title] })) },
          { authorization: `Bearer ${token}` }
        )
      );
      assert.equal(cast.status, 201, await cast.text());
    }
    // Voting closes.
    await app.strapi.documents(ROUND_UID as never).update({
      documentId: roundId,
      data: {
        phases: [
          { kind: 'ideas', start: iso(-30), end: iso(-20) },
          { kind: 'review', start: iso(-20), end: iso(-10) },
          { kind: 'voting', start: iso(-10), end: iso(-0.01) },
          { kind: 'results', start: iso(-0.01), end: iso(30) },
        ],
      } as never,
    });

    ({ browser, page } = await openAdminPage(pageErrors));
  },
  { timeout: 600_000 }
);

/** A flow on this file's page (support/browser.ts). */
const flow = (name: string, fn: (p: Page) => Promise<void>) => flowOn(page!, name, fn);

after(async () => {
  await browser?.close();
  await app?.stop();
});

test('counts, compares with greedy, publishes and downloads the open data', { skip }, () =>
  flow('results', async (p) => {
    await p.goto(`${app!.url}/admin/auth/login`);
    await p.locator('input[name="email"]').fill(ADMIN.email);
    await p.locator('input[name="password"]').fill(ADMIN.password);
    await p.getByRole('button', { name: /^log ?in$/i }).click();
    await p.waitForURL((url) => !url.pathname.includes('/auth/'));

    await p.goto(`${app!.url}/admin/plugins/begroot/results/${slug}`);
    await p.getByRole('heading', { name: 'Results', level: 1 }).waitFor();
    await p.getByText('The results of this round are not published yet.').waitFor();
    await p.getByRole('button', { name: 'Count the votes' }).click();
    await p.getByText('5 ballots. 2 proposals fare differently under greedy').waitFor();

    // Bankjes: funded by equal shares only; Trapveld: by greedy only, and the page says why.
    const bankjes = p.getByRole('row', { name: /Bankjes/ });
    await bankjes.getByText('Funded by equal shares, not by greedy', { exact: false }).waitFor();
    assert.equal(await bankjes.getAttribute('data-change'), 'onlyRule');
    const trapveld = p.getByRole('row', { name: /Trapveld/ });
    await trapveld
      .getByText('its supporters had already spent their share', { exact: false })
      .waitFor();
    assert.equal(await trapveld.getAttribute('data-change'), 'onlyGreedy');
    assert.equal(
      await p.getByRole('row', { name: /Moestuin/ }).getAttribute('data-change'),
      'same'
    );
    // Nothing is public before publishing.
    assert.equal((await fetch(`${app!.url}/api/begroot/rounds/${slug}/results`)).status, 404);

    await p.getByRole('button', { name: 'Publish the results' }).click();
    const confirm = p.getByRole('alertdialog');
    await confirm.getByText('This cannot be undone.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Publish', exact: true }).click();
    await p.getByText('The results and the anonymous ballots are public.').first().waitFor();
    await p.getByText('Published: the count of', { exact: false }).waitFor();

    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('link', { name: 'Download the open data package (.zip)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${slug}-open-data.zip`);
    const files = unzip(fs.readFileSync(await download.path()));
    assert.deepEqual(
      [...files.keys()],
      ['README.txt', 'proposals.csv', 'ballots.pb', 'results.json']
    );
    const results = roundResultsSchema.parse(
      (JSON.parse(files.get('results.json')!.toString('utf8')) as { data: unknown }).data
    );
    const funded = results.districts
      .flatMap((d) => d.proposals)
      .filter((proposal) => proposal.funded)
      .map((proposal) => proposal.title)
      .sort();
    assert.deepEqual(funded, ['Bankjes', 'Speeltuin']);

    // Opened again later: the published outcome with its reasons, without the comparison.
    await p.reload();
    await p.getByText('Published: the count of', { exact: false }).waitFor();
    await p
      .getByRole('row', { name: /Bankjes/ })
      .getByText('its 2 supporters paid for it together', { exact: false })
      .waitFor();
    assert.equal(await p.getByRole('columnheader', { name: 'Greedy' }).count(), 0);
  })
);

test('reports progress, money spent and a public update on a funded proposal', { skip }, () =>
  flow('execution', async (p) => {
    await p.goto(`${app!.url}/admin/plugins/begroot/execution/${slug}`);
    await p.getByRole('heading', { name: 'Execution', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Speeltuin' }).waitFor();
    assert.equal(await p.getByRole('button', { name: 'Moestuin' }).count(), 0);
    await p.getByRole('button', { name: 'Bankjes' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Status' }).click();
    await p.getByRole('option', { name: 'In progress' }).click();
    await dialog.getByLabel('Progress (%)').fill('30');
    await dialog.getByLabel('Money spent').fill('44000');
    await dialog.getByLabel('Public update').fill('De eerste drie bankjes staan er.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = p.getByRole('row', { name: /Bankjes/ });
    await row.getByText('30 %').waitFor();
    await row.getByText('over budget by 4,000', { exact: false }).waitFor();

    const shown = await fetch(`${app!.url}/api/begroot/proposals/${ids.Bankjes}`);
    const view = proposalPublicViewSchema.parse(((await shown.json()) as { data: unknown }).data);
    assert.equal(view.status, 'in_progress');
    assert.deepEqual(
      { ...view.execution!, updates: view.execution!.updates.map((u) => u.text) },
      {
        status: 'in_progress',
        progress: 30,
        spent: 44000,
        granted: 40000,
        updates: ['De eerste drie bankjes staan er.'],
      }
    );
  })
);

test('the pages raised no script errors', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
