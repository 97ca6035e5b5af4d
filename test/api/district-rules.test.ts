import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ISSUE_CODES, roundPublicViewSchema, roundResultsSchema } from '@begroot/core';
import { count, countByDistrict, electionFromPabulib } from '@begroot/core/counting';
import { parsePabulib } from '@begroot/core/pabulib';
import { startStrapi, type TestStrapi } from '../support/strapi.ts';
import { expectError } from '../support/errors.ts';
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

/**
 * A round where each district runs its round its own way: Noord votes by approval (at most two
 * choices, no budget on the ballot) and is counted greedily; Zuid votes by knapsack (at least
 * half its budget) and is counted by equal shares, as the round says.
 */
const SLUG = 'wijken-2027';
const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const DISTRICTS = [
  {
    slug: 'noord',
    name: 'Noord',
    budget: 50000,
    voting: { method: 'approval', maxSelections: 2 },
    counting: { rule: 'greedy' },
  },
  { slug: 'zuid', name: 'Zuid', budget: 100000 },
];

let app: TestStrapi;
let admin: string;
let ids: Record<string, string>;

const adminPost = (path: string, body: unknown = {}) =>
  app.request(path, json(body, { authorization: `Bearer ${admin}` }));

async function cast(slug: string, district: string, chosen: string[]) {
  const [code] = await createCodes(app, admin, slug, district, 1);
  const { token } = await verifyCode(app, slug, code!);
  return app.request(
    `/api/begroot/rounds/${slug}/ballots`,
    json(
      { selections: chosen.map((name) => ({ proposal: ids[name] })) },
      { authorization: `Bearer ${token}` }
    )
  );
}

async function closeVoting(roundId: string) {
  await app.strapi.documents(ROUND_UID as never).update({
    documentId: roundId,
    data: {
      phases: [
        { kind: 'ideas', start: iso(-30), end: iso(-20) },
        { kind: 'voting', start: iso(-10), end: iso(-0.01) },
        { kind: 'results', start: iso(-0.01), end: iso(30) },
      ],
    } as never,
  });
}

const codesOf = async (response: Response) =>
  (
    (await expectError(response, 400, 'ValidationError')).error.details as {
      errors: Array<{ code?: string }>;
    }
  ).errors.map((issue) => issue.code);

let roundId: string;

before(async () => {
  app = await startStrapi({ env: { ...ADMIN_ENV, BEGROOT_VERIFY_LIMIT_CLIENT: '1000' } });
  admin = await adminToken(app);
  roundId = await createVotingRound(app, SLUG, {
    budget: 150000,
    districts: DISTRICTS,
    voting: { method: 'knapsack', minSelections: 1, minSpendShare: 0.5, districtScope: 'own' },
    counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
  });
  const names = ['N1', 'N2', 'N3', 'Z1', 'Z2', 'Z3', 'Z4'];
  const created = await createProposals(app, roundId, [
    { title: 'N1: speeltuin', district: 'noord', cost: 30000 },
    { title: 'N2: bankjes', district: 'noord', cost: 30000 },
    { title: 'N3: bomen', district: 'noord', cost: 10000 },
    { title: 'Z1: fietspad', district: 'zuid', cost: 60000 },
    { title: 'Z2: plein', district: 'zuid', cost: 50000 },
    { title: 'Z3: moestuin', district: 'zuid', cost: 20000 },
    { title: 'Z4: kunst', district: 'zuid', cost: 5000 },
  ]);
  ids = Object.fromEntries(names.map((name, i) => [name, created[i]!]));
});
after(async () => {
  await app?.stop();
});

