/**
 * The admin pages in headless Chromium against a booted Strapi with its admin panel built: a new
 * super-admin logs in, creates a round from a template, opens the review queue and admits a
 * proposal. The admin build (~1 min, ~2.5 GB) is reused while its inputs are unchanged.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { roundDocumentSchema } from '@begroot/core';
import { startAdminPanel, type AdminStrapi } from './support/admin-panel.ts';
import { adminFetch, registerFirstAdmin, registerOfficial } from './support/admin-users.ts';
import {
  chromiumPath,
  flow as flowOn,
  logIn,
  openAdminPage,
  openOtherSession,
  skipWithoutChromium,
} from './support/browser.ts';

const ADMIN = { email: 'official@voorbeeldstad.test', password: 'Begroot-test-2027!' };

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
let adminToken = '';
const skip = skipWithoutChromium;

before(
  async () => {
    if (!chromiumPath) return;
    app = await startAdminPanel();
    adminToken = await registerFirstAdmin(app.url, {
      firstname: 'Olga',
      lastname: 'Official',
      ...ADMIN,
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

const slug = `noord-${Date.now().toString(36)}`;
const proposalTitle = 'Bankjes langs de Vecht';
let proposalId = '';

test('a new super-admin logs in and sees the rounds page', { skip }, () =>
  flow('login', async (p) => {
    await logIn(p, app!.url, ADMIN);
    await p.goto(`${app!.url}/admin/plugins/begroot`);
    await p.getByRole('heading', { name: 'Rounds', level: 1 }).waitFor();
    await p.getByRole('link', { name: 'New round' }).first().waitFor();
  })
);

test('creates a round from the city-wide template', { skip }, () =>
  flow('create-round', async (p) => {
    await p.getByRole('link', { name: 'New round' }).first().click();
    await p.getByRole('heading', { name: 'New round', level: 1 }).waitFor();
    await p.getByRole('radio', { name: /City-wide/ }).check();
    await p.getByLabel('Title').fill('Buurtbudget Noord');
    await p.getByLabel('Short name (slug)').fill(slug);
    await p.getByText('Residents pick proposals until the budget is spent').waitFor();
    await p.getByRole('button', { name: 'Create the round' }).click();

    await p.waitForURL(`**/admin/plugins/begroot/rounds/${slug}`);
    await p.getByRole('heading', { name: 'Buurtbudget Noord', level: 1 }).waitFor();
    await p.getByText('The phases follow on without gaps or overlaps.').waitFor();
    await p.getByText(`<begroot-vote-ballot round="${slug}"`, { exact: false }).waitFor();

    const stored = await fetch(`${app!.url}/api/begroot/rounds/${slug}`);
    assert.equal(stored.status, 200);
    const { data } = (await stored.json()) as { data: { currentPhase: string | null } };
    assert.equal(data.currentPhase, 'ideas');
  })
);

test('admits a submitted proposal from the review queue', { skip }, () =>
  flow('review', async (p) => {
    const submitted = await fetch(`${app!.url}/api/begroot/rounds/${slug}/proposals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: proposalTitle,
        description: 'Drie bankjes langs het fietspad, zodat ouderen onderweg kunnen uitrusten.',
        authorName: 'Fatima',
        email: 'fatima@example.nl',
      }),
    });
    const answer = await submitted.text();
    assert.equal(submitted.status, 201, answer);
    const { data: created } = JSON.parse(answer) as { data: { documentId: string } };
    proposalId = created.documentId;

    await p.goto(`${app!.url}/admin/plugins/begroot/review/${slug}`);
    await p.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    await p.getByRole('button', { name: proposalTitle }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByText('fatima@example.nl', { exact: false }).waitFor();
    await dialog.getByRole('combobox', { name: 'Status' }).click();
    await p.getByRole('option', { name: 'Admitted' }).click();
    await dialog.getByLabel('Official cost').fill('4500');
    await dialog.getByRole('button', { name: 'Save the review' }).click();
    await dialog.waitFor({ state: 'detached' });
    await p
      .getByRole('row', { name: new RegExp(proposalTitle) })
      .getByText('Admitted')
      .waitFor();

    const shown = await fetch(`${app!.url}/api/begroot/proposals/${created.documentId}`);
    assert.equal(shown.status, 200);
    const { data } = (await shown.json()) as { data: { status: string; officialCost: number } };
    assert.equal(data.status, 'admitted');
    assert.equal(data.officialCost, 4500);
  })
);

