import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ISSUE_CODES,
  checkBallot,
  effectiveSettings,
  issueCode,
  lightRoundPublicViewSchema,
  roundDocumentSchema,
  roundPublicViewSchema,
  type BallotContext,
  type BallotSelection,
  type RoundDocumentInput,
} from '../src/index.js';

const phases = [{ kind: 'voting', start: '2027-03-01T00:00:00Z', end: '2027-03-21T00:00:00Z' }];

/** District A votes by approval and is counted greedily; B votes by knapsack, equal shares. */
const twoWays: RoundDocumentInput = {
  slug: 'twee-wijzen',
  title: 'Twee wijzen',
  budget: 150000,
  phases: phases as RoundDocumentInput['phases'],
  districts: [
    {
      slug: 'a',
      name: 'A',
      budget: 50000,
      voting: { method: 'approval', minSelections: 1, maxSelections: 2 },
      counting: { rule: 'greedy' },
    },
    { slug: 'b', name: 'B', budget: 100000 },
  ],
  voting: { method: 'knapsack', minSelections: 1, minSpendShare: 0.5, districtScope: 'own' },
  counting: { rule: 'mes', completion: 'add1' },
};

const issuesOf = (input: unknown) =>
  (roundDocumentSchema.safeParse(input).error?.issues ?? []).map((issue) => ({
    path: issue.path.join('.'),
    code: issueCode(issue),
    message: issue.message,
  }));

describe('district rules in the round document', () => {
  it('accepts a district with its own voting and counting rules', () => {
    const round = roundDocumentSchema.parse(twoWays);
    assert.equal(round.districts[0]!.voting?.method, 'approval');
    assert.equal(round.districts[0]!.counting?.rule, 'greedy');
    assert.equal(round.districts[1]!.voting, undefined);
  });

  it('keeps a document without district rules as it was (nothing added)', () => {
    const plain = { ...twoWays, districts: [{ slug: 'b', name: 'B', budget: 100000 }] };
    const round = roundDocumentSchema.parse(plain);
    assert.deepEqual(Object.keys(round.districts[0]!).sort(), [
      'budget',
      'name',
      'neighbourhoods',
      'slug',
    ]);
    assert.deepEqual(effectiveSettings(round, 'b'), {
      voting: round.voting,
      counting: round.counting,
    });
  });

  it('refuses own rules where a voter votes in every district, with a clear message', () => {
    const issues = issuesOf({ ...twoWays, voting: { ...twoWays.voting, districtScope: 'all' } });
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.path, 'districts.0.voting');
    assert.equal(issues[0]!.code, ISSUE_CODES.districtRulesNeedOneDistrict);
    assert.match(issues[0]!.message, /each voter votes in one district/);
    // An empty override is no rule of its own.
    assert.deepEqual(
      issuesOf({
        ...twoWays,
        voting: { districtScope: 'all' },
        districts: [{ slug: 'a', name: 'A', budget: 1, voting: {}, counting: null }],
      }),
      []
    );
  });

  it('allows own rules where the voter picks a district', () => {
    assert.deepEqual(
      issuesOf({ ...twoWays, voting: { ...twoWays.voting, districtScope: 'any' } }),
      []
    );
  });

  it('checks each district’s merged rules', () => {
    const below = issuesOf({
      ...twoWays,
      voting: { minSelections: 3 },
      districts: [{ slug: 'a', name: 'A', budget: 1, voting: { maxSelections: 2 } }],
    });
    assert.deepEqual(
      below.map((i) => [i.path, i.code]),
      [['districts.0.voting.maxSelections', ISSUE_CODES.maxSelectionsBelowMin]]
    );
    const noPoints = issuesOf({
      ...twoWays,
      districts: [{ slug: 'a', name: 'A', budget: 1, voting: { method: 'points' } }],
    });
    assert.deepEqual(
      noPoints.map((i) => [i.path, i.code]),
      [['districts.0.voting.points', ISSUE_CODES.pointsMismatch]]
    );
    assert.match(noPoints[0]!.message, /^In A, points ballots need/);
    assert.deepEqual(
      issuesOf({
        ...twoWays,
        districts: [{ slug: 'a', name: 'A', budget: 1, voting: { method: 'points', points: 10 } }],
      }),
      []
    );
  });

  it('refuses unknown fields and the frame’s settings in a district', () => {
    const issues = issuesOf({
      ...twoWays,
      districts: [{ slug: 'a', name: 'A', budget: 1, voting: { districtScope: 'any' } }],
    });
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.path, 'districts.0.voting');
  });
});

