/**
 * API read benchmark (issue 4): requests per second for the public proposals list of a round with
 * 60 proposals, next to a bare Strapi route (`/_health`, the whole middleware stack and nothing
 * else) as the ceiling, in one run. Strapi runs in this process (test harness: temporary SQLite, or
 * PostgreSQL with DATABASE_URL); the load comes from a second process, a loop of concurrent
 * keep-alive fetches (autocannon-style), so the load generator does not share Strapi's event loop.
 *
 *   npx tsx test/bench/api.ts [seconds per scenario, default 8] [concurrency, default 32]
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { createProposal, createRound } from '../support/fixtures.ts';

const seconds = Number(process.argv[2] ?? 8);
const concurrency = Number(process.argv[3] ?? 32);

/** The load generator: `concurrency` fetch loops for `seconds`; prints `{ ok, other, ms }`. */
const LOAD = `
const [url, seconds, concurrency, etag] = process.argv.slice(1);
const headers = etag ? { 'if-none-match': etag } : {};
let ok = 0, other = 0;
const end = Date.now() + Number(seconds) * 1000;
const start = performance.now();
async function loop() {
  while (Date.now() < end) {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status === 200 || response.status === 204 || response.status === 304) ok++;
    else other++;
  }
}
await Promise.all(Array.from({ length: Number(concurrency) }, loop));
console.log(JSON.stringify({ ok, other, ms: performance.now() - start }));
`;

function load(url: string, etag = ''): Promise<{ ok: number; other: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', LOAD, url, String(seconds), String(concurrency), etag],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`load exited ${code}`))
    );
  });
}

async function seed(app: TestStrapi) {
  const round = await createRound(app, 'bench-60', 'deliberation');
  for (let i = 0; i < 60; i++) {
    await createProposal(app, round.documentId, {
      district: i % 2 ? 'oost' : 'west',
      theme: i % 3 ? 'groen' : 'spelen',
      estimatedCost: 1000 + i * 250,
      summary: `Samenvatting van voorstel ${i}.`,
    });
  }
  return round;
}

const app = await startStrapi();
try {
  await seed(app);
  const list = `${app.url}/api/begroot/rounds/bench-60/proposals?sort=random&seed=bench&pageSize=60`;
  const first = await fetch(list);
  const body = (await first.json()) as { data: unknown[] };
  if (first.status !== 200 || body.data.length !== 60) {
    throw new Error(`the list answered ${first.status} with ${body.data.length} proposals`);
  }
  const etag = first.headers.get('etag') ?? '';

  const scenarios: Array<[string, string, string?]> = [
    ['bare Strapi route GET /_health (ceiling)', `${app.url}/_health`],
    ['GET proposals list, 60 proposals', list],
    ['GET proposals list, If-None-Match (304)', list, etag],
    ['GET proposals list, in-process cache off (database every time)', list],
  ];
  const rows: Array<[string, number, number]> = [];
  for (const [index, [name, url, tag]] of scenarios.entries()) {
    if (index === 3) app.strapi.config.set('plugin::begroot.cacheMaxAge', 0);
    const result = await load(url, tag);
    rows.push([name, (result.ok / result.ms) * 1000, result.other]);
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const ceiling = rows[0]![1];
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(
    `\nAPI reads: ${seconds} s per scenario, ${concurrency} concurrent keep-alive clients in a second process, ${app.database.kind}\n`
  );
  for (const [name, rps, other] of rows) {
    process.stdout.write(
      `${name.padEnd(width)}  ${rps.toFixed(0).padStart(6)} req/s  ${((100 * rps) / ceiling).toFixed(0).padStart(3)}% of ceiling${other ? `  (${other} non-2xx)` : ''}\n`
    );
  }
  const listRps = rows[1]![1];
  process.stdout.write(
    `target: list ≥ 500 req/s and ≥ 50% of the ceiling: ${listRps >= 500 && listRps >= ceiling / 2 ? 'met' : 'MISSED'} (${listRps.toFixed(0)} req/s, ${((100 * listRps) / ceiling).toFixed(0)}%)\n`
  );
  process.stdout.write(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}\n`
  );
} finally {
  await app.stop();
}