test(
  'rejects an idea under a neutral title unless the official deliberately uses the resident’s',
  { skip },
  () =>
    flow('reject', async (p) => {
      const residentTitle = 'Bankje voor mevrouw Jansen, Dorpsstraat 4';
      const submitted = await fetch(`${app!.url}/api/begroot/rounds/${slug}/proposals`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title: residentTitle,
          description:
            'Een bankje voor de deur, want mevrouw Jansen loopt slecht en wil graag buiten zitten.',
        }),
      });
      const answer = await submitted.text();
      assert.equal(submitted.status, 201, answer);
      const { documentId } = (JSON.parse(answer) as { data: { documentId: string } }).data;
      const publicTitle = async () => {
        const shown = await fetch(`${app!.url}/api/begroot/proposals/${documentId}?outcome=all`);
        assert.equal(shown.status, 200);
        return ((await shown.json()) as { data: { title: string } }).data.title;
      };

      await p.goto(`${app!.url}/admin/plugins/begroot/review/${slug}`);
      await p.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
      await p.getByRole('button', { name: residentTitle }).click();
      let dialog = p.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Status' }).click();
      await p.getByRole('option', { name: 'Rejected' }).click();
      // Nothing of the resident's words is put up for publication by default.
      assert.equal(await dialog.getByLabel('Public title').inputValue(), '');
      await dialog
        .getByLabel('Public reason')
        .fill('Dit is een wens voor één adres, niet voor de buurt.');
      await dialog.getByRole('button', { name: 'Save the review' }).click();
      await dialog.waitFor({ state: 'detached' });
      const neutral = await publicTitle();
      assert.notEqual(neutral, residentTitle);
      assert.doesNotMatch(neutral, /Jansen|Dorpsstraat/);

      // Using the resident's title is one deliberate click, and the official can edit it first.
      await p.getByRole('button', { name: residentTitle }).click();
      dialog = p.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Use the resident’s title' }).click();
      const field = dialog.getByLabel('Public title');
      assert.equal(await field.inputValue(), residentTitle);
      await field.fill('Bankje in de Dorpsstraat');
      await dialog.getByRole('button', { name: 'Save the review' }).click();
      await dialog.waitFor({ state: 'detached' });
      assert.equal(await publicTitle(), 'Bankje in de Dorpsstraat');
    })
);

test('answers a reported argument officially, then hides it', { skip }, () =>
  flow('moderation', async (p) => {
    const json = { 'Content-Type': 'application/json' };
    const posted = await fetch(`${app!.url}/api/begroot/proposals/${proposalId}/arguments`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ stance: 'against', body: 'Wat een onzin, echt.', authorName: 'Piet' }),
    });
    const postedText = await posted.text();
    assert.equal(posted.status, 201, postedText);
    const argumentId = (JSON.parse(postedText) as { data: { documentId: string } }).data.documentId;
    const reported = await fetch(`${app!.url}/api/begroot/arguments/${argumentId}/report`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ reason: 'Onvriendelijk' }),
    });
    assert.ok(reported.ok, `report: ${reported.status}`);

    await p.goto(`${app!.url}/admin/plugins/begroot/moderation`);
    await p.getByRole('combobox', { name: 'Round' }).click();
    await p.getByRole('option', { name: 'Buurtbudget Noord' }).click();
    await p.waitForURL(`**/admin/plugins/begroot/moderation/${slug}`);
    const card = p.getByRole('article', { name: 'Argument by Piet' });
    await card.getByText('Onvriendelijk', { exact: false }).waitFor();
    await card.getByText(proposalTitle).waitFor();
    await card
      .getByLabel('Official answer')
      .fill('Dank voor uw reactie; de bankjes komen op het fietspad.');
    await card.getByRole('button', { name: 'Post the answer' }).click();
    await p.getByText('Your official answer is posted.').first().waitFor();
    await card.getByLabel('Reason to hide').fill('Onvriendelijk tegen de indiener.');
    await card.getByRole('button', { name: 'Hide' }).click();
    await card.waitFor({ state: 'detached' });

    const list = await fetch(`${app!.url}/api/begroot/proposals/${proposalId}/arguments`);
    const { data } = (await list.json()) as {
      data: { documentId: string; official: boolean; replyTo: string | null }[];
    };
    assert.ok(!data.some((argument) => argument.documentId === argumentId));
    assert.ok(data.some((argument) => argument.official && argument.replyTo === argumentId));
  })
);

