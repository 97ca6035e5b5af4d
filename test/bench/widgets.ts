/**
 * Widgets benchmark: what a city page downloads (gzip), how fast the ballot shows 60 proposals and
 * how fast the deliberation board shows and handles a proposal with 500 arguments.
 *
 *   npm run bench:widgets            (also part of `npm run bench`)
 *   npx tsx test/bench/widgets.ts [runs]
 *
 * Builds the widgets (widgets/dist) with their own vite config, then:
 * - sizes: the gzip size (level 9) of the loader and of each widget's chunk plus the chunks it
 *   imports statically, Dutch (the English texts are separate chunks loaded only on English pages).
 *   Shared chunks are counted twice over: "alone" adds every chunk the widget loads in full (what a
 *   page with only that widget downloads after the loader); "share" divides each shared chunk
 *   equally among the widgets that load it, so the four shares and the loader add up to "all four".
 * - the ballot page: the loader, a `<begroot-vote-ballot>` and a `<begroot-budget-meter
 *   mode="ballot">`, measured as the files headless Chromium really fetched for it.
 * - first render: a node http server serves the built widgets, the page, and the API with fixture
 *   data checked by core's schemas (a round in its voting phase, 60 proposals). Marks in the page:
 *   script start → API answers received (the end of the last API response) → the ballot's first
 *   render with its 60 options (`updateComplete` of that update). Each run is a fresh browser
 *   context (cold cache).
 * - the board: the same server adds one proposal's 500 arguments (checked with core's schema;
 *   every fifth a reply, some official). A `<begroot-deliberation-board proposal=…>` opens that
 *   discussion by itself: arguments answered → its first render with all 500. In the same page, a
 *   keystroke in the argument form (the input event → the render it causes) and hiding then
 *   showing the arguments again (the click → all 500 rendered). On a board listing the 60
 *   proposals, the visitor opens the one with 500 arguments, as the widget test used to time:
 *   click → rendered (with the request) and arguments answered → rendered.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { measureFloor } from './widget-floor.js';
import {
  STANCES,
  argumentPublicViewSchema,
  proposalPublicViewSchema,
  roundPublicViewSchema,
  type ArgumentPublicView,
  type ProposalPublicView,
  type RoundPublicView,
  type Stance,
} from '@begroot/core';
import type { Browser } from 'playwright-core';

const RUNS = Number(process.argv[2] ?? 15);
const PROPOSALS = 60;
/** Arguments on the board's proposal (the first of the list). */
const ARGUMENTS = 500;
/** Keystrokes timed in the board's argument form, per run. */
const KEYSTROKES = 5;
const TARGETS = { loader: 3, ballotPage: 25, allFour: 40, firstRenderMs: 100 };

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const widgetsDir = path.join(repoRoot, 'widgets');
const distDir = path.join(widgetsDir, 'dist');

const WIDGETS = [
  ['budget meter', 'begroot-budget-meter'],
  ['proposal form', 'begroot-proposal-form'],
  ['deliberation board', 'begroot-deliberation-board'],
  ['vote ballot', 'begroot-vote-ballot'],
] as const;

/** Widgets whose own size is printed, outside the four a participation page loads together. */
const OTHER_WIDGETS = [['panel sign-up', 'begroot-panel-signup']] as const;

/** Modules a ballot page loads only once the voter starts (not counted in "ballot page"). */
const LATER_STEPS = ['vote-ballot/steps.ts'];

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'OVER');

// ---------------------------------------------------------------------------------------------
// Build and static sizes

interface Chunk {
  fileName: string;
  gzip: number;
  imports: string[];
  facadeModuleId: string | null;
}

async function buildWidgets(): Promise<Map<string, Chunk>> {
  const result = await build({
    root: widgetsDir,
    configFile: path.join(widgetsDir, 'vite.config.ts'),
    logLevel: 'warn',
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = new Map<string, Chunk>();
  for (const output of outputs) {
    if (!('output' in output)) throw new Error('Unexpected watcher from vite build');
    for (const file of output.output) {
      if (file.type !== 'chunk') continue;
      chunks.set(file.fileName, {
        fileName: file.fileName,
        gzip: gzipSync(file.code, { level: 9 }).length,
        imports: file.imports,
        facadeModuleId: file.facadeModuleId,
      });
    }
  }
  return chunks;
}

/** A widget's chunk and every chunk it imports statically (without the loader). */
function closure(chunks: Map<string, Chunk>, tag: string): string[] {
  return closureOf(chunks, `define/${tag}.ts`);
}

/** The chunk of the module at `modulePath` (relative to widgets/src) and every chunk it imports. */
function closureOf(chunks: Map<string, Chunk>, modulePath: string): string[] {
  const start = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(modulePath));
  if (!start) throw new Error(`No chunk for ${modulePath}`);
  const seen = new Set<string>();
  const stack = [start.fileName];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(chunks.get(name)?.imports ?? []));
  }
  return [...seen];
}

