import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compile,
  count,
  countByDistrict,
  electionFromPabulib,
  Rational,
  type Election,
} from '../src/counting/index.js';
import { utilView } from '../src/counting/compile.js';
import { mesExact, runMes } from '../src/counting/mes.js';
import { tieComparator } from '../src/counting/tiebreak.js';
import { parsePabulib } from '../src/pabulib/index.js';
import { countText, fixture, sorted } from './helpers.js';

// Every expectation below was worked out by hand from the fixture (see the comments), not taken
// from the engine's output.

describe('ties (ties.pb.txt)', () => {
  const text = fixture('ties.pb.txt');
  it('greedy breaks a tie on supporters by project id as a string ("10" before "9")', () => {
    const o = countText(text, { rule: 'greedy', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['10', 'x']);
    assert.equal(o.totalCost, 90);
    assert.equal(o.projects.find((p) => p.id === '9')?.reason, 'did-not-fit');
  });
  it('greedy with cost-votes takes the cheaper of two tied projects', () => {
    const o = countText(text, { rule: 'greedy', tieBreak: 'cost-votes' });
    assert.deepEqual(o.selectionOrder, ['9', 'x']);
    assert.equal(o.totalCost, 80);
  });
  it('MES: "10" and "9" tie exactly at rho 1/2; id picks "10"', () => {
    const o = countText(text, { rule: 'mes', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['10', 'x']);
    const ten = o.projects.find((p) => p.id === '10');
    assert.equal(ten?.rho, 0.5);
    assert.deepEqual(ten?.payments, [{ amount: 30, voters: 2 }]);
    assert.equal(o.projects.find((p) => p.id === '9')?.reason, 'supporters-money-ran-out');
    assert.equal(o.projects.find((p) => p.id === '9')?.supportersMoneyLeft, 6.67);
  });
  it('MES: cost-votes picks "9" (cheaper)', () => {
    const o = countText(text, { rule: 'mes', tieBreak: 'cost-votes' });
    assert.deepEqual(o.selectionOrder, ['9', 'x']);
    assert.equal(o.totalCost, 80);
  });
});

describe('zero-cost projects and projects nobody approves (zero-cost.pb.txt)', () => {
  const text = fixture('zero-cost.pb.txt');
  it('greedy with cost satisfaction: a free project gives no satisfaction, so it ranks with the unsupported ones (as pabutools)', () => {
    const o = countText(text, { rule: 'greedy', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['c', 'a', 'b', 'd']);
    assert.equal(o.totalCost, 90);
  });
  it('greedy with cardinality satisfaction puts a supported free project first', () => {
    const o = countText(text, { rule: 'greedy', sat: 'cardinality', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['a', 'c', 'b', 'd']);
  });
  it('MES (cardinality) funds a supported free project up front and never an unsupported one', () => {
    const o = countText(text, { rule: 'mes', sat: 'cardinality', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['a', 'c']);
    assert.equal(o.projects.find((p) => p.id === 'a')?.stage, 'zero-cost');
    assert.equal(o.projects.find((p) => p.id === 'b')?.reason, 'no-supporters');
    assert.equal(o.projects.find((p) => p.id === 'd')?.reason, 'no-supporters');
    assert.deepEqual(o.projects.find((p) => p.id === 'c')?.payments, [{ amount: 40, voters: 2 }]);
  });
  it('MES (cost) ignores a free project: its cost utility is 0 (as pabutools)', () => {
    const o = countText(text, { rule: 'mes', sat: 'cost', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['c']);
    assert.equal(o.projects.find((p) => p.id === 'a')?.reason, 'no-utility');
  });
  it('add1 stops once every supported project is funded', () => {
    for (const completion of ['add1', 'add1-exhaustive-stop'] as const) {
      const o = countText(text, { rule: 'mes', sat: 'cardinality', completion, tieBreak: 'id' });
      assert.deepEqual(sorted(o.selected), ['a', 'c']);
    }
  });
  it('add1u completes with greedy, which funds what still fits', () => {
    const o = countText(text, { rule: 'mes', completion: 'add1u', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['c', 'a', 'b', 'd']);
    assert.equal(o.projects.find((p) => p.id === 'd')?.stage, 'greedy-completion');
  });
});

describe('budget exactly met (exact-budget.pb.txt) and one cent short (decimal.pb.txt)', () => {
  it('MES funds p when its supporters have exactly its cost', () => {
    const o = countText(fixture('exact-budget.pb.txt'), { rule: 'mes', tieBreak: 'id' });
    assert.deepEqual(o.selected, ['p']);
    assert.equal(o.budgetLeft, 0);
    assert.deepEqual(o.projects[0]?.payments, [{ amount: 30, voters: 3 }]);
  });
  it('greedy funds p exactly and nothing else', () => {
    const o = countText(fixture('exact-budget.pb.txt'), { rule: 'greedy', tieBreak: 'id' });
    assert.deepEqual(o.selected, ['p']);
    assert.equal(o.totalCostExact, '90');
  });
  it('add1 keeps p: at 31 per voter q is added too and the outcome (91) exceeds the budget', () => {
    const o = countText(fixture('exact-budget.pb.txt'), {
      rule: 'mes',
      completion: 'add1',
      tieBreak: 'id',
    });
    assert.deepEqual(o.selected, ['p']);
    assert.equal(o.perVoterBudget, '30');
  });
  it('one cent more than the voters have is not affordable (no float rounding)', () => {
    const o = countText(fixture('decimal.pb.txt'), { rule: 'mes', tieBreak: 'id' });
    assert.deepEqual(o.selected, ['q']);
    const g = countText(fixture('decimal.pb.txt'), { rule: 'greedy', tieBreak: 'id' });
    assert.deepEqual(g.selected, ['q']);
    assert.equal(g.projects[0]?.reason, 'did-not-fit');
  });
});

describe('blank ballots (empty-ballots.pb.txt)', () => {
  const text = fixture('empty-ballots.pb.txt');
  it('blank ballots count as voters: 25 each is too little for a', () => {
    const o = countText(text, { rule: 'mes' });
    assert.deepEqual(o.selected, []);
    assert.equal(o.voters, 4);
    assert.equal(o.perVoterBudget, '25');
    assert.equal(o.projects[0]?.reason, 'supporters-money-ran-out');
    assert.equal(o.projects[0]?.supportersMoneyLeft, 25);
  });
  it('add1 with exhaustive stop raises the voters to 30, where a is bought', () => {
    const o = countText(text, { rule: 'mes', completion: 'add1-exhaustive-stop' });
    assert.deepEqual(o.selected, ['a']);
    assert.equal(o.perVoterBudget, '30');
    assert.equal(o.add1Runs, 6);
  });
  it('a larger increment jumps further', () => {
    const o = countText(text, { rule: 'mes', completion: 'add1-exhaustive-stop', increment: 10 });
    assert.equal(o.perVoterBudget, '35');
  });
  it('greedy funds a', () => {
    assert.deepEqual(countText(text, { rule: 'greedy' }).selected, ['a']);
  });
});

describe('one voter (one-voter.pb.txt)', () => {
  const text = fixture('one-voter.pb.txt');
  it('MES with cost utilities: all three tie at rho 1; id takes a, then c', () => {
    assert.deepEqual(countText(text, { rule: 'mes', tieBreak: 'id' }).selectionOrder, ['a', 'c']);
  });
  it('MES with cost-votes takes c then b', () => {
    assert.deepEqual(countText(text, { rule: 'mes', tieBreak: 'cost-votes' }).selectionOrder, [
      'c',
      'b',
    ]);
  });
  it('MES with cardinality: cheapest first', () => {
    assert.deepEqual(
      countText(text, { rule: 'mes', sat: 'cardinality', tieBreak: 'id' }).selectionOrder,
      ['c', 'b']
    );
  });
  it('greedy by supporters (ties by id) and by supporters per cost', () => {
    assert.deepEqual(countText(text, { rule: 'greedy', tieBreak: 'id' }).selectionOrder, [
      'a',
      'c',
    ]);
    assert.deepEqual(
      countText(text, { rule: 'greedy', sat: 'cardinality', tieBreak: 'id' }).selectionOrder,
      ['c', 'b']
    );
  });
});

describe('points ballots (cumulative.pb.txt)', () => {
  const text = fixture('cumulative.pb.txt');
  it('greedy by points per cost: c (0.1), b (0.075), then a does not fit', () => {
    const o = countText(text, { rule: 'greedy', sat: 'points', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['c', 'b']);
    assert.equal(o.projects.find((p) => p.id === 'c')?.points, 6);
  });
  it('MES with points as utilities: b and c tie exactly at 40/3; b wins, then c is short', () => {
    const o = countText(text, { rule: 'mes', sat: 'points', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['b']);
    const b = o.projects.find((p) => p.id === 'b');
    assert.deepEqual(b?.payments, [
      { amount: 26.67, voters: 1 },
      { amount: 13.33, voters: 1 },
    ]);
  });
  it('MES with cost utilities only looks at whether a project is on the ballot', () => {
    const o = countText(text, { rule: 'mes', sat: 'cost', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['b']);
  });
});

describe('ordinal ballots (ordinal.pb.txt)', () => {
  it('count as approval of the listed projects', () => {
    const text = fixture('ordinal.pb.txt');
    assert.deepEqual(countText(text, { rule: 'greedy', tieBreak: 'id' }).selectionOrder, [
      'b',
      'c',
    ]);
    assert.deepEqual(countText(text, { rule: 'mes', tieBreak: 'id' }).selectionOrder, ['b']);
  });
});

describe('neighbourhood caps (caps.pb.txt)', () => {
  const text = fixture('caps.pb.txt');
  it('greedy skips a project that would exceed its neighbourhood cap', () => {
    const o = countText(text, { rule: 'greedy', tieBreak: 'id', neighbourhoodCaps: true });
    assert.deepEqual(o.selectionOrder, ['a', 'c']);
    assert.equal(o.projects.find((p) => p.id === 'b')?.reason, 'neighbourhood-cap');
  });
  it('without caps (as pabutools) b is funded and c does not fit', () => {
    const o = countText(text, { rule: 'greedy', tieBreak: 'id' });
    assert.deepEqual(o.selectionOrder, ['a', 'b']);
    assert.equal(o.projects.find((p) => p.id === 'c')?.reason, 'did-not-fit');
  });
});

describe('districts', () => {
  it('counts each district with its own budget and electorate', () => {
    const election: Election = {
      budget: 0,
      projects: [
        { id: 'n1', cost: 60 },
        { id: 'n2', cost: 50 },
        { id: 's1', cost: 30 },
      ],
      ballots: [
        { projects: ['n1', 's1'] },
        { projects: ['n1', 'n2'] },
        { projects: ['s1'] },
        { projects: [] },
      ],
    };
    const district: Record<string, string> = { n1: 'north', n2: 'north', s1: 'south' };
    const r = countByDistrict(
      election,
      { budgets: { north: 100, south: 40 }, districtOf: (id) => district[id] },
      { rule: 'mes', tieBreak: 'id' }
    );
    // North: 2 voters with 50 each; n1 costs 60 (30 each, rho 1/2), then n2 has 20+20 < 50.
    assert.deepEqual(r.districts['north']?.selected, ['n1']);
    assert.equal(r.districts['north']?.voters, 2);
    // South: 2 voters with 20 each buy s1 (15 each).
    assert.deepEqual(r.districts['south']?.selected, ['s1']);
    assert.deepEqual(r.selected, ['n1', 's1']);
    assert.equal(r.totalCost, 90);
  });
});

describe('the float path agrees with exact arithmetic', () => {
  // A seeded generator of small elections full of ties and exact equalities.
  let seed = 12345;
  const rand = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  it('on 300 random small elections, every satisfaction, at several per-voter budgets', () => {
    for (let t = 0; t < 300; t++) {
      const P = 2 + rand(6);
      const projects = Array.from({ length: P }, (_, i) => ({
        id: `p${i}`,
        cost: 10 * (1 + rand(6)),
      }));
      const ballots = Array.from({ length: 1 + rand(8) }, () => {
        const chosen = projects.filter(() => rand(2) === 0).map((p) => p.id);
        return { projects: chosen, points: chosen.map(() => 1 + rand(3)) };
      });
      const c = compile({ budget: 20 * (1 + rand(5)), projects, ballots });
      for (const sat of ['cost', 'cardinality', 'points'] as const) {
        const v = utilView(c, sat);
        for (const extra of [0, 1, 7]) {
          const b = Rational.of(c.budget, BigInt(c.n)).add(Rational.of(BigInt(extra)));
          for (const tie of ['id', 'cost-votes'] as const) {
            const cmp = tieComparator(c, tie);
            assert.deepEqual(
              runMes(c, v, b, cmp).selected,
              mesExact(c, v, b, cmp).selected,
              `election ${t}, ${sat}, +${extra}, ${tie}`
            );
          }
        }
      }
    }
  });
});

describe('elections built in code', () => {
  it('accepts decimal text, numbers and rationals as amounts', () => {
    const o = count(
      {
        budget: '100.50',
        projects: [
          { id: 'a', cost: 100.5 },
          { id: 'b', cost: Rational.of(1n, 2n) },
        ],
        ballots: [{ projects: ['a'] }, { projects: ['b'] }],
      },
      { rule: 'greedy', tieBreak: 'id' }
    );
    assert.deepEqual(o.selectionOrder, ['a']);
    assert.equal(o.totalCostExact, '100.5');
  });
  it('reads a parsed file through electionFromPabulib, caps included', () => {
    const e = electionFromPabulib(parsePabulib(fixture('caps.pb.txt')));
    assert.deepEqual(e.neighbourhoodCaps, { North: '50', South: '100' });
    assert.equal(e.projects[0]?.neighbourhood, 'North');
  });
  it('an election without voters funds nothing under MES', () => {
    const o = count(
      { budget: 10, projects: [{ id: 'a', cost: 5 }], ballots: [] },
      { rule: 'mes', completion: 'add1' }
    );
    assert.deepEqual(o.selected, []);
  });
});