describe('effectiveSettings', () => {
  const round = roundDocumentSchema.parse(twoWays);

  it('merges a district’s own rules over the round’s', () => {
    const a = effectiveSettings(round, 'a');
    assert.deepEqual(a.voting, {
      ...round.voting,
      method: 'approval',
      minSelections: 1,
      maxSelections: 2,
    });
    assert.deepEqual(a.counting, { ...round.counting, rule: 'greedy' });
  });

  it('gives the round’s own settings for other districts, city-wide and unknown slugs', () => {
    for (const district of ['b', null, 'nowhere']) {
      assert.deepEqual(effectiveSettings(round, district), {
        voting: round.voting,
        counting: round.counting,
      });
    }
  });

  it('drops the round’s points for another method and takes them for points', () => {
    const points = roundDocumentSchema.parse({
      ...twoWays,
      voting: { method: 'points', points: 10 },
      districts: [
        { slug: 'a', name: 'A', budget: 1, voting: { method: 'approval' } },
        { slug: 'b', name: 'B', budget: 1, voting: { minSelections: 2 } },
      ],
    });
    assert.equal(effectiveSettings(points, 'a').voting.points, null);
    assert.equal(effectiveSettings(points, 'b').voting.points, 10);
  });
});

describe('checkBallot with district rules', () => {
  const round = roundDocumentSchema.parse(twoWays);
  const proposals = new Map([
    ['a1', { cost: 30000, district: 'a' }],
    ['a2', { cost: 30000, district: 'a' }],
    ['a3', { cost: 10000, district: 'a' }],
    ['b1', { cost: 60000, district: 'b' }],
    ['b2', { cost: 50000, district: 'b' }],
    ['b3', { cost: 20000, district: 'b' }],
  ]);
  const budgets = new Map([
    ['a', 50000],
    ['b', 100000],
  ]);
  const context = (voterDistrict: string): BallotContext => ({
    voting: round.voting,
    districts: round.districts,
    proposals,
    budgets,
    voterDistrict,
  });
  const pick = (...ids: string[]): BallotSelection[] => ids.map((proposal) => ({ proposal }));
  const codes = (selections: BallotSelection[], voter: string) =>
    checkBallot(selections, context(voter)).map((issue) => issue.code);

  it('checks a ballot in A by approval: over A’s budget is fine, a third choice is not', () => {
    assert.deepEqual(codes(pick('a1', 'a2'), 'a'), []);
    assert.deepEqual(codes(pick('a1', 'a2', 'a3'), 'a'), ['too_many']);
  });

  it('checks a ballot in B by knapsack: budget and minimum spend', () => {
    assert.deepEqual(codes(pick('b2', 'b3'), 'b'), []);
    assert.deepEqual(codes(pick('b1', 'b2'), 'b'), ['over_budget']);
    assert.deepEqual(codes(pick('b3'), 'b'), ['under_min_spend']);
  });

  it('follows the round’s settings without the districts (as before)', () => {
    const { districts: _ignored, ...withoutDistricts } = context('a');
    assert.deepEqual(
      checkBallot(pick('a1', 'a2'), withoutDistricts).map((i) => i.code),
      ['over_budget']
    );
  });

  it('finds the district from the proposals where the voter picks one', () => {
    const any = roundDocumentSchema.parse({
      ...twoWays,
      voting: { ...twoWays.voting, districtScope: 'any' },
    });
    const ctx = {
      ...context('a'),
      voting: any.voting,
      districts: any.districts,
      voterDistrict: null,
    };
    assert.deepEqual(checkBallot(pick('a1', 'a2'), ctx), []);
    assert.deepEqual(
      checkBallot(pick('b1', 'b2'), ctx).map((i) => i.code),
      ['over_budget']
    );
  });
});

describe('the public view carries each district’s effective settings', () => {
  it('passes the full and the light schema, with and without them', () => {
    const round = roundDocumentSchema.parse(twoWays);
    const view = {
      slug: round.slug,
      title: round.title,
      description: round.description,
      language: round.language,
      currency: round.currency,
      budget: round.budget,
      phases: round.phases,
      currentPhase: null,
      districts: round.districts.map((d) => ({
        slug: d.slug,
        name: d.name,
        budget: d.budget,
        neighbourhoods: d.neighbourhoods,
        ...effectiveSettings(round, d.slug),
      })),
      mode: round.mode,
      themes: round.themes,
      proposalForm: round.proposalForm,
      voting: round.voting,
      counting: round.counting,
      verification: round.verification,
    };
    const parsed = roundPublicViewSchema.parse(view);
    assert.equal(parsed.districts[0]!.voting?.method, 'approval');
    assert.equal(parsed.districts[1]!.voting?.method, 'knapsack');
    assert.equal(lightRoundPublicViewSchema.parse(view).districts[0]!.counting?.rule, 'greedy');
    const older = {
      ...view,
      districts: view.districts.map(({ slug, name, budget }) => ({ slug, name, budget })),
    };
    assert.ok(roundPublicViewSchema.safeParse(older).success);
    assert.ok(lightRoundPublicViewSchema.safeParse(older).success);
  });
});
