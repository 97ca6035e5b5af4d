import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { utilView } from '../src/counting/compile.js';
import {
  compile,
  countCompiled,
  electionFromPabulib,
  Rational,
  type CountOptions,
} from '../src/counting/index.js';
import { mesExact } from '../src/counting/mes.js';
import { tieComparator } from '../src/counting/tiebreak.js';
import { parsePabulib } from '../src/pabulib/index.js';
import { sharedDir, sorted } from './helpers.js';

/**
 * How each reference key of `<name>.expected.json` maps to engine options (see
 * ../shared/pabulib/README.md). Every key found in a file must be listed here, or the test fails.
 */
const VARIANTS: Record<string, CountOptions> = {
  greedy_cost_sat: { rule: 'greedy', sat: 'cost', tieBreak: 'id' },
  greedy_cardinality_sat: { rule: 'greedy', sat: 'cardinality', tieBreak: 'id' },
  greedy_additive_cardinal_sat: { rule: 'greedy', sat: 'points', tieBreak: 'id' },
  mes_cost_sat: { rule: 'mes', sat: 'cost', tieBreak: 'id' },
  mes_cardinality_sat: { rule: 'mes', sat: 'cardinality', tieBreak: 'id' },
  mes_additive_cardinal_sat: { rule: 'mes', sat: 'points', tieBreak: 'id' },
  mes_cost_sat_add1: {
    rule: 'mes',
    sat: 'cost',
    tieBreak: 'id',
    completion: 'add1-exhaustive-stop',
  },
  mes_cardinality_sat_add1: {
    rule: 'mes',
    sat: 'cardinality',
    tieBreak: 'id',
    completion: 'add1-exhaustive-stop',
  },
  // pabutools' exhaustion_by_budget_increase: the exhaustive stop looks at every project.
  mes_cost_sat_add1_exhaustion_helper: {
    rule: 'mes',
    sat: 'cost',
    tieBreak: 'id',
    completion: 'add1-exhaustive-stop',
    exhaustiveScope: 'all',
  },
  mes_cardinality_sat_add1_exhaustion_helper: {
    rule: 'mes',
    sat: 'cardinality',
    tieBreak: 'id',
    completion: 'add1-exhaustive-stop',
    exhaustiveScope: 'all',
  },
  mes_cost_sat_add1u: { rule: 'mes', sat: 'cost', tieBreak: 'id', completion: 'add1u' },
  mes_cardinality_sat_add1u: {
    rule: 'mes',
    sat: 'cardinality',
    tieBreak: 'id',
    completion: 'add1u',
  },
  mes_cost_sat_add1_eqsnet_style: {
    rule: 'mes',
    sat: 'cost',
    tieBreak: 'cost-votes',
    completion: 'add1-exhaustive-stop',
    start: 'floor',
    exhaustiveScope: 'all',
  },
  mes_cost_sat_add1_no_exhaustive_stop: {
    rule: 'mes',
    sat: 'cost',
    tieBreak: 'id',
    completion: 'add1',
  },
};

interface Expected {
  file: string;
  file_selected?: string[] | null;
  meta: { rule?: string | null };
  reference: Record<string, { selected: string[]; total_cost: number }>;
}

const files = readdirSync(sharedDir).filter((f) => f.endsWith('.pb'));

describe('conformance with pabutools 1.2.3 on ../shared/pabulib', () => {
  it('finds the shared elections', () => {
    assert.ok(files.length >= 14, `only ${files.length} .pb files in ${sharedDir}`);
  });
  for (const file of files) {
    describe(file, () => {
      const expected = JSON.parse(
        readFileSync(join(sharedDir, file.replace(/\.pb$/, '.expected.json')), 'utf8')
      ) as Expected;
      let compiled: ReturnType<typeof compile> | null = null;
      const election = (): ReturnType<typeof compile> => {
        compiled ??= compile(
          electionFromPabulib(parsePabulib(readFileSync(join(sharedDir, file), 'utf8')))
        );
        return compiled;
      };
      for (const [key, ref] of Object.entries(expected.reference)) {
        it(key, () => {
          const options = VARIANTS[key];
          assert.ok(options, `no engine options for reference variant ${key}`);
          const outcome = countCompiled(election(), options);
          assert.deepEqual(sorted(outcome.selected), sorted(ref.selected));
          assert.equal(outcome.totalCost, ref.total_cost);
        });
      }
      // The exact engine (the fallback of the float path) on its own, on the smaller elections.
      for (const sat of ['cost', 'cardinality'] as const) {
        const ref = expected.reference[`mes_${sat}_sat`];
        if (
          !ref ||
          ref.selected.length > 40 ||
          /Amsterdam_(252|309|332)|Katowice|Warszawa/.test(file)
        )
          continue;
        it(`mes_${sat}_sat with exact arithmetic only`, () => {
          const c = election();
          const run = mesExact(
            c,
            utilView(c, sat),
            Rational.of(c.budget, BigInt(c.n)),
            tieComparator(c, 'id')
          );
          assert.deepEqual(
            sorted(run.selected.map((p) => c.ids[p] as string)),
            sorted(ref.selected)
          );
        });
      }
      if (expected.file_selected && /equalshares/.test(expected.meta.rule ?? '')) {
        for (const tieBreak of ['id', 'cost-votes'] as const) {
          it(`official result with mes, cost, add1 (ties by ${tieBreak})`, () => {
            const outcome = countCompiled(election(), {
              rule: 'mes',
              sat: 'cost',
              completion: 'add1',
              tieBreak,
            });
            assert.deepEqual(sorted(outcome.selected), sorted(expected.file_selected ?? []));
          });
        }
      }
      if (expected.file_selected && expected.meta.rule?.startsWith('greedy')) {
        it('official result with greedy, cost', () => {
          const outcome = countCompiled(election(), {
            rule: 'greedy',
            sat: 'cost',
            tieBreak: 'id',
          });
          assert.deepEqual(sorted(outcome.selected), sorted(expected.file_selected ?? []));
        });
      }
    });
  }
});
