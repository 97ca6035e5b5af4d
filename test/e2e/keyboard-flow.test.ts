/**
 * Issue #6's "done when", end to end: on the demo city page served by a booted Strapi, a keyboard
 * user (Tab, Shift+Tab, Space, Enter, arrow keys; typing in fields; no mouse) submits a proposal,
 * argues for it once officials admitted it, verifies with a voting code and casts a valid ballot,
 * while the budget meter beside the ballot follows the selection; for each voting method, in
 * Dutch and in English (switched with the page's own language switch), axe-clean at every step.
 *
 * One Strapi for the file; one fresh browser context per case (no stored drafts or selections).
 * Officials' parts go through the admin API: admitting the proposal, making the voting codes,
 * setting the trial vote's voting method.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoDir, repoRoot, startStrapi, type TestStrapi } from '../support/strapi.ts';
import { SUPER_ADMIN, SUPER_ADMIN_ENV, login } from '../support/admin.ts';
import { seedDemo } from '../../demo/src/setup/seed.ts';
// The widgets' own catalogues: the test follows their wording, and checks the language shown.
import { proposalFormTexts } from '../../widgets/src/proposal-form/texts.ts';
import { en as formEn } from '../../widgets/src/proposal-form/texts.en.ts';
import { deliberationBoardTexts } from '../../widgets/src/deliberation-board/texts.ts';
import { en as boardEn } from '../../widgets/src/deliberation-board/texts.en.ts';
import { discussionTexts } from '../../widgets/src/deliberation-board/discussion-texts.ts';
import { en as discussionEn } from '../../widgets/src/deliberation-board/discussion-texts.en.ts';
import { voteBallotTexts } from '../../widgets/src/vote-ballot/texts.ts';
import { en as ballotEn } from '../../widgets/src/vote-ballot/texts.en.ts';
import { ballotStepsTexts } from '../../widgets/src/vote-ballot/steps-texts.ts';
import { en as ballotStepsEn } from '../../widgets/src/vote-ballot/steps-texts.en.ts';
import { assertAccessible, focused, tabTo, waitForFocus, type Focused } from './page-tools.ts';

const widgetsBuilt = fs.existsSync(path.join(repoRoot, 'widgets', 'dist', 'begroot.js'));
const skip = widgetsBuilt
  ? false
  : 'widgets/dist/begroot.js is missing: build the widgets first (`npm run build -w widgets`)';

const IDEAS_ROUND = 'voorbeeldstad-2027';
const TRIAL_ROUND = 'voorbeeldstad-proefstemming';
/** The voter's district: two proposals, € 52.000 and € 64.000, in a budget of € 100.000. */
const DISTRICT = 'noord';
const DISTRICT_BUDGET = 100_000;
const COSTS = [52_000, 64_000];

const TEXTS = {
  nl: {
    form: proposalFormTexts.nl,
    board: { ...deliberationBoardTexts.nl, ...discussionTexts.nl },
    ballot: { ...voteBallotTexts.nl, ...ballotStepsTexts.nl },
  },
  en: {
    form: formEn,
    board: { ...boardEn, ...discussionEn },
    ballot: { ...ballotEn, ...ballotStepsEn },
  },
};
type Lang = keyof typeof TEXTS;
type Method = 'approval' | 'knapsack' | 'points' | 'ranking';

const VOTING: Record<Method, Record<string, unknown>> = {
  approval: { method: 'approval', minSelections: 1, maxSelections: 2, points: null },
  knapsack: { method: 'knapsack', minSelections: 1, maxSelections: null, points: null },
  points: { method: 'points', minSelections: 1, maxSelections: null, points: 5 },
  ranking: { method: 'ranking', minSelections: 1, maxSelections: 2, points: null },
};

type ChromiumModule = { ensureChromium(): string; CHROMIUM_ARGS: string[] };

/** Where the seed writes the demo's voting codes (as `npm start` asks it to). */
const demoCodesFile = path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), 'begroot-demo-codes-')),
  'demo-codes.txt'
);

let app: TestStrapi;
let browser: Browser;
let adminJwt: string;
const codes: string[] = [];

