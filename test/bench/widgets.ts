/**
 * Widgets benchmark: what a city page downloads (gzip) and how fast the ballot shows 60 proposals.
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
  proposalPublicViewSchema,
  roundPublicViewSchema,
  type ProposalPublicView,
  type RoundPublicView,
} from '@begroot/core';

const RUNS = Number(process.argv[2] ?? 15);
const PROPOSALS = 60;
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
  const english = [...chunks.values()].filter((chunk) => !everything.has(chunk.fileName));
  if (english.length > 0) {
    console.log(
      `  not counted, loaded on demand only (other languages, results mode, the ballot’s later steps; timeline and tracker): ${english.map((chunk) => `${chunk.fileName} ${kB(chunk.gzip)}`).join(', ')}`
    );
  }
  return { loader, allFour };
}

// ---------------------------------------------------------------------------------------------
// Fixture API and page

function fixtures(): { round: RoundPublicView; proposals: ProposalPublicView[] } {
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
  const proposals = Array.from({ length: PROPOSALS }, (_, i) =>
    proposalPublicViewSchema.parse({
      documentId: `benchproposal${String(i).padStart(3, '0')}`,
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
      argumentCounts: { for: i % 5, against: i % 3, question: 0 },
      submittedAt: new Date(now - 70 * day).toISOString(),
    })
  );
  return { round, proposals };
}

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Benchstad stemt</title>
<script>performance.mark('script-start');</script>
<script type="module" src="/widgets/begroot.js"></script>
<script type="module">
  const done = customElements.whenDefined('begroot-vote-ballot').then(() => new Promise((resolve) => {
    const ballot = document.querySelector('begroot-vote-ballot');
    const listed = () => ballot.shadowRoot?.querySelectorAll('[part~="option"]').length ?? 0;
    let marked = false;
    const check = () => {
      if (marked || listed() < ${PROPOSALS}) return;
      marked = true;
      ballot.updateComplete.then(() => {
        performance.mark('ballot-rendered');
        resolve();
      });
    };
    ballot.addController({ hostUpdated: check });
    check();
  }));
  window.benchDone = done.then(() => {
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/begroot/'));
    return {
      scriptStart: performance.getEntriesByName('script-start')[0].startTime,
      apiEnd: Math.max(...api.map((e) => e.responseEnd)),
      rendered: performance.getEntriesByName('ballot-rendered')[0].startTime,
    };
  });
</script>
</head>
<body>
<main>
<begroot-budget-meter round="bench-2027" mode="ballot" api-base="/"></begroot-budget-meter>
<begroot-vote-ballot round="bench-2027" api-base="/"></begroot-vote-ballot>
</main>
</body>
</html>`;

function serve(data: ReturnType<typeof fixtures>): Promise<http.Server> {
  const json = (response: http.ServerResponse, body: unknown) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(PAGE);
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

async function measurePage(
  chunks: Map<string, Chunk>
): Promise<{ ballotPage: number; afterApi: number }> {
  const { ensureChromium, CHROMIUM_ARGS } = (await import(
    pathToFileURL(path.join(repoRoot, 'scripts', 'chromium.mjs')).href
  )) as { ensureChromium(): string; CHROMIUM_ARGS: string[] };
  const server = await serve(fixtures());
  const { port } = server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const loaded = new Set<string>();
    const afterApi: number[] = [];
    const fromScript: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext({ locale: 'nl-NL' });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/widgets/')) loaded.add(pathname.slice('/widgets/'.length));
      });
      await page.goto(`http://127.0.0.1:${port}/`);
      const marks = await page.evaluate(
        () => (globalThis as unknown as { benchDone: Promise<Record<string, number>> }).benchDone
      );
      if (problems.length > 0) throw new Error(`The page failed: ${problems.join('; ')}`);
      await context.close();
      if (run === 0) continue; // warm-up: Chromium's own first-start costs
      afterApi.push(marks.rendered! - marks.apiEnd!);
      fromScript.push(marks.rendered! - marks.scriptStart!);
    }
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
    const laterSize = [...new Set(later)].reduce(
      (total, name) => total + chunks.get(name)!.gzip,
      0
    );
    console.log(
      `  ${'after a full vote'.padEnd(22)} ${kB(ballotPage + laterSize).padStart(9)}   the ballot page plus what its later steps load: ${[...new Set(later)].map((name) => `${name} ${kB(chunks.get(name)!.gzip)}`).join(', ')}`
    );

    afterApi.sort((a, b) => a - b);
    fromScript.sort((a, b) => a - b);
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `\nBallot first render, ${PROPOSALS} proposals, headless Chromium, ${RUNS} cold runs (median / p95 / max)`
    );
    console.log(
      `  API answered → rendered   ${ms(percentile(afterApi, 50))} / ${ms(percentile(afterApi, 95))} / ${ms(afterApi.at(-1)!)}   target ≤ ${TARGETS.firstRenderMs} ms  ${verdict(percentile(afterApi, 50), TARGETS.firstRenderMs)}`
    );
    console.log(
      `  script start → rendered   ${ms(percentile(fromScript, 50))} / ${ms(percentile(fromScript, 95))} / ${ms(fromScript.at(-1)!)}   (includes loading the chunks and the API round trips)\n`
    );
    return { ballotPage, afterApi: percentile(afterApi, 50) };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
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
await measurePage(chunks);