function printSizes(chunks: Map<string, Chunk>): { loader: number; allFour: number } {
  const loader = chunks.get('begroot.js')!.gzip;
  const files = new Map(WIDGETS.map(([, tag]) => [tag, closure(chunks, tag)]));
  const users = new Map<string, number>();
  for (const list of files.values()) {
    for (const name of list) users.set(name, (users.get(name) ?? 0) + 1);
  }
  const sum = (names: Iterable<string>) =>
    [...names].reduce((total, name) => total + chunks.get(name)!.gzip, 0);

  console.log('\nWidgets (gzip level 9, Dutch page)');
  console.log(
    `  ${'loader (begroot.js)'.padEnd(22)} ${kB(loader).padStart(9)}   target ≤ ${TARGETS.loader} kB  ${verdict(loader / 1024, TARGETS.loader)}`
  );
  console.log(
    `  ${''.padEnd(22)} ${'own'.padStart(9)} ${'alone'.padStart(9)} ${'share'.padStart(9)}   chunks it loads (shared ones: /number of widgets loading them)`
  );
  for (const [label, tag] of WIDGETS) {
    const list = files.get(tag)!;
    const own = chunks.get(list[0]!)!.gzip;
    const share = list.reduce(
      (total, name) => total + chunks.get(name)!.gzip / users.get(name)!,
      0
    );
    const detail = list
      .slice(1)
      .map(
        (name) =>
          `${name} ${kB(chunks.get(name)!.gzip)}${users.get(name)! > 1 ? ` /${users.get(name)}` : ''}`
      )
      .join(', ');
    console.log(
      `  ${label.padEnd(22)} ${kB(own).padStart(9)} ${kB(sum(list)).padStart(9)} ${kB(share).padStart(9)}   ${detail}`
    );
  }
  const everything = new Set(['begroot.js', ...[...files.values()].flat()]);
  const allFour = sum(everything);
  console.log(
    `  ${'all four widgets'.padEnd(22)} ${kB(allFour).padStart(9)}   loader + every chunk the four load; target ≤ ${TARGETS.allFour} kB  ${verdict(allFour / 1024, TARGETS.allFour)}`
  );
  const others = new Set<string>();
  for (const [label, tag] of OTHER_WIDGETS) {
    const list = closure(chunks, tag);
    for (const name of list) others.add(name);
    console.log(
      `  ${label.padEnd(22)} ${kB(chunks.get(list[0]!)!.gzip).padStart(9)} ${kB(sum(list)).padStart(9)}   own, and alone (not in the four; with the loader: ${kB(loader + sum(list))})`
    );
  }
  const english = [...chunks.values()].filter(
    (chunk) => !everything.has(chunk.fileName) && !others.has(chunk.fileName)
  );
  if (english.length > 0) {
    console.log(
      `  not counted, loaded on demand only (other languages, results mode, the ballot’s later steps; timeline and tracker): ${english.map((chunk) => `${chunk.fileName} ${kB(chunk.gzip)}`).join(', ')}`
    );
  }
  return { loader, allFour };
}

// ---------------------------------------------------------------------------------------------
// Fixture API and page

interface Fixtures {
  round: RoundPublicView;
  proposals: ProposalPublicView[];
  /** Arguments by proposal: the first proposal has all of them, the others none. */
  arguments: Map<string, ArgumentPublicView[]>;
}

