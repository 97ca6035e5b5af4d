import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ballotInputSchema,
  checkBallot,
  votingSettingsSchema,
  type BallotContext,
  type BallotSelection,
  type VotingSettings,
} from '../src/index.js';

const id = (n: number) => `proposal${String(n).padStart(6, '0')}`;

function context(
  voting: Partial<VotingSettings>,
  voterDistrict: string | null = 'oost'
): BallotContext {
  return {
    voting: votingSettingsSchema.parse(voting),
    proposals: new Map([
      [id(1), { cost: 40000, district: 'oost' }],
      [id(2), { cost: 35000.5, district: 'oost' }],
      [id(3), { cost: 30000, district: 'oost' }],
      [id(4), { cost: 10000, district: 'noord' }],
      [id(5), { cost: 5000, district: null }],
    ]),
    budgets: new Map([
      ['oost', 100000],
      ['noord', 50000],
      ['', 20000],
    ]),
    voterDistrict,
  };
}

const pick = (...numbers: number[]): BallotSelection[] => numbers.map((n) => ({ proposal: id(n) }));
const codes = (selections: BallotSelection[], ctx: BallotContext) =>
  checkBallot(selections, ctx).map((issue) => issue.code);

describe('checkBallot: approval', () => {
  it('accepts a ballot within the minimum and maximum', () => {
    assert.deepEqual(codes(pick(1, 2), context({ minSelections: 1, maxSelections: 3 })), []);
  });

  it('counts selections against the minimum and maximum', () => {
    assert.deepEqual(codes(pick(), context({ minSelections: 1 })), ['too_few']);
    assert.deepEqual(codes(pick(1, 2, 3), context({ maxSelections: 2 })), ['too_many']);
  });

  it('refuses duplicates, unknown proposals and other districts, pointing at the selection', () => {
    const issues = checkBallot(
      [{ proposal: id(1) }, { proposal: id(1) }, { proposal: id(9) }, { proposal: id(4) }],
      context({ maxSelections: null })
    );
    assert.deepEqual(
      issues.map((issue) => [issue.code, issue.path.join('.')]),
      [
        ['duplicate', 'selections.1.proposal'],
        ['unknown_proposal', 'selections.2.proposal'],
        ['wrong_district', 'selections.3.proposal'],
      ]
    );
  });

  it('lets city-wide proposals be chosen from every district', () => {
    assert.deepEqual(codes(pick(1, 5), context({})), []);
  });

  it('with districtScope any, allows one district of the voter’s choice', () => {
    assert.deepEqual(codes(pick(4), context({ districtScope: 'any' })), []);
    assert.deepEqual(codes(pick(1, 4), context({ districtScope: 'any' })), ['several_districts']);
    assert.deepEqual(codes(pick(1, 4), context({ districtScope: 'all' })), []);
  });

  it('refuses points and ranks on an approval ballot', () => {
    const ballot = [
      { proposal: id(1), points: 2 },
      { proposal: id(2), rank: 1 },
    ];
    assert.deepEqual(codes(ballot, context({})), ['points_not_allowed', 'rank_not_allowed']);
  });
});

describe('checkBallot: knapsack', () => {
  it('accepts a ballot that exactly spends the district budget, to the cent', () => {
    const ctx = context({ method: 'knapsack' });
    const exact = new Map(ctx.proposals);
    exact.set(id(3), { cost: 24999.5, district: 'oost' });
    assert.deepEqual(codes(pick(1, 2, 3), { ...ctx, proposals: exact }), []);
  });

  it('refuses a ballot over the district budget', () => {
    assert.deepEqual(codes(pick(1, 2, 3), context({ method: 'knapsack' })), ['over_budget']);
  });

  it('asks for the minimum share of the budget', () => {
    const ctx = context({ method: 'knapsack', minSpendShare: 0.5 });
    assert.deepEqual(codes(pick(3), ctx), ['under_min_spend']);
    assert.deepEqual(codes(pick(1, 3), ctx), []);
  });

  it('checks each district’s budget when voters vote in all districts', () => {
    const ctx = context({ method: 'knapsack', districtScope: 'all', maxSelections: null });
    assert.deepEqual(codes(pick(1, 2, 4), ctx), []);
    const dear = new Map(ctx.proposals);
    dear.set(id(4), { cost: 60000, district: 'noord' });
    assert.deepEqual(codes(pick(1, 4), { ...ctx, proposals: dear }), ['over_budget']);
  });
});

describe('checkBallot: points', () => {
  const ctx = context({ method: 'points', points: 10, maxSelections: null });

  it('accepts points that add up to the allowance', () => {
    assert.deepEqual(
      codes(
        [
          { proposal: id(1), points: 7 },
          { proposal: id(2), points: 3 },
        ],
        ctx
      ),
      []
    );
  });

  it('refuses a wrong total and a selection without points', () => {
    assert.deepEqual(codes([{ proposal: id(1), points: 9 }], ctx), ['points_total']);
    assert.deepEqual(codes([{ proposal: id(1), points: 10 }, { proposal: id(2) }], ctx), [
      'points_missing',
    ]);
  });
});

describe('checkBallot: ranking', () => {
  const ctx = context({ method: 'ranking', minSelections: 2, maxSelections: 3 });

  it('accepts ranks 1..k in any order', () => {
    assert.deepEqual(
      codes(
        [
          { proposal: id(2), rank: 2 },
          { proposal: id(1), rank: 1 },
        ],
        ctx
      ),
      []
    );
  });

  it('refuses gaps, repeats and missing ranks, and checks the length', () => {
    assert.deepEqual(
      codes(
        [
          { proposal: id(1), rank: 1 },
          { proposal: id(2), rank: 3 },
        ],
        ctx
      ),
      ['rank_sequence']
    );
    assert.deepEqual(
      codes(
        [
          { proposal: id(1), rank: 1 },
          { proposal: id(2), rank: 1 },
        ],
        ctx
      ),
      ['rank_sequence']
    );
    assert.deepEqual(codes([{ proposal: id(1), rank: 1 }, { proposal: id(2) }], ctx), [
      'rank_missing',
    ]);
    assert.deepEqual(codes([{ proposal: id(1), rank: 1 }], ctx), ['too_few']);
  });
});

describe('ballotInputSchema', () => {
  it('accepts the documented body and refuses unknown fields', () => {
    assert.equal(
      ballotInputSchema.safeParse({ selections: [{ proposal: id(1), points: 3 }] }).success,
      true
    );
    assert.equal(ballotInputSchema.safeParse({ selections: [], voter: 'x' }).success, false);
    assert.equal(
      ballotInputSchema.safeParse({ selections: [{ proposal: id(1), weight: 2 }] }).success,
      false
    );
    assert.equal(
      ballotInputSchema.safeParse({ selections: [{ proposal: id(1), points: 1.5 }] }).success,
      false
    );
  });
});
