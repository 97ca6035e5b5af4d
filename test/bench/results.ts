/**
 * Results benchmark: `POST /begroot/rounds/:slug/count` for a round of 90,000 voters (Paris-sized
 * districts), and how long the server's event loop stalls meanwhile: the count in its worker
 * thread (what the route does) beside the same count on the main thread (what it did before).
 * Also how long public GETs take while the count runs. "Max delay" is the longest the main
 * thread's event loop was held (timer ticks 5 ms apart); it includes time the OS gave the thread
 * no core, so it is noisy on a loaded machine.
 *
 *   npx tsx test/bench/results.ts [voters]        (npm run bench:results)
 *
 * Needs the plugin built (`npm run build -w cms-plugin`). SQLite by default; PostgreSQL when
 * DATABASE_URL is set (a fresh database, dropped afterwards).
 */
import { startStrapi } from '../support/strapi.js';
import { ADMIN_ENV, adminToken, json } from '../support/voting.js';
import { createClosedRound, insertBallots } from '../support/results.js';

const VOTERS = Number(process.argv[2] ?? 90_000);
const SLUG = 'bench-uitslag';

const app = await startStrapi({ env: { ...ADMIN_ENV, STRAPI_LOG_LEVEL: 'error' } });
try {
  const admin = await adminToken(app);
  const { roundId, ids } = await createClosedRound(app, SLUG, 60);
  await insertBallots(app, roundId, ids, VOTERS);
  const results = app.strapi.plugin('begroot').service('results') as unknown as {
    loadRound(slug: string): Promise<unknown>;
    countHere(round: unknown): Promise<unknown>;
  };

  /** Runs `work` while sampling the event loop and timing public GETs one after another. */
  async function measure(work: () => Promise<unknown>) {
    // The longest gap between 5 ms timer ticks, less the 5 ms: how long the loop was held.
    let maxDelayMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxDelayMs = Math.max(maxDelayMs, now - last - 5);
      last = now;
    }, 5);
    const gets: number[] = [];
    let running = true;
    const reader = (async () => {
      while (running) {
        const t0 = performance.now();
        await (await app.request(`/api/begroot/rounds/${SLUG}`)).arrayBuffer();
        gets.push(performance.now() - t0);
      }
    })();
    const t0 = performance.now();
    await work();
    const ms = performance.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 10)); // the tick after a stall
    clearInterval(ticker);
    running = false;
    await reader;
    gets.sort((a, b) => a - b);
    return {
      ms,
      maxDelayMs,
      gets: gets.length,
      slowestGetMs: gets.at(-1) ?? NaN,
    };
  }

  const inWorker = await measure(async () => {
    const response = await app.request(
      `/begroot/rounds/${SLUG}/count`,
      json({}, { authorization: `Bearer ${admin}` })
    );
    if (response.status !== 200)
      throw new Error(`count: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  });
  const onMainThread = await measure(async () => results.countHere(await results.loadRound(SLUG)));

  const row = (label: string, m: typeof inWorker) =>
    `${label.padEnd(28)} ${m.ms.toFixed(0).padStart(7)} ms   event loop max delay ${m.maxDelayMs
      .toFixed(0)
      .padStart(
        6
      )} ms   ${String(m.gets).padStart(5)} public GETs meanwhile, slowest ${m.slowestGetMs.toFixed(0)} ms`;
  console.log(
    `\nCounting ${VOTERS.toLocaleString('en')} voters, 60 proposals in 2 districts (MES + add1, and greedy), ${app.database.kind}`
  );
  console.log(row('count in a worker (route)', inWorker));
  console.log(row('count on the main thread', onMainThread));
} finally {
  await app.stop();
}