function fixtures(): Fixtures {
  const now = Date.now();
  const day = 86_400_000;
  const round = roundPublicViewSchema.parse({
    slug: 'bench-2027',
    title: 'Benchstad 2027',
    description: 'Bewoners bepalen samen waar het geld naartoe gaat.',
    language: 'nl',
    currency: 'EUR',
    budget: 1_500_000,
    phases: [
      {
        kind: 'ideas',
        start: new Date(now - 90 * day).toISOString(),
        end: new Date(now - 60 * day).toISOString(),
      },
      {
        kind: 'voting',
        start: new Date(now - day).toISOString(),
        end: new Date(now + 20 * day).toISOString(),
      },
    ],
    currentPhase: 'voting',
    districts: [],
    mode: 'decide',
    themes: [{ slug: 'groen', name: 'Groen' }],
    proposalForm: {
      askCost: true,
      costRequired: false,
      optionalFields: ['summary', 'theme'],
      titleMax: 80,
      summaryMax: 280,
      descriptionMax: 2000,
      responseDays: 42,
    },
    voting: {
      method: 'knapsack',
      minSelections: 1,
      maxSelections: null,
      points: null,
      minSpendShare: 0,
      districtScope: 'own',
      revote: 'replace',
    },
    counting: {
      rule: 'mes',
      satisfaction: 'cost',
      completion: 'add1',
      tieBreak: 'cost-votes',
      increment: 1,
    },
    verification: { methods: ['code'] },
  });
  const proposalId = (i: number) => `benchproposal${String(i).padStart(3, '0')}`;
  const discussed = proposalId(0);
  const argumentId = (i: number) => `benchargument${String(i).padStart(4, '0')}`;
  const discussion = Array.from({ length: ARGUMENTS }, (_, i) =>
    argumentPublicViewSchema.parse({
      documentId: argumentId(i),
      proposal: discussed,
      stance: STANCES[i % 3],
      body: `Argument ${i + 1}: ${i % 2 ? 'goed voor de buurt, want er is nu nergens schaduw' : 'te duur voor wat het oplevert, en het onderhoud komt erbij'}.`,
      // Every fifth answers the one before; every fiftieth is the city's official answer.
      authorName: i % 50 === 4 ? 'Gemeente Benchstad' : `Bewoner ${i + 1}`,
      replyTo: i % 5 === 4 ? argumentId(i - 1) : null,
      official: i % 50 === 4,
      postedAt: new Date(now - 30 * day + i * 60_000).toISOString(),
    })
  );
  const counted = (stance: Stance) => discussion.filter((a) => a.stance === stance).length;
  const proposals = Array.from({ length: PROPOSALS }, (_, i) =>
    proposalPublicViewSchema.parse({
      documentId: proposalId(i),
      round: round.slug,
      title: `Voorstel ${i + 1}: meer groen in de wijk`,
      summary: 'Bomen, bankjes en een speelplek waar nu alleen stenen liggen.',
      description: 'Een langere beschrijving van dit voorstel, zoals bewoners die schrijven.',
      estimatedCost: 10_000 + 2_500 * i,
      officialCost: i % 3 === 0 ? 12_000 + 2_500 * i : null,
      district: null,
      theme: 'groen',
      location: null,
      imageUrl: null,
      authorName: 'Sanne',
      status: 'admitted',
      publicReason: null,
      mergedInto: null,
      history: [],
      updates: [],
      argumentCounts:
        i === 0
          ? { for: counted('for'), against: counted('against'), question: counted('question') }
          : { for: i % 5, against: i % 3, question: 0 },
      submittedAt: new Date(now - 70 * day).toISOString(),
    })
  );
  return { round, proposals, arguments: new Map([[discussed, discussion]]) };
}

