/**
 * A new content-team member finds their way (issue 7, "Done when"): from an empty CMS, following
 * only what the pages show after logging in, they create a round from a template and reach its
 * review queue, voting, results, execution and participation pages, each axe-clean.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../support/strapi.ts';
import { startAdminPanel, type AdminStrapi } from './support/admin-panel.ts';
import { registerFirstAdmin } from './support/admin-users.ts';
import {
  chromiumPath,
  flow,
  logIn,
  openAdminPage,
  skipWithoutChromium,
} from './support/browser.ts';

const NEWCOMER = { email: 'newcomer@voorbeeldstad.test', password: 'Begroot-test-2027!' };
const TITLE = 'Buurtbudget Zuid';
const SLUG = 'buurtbudget-zuid';

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
const skip = skipWithoutChromium;
const axePath = createRequire(path.join(repoRoot, 'package.json')).resolve('axe-core/axe.min.js');

before(
  async () => {
    if (!chromiumPath) return;
    app = await startAdminPanel();
    // The demo app seeds its rounds on start; the newcomer starts from an empty CMS.
    for (const uid of ['argument', 'proposal', 'round']) {
      await app.strapi.db.query(`plugin::begroot.${uid}` as never).deleteMany({ where: {} });
    }
    await registerFirstAdmin(app.url, { firstname: 'Nina', lastname: 'Nieuw', ...NEWCOMER });
    ({ browser, page } = await openAdminPage(pageErrors, {
      viewport: { width: 1280, height: 800 },
    }));
  },
  { timeout: 600_000 }
);

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** The page's main content has no axe violations. */
async function assertAxeClean(p: Page, where: string) {
  if (!(await p.evaluate(() => 'axe' in window))) {
    await p.addScriptTag({ path: axePath });
    // Checked at rest: not halfway through a button's colour transition, nor under the pointer.
    await p.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  }
  await p.mouse.move(0, 0);
  const violations = await p.evaluate(async () => {
    type AxeResults = {
      violations: Array<{
        id: string;
        nodes: Array<{ target: string[]; html: string; failureSummary: string }>;
      }>;
    };
    const { axe } = window as unknown as { axe: { run(context: unknown): Promise<AxeResults> } };
    const result = await axe.run({ include: [['main']] });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.html} ${n.failureSummary}`).join(' ')}`
    );
  });
  assert.deepEqual(violations, [], `axe on ${where}`);
}

/** Waits for the page's level-1 heading (exactly, so the page before it cannot answer). */
const heading = (p: Page, name: string) =>
  p.getByRole('heading', { name, level: 1, exact: true }).waitFor();

/** Follows a link in the sections' navigation, which keeps the chosen round. */
async function openSection(p: Page, name: string, section: string) {
  await p.getByRole('navigation', { name: 'Begroot sections' }).getByRole('link', { name }).click();
  await p.waitForURL(`**/admin/plugins/begroot/${section}/${SLUG}`);
}

test(
  'the newcomer finds the empty rounds list from the menu and is told to start one',
  { skip },
  () =>
    flow(page!, 'walk-empty', async (p) => {
      await logIn(p, app!.url, NEWCOMER);
      await p.getByRole('link', { name: 'Begroot' }).click();
      await heading(p, 'Rounds');
      await p.getByText('There is no round yet. Start one from a template.').waitFor();
      await assertAxeClean(p, 'the empty rounds list');
    })
);

test('creates a round from a template and sees its phase and what to do now', { skip }, () =>
  flow(page!, 'walk-create', async (p) => {
    await p.getByRole('link', { name: 'New round' }).first().click();
    await heading(p, 'New round');
    // Untouched, the form shows no errors yet.
    assert.equal(await p.getByText('This field is required.').count(), 0);
    await assertAxeClean(p, 'the new round form');
    await p.getByRole('radio', { name: /City-wide/ }).check();
    await p.getByLabel('Title').fill(TITLE);
    await p.getByLabel('Short name (slug)').fill(SLUG);
    await p.getByRole('button', { name: 'Create the round' }).click();
    await heading(p, TITLE);
    const overview = p.getByRole('region', { name: 'Where this round stands' });
    await overview.getByText(/^Ideas phase, until /).waitFor();
    await overview.getByText('What to do now:').waitFor();
    await assertAxeClean(p, 'the round page');
  })
);

test(
  'goes from the round to its review queue, voting, results, execution and participation',
  { skip },
  () =>
    flow(page!, 'walk-sections', async (p) => {
      // The ideas phase runs, so the next step is the review queue.
      await p.getByRole('link', { name: 'Go to Review queue' }).click();
      await p.waitForURL(`**/admin/plugins/begroot/review/${SLUG}`);
      await heading(p, `Review queue: ${TITLE}`);
      await p.getByText(/^No proposals yet\./).waitFor();
      await assertAxeClean(p, 'the review queue');

      await openSection(p, 'Voting', 'voting');
      await heading(p, `Voting: ${TITLE}`);
      await assertAxeClean(p, 'the voting page');

      await openSection(p, 'Results', 'results');
      await heading(p, `Results: ${TITLE}`);
      await p.getByRole('button', { name: 'Count the votes' }).waitFor();
      await assertAxeClean(p, 'the results page');

      await openSection(p, 'Execution', 'execution');
      await heading(p, `Execution: ${TITLE}`);
      await p
        .getByText('No funded proposals in this round yet: publish the results first.')
        .waitFor();
      await assertAxeClean(p, 'the execution page');

      await openSection(p, 'Participation', 'participation');
      await heading(p, `Participation: ${TITLE}`);
      await assertAxeClean(p, 'the participation page');

      // Each section leads back to the round's page with its phase and next step.
      await p.getByRole('link', { name: 'Round settings and next step' }).click();
      await heading(p, TITLE);
      await p.getByRole('region', { name: 'Where this round stands' }).waitFor();

      // Back to the list: the round shows its phase and links to where its work is now.
      await p
        .getByRole('navigation', { name: 'Begroot sections' })
        .getByRole('link', { name: 'Rounds' })
        .click();
      await heading(p, 'Rounds');
      await p.getByRole('link', { name: `Review queue of ${TITLE}` }).click();
      await p.waitForURL(`**/admin/plugins/begroot/review/${SLUG}`);
      assert.deepEqual(pageErrors, []);
    })
);
