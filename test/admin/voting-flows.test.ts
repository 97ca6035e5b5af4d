/**
 * The voting page in headless Chromium against a booted Strapi with its admin panel: generate and
 * download codes, enter a paper ballot with one of them by keyboard, see it refused the second
 * time and the counts change; set up a kiosk; a clerk with only the paper-ballot right sees the
 * paper-ballot entry and no codes.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../support/strapi.ts';
import { createProposals, createVotingRound } from '../support/voting.ts';
import { startAdminPanel, type AdminStrapi } from './support/admin-panel.ts';
import { adminFetch, registerFirstAdmin, registerOfficial } from './support/admin-users.ts';
import {
  chromiumPath,
  flow,
  logIn,
  openAdminPage,
  openOtherSession,
  skipWithoutChromium,
} from './support/browser.ts';

const ADMIN = { email: 'stemmen@voorbeeldstad.test', password: 'Begroot-test-2027!' };
const CLERK = { email: 'griffie@voorbeeldstad.test', password: 'Begroot-griffie-2027!' };

let app: AdminStrapi | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
const pageErrors: string[] = [];
let adminToken = '';
const skip = skipWithoutChromium;

const slug = `stem-${Date.now().toString(36)}`;
const title = 'Stemronde Oost';
let codes: Array<{ code: string; district: string }> = [];

before(
  async () => {
    if (!chromiumPath) return;
    app = await startAdminPanel();
    adminToken = await registerFirstAdmin(app.url, {
      firstname: 'Vera',
      lastname: 'Verkiezing',
      ...ADMIN,
    });

    const harness = { strapi: app.strapi } as never;
    const roundId = await createVotingRound(harness, slug, { title });
    await createProposals(harness, roundId, [
      { title: 'Bankjes in het park', district: 'oost', cost: 30000 },
      { title: 'Speeltuin', district: 'oost', cost: 60000 },
      { title: 'Fietspad', district: 'west', cost: 90000 },
    ]);

    ({ browser, page } = await openAdminPage(pageErrors));
  },
  { timeout: 600_000 }
);

after(async () => {
  await browser?.close();
  await app?.stop();
});

/**
 * Waits until a district's row of the counts table reads `expected` (issued, used, unused,
 * voided, then ballots online, kiosk, paper); fails with what it last read.
 */
async function expectCounts(p: Page, district: string, expected: string[]) {
  let cells: string[] = [];
  for (let i = 0; i < 100; i += 1) {
    const row = p
      .getByRole('grid', { name: 'Codes and ballots' })
      .getByRole('row')
      .filter({
        has: p
          .locator('td')
          .first()
          .filter({ hasText: new RegExp(`^${district}$`) }),
      });
    cells = (await row.locator('td').allInnerTexts()).slice(1).map((cell) => cell.trim());
    if (JSON.stringify(cells) === JSON.stringify(expected)) return;
    await p.waitForTimeout(100);
  }
  assert.deepEqual(cells, expected, `counts of ${district}`);
}

test('generates a batch of codes and downloads them as CSV', { skip }, () =>
  flow(page!, 'voting-codes', async (p) => {
    await logIn(p, app!.url, ADMIN);
    await p.goto(`${app!.url}/admin/plugins/begroot/voting/${slug}`);
    await p.getByRole('heading', { name: `Voting: ${title}`, level: 1 }).waitFor();
    await p.getByText('exist in plain text only in the file you download now').waitFor();
    await p.getByLabel('Number of codes').fill('5');
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Generate and download' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `codes-${slug}-oost.csv`);
    const [header, ...lines] = fs
      .readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    assert.equal(header, 'code,district');
    assert.equal(lines.length, 5);
    codes = lines.map((line) => {
      const [code = '', district = ''] = line.split(',');
      return { code, district };
    });
    for (const { code, district } of codes) {
      assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$/);
      assert.equal(district, 'oost');
    }
    await p.getByText('5 codes downloaded.').first().waitFor();
    await expectCounts(p, 'Oost', ['5', '0', '5', '0', '0', '0', '0']);
  })
);

test(
  'enters a paper ballot by keyboard; the code is refused the second time; counts change',
  { skip },
  () =>
    flow(page!, 'voting-paper', async (p) => {
      const code = codes[0]!.code;
      const codeField = p.getByLabel('Code on the letter');
      await codeField.click();
      await p.keyboard.type(code.toLowerCase());
      await p.keyboard.press('Enter');
      await p.getByText('District: Oost').waitFor();
      // Only the code's district's proposals; focus on the first choice.
      assert.equal(await p.getByRole('checkbox', { name: /Fietspad/ }).count(), 0);
      const first = p.getByRole('checkbox', { name: /Bankjes in het park/ });
      await p.waitForFunction(() => document.activeElement?.getAttribute('role') === 'checkbox');
      assert.equal(await first.evaluate((el) => el === document.activeElement), true);

      // Sending nothing ticked: core's check answers at once, nothing is sent.
      const submit = p.getByRole('button', { name: 'Enter the ballot' });
      await submit.click();
      await p.getByText('Choose at least 1 proposal.').waitFor();
      await first.focus();
      await p.keyboard.press('Space');
      assert.equal(await first.getAttribute('aria-checked'), 'true');
      for (let i = 0; i < 10; i += 1) {
        if (await submit.evaluate((el) => el === document.activeElement)) break;
        await p.keyboard.press('Tab');
      }
      assert.equal(await submit.evaluate((el) => el === document.activeElement), true);
      await p.keyboard.press('Enter');

      await p.getByRole('status').getByText('Ballot entered for Oost. Next code.').waitFor();
      assert.equal(await codeField.inputValue(), '');
      assert.equal(await codeField.evaluate((el) => el === document.activeElement), true);
      await expectCounts(p, 'Oost', ['5', '1', '4', '0', '0', '0', '1']);

      // The same code again: refused at the code field, before any choice is made.
      await p.keyboard.type(code);
      await p.keyboard.press('Enter');
      await p.getByText('This code has already been used to vote.').waitFor();
      assert.equal(await p.getByRole('checkbox', { name: /Bankjes in het park/ }).count(), 0);
      assert.equal(await codeField.getAttribute('aria-invalid'), 'true');
    })
);