test('closes the ideas phase early from the round editor and saves', { skip }, () =>
  flow('edit-round', async (p) => {
    await p.goto(`${app!.url}/admin/plugins/begroot/rounds/${slug}`);
    await p.getByRole('heading', { name: 'Buurtbudget Noord', level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Close this phase now' }).click();
    await p.getByText('Closed early on', { exact: false }).waitFor();
    await p.getByRole('button', { name: 'Save' }).first().click();
    await p.getByText('The round is saved.').first().waitFor();

    const stored = await fetch(`${app!.url}/api/begroot/rounds/${slug}`);
    const { data } = (await stored.json()) as { data: { currentPhase: string | null } };
    assert.equal(data.currentPhase, null);

    // The document downloads as JSON that core's schema takes back as it is.
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Download as JSON' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `${slug}.json`);
    const file = await download.path();
    const document = roundDocumentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    assert.equal(document.slug, slug);
    assert.ok(document.phases.find((phase) => phase.kind === 'ideas')?.closedAt);
  })
);

test('renaming and dropping an age group in the round editor loses no typed figure', { skip }, () =>
  flow('age-groups', async (p) => {
    const bandsSlug = `${slug}-leeftijd`;
    await asAdmin('POST', '/begroot/rounds', {
      slug: bandsSlug,
      title: 'Leeftijd Noord',
      language: 'en',
      budget: 100000,
      phases: [{ kind: 'ideas', start: '2027-01-10T00:00:00Z', end: '2027-02-10T00:00:00Z' }],
      districts: [
        {
          slug: 'noord',
          name: 'Noord',
          budget: 100000,
          ageBands: { '16-29': 1200, '30-64': 3400, '65+': 900 },
        },
      ],
      voting: { askAgeBand: true, ageBands: ['16-29', '30-64', '65+'] },
    });
    await p.goto(`${app!.url}/admin/plugins/begroot/rounds/${bandsSlug}`);
    await p.getByRole('heading', { name: 'Leeftijd Noord', level: 1 }).waitFor();
    const residents = (band: string) => p.getByLabel(`Residents aged ${band}`, { exact: true });
    const bandsField = p.getByLabel('Age groups', { exact: true });
    assert.equal(await bandsField.inputValue(), '16-29, 30-64, 65+');

    // 16-29 becomes 16-24 one keystroke at a time: 16-2 on the way is a band too.
    await bandsField.click();
    await p.keyboard.press('Home');
    for (let i = 0; i < 5; i++) await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Backspace');
    await residents('16-2').waitFor();
    await p.keyboard.type('4');
    assert.match(await residents('16-24').inputValue(), /^1[,.]?200$/);
    assert.equal(await residents('16-29').count(), 0);

    // 65+ typed away is kept (and said to be kept) and comes back when typed again.
    await p.keyboard.press('End');
    for (let i = 0; i < ', 65+'.length; i++) await p.keyboard.press('Backspace');
    const kept = p.getByText('Residents per district are kept for 65+', { exact: false });
    await kept.waitFor();
    await p.keyboard.type(', 65+');
    await kept.waitFor({ state: 'detached' });
    assert.equal(await residents('65+').inputValue(), '900');

    // Typed away again and saved: what is saved holds only the listed groups' figures.
    for (let i = 0; i < ', 65+'.length; i++) await p.keyboard.press('Backspace');
    await kept.waitFor();
    await p.keyboard.press('Tab');
    await p.getByRole('button', { name: 'Save' }).first().click();
    await p.getByText('The round is saved.').first().waitFor();
    await kept.waitFor({ state: 'detached' });

    const { data: rounds } = await asAdmin<{
      data: {
        slug: string;
        voting: { ageBands: string[] };
        districts: { ageBands?: Record<string, number> }[];
      }[];
    }>('GET', '/begroot/rounds');
    const saved = rounds.find((round) => round.slug === bandsSlug)!;
    assert.deepEqual(saved.voting.ageBands, ['16-24', '30-64']);
    assert.deepEqual(saved.districts[0]!.ageBands, { '16-24': 1200, '30-64': 3400 });
  })
);

/** An admin API call as the super-admin. */
const asAdmin = <T>(method: string, pathname: string, body?: unknown) =>
  adminFetch<T>(app!.url, adminToken, method, pathname, body);

test('a reviewing official sees the review queue only', { skip }, async () => {
  const reviewer = { email: 'reviewer@voorbeeldstad.test', password: 'Begroot-review-2027!' };
  await registerOfficial(app!.url, adminToken, {
    role: { name: 'Reviewing official', description: 'Reviews proposals only' },
    actions: ['plugin::begroot.proposals.review'],
    user: { firstname: 'Rik', lastname: 'Reviewer', ...reviewer },
  });

  const { context, page: other } = await openOtherSession(browser!, pageErrors);
  try {
    await flowOn(other, 'reviewer', async (p) => {
      await logIn(p, app!.url, reviewer);

      // The plugin's start page leads a reviewer to the review queue; rounds stay closed.
      await p.goto(`${app!.url}/admin/plugins/begroot`);
      await p.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
      assert.equal(await p.getByRole('link', { name: 'Rounds' }).count(), 0);
      await p.getByLabel('Round (short name)').fill(slug);
      await p.getByRole('button', { name: 'Open' }).click();
      await p.getByRole('button', { name: proposalTitle }).waitFor();

      await p.goto(`${app!.url}/admin/plugins/begroot/rounds`);
      await p.getByText("You don't have the permissions to access that content").waitFor();
      await p.goto(`${app!.url}/admin/plugins/begroot/moderation/${slug}`);
      await p.getByText("You don't have the permissions to access that content").waitFor();
    });
  } finally {
    await context.close();
  }
});

test('the pages raised no script errors', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
