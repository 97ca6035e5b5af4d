import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { roundResultsSchema } from '@begroot/core';
import { countByDistrict, electionFromPabulib } from '@begroot/core/counting';
import { parsePabulib } from '@begroot/core/pabulib';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
import { createClosedRound, insertBallots } from '../support/results.ts';
import { unzip } from '../support/unzip.ts';
import {
  ADMIN_ENV,
  ROUND_UID,
  adminToken,
  createCodes,
  createProposals,
  createVotingRound,
  json,
  verifyCode,
} from '../support/voting.ts';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

let app: TestStrapi;
let admin: string;
let roundId: string;
let ids: Record<string, string>;

before(async () => {
  app = await startStrapi({ env: { ...ADMIN_ENV, BEGROOT_VERIFY_LIMIT_CLIENT: '1000' } });
  admin = await adminToken(app);
  roundId = await createVotingRound(app, 'uitslag-2027', {
    voting: { method: 'approval', minSelections: 1, maxSelections: null, revote: 'forbid' },
    counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
  });
  const names = ['A', 'B', 'C', 'D', 'E'];
  const created = await createProposals(app, roundId, [
    { title: 'A: speeltuin', district: 'oost', cost: 60000 },
    { title: 'B: bankjes', district: 'oost', cost: 50000 },
    { title: 'C: bomen', district: 'oost', cost: 30000 },
    { title: 'D: fietspad', district: 'west', cost: 150000 },
    { title: 'E: plein', district: 'west', cost: 100000 },
  ]);
  ids = Object.fromEntries(names.map((name, i) => [name, created[i]!]));

  // Oost: 3 × {A}, 2 × {B, C}, 1 × {C}; West: 2 × {D}, 2 × {E}, 1 × {D, E}.
  const votes: Array<[string, string[]]> = [
    ['oost', ['A']],
    ['oost', ['A']],
    ['oost', ['A']],
    ['oost', ['B', 'C']],
    ['oost', ['B', 'C']],
    ['oost', ['C']],
    ['west', ['D']],
    ['west', ['D']],
    ['west', ['E']],
    ['west', ['E']],
    ['west', ['D', 'E']],
  ];
  for (const [district, chosen] of votes) {
    const [code] = await createCodes(app, admin, 'uitslag-2027', district, 1);
    const { token } = await verifyCode(app, 'uitslag-2027', code!);
    const response = await app.request(
      '/api/begroot/rounds/uitslag-2027/ballots',
      json(
        { selections: chosen.map((name) => ({ proposal: ids[name] })) },
        { authorization: `Bearer ${token}` }
      )
    );
    assert.equal(response.status, 201, await response.text());
  }
});
after(async () => {
  await app?.stop();
});

