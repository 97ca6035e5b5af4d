/**
 * Voting benchmark: ballots per second on PostgreSQL for a round of 60 proposals, beside a bare
 * Strapi route (`GET /_health`) as the ceiling, and the latency distribution at a steady 50
 * ballots/s. Checks afterwards that no ballot was lost or doubled.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx test/bench/voting.ts [seconds]
 *
 * Needs the plugin built (`npm run build -w cms-plugin`). Boots the demo app in this process on a
 * fresh database (dropped afterwards). `npm run bench:voting`, also run by `npm run bench`, which
 * says it is skipped when DATABASE_URL is not set (the figures that matter are PostgreSQL's).
 */
import { startStrapi } from '../support/strapi.js';
import {
  ADMIN_ENV,
  adminToken,
  createCodes,
  createProposals,
  createVotingRound,
  json,
  verifyCode,
} from '../support/voting.js';

const SECONDS = Number(process.argv[2] ?? 10);
const CONCURRENCY = 16;
const STEADY_RATE = 50;

if (!process.env.DATABASE_URL) {
  console.log('Voting benchmark skipped: set DATABASE_URL to a PostgreSQL server.');
  process.exit(0);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
    : NaN;

const app = await startStrapi({
  env: { ...ADMIN_ENV, BEGROOT_VERIFY_LIMIT_CLIENT: '100000000', STRAPI_LOG_LEVEL: 'error' },
});
try {
  const admin = await adminToken(app);
  const roundId = await createVotingRound(app, 'bench-2027', {
    voting: { method: 'approval', minSelections: 1, maxSelections: 5, revote: 'forbid' },
  });
  const proposals = await createProposals(
    app,
    roundId,
    Array.from({ length: 60 }, (_, i) => ({
      title: `Voorstel ${i + 1}`,
      district: i % 2 === 0 ? 'oost' : 'west',
      cost: 5000 + 1000 * i,
    }))
  );
  const oost = proposals.filter((_, i) => i % 2 === 0);

  // Tokens first (verification is not what is measured here). The closed loop stops early if it
  // uses up its share (then the rate is over the time it ran), keeping the steady run's share.
  const steadyCount = SECONDS * 2 * STEADY_RATE;
  const needed = Math.ceil(SECONDS * 1000 + steadyCount + 100);
  const codes = await createCodes(app, admin, 'bench-2027', 'oost', needed);
  const tokens: string[] = [];
  for (let i = 0; i < codes.length; i += 50) {
    const batch = await Promise.all(
      codes.slice(i, i + 50).map((code) => verifyCode(app, 'bench-2027', code))
    );
    tokens.push(...batch.map((result) => result.token));
  }
  let next = 0;
  const statuses = new Map<number, number>();
  const castOne = async () => {
    const token = tokens[next++];
    if (!token) throw new Error('out of tokens');
    const picks = [0, 1, 2].map((k) => oost[(next * 7 + k * 11) % oost.length]!);
    const started = performance.now();
    const response = await app.request(
      '/api/begroot/rounds/bench-2027/ballots',
      json(
        { selections: [...new Set(picks)].map((proposal) => ({ proposal })) },
        {
          authorization: `Bearer ${token}`,
        }
      )
    );
    await response.arrayBuffer();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return performance.now() - started;
  };

  /** Closed loop: CONCURRENCY workers for SECONDS (or until `more` says no); requests per second. */
  async function saturate(run: () => Promise<unknown>, more: () => boolean = () => true) {
    const started = performance.now();
    const until = started + SECONDS * 1000;
    let done = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until && more()) {
          await run();
          done += 1;
        }
      })
    );
    return done / ((performance.now() - started) / 1000);
  }

  const ceiling = await saturate(async () => {
    const response = await app.request('/_health');
    await response.arrayBuffer();
  });
  const ballotsPerSecond = await saturate(castOne, () => tokens.length - next > steadyCount);

  // Open loop at a steady rate: latencies of every ballot.
  const latencies: number[] = [];
  const steady: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < steadyCount; i += 1) {
    const due = start + (i * 1000) / STEADY_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    steady.push(castOne().then((ms) => void latencies.push(ms)));
  }
  await Promise.all(steady);
  latencies.sort((a, b) => a - b);

  const knex = app.strapi.db.connection;
  const ballots = Number(
    (
      (await knex('begroot_ballots').where({ round_id: roundId }).count('* as n').first()) as {
        n: unknown;
      }
    ).n
  );
  const voters = Number(
    (
      (await knex('begroot_voters').where({ round_id: roundId }).count('* as n').first()) as {
        n: unknown;
      }
    ).n
  );
  const accepted = statuses.get(201) ?? 0;

  console.table({
    'bare Strapi route (GET /_health)': { 'requests/s': Math.round(ceiling) },
    'POST ballots (closed loop)': { 'requests/s': Math.round(ballotsPerSecond) },
  });
  console.log(
    `At ${STEADY_RATE} ballots/s for ${SECONDS * 2} s: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms ` +
      `(target p99 < 150 ms), max ${latencies.at(-1)?.toFixed(1)} ms`
  );
  console.log(
    `Statuses: ${JSON.stringify(Object.fromEntries(statuses))}; ballots stored ${ballots}, ` +
      `register ${voters}: ${ballots === accepted && voters === accepted ? 'none lost or doubled' : 'MISMATCH'}`
  );
  if (ballots !== accepted || voters !== accepted) process.exitCode = 1;
} finally {
  await app.stop();
}