describe('a round whose districts vote and count their own way', () => {
  test('the round document refuses own rules where voters vote in every district', async () => {
    const response = await adminPost('/begroot/rounds', {
      slug: 'alle-wijken-2027',
      title: 'Alle wijken',
      budget: 150000,
      phases: [{ kind: 'voting', start: iso(1), end: iso(10) }],
      districts: DISTRICTS,
      voting: { method: 'knapsack', districtScope: 'all' },
    });
    const body = await expectError(response, 400, 'ValidationError');
    const issues = (body.error.details as { errors: Array<{ path: unknown[]; message: string }> })
      .errors;
    assert.ok(
      issues.some(
        (issue) =>
          issue.path.join('.') === 'districts.0.voting' &&
          /each voter votes in one district/.test(issue.message)
      ),
      JSON.stringify(issues)
    );
    assert.equal(
      (await app.strapi.documents(ROUND_UID as never).findFirst({
        filters: { slug: 'alle-wijken-2027' },
      } as never)) ?? null,
      null
    );
  });

  test('the public view gives each district its effective settings, the round’s unchanged', async () => {
    const response = await app.request(`/api/begroot/rounds/${SLUG}`);
    assert.equal(response.status, 200);
    const view = roundPublicViewSchema.parse(((await response.json()) as { data: unknown }).data);
    assert.equal(view.voting.method, 'knapsack');
    assert.equal(view.counting.rule, 'mes');
    const [noord, zuid] = view.districts;
    assert.equal(noord!.voting?.method, 'approval');
    assert.equal(noord!.voting?.maxSelections, 2);
    assert.equal(noord!.voting?.districtScope, 'own');
    assert.equal(noord!.counting?.rule, 'greedy');
    assert.deepEqual(zuid!.voting, view.voting);
    assert.deepEqual(zuid!.counting, view.counting);
  });

  test('a ballot is checked with its district’s rules: valid in one, invalid in the other', async () => {
    // Over Noord's budget is fine by approval; over Zuid's is not by knapsack.
    assert.equal((await cast(SLUG, 'noord', ['N1', 'N2'])).status, 201);
    assert.deepEqual(await codesOf(await cast(SLUG, 'zuid', ['Z1', 'Z2'])), ['over_budget']);
    // Three choices are fine in Zuid (no maximum); Noord allows two.
    assert.equal((await cast(SLUG, 'zuid', ['Z2', 'Z3', 'Z4'])).status, 201);
    assert.deepEqual(await codesOf(await cast(SLUG, 'noord', ['N1', 'N2', 'N3'])), ['too_many']);
    // Zuid's minimum spend (the round's) does not apply in Noord.
    assert.deepEqual(await codesOf(await cast(SLUG, 'zuid', ['Z4'])), ['under_min_spend']);
    assert.equal((await cast(SLUG, 'noord', ['N3'])).status, 201);
  });

  test('paper ballots: the form shows the district’s rules, entry checks with them', async () => {
    const [noordCode] = await createCodes(app, admin, SLUG, 'noord', 1);
    const form = await adminPost(`/begroot/rounds/${SLUG}/paper-ballots/form`, {
      code: noordCode,
    });
    assert.equal(form.status, 200, await form.clone().text());
    const { data } = (await form.json()) as {
      data: { district: string; voting: { method: string; maxSelections: number | null } };
    };
    assert.equal(data.district, 'noord');
    assert.equal(data.voting.method, 'approval');
    assert.equal(data.voting.maxSelections, 2);
    const entered = await adminPost(`/begroot/rounds/${SLUG}/paper-ballots`, {
      code: noordCode,
      selections: [{ proposal: ids.N1 }, { proposal: ids.N2 }],
    });
    assert.equal(entered.status, 201, await entered.clone().text());

    const [zuidCode] = await createCodes(app, admin, SLUG, 'zuid', 1);
    const zuidForm = await adminPost(`/begroot/rounds/${SLUG}/paper-ballots/form`, {
      code: zuidCode,
    });
    assert.equal(
      ((await zuidForm.json()) as { data: { voting: { method: string } } }).data.voting.method,
      'knapsack'
    );
    assert.deepEqual(
      await codesOf(
        await adminPost(`/begroot/rounds/${SLUG}/paper-ballots`, {
          code: zuidCode,
          selections: [{ proposal: ids.Z1 }, { proposal: ids.Z2 }],
        })
      ),
      ['over_budget']
    );
  });

  test('each district is counted with its own rule, and the results say which', async () => {
    // Noord so far: {N1,N2} online and on paper, {N3}. Zuid: {Z2,Z3,Z4}.
    for (const chosen of [['N1'], ['N1', 'N3']]) {
      assert.equal((await cast(SLUG, 'noord', chosen)).status, 201);
    }
    for (const chosen of [['Z2', 'Z3', 'Z4'], ['Z1', 'Z3'], ['Z1', 'Z3'], ['Z1']]) {
      assert.equal((await cast(SLUG, 'zuid', chosen)).status, 201);
    }
    await closeVoting(roundId);
    const response = await adminPost(`/begroot/rounds/${SLUG}/count`);
    assert.equal(response.status, 200, await response.clone().text());
    const { data } = (await response.json()) as { data: { results: unknown; ballots: number } };
    assert.equal(data.ballots, 10);
    const results = roundResultsSchema.parse(data.results);
    assert.equal(results.rule.rule, 'mes');
    const noord = results.districts.find((d) => d.district === 'noord')!;
    const zuid = results.districts.find((d) => d.district === 'zuid')!;
    assert.deepEqual([noord.rule?.rule, noord.method], ['greedy', 'approval']);
    assert.deepEqual(
      [zuid.rule?.rule, zuid.rule?.completion, zuid.method],
      ['mes', 'add1', 'knapsack']
    );
    // Greedy in Noord: N1 (4 votes) first; of N2 and N3 (2 each) the cheaper N3 fits, N2 no more.
    const funded = (d: typeof noord) =>
      d.proposals
        .filter((p) => p.funded)
        .map((p) => p.title.slice(0, 2))
        .sort();
    assert.deepEqual(
      Object.fromEntries(noord.proposals.map((p) => [p.title.slice(0, 2), p.votes])),
      { N1: 4, N2: 2, N3: 2 }
    );
    assert.deepEqual(funded(noord), ['N1', 'N3']);
    assert.equal(noord.spent, 40000);
    for (const p of noord.proposals) assert.equal(p.explanation.stage ?? 'greedy', 'greedy');
    // Zuid by equal shares, as core counts the same ballots.
    const zuidBallots = [
      ['Z2', 'Z3', 'Z4'],
      ['Z2', 'Z3', 'Z4'],
      ['Z1', 'Z3'],
      ['Z1', 'Z3'],
      ['Z1'],
    ];
    const expected = count(
      {
        budget: '100000',
        projects: ['Z1', 'Z2', 'Z3', 'Z4'].map((name) => ({
          id: ids[name]!,
          cost: { Z1: 60000, Z2: 50000, Z3: 20000, Z4: 5000 }[name]!,
        })),
        ballots: zuidBallots.map((b) => ({ projects: b.map((n) => ids[n]!), points: null })),
      },
      { rule: 'mes', sat: 'cost', completion: 'add1', tieBreak: 'cost-votes' }
    );
    assert.deepEqual(
      zuid.proposals
        .filter((p) => p.funded)
        .map((p) => p.documentId)
        .sort(),
      [...expected.selected].sort()
    );
    assert.ok(zuid.proposals.some((p) => p.explanation.stage === 'mes'));
    assert.equal(zuid.spent, expected.totalCost);
  });

  test('ballots.pb and open data recount per district with each district’s rule', async () => {
    const published = await adminPost(`/begroot/rounds/${SLUG}/publish-results`);
    assert.equal(published.status, 200, await published.clone().text());
    const results = roundResultsSchema.parse(
      (
        (await (await app.request(`/api/begroot/rounds/${SLUG}/results`)).json()) as {
          data: unknown;
        }
      ).data
    );
    const response = await app.request(`/api/begroot/rounds/${SLUG}/ballots.pb`);
    assert.equal(response.status, 200);
    const pb = parsePabulib(await response.text());
    // Approval and knapsack ballots are both approval ballots: one file.
    assert.equal(pb.voteType, 'approval');
    assert.equal(pb.votes.length, 10);
    assert.equal(pb.meta.rule, 'equalshares/add1');
    assert.equal(pb.meta.district_rules, 'noord=greedy,zuid=equalshares/add1');
    const districtOf = new Map(pb.projects.map((p) => [p.id, p.fields.district]));
    for (const district of results.districts) {
      const rule = district.rule as { rule: 'mes' | 'greedy'; completion: 'add1' | 'none' };
      const recount = countByDistrict(
        electionFromPabulib(pb),
        {
          budgets: { [district.district!]: district.budget },
          districtOf: (id) => districtOf.get(id),
        },
        { rule: rule.rule, sat: 'cost', completion: rule.completion, tieBreak: 'cost-votes' }
      ).districts[district.district!]!;
      assert.deepEqual(
        [...recount.selected].sort(),
        district.proposals
          .filter((p) => p.funded)
          .map((p) => p.documentId)
          .sort()
      );
    }

    // One district's file: its projects, the ballots that chose one, its rule.
    const noordFile = await app.request(`/api/begroot/rounds/${SLUG}/ballots.pb?district=noord`);
    assert.equal(noordFile.status, 200);
    assert.match(noordFile.headers.get('content-disposition') ?? '', /wijken-2027-noord\.pb/);
    const noord = parsePabulib(await noordFile.text());
    assert.equal(noord.meta.rule, 'greedy');
    assert.equal(noord.meta.district_budgets, 'noord=50000');
    assert.equal(noord.votes.length, 5);
    assert.deepEqual(
      noord.projects.map((p) => p.fields.district),
      ['noord', 'noord', 'noord']
    );
    await expectError(
      await app.request(`/api/begroot/rounds/${SLUG}/ballots.pb?district=west`),
      400,
      'ValidationError'
    );
    await expectError(
      await app.request(`/api/begroot/rounds/${SLUG}/ballots.pb?district=Not%20a%20slug`),
      400,
      'ValidationError'
    );

    const zip = unzip(
      Buffer.from(
        await (await app.request(`/api/begroot/rounds/${SLUG}/open-data.zip`)).arrayBuffer()
      )
    );
    assert.deepEqual(
      [...zip.keys()],
      ['README.txt', 'proposals.csv', 'ballots.pb', 'results.json']
    );
    const readme = zip.get('README.txt')!.toString('utf8');
    assert.match(readme, /tally -- ballots\.pb --rule greedy .*--district-budgets noord=50000/);
    assert.match(
      readme,
      /tally -- ballots\.pb --rule mes --sat cost --completion add1 .*--district-budgets zuid=100000/
    );
  });
});