/** A page of the bench: the loader, `body`, and a module script that sets `window.benchDone`. */
const page = (title: string, script: string, body: string) => `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>${title}</title>
<script>performance.mark('script-start');</script>
<script type="module" src="/widgets/begroot.js"></script>
<script type="module">
  /**
   * When the first update after which done() holds has completed: performance.now() then. With
   * waitForUpdate, only an update from now on counts (done() may hold already).
   */
  const whenRendered = (el, done, waitForUpdate = false) =>
    new Promise((resolve) => {
      let marked = false;
      const check = () => {
        if (marked || !done()) return;
        marked = true;
        el.removeController(controller);
        el.updateComplete.then(() => resolve(performance.now()));
      };
      const controller = { hostUpdated: check };
      el.addController(controller);
      if (!waitForUpdate) check();
    });
  /** The end of the last response whose address contains part. */
  const answered = (part) =>
    Math.max(
      ...performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes(part))
        .map((entry) => entry.responseEnd)
    );
  /**
   * The next event of this type in el's shadow root: its time stamp (when the browser received
   * the input) and the end of the first update after it after which done() holds.
   */
  const timeNext = (el, type, done) =>
    new Promise((resolve) => {
      el.shadowRoot.addEventListener(
        type,
        (event) =>
          whenRendered(el, done, true).then((end) => resolve({ start: event.timeStamp, end })),
        { capture: true, once: true }
      );
    });
  ${script}
</script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;

const BALLOT_PAGE = page(
  'Benchstad stemt',
  `const done = customElements.whenDefined('begroot-vote-ballot').then(() => {
    const ballot = document.querySelector('begroot-vote-ballot');
    const listed = () => ballot.shadowRoot?.querySelectorAll('[part~="option"]').length ?? 0;
    return whenRendered(ballot, () => listed() >= ${PROPOSALS});
  });
  window.benchDone = done.then((rendered) => ({
    scriptStart: performance.getEntriesByName('script-start')[0].startTime,
    apiEnd: answered('/api/begroot/'),
    rendered,
  }));`,
  `<begroot-budget-meter round="bench-2027" mode="ballot" api-base="/"></begroot-budget-meter>
<begroot-vote-ballot round="bench-2027" api-base="/"></begroot-vote-ballot>`
);

/** The board's helpers in the page: `window.bench` for the steps the bench drives from outside. */
const BOARD_SCRIPT = `const board = document.querySelector('begroot-deliberation-board');
  const shown = () => board.shadowRoot?.querySelectorAll('[part~="argument"]').length ?? 0;
  window.bench = {
    shown,
    whenShown: (count) => whenRendered(board, () => shown() === count),
    timeNext: (type, count) =>
      timeNext(board, type, count === undefined ? () => true : () => shown() === count),
    answered,
  };`;

const BOARD_PAGE = page(
  'Benchstad praat mee',
  `${BOARD_SCRIPT}
  window.benchDone = customElements
    .whenDefined('begroot-deliberation-board')
    .then(() => window.bench.whenShown(${ARGUMENTS}))
    .then((rendered) => ({
      scriptStart: performance.getEntriesByName('script-start')[0].startTime,
      apiEnd: answered('/arguments'),
      rendered,
    }));`,
  `<begroot-deliberation-board round="bench-2027" proposal="benchproposal000" api-base="/"></begroot-deliberation-board>`
);

const BOARD_LIST_PAGE = page(
  'Benchstad praat mee: alle voorstellen',
  `${BOARD_SCRIPT}
  window.benchDone = customElements.whenDefined('begroot-deliberation-board').then(() =>
    window.bench.whenShown(0).then(() =>
      whenRendered(board, () => !!board.shadowRoot.querySelector('[data-toggle="benchproposal000"]'))
    )
  );`,
  `<begroot-deliberation-board round="bench-2027" api-base="/"></begroot-deliberation-board>`
);

const PAGES: Record<string, string> = {
  '/': BALLOT_PAGE,
  '/board': BOARD_PAGE,
  '/board-list': BOARD_LIST_PAGE,
};

function serve(data: Fixtures): Promise<http.Server> {
  const json = (response: http.ServerResponse, body: unknown) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const proposal = /^\/api\/begroot\/proposals\/([a-z0-9]+)(\/arguments)?$/.exec(url.pathname);
    const known = proposal && data.proposals.find((p) => p.documentId === proposal[1]);
    if (PAGES[url.pathname]) {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(PAGES[url.pathname]);
    } else if (url.pathname === `/api/begroot/rounds/${data.round.slug}`) {
      json(response, { data: data.round });
    } else if (url.pathname === `/api/begroot/rounds/${data.round.slug}/proposals`) {
      const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
      const page = Number(url.searchParams.get('page') ?? 1);
      json(response, {
        data: data.proposals.slice((page - 1) * pageSize, page * pageSize),
        meta: {
          pagination: {
            page,
            pageSize,
            pageCount: Math.ceil(data.proposals.length / pageSize),
            total: data.proposals.length,
          },
        },
      });
    } else if (known && proposal[2]) {
      json(response, { data: data.arguments.get(known.documentId) ?? [] });
    } else if (known) {
      json(response, { data: known });
    } else if (url.pathname.startsWith('/widgets/') && !url.pathname.includes('..')) {
      const file = path.join(distDir, url.pathname.slice('/widgets/'.length));
      if (!fs.existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(fs.readFileSync(file));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** "median / p95 / max" of the samples, each in ms. */
function spread(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${ms(percentile(sorted, 50))} / ${ms(percentile(sorted, 95))} / ${ms(sorted.at(-1)!)}`;
}

