/** The Results and Execution pages' logic: the comparison with greedy, spending, status moves. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countByDistrict } from '@begroot/core/counting';
import {
  RESULT_MESSAGE_IDS,
  compareOutcomes,
  differences,
  explainOutcome,
} from '../../cms-plugin/admin/src/lib/results.ts';
import {
  byDistrict,
  changeOf,
  draftOf,
  executionMoves,
  spendState,
  spentPercent,
} from '../../cms-plugin/admin/src/lib/execution.ts';
import { tally } from '../../cms-plugin/server/src/counting/tally.ts';

/**
 * Oost, budget 100. Three voters want A1 (38), A2 (40) and A3 (42); two want B (40); nobody wants
 * D (10). Greedy takes A1 and A2 (3 votes each), then A3 and B no longer fit, and D (no votes)
 * still does. Equal shares gives each voter 20: the three pay A1 and have 22 left, too little
 * for A2; the two pay B.
 */
const PROJECTS = [
  { documentId: 'aaaaaaaaaaa1', title: 'A1', cost: 38, district: 'oost' },
  { documentId: 'aaaaaaaaaaa2', title: 'A2', cost: 40, district: 'oost' },
  { documentId: 'aaaaaaaaaaa3', title: 'A3', cost: 42, district: 'oost' },
  { documentId: 'bbbbbbbbbbbb', title: 'B', cost: 40, district: 'oost' },
  { documentId: 'dddddddddddd', title: 'D', cost: 10, district: 'oost' },
];
const BALLOTS = [
  ...Array.from({ length: 3 }, () => ['aaaaaaaaaaa1', 'aaaaaaaaaaa2', 'aaaaaaaaaaa3']),
  ...Array.from({ length: 2 }, () => ['bbbbbbbbbbbb']),
];
const counted = tally({
  round: {
    budget: 100,
    districts: [{ slug: 'oost', budget: 100 }],
    method: 'approval',
    counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
  },
  projects: PROJECTS,
  ballots: JSON.stringify(BALLOTS.map((ids) => ids.map((proposal) => ({ proposal })))),
});