async function admin(pathname: string, method = 'GET', body?: unknown) {
  const response = await app.request(pathname, {
    method,
    headers: {
      authorization: `Bearer ${adminJwt}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname}: ${response.status} ${text}`);
  return text;
}

/** The trial vote's voting settings, through the admin API (as an official would set them). */
async function useVotingMethod(method: Method) {
  const rounds = JSON.parse(await admin('/begroot/rounds')) as {
    data: Array<Record<string, unknown> & { slug: string }>;
  };
  const stored = rounds.data.find((round) => round.slug === TRIAL_ROUND);
  assert.ok(stored, 'the trial vote is seeded');
  const { documentId: _id, currentPhase: _phase, ...document } = stored;
  const voting = { ...(document.voting as object), ...VOTING[method] };
  await admin(`/begroot/rounds/${TRIAL_ROUND}`, 'PUT', { ...document, voting });
}

before(async () => {
  if (!widgetsBuilt) return;
  const { ensureChromium, CHROMIUM_ARGS } = (await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
  )) as ChromiumModule;
  app = await startStrapi({ env: { ...SUPER_ADMIN_ENV, BEGROOT_DEMO_CODES_FILE: demoCodesFile } });
  adminJwt = await login(app, SUPER_ADMIN.email, SUPER_ADMIN.password);
  const csv = await admin(`/begroot/rounds/${TRIAL_ROUND}/codes`, 'POST', {
    district: DISTRICT,
    count: 8,
  });
  codes.push(...[...csv.matchAll(/^([A-Z0-9-]{10,}),/gm)].map((match) => match[1]!));
  assert.equal(codes.length, 8, csv);
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  // The uploaded image, through Strapi's upload (file and formats in demo/public/uploads).
  const upload = app?.strapi.plugin('upload').service('upload') as
    { remove(file: unknown): Promise<unknown> } | undefined;
  for (const file of (await app?.strapi.db.query('plugin::upload.file' as never).findMany()) ??
    []) {
    await upload?.remove(file);
  }
  await app?.stop();
  fs.rmSync(path.dirname(demoCodesFile), { recursive: true, force: true });
});

test('the seed’s demo codes for the trial vote verify', { skip }, async () => {
  const lines = fs
    .readFileSync(demoCodesFile, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
  assert.equal(lines.length, 9, 'three per district');
  const [district, code] = lines.find((line) => line.startsWith('zuid\t'))!.split('\t');
  const response = await app.request(`/api/begroot/rounds/${TRIAL_ROUND}/verifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'code', code }),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assert.equal((JSON.parse(text) as { data: { district: string } }).data.district, district);
});

const inWidget = (tag: string, test: (element: Focused) => boolean) => (element: Focused) =>
  element.host === tag && test(element);
const FORM = 'begroot-proposal-form';
const BOARD = 'begroot-deliberation-board';
const BALLOT = 'begroot-vote-ballot';

/** Digits only: amounts compare the same in Dutch and English notation. */
const digits = (text: string) => text.replace(/\D/g, '');

async function openPage(lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    // A refused request is logged by Chromium as a console error; the tests expect none.
    if (message.type() === 'error') problems.push(message.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  const response = await page.goto(`${app.url}/`);
  assert.equal(response?.status(), 200);
  await page.locator(`${BALLOT} [part~="step"]`).first().waitFor({ timeout: 15_000 });
  if (lang === 'en') {
    // The page's own language switch, with the keyboard; every widget follows <html lang>.
    await tabTo(page, 'the English switch', (e) => e.data.setLang === 'en');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page
      .locator(FORM)
      .getByRole('heading', { name: formEn.title('Burgerbegroting Voorbeeldstad 2027') })
      .waitFor();
  }
  return page;
}

/** A resident's photo for the image field (a real PNG, made with sharp as Strapi's upload uses it). */
async function photo(): Promise<Buffer> {
  type Sharp = (options: object) => { png(): { toBuffer(): Promise<Buffer> } };
  const sharp = createRequire(path.join(demoDir, 'package.json'))('sharp') as Sharp;
  return sharp({ create: { width: 8, height: 6, channels: 3, background: '#2e7d32' } })
    .png()
    .toBuffer();
}

async function submitProposal(
  page: Page,
  lang: Lang,
  title: string,
  image?: { buffer: Buffer; alt: string }
) {
  const t = TEXTS[lang].form;
  await tabTo(
    page,
    'the proposal title',
    inWidget(FORM, (e) => e.name === 'title')
  );
  await page.keyboard.type(title);
  await tabTo(
    page,
    'the description',
    inWidget(FORM, (e) => e.name === 'description')
  );
  await page.keyboard.type('Een rij bomen langs de weg geeft schaduw en houdt regenwater vast.');
  await tabTo(
    page,
    'the district',
    inWidget(FORM, (e) => e.name === 'district')
  );
  // Centrum, Noord, Zuid after "Kies…": two steps down is Noord.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(
    await page.locator(`${FORM} select[name="district"]`).inputValue(),
    DISTRICT,
    'the arrow keys choose the district'
  );
  if (image) {
    const field = await tabTo(
      page,
      'the image field',
      inWidget(FORM, (e) => e.id === 'field-image')
    );
    assert.equal(field.type, 'file');
    // Space would open the browser's file dialog; Playwright hands over what it would return.
    await page
      .locator(`${FORM} #field-image`)
      .setInputFiles({ name: 'bankje.png', mimeType: 'image/png', buffer: image.buffer });
    await page.locator(`${FORM} [part~="image-preview"]`).waitFor();
    // The preview (a blob: URL) is allowed by the page's Content-Security-Policy and shows.
    await page.waitForFunction(
      () =>
        (
          document
            .querySelector('begroot-proposal-form')
            ?.shadowRoot?.querySelector('[part~="image-preview"]') as HTMLImageElement | null
        )?.naturalWidth === 8
    );
    await tabTo(
      page,
      'the image description',
      inWidget(FORM, (e) => e.name === 'imageAlt')
    );
    await page.keyboard.type(image.alt);
    await assertAccessible(page, `with an image chosen (${lang})`);
  }
  await tabTo(
    page,
    'the send button',
    inWidget(FORM, (e) => e.type === 'submit')
  );
  await page.keyboard.press('Enter');
  await waitForFocus(
    page,
    'the thank-you heading',
    inWidget(FORM, (e) => e.text === t.successTitle)
  );
  await assertAccessible(page, `after submitting a proposal (${lang})`);
}

/** An official admits the new proposal (the review queue's move), with an official cost. */
async function admitProposal(title: string): Promise<string> {
  const queue = JSON.parse(
    await admin(`/begroot/rounds/${IDEAS_ROUND}/proposals?status=submitted&pageSize=100`)
  ) as { data: Array<{ documentId: string; title: string; district: string }> };
  const submitted = queue.data.find((proposal) => proposal.title === title);
  assert.ok(submitted, `"${title}" is in the review queue`);
  assert.equal(submitted.district, DISTRICT);
  await admin(`/begroot/proposals/${submitted.documentId}`, 'PATCH', {
    status: 'admitted',
    officialCost: 30000,
  });
  return submitted.documentId;
}

async function argueFor(page: Page, lang: Lang, proposalId: string) {
  const t = TEXTS[lang].board;
  // The board lists admitted proposals; its district filter asks for Noord's (a request the
  // browser has not cached yet, so the newly admitted proposal is there).
  await tabTo(
    page,
    'the board’s district filter',
    inWidget(BOARD, (e) => e.id === 'filter-district')
  );
  await page.keyboard.press('ArrowDown'); // Centrum
  await page.keyboard.press('ArrowDown'); // Noord
  await page.locator(`${BOARD} [data-toggle="${proposalId}"]`).waitFor({ timeout: 15_000 });
  await tabTo(
    page,
    'the new proposal’s arguments',
    inWidget(BOARD, (e) => e.data.toggle === proposalId)
  );
  await page.keyboard.press('Enter');
  const form = page.locator(`${BOARD} form[data-proposal="${proposalId}"]`);
  await form.waitFor();
  await tabTo(
    page,
    'the stance',
    inWidget(BOARD, (e) => e.name === 'stance')
  );
  // The first radio of the group is "for"; Space checks it.
  await page.keyboard.press('Space');
  assert.equal(await form.locator('input[value="for"]').isChecked(), true, 'stance "for" chosen');
  const body = `Goed plan voor ${lang === 'nl' ? 'onze' : 'our'} wijk: meer schaduw in de zomer.`;
  await tabTo(
    page,
    'the argument’s text',
    inWidget(BOARD, (e) => e.name === 'body')
  );
  await page.keyboard.type(body);
  await tabTo(
    page,
    'the display name',
    inWidget(BOARD, (e) => e.name === 'authorName')
  );
  await page.keyboard.type('Toetsenbord');
  await tabTo(
    page,
    'the post button',
    inWidget(BOARD, (e) => e.type === 'submit' && e.text === t.post)
  );
  await page.keyboard.press('Enter');
  const column = page.locator(`${BOARD} [part~="column"]`).filter({ hasText: body });
  await column.first().waitFor({ timeout: 10_000 });
  await assertAccessible(page, `after posting an argument (${lang})`);
}

/** Chooses with the keyboard by the method; returns the cost the meter should show as spent. */
async function choose(page: Page, lang: Lang, method: Method): Promise<number> {
  await tabTo(
    page,
    'the ballot’s district',
    inWidget(BALLOT, (e) => e.id === 'district')
  );
  await page.keyboard.press('ArrowDown'); // Centrum
  await page.keyboard.press('ArrowDown'); // Noord
  const options = page.locator(`${BALLOT} [part~="option"]`);
  await options.first().waitFor();
  assert.equal(await options.count(), COSTS.length, 'Noord’s proposals are on the ballot');
  const isControl = (e: Focused) => e.host === BALLOT && e.id.startsWith('o-') && !!e.data.id;
  if (method === 'points') {
    await tabTo(page, 'a points field', isControl);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
    const id = (await focused(page)).data.id!;
    assert.equal(await page.locator(`${BALLOT} input[data-id="${id}"]`).inputValue(), '5');
    return costOf(page, id);
  }
  const first = await tabTo(page, 'a proposal’s checkbox', isControl);
  await page.keyboard.press('Space');
  if (method === 'knapsack') return costOf(page, first.data.id!);
  if (method === 'approval') {
    const second = await tabTo(page, 'the next checkbox', (e) => isControl(e) && e.id !== first.id);
    await page.keyboard.press('Space');
    return (await costOf(page, first.data.id!)) + (await costOf(page, second.data.id!));
  }
  // Ranking: choose both, then move the second up to first place.
  const second = await tabTo(page, 'the next checkbox', (e) => isControl(e) && e.id !== first.id);
  await page.keyboard.press('Space');
  const up = TEXTS[lang].ballot.moveUp;
  await tabTo(
    page,
    'the second choice’s "up" button',
    (e) => e.host === BALLOT && e.data.id === second.data.id && e.data.by === '-1'
  );
  assert.equal((await focused(page)).text, up);
  await page.keyboard.press('Enter');
  const rankOf = (id: string) =>
    page
      .locator(`${BALLOT} [part~="option"]`)
      .filter({ has: page.locator(`input[data-id="${id}"]`) })
      .locator('.actions > span')
      .innerText();
  assert.equal(await rankOf(second.data.id!), TEXTS[lang].ballot.rank(1));
  assert.equal(await rankOf(first.data.id!), TEXTS[lang].ballot.rank(2));
  const after = await focused(page);
  assert.equal(
    after.host,
    BALLOT,
    `focus stays on the ballot after moving: ${JSON.stringify(after)}`
  );
  return (await costOf(page, first.data.id!)) + (await costOf(page, second.data.id!));
}

async function costOf(page: Page, id: string): Promise<number> {
  const meta = await page.locator(`${BALLOT} [part~="option"]`).filter({
    has: page.locator(`input[data-id="${id}"]`),
  });
  return Number(digits(await meta.locator('.meta').innerText()));
}

async function vote(page: Page, lang: Lang, method: Method, code: string) {
  const t = TEXTS[lang].ballot;
  const spent = await choose(page, lang, method);
  // The meter beside the ballot follows the selection.
  const meter = page.locator(`begroot-budget-meter[mode="ballot"]`);
  await assert.doesNotReject(
    meter
      .locator('[part~="spent"]')
      .filter({ hasText: new RegExp(groupedDigits(spent)) })
      .waitFor({
        timeout: 5000,
      }),
    'the meter shows what the selection costs'
  );
  // What is left, or (approval, points and ranking may choose more than the budget) how much over.
  const left = Math.abs(DISTRICT_BUDGET - spent);
  assert.match(digits(await meter.locator('[part~="left"]').innerText()), new RegExp(`^${left}`));
  await assertAccessible(page, `with a ${method} selection (${lang})`);

  await tabTo(
    page,
    'the next button',
    inWidget(BALLOT, (e) => e.text === t.next)
  );
  await page.keyboard.press('Enter');
  await waitForFocus(
    page,
    'the verification step',
    inWidget(BALLOT, (e) => e.text.endsWith(t.steps.verify))
  );
  await tabTo(
    page,
    'the code field',
    inWidget(BALLOT, (e) => e.id === 'code')
  );
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await waitForFocus(
    page,
    'the review step',
    inWidget(BALLOT, (e) => e.text.endsWith(t.steps.review))
  );
  await assertAccessible(page, `on the review step (${lang})`);
  await tabTo(
    page,
    'the cast button',
    inWidget(BALLOT, (e) => e.text === t.cast)
  );
  await page.keyboard.press('Enter');
  await waitForFocus(
    page,
    'the thank-you heading',
    inWidget(BALLOT, (e) => e.text === t.doneTitle)
  );
  const receipt = await page.locator(`${BALLOT} [part~="receipt"]`).innerText();
  assert.match(receipt.trim(), /\S{8,}/, 'a receipt is shown');
  await assertAccessible(page, `after casting the vote (${lang})`);
}

/** Ballots stored for the trial vote (the plugin's own secret-ballot table). */
async function countBallots(): Promise<number> {
  const [row] = (await app.strapi.db.connection('begroot_ballots').count({ n: '*' })) as Array<{
    n: number | string;
  }>;
  return Number(row?.n ?? 0);
}

/** `52000` as the regular expression `52\D?000`: any thousands separator. */
function groupedDigits(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '\\D?');
}

test(
  'a district whose demo codes are used up gets new ones at the next start',
  { skip },
  async () => {
    const listed = () =>
      fs
        .readFileSync(demoCodesFile, 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => line.split('\t') as [string, string]);
    const before = listed();
    // Centrum's codes are used up (voided here, as an official would).
    for (const [district, code] of before) {
      if (district === 'centrum') await admin(`/begroot/codes/${code}/void`, 'POST', {});
    }
    await seedDemo(app.strapi, { BEGROOT_DEMO_CODES_FILE: demoCodesFile });
    const after = listed();
    assert.deepEqual(after.slice(0, before.length), before, 'the earlier codes stay listed');
    const added = after.slice(before.length);
    assert.deepEqual(
      added.map(([district]) => district),
      ['centrum', 'centrum', 'centrum']
    );
    const [, code] = added[0]!;
    const response = await app.request(`/api/begroot/rounds/${TRIAL_ROUND}/verifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'code', code }),
    });
    assert.equal(response.status, 200, await response.text());
    // With unused codes in every district, another start makes none.
    await seedDemo(app.strapi, { BEGROOT_DEMO_CODES_FILE: demoCodesFile });
    assert.equal(listed().length, after.length);
  }
);

test(
  'an image chosen in the form is uploaded and shown with the admitted proposal',
  { skip },
  async () => {
    const page = await openPage('nl');
    try {
      const title = 'Bankje met uitzicht op de vijver';
      const alt = 'Een houten bankje aan de rand van de vijver';
      await submitProposal(page, 'nl', title, { buffer: await photo(), alt });
      const id = await admitProposal(title);
      const response = await app.request(`/api/begroot/proposals/${id}`);
      const { data } = (await response.json()) as { data: { imageUrl: string | null } };
      assert.match(data.imageUrl ?? '', /^\/uploads\/.+\.png$/);
      const image = await app.request(data.imageUrl!);
      assert.equal(image.status, 200);
      assert.match(image.headers.get('content-type') ?? '', /^image\/png/);
      const stored = (await app.strapi.db
        .query('plugin::upload.file' as never)
        .findOne({ where: { url: data.imageUrl } } as never)) as { alternativeText: string } | null;
      assert.equal(stored?.alternativeText, alt);
      assert.deepEqual((page as Page & { problems: string[] }).problems, []);
    } finally {
      await page.context().close();
    }
  }
);

describe('the demo city page with the keyboard alone', { skip }, () => {
  let n = 0;
  for (const method of ['approval', 'knapsack', 'points', 'ranking'] as const) {
    for (const lang of ['nl', 'en'] as const) {
      test(`propose, argue, verify with a code and vote (${method}, ${lang})`, async () => {
        const code = codes[n++]!;
        await useVotingMethod(method);
        const page = await openPage(lang);
        try {
          await assertAccessible(page, `on arrival (${lang})`);
          const title = `Bomen langs de Noorderweg ${method} ${lang}`;
          await submitProposal(page, lang, title);
          const id = await admitProposal(title);
          await argueFor(page, lang, id);
          const ballots = await countBallots();
          await vote(page, lang, method, code);
          assert.equal(await countBallots(), ballots + 1, 'the ballot is stored');
          assert.deepEqual((page as Page & { problems: string[] }).problems, []);
        } finally {
          await page.context().close();
        }
      });
    }
  }
});