type Page = Awaited<ReturnType<Browser['newPage']>>;

/**
 * Opens `pathname` in a fresh browser context (cold cache) RUNS + 1 times (the first a warm-up:
 * Chromium's own first-start costs) and hands each page to `measure`, after `window.benchDone`.
 */
async function eachRun(
  browser: Browser,
  origin: string,
  pathname: string,
  measure: (page: Page, marks: Record<string, number>, run: number) => Promise<void>,
  onRequest: (pathname: string) => void = () => {}
): Promise<void> {
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => onRequest(new URL(request.url()).pathname));
    await page.goto(`${origin}${pathname}`);
    const marks = await page.evaluate(
      () => (globalThis as unknown as { benchDone: Promise<Record<string, number>> }).benchDone
    );
    await measure(page, marks ?? {}, run);
    if (problems.length > 0) throw new Error(`The page ${pathname} failed: ${problems.join('; ')}`);
    await context.close();
  }
}

async function measureBallot(
  browser: Browser,
  origin: string,
  chunks: Map<string, Chunk>
): Promise<void> {
  const loaded = new Set<string>();
  const afterApi: number[] = [];
  const fromScript: number[] = [];
  await eachRun(
    browser,
    origin,
    '/',
    async (_page, marks, run) => {
      if (run === 0) return;
      afterApi.push(marks.rendered! - marks.apiEnd!);
      fromScript.push(marks.rendered! - marks.scriptStart!);
    },
    (pathname) => {
      if (pathname.startsWith('/widgets/')) loaded.add(pathname.slice('/widgets/'.length));
    }
  );
  const files = [...loaded].filter((name) => chunks.has(name)).sort();
  const ballotPage = files.reduce((total, name) => total + chunks.get(name)!.gzip, 0);
  console.log(
    `  ${'ballot page'.padEnd(22)} ${kB(ballotPage).padStart(9)}   files Chromium fetched for ballot + meter; target ≤ ${TARGETS.ballotPage} kB  ${verdict(ballotPage / 1024, TARGETS.ballotPage)}`
  );
  console.log(`    ${files.map((name) => `${name} ${kB(chunks.get(name)!.gzip)}`).join(', ')}`);
  // The ballot's later steps (verify, review, receipt) load on the voter's first interaction.
  const later = LATER_STEPS.flatMap((module) => closureOf(chunks, module)).filter(
    (name) => !files.includes(name)
  );
  const laterSize = [...new Set(later)].reduce((total, name) => total + chunks.get(name)!.gzip, 0);
  console.log(
    `  ${'after a full vote'.padEnd(22)} ${kB(ballotPage + laterSize).padStart(9)}   the ballot page plus what its later steps load: ${[...new Set(later)].map((name) => `${name} ${kB(chunks.get(name)!.gzip)}`).join(', ')}`
  );

  const median = percentile(
    [...afterApi].sort((a, b) => a - b),
    50
  );
  console.log(
    `\nBallot first render, ${PROPOSALS} proposals, headless Chromium, ${RUNS} cold runs (median / p95 / max)`
  );
  console.log(
    `  API answered → rendered   ${spread(afterApi)}   target ≤ ${TARGETS.firstRenderMs} ms  ${verdict(median, TARGETS.firstRenderMs)}`
  );
  console.log(
    `  script start → rendered   ${spread(fromScript)}   (includes loading the chunks and the API round trips)`
  );
}

/** What the board pages put on `window.bench` (see BOARD_SCRIPT). */
interface BoardBench {
  shown(): number;
  whenShown(count: number): Promise<number>;
  timeNext(type: string, count?: number): Promise<{ start: number; end: number }>;
  answered(part: string): number;
}

type BoardWindow = { bench: BoardBench; next?: Promise<{ start: number; end: number }> };

/**
 * Does `act` in the page and times it: from the event of type `type` it causes to the end of the
 * board's update after it (after which `count` arguments are shown, when given).
 */
async function timeAction(
  page: Page,
  type: string,
  count: number | undefined,
  act: () => Promise<void>
): Promise<{ start: number; end: number }> {
  await page.evaluate(
    ([type, count]) => {
      const w = globalThis as unknown as BoardWindow;
      w.next = w.bench.timeNext(type as string, count as number | undefined);
    },
    [type, count] as const
  );
  await act();
  return page.evaluate(() => (globalThis as unknown as BoardWindow).next!);
}