describe('districts that vote with different kinds of ballot', () => {
  const POINTS = 'punten-2027';
  let pointsRound: string;

  /** A points round, except Zuid (approval); a city-wide proposal anyone may choose. */
  before(async () => {
    pointsRound = await createVotingRound(app, POINTS, {
      budget: 160000,
      districts: [
        { slug: 'noord', name: 'Noord', budget: 50000 },
        { slug: 'zuid', name: 'Zuid', budget: 100000, voting: { method: 'approval' } },
      ],
      voting: { method: 'points', points: 10, minSelections: 1, districtScope: 'own' },
    });
    const created = await createProposals(app, pointsRound, [
      { title: 'P1: speeltuin', district: 'noord', cost: 30000 },
      { title: 'P2: bankjes', district: 'noord', cost: 30000 },
      { title: 'Q1: plein', district: 'zuid', cost: 50000 },
      { title: 'C1: stadsfeest', district: null, cost: 5000 },
    ]);
    ids = { ...ids, P1: created[0]!, P2: created[1]!, Q1: created[2]!, C1: created[3]! };
  });

  test('points in one district, approval in the other; a file per district', async () => {
    const castPoints = async (
      selections: Array<[string, number | undefined]>,
      district: string
    ) => {
      const [code] = await createCodes(app, admin, POINTS, district, 1);
      const { token } = await verifyCode(app, POINTS, code!);
      return app.request(
        `/api/begroot/rounds/${POINTS}/ballots`,
        json(
          {
            selections: selections.map(([name, points]) =>
              points === undefined ? { proposal: ids[name] } : { proposal: ids[name], points }
            ),
          },
          { authorization: `Bearer ${token}` }
        )
      );
    };
    const ok = async (response: Response) =>
      assert.equal(response.status, 201, await response.text());
    await ok(
      await castPoints(
        [
          ['P1', 7],
          ['P2', 3],
        ],
        'noord'
      )
    );
    await ok(
      await castPoints(
        [
          ['P1', 5],
          ['C1', 5],
        ],
        'noord'
      )
    );
    assert.deepEqual(await codesOf(await castPoints([['P1', undefined]], 'noord')), [
      'points_missing',
    ]);
    assert.deepEqual(await codesOf(await castPoints([['Q1', 10]], 'zuid')), ['points_not_allowed']);
    await ok(
      await castPoints(
        [
          ['Q1', undefined],
          ['C1', undefined],
        ],
        'zuid'
      )
    );

    await closeVoting(pointsRound);
    const counted = await adminPost(`/begroot/rounds/${POINTS}/count`);
    assert.equal(counted.status, 200, await counted.clone().text());
    const results = roundResultsSchema.parse(
      ((await counted.json()) as { data: { results: unknown } }).data.results
    );
    assert.deepEqual(
      results.districts.map((d) => [d.district, d.method]),
      [
        ['noord', 'points'],
        ['zuid', 'approval'],
        [null, 'points'],
      ]
    );
    // Both voters who chose the city-wide proposal count, the approval voter's choice as a point.
    const city = results.districts.find((d) => d.district === null)!;
    assert.equal(city.proposals[0]!.votes, 2);
    assert.equal(city.proposals[0]!.explanation.points, 6);
    assert.equal((await adminPost(`/begroot/rounds/${POINTS}/publish-results`)).status, 200);

    const whole = await expectError(
      await app.request(`/api/begroot/rounds/${POINTS}/ballots.pb`),
      409,
      'ConflictError'
    );
    assert.match(whole.error.message, /\?district=.*noord, zuid, city/);
    const file = async (district: string) =>
      parsePabulib(
        await (
          await app.request(`/api/begroot/rounds/${POINTS}/ballots.pb?district=${district}`)
        ).text()
      );
    const noord = await file('noord');
    assert.equal(noord.voteType, 'cumulative');
    assert.deepEqual(noord.votes.map((vote) => [...(vote.points ?? [])].sort()).sort(), [
      [3, 7],
      [5],
    ]);
    assert.equal((await file('zuid')).voteType, 'approval');
    const cityFile = await file('city');
    assert.equal(cityFile.voteType, 'cumulative');
    assert.deepEqual(cityFile.votes.map((vote) => vote.points?.[0]).sort(), [1, 5]);
    assert.equal(cityFile.meta.district_budgets, 'city=10000');

    const zip = unzip(
      Buffer.from(
        await (await app.request(`/api/begroot/rounds/${POINTS}/open-data.zip`)).arrayBuffer()
      )
    );
    assert.deepEqual(
      [...zip.keys()],
      [
        'README.txt',
        'proposals.csv',
        'ballots-noord.pb',
        'ballots-zuid.pb',
        'ballots-city.pb',
        'results.json',
      ]
    );
    assert.equal(
      parsePabulib(zip.get('ballots-noord.pb')!.toString('utf8')).voteType,
      'cumulative'
    );
    assert.match(zip.get('README.txt')!.toString('utf8'), /tally -- ballots-zuid\.pb/);
  });
});

test('the issue code for own rules is a stable contract', () => {
  assert.equal(
    ISSUE_CODES.districtRulesNeedOneDistrict,
    'begroot.round.districtRulesNeedOneDistrict'
  );
});