test('voids and reissues a code, downloaded as CSV', { skip }, () =>
  flow(page!, 'voting-reissue', async (p) => {
    await p.getByLabel('Code to void').fill(codes[1]!.code);
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: 'Void and reissue' }).click(),
    ]);
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    assert.equal(lines[0], 'code,district');
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /^[2-9A-HJ-NP-Z-]{16},oost$/);
    await expectCounts(p, 'Oost', ['6', '1', '4', '1', '0', '0', '1']);
  })
);

test('sets up a kiosk and shows its key once in the snippet', { skip }, () =>
  flow(page!, 'voting-kiosk', async (p) => {
    await p.getByLabel('Name or place').fill('Bibliotheek Oost');
    await p.getByRole('checkbox', { name: 'Oost', exact: true }).click();
    await p.getByRole('button', { name: 'Set up the kiosk' }).click();
    const snippet = p.getByLabel('Embed snippet for the kiosk');
    await snippet.waitFor();
    const html = await snippet.inputValue();
    const key = /kiosk-key="(bk_[\w-]+)"/.exec(html)?.[1];
    assert.ok(key, html);
    assert.match(html, new RegExp(`<begroot-vote-ballot round="${slug}" kiosk kiosk-key=`));
    await p
      .getByRole('row', { name: /Bibliotheek Oost/ })
      .getByText('Active')
      .first()
      .waitFor();
    // The key works for a verification at the kiosk, once the official copied it.
    const verified = await fetch(`${app!.url}/api/begroot/rounds/${slug}/verifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Begroot-Kiosk-Key': key },
      body: JSON.stringify({ method: 'code', code: codes[2]!.code }),
    });
    assert.equal(verified.status, 200, await verified.text());
    await p.getByRole('button', { name: 'I have copied it' }).click();
    assert.equal(await p.getByText(key).count(), 0);
  })
);

test('the voting sections pass axe', { skip }, () =>
  flow(page!, 'voting-axe', async (p) => {
    // With a code looked up, so the paper-ballot choices are on the page too.
    await p.getByLabel('Code on the letter').fill(codes[4]!.code);
    await p.keyboard.press('Enter');
    await p.getByText('District: Oost').waitFor();
    const axePath = createRequire(path.join(repoRoot, 'package.json')).resolve(
      'axe-core/axe.min.js'
    );
    await p.addScriptTag({ path: axePath });
    const violations = await p.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<AxeResults> } })
        .axe;
      type AxeResults = { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
      const result = await axe.run({ include: [['section[aria-labelledby^="begroot-"]']] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
    });
    assert.deepEqual(violations, []);
    await p.getByRole('button', { name: 'Clear' }).click();
  })
);

/** An admin API call as the super-admin. */
const asAdmin = <T>(method: string, pathname: string, body?: unknown) =>
  adminFetch<T>(app!.url, adminToken, method, pathname, body);

test(
  'a clerk with only the paper-ballot right enters ballots and sees no codes',
  { skip },
  async () => {
    await registerOfficial(app!.url, adminToken, {
      role: { name: 'Paper-ballot clerk', description: 'Enters paper ballots only' },
      actions: ['plugin::begroot.paper-ballots.create'],
      user: { firstname: 'Gijs', lastname: 'Griffie', ...CLERK },
    });

    const { context, page: p } = await openOtherSession(browser!, pageErrors);
    try {
      await flow(p, 'voting-clerk', async () => {
        await logIn(p, app!.url, CLERK);
        await p.goto(`${app!.url}/admin/plugins/begroot`);
        await p.getByRole('heading', { name: 'Voting', level: 1 }).waitFor();
        await p.getByLabel('Round (short name)').fill(slug);
        await p.getByRole('button', { name: 'Open' }).click();
        await p.getByRole('heading', { name: 'Paper ballots', level: 2 }).waitFor();
        assert.equal(await p.getByRole('heading', { name: 'Voting codes' }).count(), 0);
        assert.equal(await p.getByRole('heading', { name: 'Kiosks' }).count(), 0);
        assert.equal(await p.getByRole('grid', { name: 'Codes and ballots' }).count(), 0);

        await p.getByLabel('Code on the letter').fill(codes[3]!.code);
        await p.keyboard.press('Enter');
        await p.getByRole('checkbox', { name: /Speeltuin/ }).click();
        await p.getByRole('button', { name: 'Enter the ballot' }).click();
        await p.getByRole('status').getByText('Ballot entered for Oost. Next code.').waitFor();
      });
    } finally {
      await context.close();
    }
    const counts = await asAdmin<{ data: Array<{ district: string; ballots: { paper: number } }> }>(
      'GET',
      `/begroot/rounds/${slug}/codes`
    );
    assert.equal(counts.data.find((row) => row.district === 'oost')?.ballots.paper, 2);
  }
);

test('the voting page raised no script errors', { skip }, () => {
  assert.deepEqual(pageErrors, []);
});