describe('results beside greedy', () => {
  const [oost] = compareOutcomes(counted);
  const row = (title: string) => oost!.proposals.find((p) => p.title === title)!;

  it('the tally equals the engine counting per district', () => {
    const engine = countByDistrict(
      {
        budget: '100',
        projects: PROJECTS.map((p) => ({ id: p.documentId, cost: p.cost })),
        ballots: BALLOTS.map((projects) => ({ projects })),
      },
      { budgets: { oost: 100 }, districtOf: () => 'oost' },
      { rule: 'mes', sat: 'cost', completion: 'add1', tieBreak: 'cost-votes' }
    );
    assert.deepEqual(
      counted.results.districts[0]!.proposals.filter((p) => p.funded)
        .map((p) => p.documentId)
        .sort(),
      [...engine.districts.oost!.selected].sort()
    );
  });

  it('marks what greedy would change, and says why', () => {
    assert.equal(oost!.budget, 100);
    assert.ok(oost!.spent <= 100 && oost!.spentByGreedy <= 100);
    for (const p of oost!.proposals) {
      assert.equal(
        p.change,
        p.funded === p.fundedByGreedy ? 'same' : p.funded ? 'onlyRule' : 'onlyGreedy'
      );
      assert.equal(p.difference === null, p.change === 'same');
    }
    const funded = (by: 'funded' | 'fundedByGreedy') =>
      oost!.proposals
        .filter((p) => p[by])
        .map((p) => p.title)
        .sort();
    assert.deepEqual(funded('funded'), ['A1', 'B']);
    assert.deepEqual(funded('fundedByGreedy'), ['A1', 'A2', 'D']);
    assert.equal(differences([oost!]), 3);
    assert.equal(row('B').change, 'onlyRule');
    assert.deepEqual(row('B').difference, { id: 'results.diff.onlyRule' });
    assert.equal(row('A2').change, 'onlyGreedy');
    assert.deepEqual(row('A2').difference, { id: 'results.diff.onlyGreedyMoney' });
    assert.equal(row('D').change, 'onlyGreedy');
    assert.deepEqual(row('D').difference, { id: 'results.diff.onlyGreedy' });
    assert.equal(row('A3').change, 'same');
    assert.equal(row('A3').difference, null);
  });

  it('explains funded and unfunded proposals in plain words with their figures', () => {
    assert.deepEqual(row('B').explanation, {
      id: 'results.why.mesShare',
      values: { votes: 2, share: 20 },
    });
    assert.deepEqual(row('D').explanation, { id: 'results.why.noSupporters' });
    const a2 = row('A2').explanation;
    assert.equal(a2.id, 'results.why.moneyRanOut');
    assert.equal(a2.values?.cost, 40);
    assert.ok(Number(a2.values?.left) < 40);
    assert.deepEqual(
      explainOutcome({
        documentId: 'x',
        title: 'X',
        cost: 10,
        votes: 4,
        funded: false,
        explanation: { reason: 'did-not-fit', leftAtTurn: 7.126 },
      }),
      { id: 'results.why.didNotFitLeft', values: { left: 7.13 } }
    );
    assert.deepEqual(
      explainOutcome({
        documentId: 'x',
        title: 'X',
        cost: 10,
        votes: 4,
        funded: true,
        explanation: { stage: 'greedy', rank: 2 },
      }),
      { id: 'results.why.greedy', values: { rank: 2 } }
    );
  });

  it('every message is translated in Dutch and English', () => {
    const dir = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../cms-plugin/admin/src/translations'
    );
    for (const locale of ['nl', 'en']) {
      const messages = JSON.parse(
        fs.readFileSync(path.join(dir, `${locale}.json`), 'utf8')
      ) as Record<string, string>;
      for (const id of RESULT_MESSAGE_IDS) assert.ok(messages[id], `${locale} lacks ${id}`);
    }
  });
});

describe('execution', () => {
  const execution = {
    status: 'in_progress' as const,
    progress: 40,
    spent: 0,
    granted: 1000,
    updates: [],
  };

  it('spent against granted: nothing yet, fine, nearly all, over budget', () => {
    assert.equal(spendState(execution), 'none');
    assert.equal(spendState({ spent: 500, granted: 1000 }), 'ok');
    assert.equal(spendState({ spent: 950, granted: 1000 }), 'near');
    assert.equal(spendState({ spent: 1000.01, granted: 1000 }), 'over');
    assert.equal(spentPercent({ spent: 1250, granted: 1000 }), 125);
    assert.equal(spentPercent({ spent: 0, granted: 0 }), 0);
  });

  it('status moves follow the proposal status machine', () => {
    assert.deepEqual(executionMoves('funded'), ['funded', 'planned', 'in_progress', 'completed']);
    assert.deepEqual(executionMoves('planned'), ['planned', 'in_progress', 'completed']);
    assert.deepEqual(executionMoves('completed'), ['in_progress', 'completed']);
  });

  it('a change holds only what the official changed', () => {
    const draft = draftOf(execution);
    assert.deepEqual(changeOf(execution, draft), {});
    assert.deepEqual(
      changeOf(execution, {
        ...draft,
        progress: 60,
        update: '  Klaar met fase 1. ',
        publicReason: 'x',
      }),
      { progress: 60, update: 'Klaar met fase 1.' }
    );
    assert.deepEqual(
      changeOf(execution, {
        ...draft,
        status: 'completed',
        spent: 990,
        publicReason: 'Opgeleverd',
      }),
      { status: 'completed', spent: 990, publicReason: 'Opgeleverd' }
    );
  });

  it('groups rows by district in order', () => {
    assert.deepEqual(
      byDistrict([
        { district: 'oost', id: 1 },
        { district: 'oost', id: 2 },
        { district: null, id: 3 },
      ]).map((g) => [g.district, g.items.length]),
      [
        ['oost', 2],
        [null, 1],
      ]
    );
  });
});