/**
 * After a long synchronous recount in this process (which also runs the server), lets the
 * keep-alive timers that expired meanwhile close their sockets before the next request, or
 * fetch would reuse a socket the server is about to close ("fetch failed").
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

const adminPost = (path: string, body: unknown = {}) =>
  app.request(path, json(body, { authorization: `Bearer ${admin}` }));

async function closeVoting() {
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
}

describe('counting and publishing', () => {
  test('no count while voting is open; nothing public before publication', async () => {
    await expectError(await adminPost('/begroot/rounds/uitslag-2027/count'), 403, 'ForbiddenError');
    await expectError(
      await adminPost('/begroot/rounds/uitslag-2027/publish-results'),
      409,
      'ConflictError'
    );
    await expectError(
      await app.request('/api/begroot/rounds/uitslag-2027/results'),
      404,
      'NotFoundError'
    );
    await expectError(
      await app.request('/api/begroot/rounds/uitslag-2027/ballots.pb'),
      404,
      'NotFoundError'
    );
    await expectError(
      await app.request('/api/begroot/rounds/uitslag-2027/open-data.zip'),
      404,
      'NotFoundError'
    );
  });

  test('count: per district, with explanations and greedy beside it, not published', async () => {
    await closeVoting();
    const response = await adminPost('/begroot/rounds/uitslag-2027/count');
    assert.equal(response.status, 200, await response.clone().text());
    const { data } = (await response.json()) as {
      data: { results: unknown; greedy: unknown; ballots: number };
    };
    assert.equal(data.ballots, 11);
    const results = roundResultsSchema.parse(data.results);
    const greedy = roundResultsSchema.parse(data.greedy);
    assert.equal(results.rule.rule, 'mes');
    assert.equal(greedy.rule.rule, 'greedy');
    const oost = results.districts.find((d) => d.district === 'oost')!;
    assert.equal(oost.budget, 100000);
    assert.ok(oost.spent <= 100000);
    const funded = (r: typeof results, district: string) =>
      r.districts
        .find((d) => d.district === district)!
        .proposals.filter((p) => p.funded)
        .map((p) => p.title[0])
        .sort();
    // Greedy takes the most supported first, the cheaper on a tie: C and A (3 votes each), then
    // B (2) no longer fits.
    assert.deepEqual(funded(greedy, 'oost'), ['A', 'C']);
    // West: E and D have 3 votes each; E is cheaper, then D no longer fits in 200000.
    assert.deepEqual(funded(greedy, 'west'), ['E']);
    for (const district of results.districts) {
      for (const proposal of district.proposals) {
        assert.equal(typeof proposal.explanation, 'object');
        if (!proposal.funded) assert.ok('reason' in proposal.explanation, JSON.stringify(proposal));
      }
    }
    await expectError(
      await app.request('/api/begroot/rounds/uitslag-2027/results'),
      404,
      'NotFoundError'
    );
  });

  test('publish: the results in the documented shape; counting and publishing need permissions', async () => {
    const anonymous = await app.request('/begroot/rounds/uitslag-2027/publish-results', json({}));
    assert.equal(anonymous.status, 401);
    const published = await adminPost('/begroot/rounds/uitslag-2027/publish-results');
    assert.equal(published.status, 200, await published.clone().text());

    const response = await app.request('/api/begroot/rounds/uitslag-2027/results');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { data: unknown };
    const results = roundResultsSchema.parse(body.data);
    assert.deepEqual(
      results.districts.map((d) => d.district),
      ['oost', 'west']
    );
    for (const district of results.districts) {
      assert.equal(district.proposals.length, district.district === 'oost' ? 3 : 2);
      const spent = district.proposals.filter((p) => p.funded).reduce((s, p) => s + p.cost, 0);
      assert.equal(district.spent, spent);
      for (const proposal of district.proposals) {
        assert.deepEqual(
          ['cost', 'documentId', 'explanation', 'funded', 'title', 'votes'].filter(
            (key) => !(key in proposal)
          ),
          []
        );
      }
    }
    const a = results.districts[0]!.proposals.find((p) => p.documentId === ids.A)!;
    assert.equal(a.votes, 3);
    assert.equal(a.cost, 60000);

    // Every counted proposal is now funded or not funded, in its public history.
    for (const district of results.districts) {
      for (const proposal of district.proposals) {
        const stored = (await app.strapi
          .documents('plugin::begroot.proposal' as never)
          .findOne({ documentId: proposal.documentId } as never)) as unknown as {
          status: string;
          history: Array<{ status: string }>;
        };
        const expected = proposal.funded ? 'funded' : 'not_funded';
        assert.equal(stored.status, expected);
        assert.equal(stored.history.at(-1)?.status, expected);
      }
    }
  });

  test('ballots.pb: shuffled anonymous ballots that recompute to the published outcome', async () => {
    const response = await app.request('/api/begroot/rounds/uitslag-2027/ballots.pb');
    assert.equal(response.status, 200);
    const text = await response.text();
    const pb = parsePabulib(text);
    assert.equal(pb.votes.length, 11);
    assert.deepEqual(pb.projects.map((p) => p.id).sort(), Object.values(ids).sort());
    assert.equal(pb.projects.find((p) => p.id === ids.D)!.cost.toNumber(), 150000);
    const voterIds = pb.votes.map((vote) => vote.voterId);
    assert.equal(new Set(voterIds).size, 11);
    for (const id of voterIds) assert.match(id, /^[0-9a-f]{12}$/);
    assert.doesNotMatch(text, /@|127\.0\.0\.1/);

    // Recompute per district from the file alone.
    const budgets = Object.fromEntries(
      pb.meta.district_budgets!.split(',').map((entry) => {
        const [district, budget] = entry.split('=');
        return [district!, budget!];
      })
    );
    const districtOf = new Map(pb.projects.map((p) => [p.id, p.fields.district]));
    const recount = countByDistrict(
      electionFromPabulib(pb),
      { budgets, districtOf: (id) => districtOf.get(id) },
      { rule: 'mes', sat: 'cost', completion: 'add1', tieBreak: 'cost-votes' }
    );
    await settle();
    const published = roundResultsSchema.parse(
      (
        (await (await app.request('/api/begroot/rounds/uitslag-2027/results')).json()) as {
          data: unknown;
        }
      ).data
    );
    for (const district of published.districts) {
      const outcome = recount.districts[district.district!]!;
      assert.deepEqual(
        [...outcome.selected].sort(),
        district.proposals
          .filter((p) => p.funded)
          .map((p) => p.documentId)
          .sort()
      );
      assert.equal(outcome.totalCost, district.spent);
    }
  });

  test('open-data.zip: README, proposals, ballots and results that recount to themselves', async () => {
    const response = await app.request('/api/begroot/rounds/uitslag-2027/open-data.zip');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    assert.match(response.headers.get('content-disposition') ?? '', /uitslag-2027-open-data\.zip/);
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual(
      [...files.keys()],
      ['README.txt', 'proposals.csv', 'ballots.pb', 'results.json']
    );
    const text = (name: string) => files.get(name)!.toString('utf8');

    const published = roundResultsSchema.parse(
      (JSON.parse(text('results.json')) as { data: unknown }).data
    );
    const pb = parsePabulib(text('ballots.pb'));
    assert.equal(pb.votes.length, 11);
    const budgets = Object.fromEntries(
      pb.meta.district_budgets!.split(',').map((entry) => entry.split('=') as [string, string])
    );
    const districtOf = new Map(pb.projects.map((p) => [p.id, p.fields.district]));
    const rule = published.rule as { rule: 'mes'; completion: 'add1'; tieBreak: 'cost-votes' };
    const recount = countByDistrict(
      electionFromPabulib(pb),
      { budgets, districtOf: (id) => districtOf.get(id) },
      { rule: rule.rule, sat: 'cost', completion: rule.completion, tieBreak: rule.tieBreak }
    );
    for (const district of published.districts) {
      const outcome = recount.districts[district.district!]!;
      const funded = district.proposals.filter((p) => p.funded).map((p) => p.documentId);
      assert.deepEqual([...outcome.selected].sort(), funded.sort());
      assert.equal(outcome.totalCost, district.spent);
    }
    await settle();

    const [header, ...rows] = text('proposals.csv').trimEnd().split('\r\n');
    assert.equal(header, 'documentId,title,district,theme,status,cost,votes,funded');
    assert.equal(rows.length, 5);
    const a = rows.find((row) => row.startsWith(`${ids.A},`))!;
    assert.equal(
      a,
      `${ids.A},A: speeltuin,oost,,${a.includes(',funded,') ? 'funded' : 'not_funded'},60000,3,${a.includes(',funded,')}`
    );

    const readme = text('README.txt');
    for (const name of [
      'proposals.csv',
      'ballots.pb',
      'results.json',
      'npm run --silent tally',
      'pabutools',
    ]) {
      assert.ok(readme.includes(name), `README.txt does not mention ${name}`);
    }
    assert.match(readme, /--district-budgets oost=100000,west=200000/);
  });

  test('after publication, no more paper ballots', async () => {
    const [code] = await createCodes(app, admin, 'uitslag-2027', 'oost', 1);
    await expectError(
      await adminPost('/begroot/rounds/uitslag-2027/paper-ballots', {
        code,
        selections: [{ proposal: ids.A }],
      }),
      403,
      'ForbiddenError'
    );
  });
});

describe('counting a large round off the event loop', () => {
  const SLUG = 'groot-2027';
  const VOTERS = 20_000;

  before(async () => {
    const { roundId, ids } = await createClosedRound(app, SLUG);
    await insertBallots(app, roundId, ids, VOTERS);
  });

  test('the server answers other requests while it counts; a second count meanwhile is refused', async () => {
    const service = app.strapi.plugin('begroot').service('results') as unknown as {
      countStage(round: unknown): string | null;
      loadRound(slug: string): Promise<unknown>;
      countHere(round: unknown): Promise<{ results: unknown; greedy: unknown; ballots: number }>;
    };
    const loaded = await service.loadRound(SLUG);
    const events: string[] = [];
    const counting = adminPost(`/begroot/rounds/${SLUG}/count`).then((response) => {
      events.push('count answered');
      return response;
    });
    // Wait until the ballots are read and the worker counts; a count on this thread would never
    // let this loop see that stage.
    while (service.countStage(loaded) !== 'counting') {
      assert.equal(events.length, 0, 'the count finished before it was seen counting');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const publicRead = await app.request(`/api/begroot/rounds/${SLUG}`);
    events.push(`public GET answered ${publicRead.status}`);
    const second = await adminPost(`/begroot/rounds/${SLUG}/count`);
    events.push(`second count answered ${second.status}`);
    await expectError(second, 409, 'ConflictError');

    const response = await counting;
    assert.deepEqual(events, [
      'public GET answered 200',
      'second count answered 409',
      'count answered',
    ]);
    assert.equal(response.status, 200, await response.clone().text());
    const { data } = (await response.json()) as {
      data: { results: unknown; greedy: unknown; ballots: number };
    };
    assert.equal(data.ballots, VOTERS);
    assert.equal(service.countStage(loaded), null);

    // The worker's count equals the same count on this thread.
    const here = await service.countHere(loaded);
    assert.deepEqual(data.results, here.results);
    assert.deepEqual(data.greedy, here.greedy);
    const oost = roundResultsSchema
      .parse(data.results)
      .districts.find((d) => d.district === 'oost')!;
    assert.ok(oost.proposals.some((p) => p.funded));
  });
});