async function measureBoard(browser: Browser, origin: string): Promise<void> {
  const toggle = 'begroot-deliberation-board [data-toggle="benchproposal000"]';
  const afterApi: number[] = [];
  const fromScript: number[] = [];
  const keystrokes: number[] = [];
  const showAgain: number[] = [];
  await eachRun(browser, origin, '/board', async (page, marks, run) => {
    // A keystroke in the argument form: the form's state changes, so the board renders again.
    const body = page.locator('begroot-deliberation-board textarea[name="body"]');
    await body.click();
    for (let key = 0; key < KEYSTROKES; key++) {
      const { start, end } = await timeAction(page, 'input', undefined, () =>
        page.keyboard.type('x')
      );
      if (run > 0) keystrokes.push(end - start);
    }
    // Hide the arguments, then show them again (held: no request).
    await page.locator(toggle).click();
    await page.evaluate(() => (globalThis as unknown as BoardWindow).bench.whenShown(0));
    const shown = await timeAction(page, 'click', ARGUMENTS, () => page.locator(toggle).click());
    if (run === 0) return;
    showAgain.push(shown.end - shown.start);
    afterApi.push(marks.rendered! - marks.apiEnd!);
    fromScript.push(marks.rendered! - marks.scriptStart!);
  });

  const openClick: number[] = [];
  const openAfterApi: number[] = [];
  await eachRun(browser, origin, '/board-list', async (page, _marks, run) => {
    const { start, end } = await timeAction(page, 'click', ARGUMENTS, () =>
      page.locator(toggle).click()
    );
    const answered = await page.evaluate(() =>
      (globalThis as unknown as BoardWindow).bench.answered('/arguments')
    );
    if (run === 0) return;
    openClick.push(end - start);
    openAfterApi.push(end - answered);
  });

  console.log(
    `Board, one proposal with ${ARGUMENTS} arguments (every fifth a reply), headless Chromium, ${RUNS} cold runs (median / p95 / max)`
  );
  console.log(
    `  arguments answered → rendered    ${spread(afterApi)}   first render of all ${ARGUMENTS}`
  );
  console.log(
    `  script start → rendered          ${spread(fromScript)}   (includes loading the chunks and the API round trips)`
  );
  console.log(`  keystroke in the form → rendered ${spread(keystrokes)}   (${KEYSTROKES} a run)`);
  console.log(
    `  show arguments again → rendered  ${spread(showAgain)}   after hiding them (no request)`
  );
  console.log(`Board listing ${PROPOSALS} proposals: opening the one with ${ARGUMENTS} arguments`);
  console.log(`  click → rendered                 ${spread(openClick)}   (includes the request)`);
  console.log(`  arguments answered → rendered    ${spread(openAfterApi)}\n`);
}

/** What the brief's prescribed parts cost before any widget code, and what that leaves. */
async function printFloor(loader: number): Promise<void> {
  const floor = await measureFloor(widgetsDir);
  console.log(
    '\nFloor: the prescribed parts alone, built like the widgets (test/bench/widget-floor.ts)'
  );
  console.log(`  ${'Lit 3 + @lit/context'.padEnd(58)} ${kB(floor.lit).padStart(9)}`);
  console.log(
    `  ${'+ zod/mini with the light response schemas'.padEnd(58)} ${kB(floor.litZod).padStart(9)}`
  );
  console.log(
    `  ${"+ the zod parts the form's and board's input schemas use".padEnd(58)} ${kB(floor.litZodForms).padStart(9)}   shared: chunks split by module`
  );
  console.log(
    `  left under the ballot page target for the ballot's and meter's own code, texts, styles, ballot rules, API client: ${kB(TARGETS.ballotPage * 1024 - loader - floor.litZodForms)}`
  );
}

const chunks = await buildWidgets();
const { loader } = printSizes(chunks);
await printFloor(loader);
const { ensureChromium, CHROMIUM_ARGS } = (await import(
  pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
)) as { ensureChromium(): string; CHROMIUM_ARGS: string[] };
const server = await serve(fixtures());
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  await measureBallot(browser, origin, chunks);
  console.log();
  await measureBoard(browser, origin);
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
}
