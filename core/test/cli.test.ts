import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir, repoRoot, sharedDir, sorted } from './helpers.js';

/** Runs the CLI exactly as `npm run --silent tally -- …` does (tsx core/src/cli/tally.ts …). */
function tally(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'core/src/cli/tally.ts'), ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    }
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const assen = join(sharedDir, 'Netherlands_Assen_2024.pb');
const expected = JSON.parse(
  readFileSync(join(sharedDir, 'Netherlands_Assen_2024.expected.json'), 'utf8')
) as {
  file_selected: string[];
  reference: Record<string, { selected: string[]; total_cost: number }>;
};

describe('tally CLI', () => {
  it('reproduces Assen 2024 official result with --json', () => {
    const r = tally([
      assen,
      '--rule',
      'mes',
      '--sat',
      'cost',
      '--completion',
      'add1',
      '--tie-break',
      'cost-votes',
      '--json',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      selected: string[];
      totalCost: number;
      projects: unknown[];
    };
    assert.deepEqual(sorted(out.selected), sorted(expected.file_selected));
    assert.equal(
      out.totalCost,
      expected.reference['mes_cost_sat_add1_no_exhaustive_stop']?.total_cost
    );
    assert.equal(out.projects.length, 14);
    assert.equal(r.stdout.trim().split('\n').length, 1);
  });
  it('lists selected ids in file order', () => {
    const r = tally([
      assen,
      '--rule',
      'greedy',
      '--sat',
      'cost',
      '--completion',
      'none',
      '--tie-break',
      'id',
      '--json',
    ]);
    const out = JSON.parse(r.stdout) as { selected: string[]; totalCost: number };
    // The file lists projects as 3, 9, 8, 2, 11, 1, 13, 10, 14, …
    assert.deepEqual(out.selected, ['3', '9', '8', '2', '11', '13', '14']);
    assert.equal(out.totalCost, expected.reference['greedy_cost_sat']?.total_cost);
  });
  it('prints a readable table without --json', () => {
    const r = tally([
      assen,
      '--rule',
      'mes',
      '--sat',
      'cost',
      '--completion',
      'add1u',
      '--tie-break',
      'id',
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /project\s+cost\s+supporters\s+funded/);
    assert.match(r.stdout, /funded: 10 projects, 88,700 of 100,000/);
  });
  it('accepts --increment', () => {
    const r = tally([
      join(fixturesDir, 'empty-ballots.pb.txt'),
      '--rule',
      'mes',
      '--completion',
      'add1-exhaustive-stop',
      '--increment',
      '10',
      '--json',
    ]);
    assert.equal((JSON.parse(r.stdout) as { perVoterBudget: string }).perVoterBudget, '35');
  });
  it('reports a malformed file on stderr with its line, exit 1, no stack trace', () => {
    const r = tally([join(fixturesDir, '..', 'cli.test.ts'), '--rule', 'mes']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^tally: line 1: expected the META section header/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
  it('rejects bad options with exit 2', () => {
    for (const args of [
      [assen, '--rule', 'borda'],
      [assen, '--colour'],
      [assen, '--increment', '-1'],
      [],
    ]) {
      const r = tally(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^tally: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });
  it('counts districts, each with its own budget', () => {
    const r = tally([
      join(fixturesDir, 'caps.pb.txt'),
      '--rule',
      'mes',
      '--tie-break',
      'id',
      '--district-column',
      'neighborhood',
      '--district-budgets',
      'North=50,South=60',
      '--json',
    ]);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      districts: Record<string, { selected: string[]; voters: number }>;
      selected: string[];
      totalCost: number;
    };
    // North: 3 voters with 50/3 each buy a (40, 40/3 each); b then lacks money. South: 1 voter buys c.
    assert.deepEqual(out.districts['North']?.selected, ['a']);
    assert.equal(out.districts['North']?.voters, 3);
    assert.deepEqual(out.districts['South']?.selected, ['c']);
    assert.deepEqual(out.selected, ['a', 'c']);
    assert.equal(out.totalCost, 90);
  });
  it('greedy respects neighbourhood caps with --caps', () => {
    const r = tally([
      join(fixturesDir, 'caps.pb.txt'),
      '--rule',
      'greedy',
      '--tie-break',
      'id',
      '--caps',
      '--json',
    ]);
    assert.deepEqual((JSON.parse(r.stdout) as { selected: string[] }).selected, ['a', 'c']);
  });
  it('reports a missing file', () => {
    const r = tally(['does-not-exist.pb']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read does-not-exist\.pb \(ENOENT\)/);
  });
});
