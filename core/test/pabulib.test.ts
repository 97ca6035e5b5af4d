import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PabulibError, parsePabulib, writePabulib, type PbElection } from '../src/pabulib/index.js';
import { fixture, sharedDir } from './helpers.js';

/** What an election means: everything except source line numbers and warnings. */
function meaning(e: PbElection): unknown {
  return {
    meta: e.meta,
    budget: e.budget.toString(),
    voteType: e.voteType,
    projectColumns: e.projectColumns,
    projects: e.projects.map((p) => ({ id: p.id, cost: p.cost.toString(), fields: p.fields })),
    voteColumns: e.voteColumns,
    votes: e.votes.map((v) => ({
      voterId: v.voterId,
      projects: v.projects,
      points: v.points,
      fields: v.fields,
    })),
  };
}

function errorOf(text: string): PabulibError {
  try {
    parsePabulib(text);
  } catch (e) {
    if (e instanceof PabulibError) return e;
    throw e;
  }
  assert.fail('expected a PabulibError');
}

const HEAD = 'META\nkey;value\nbudget;100\nvote_type;approval\n';

describe('pabulib reader', () => {
  it('reads META, projects with extra columns, quoted fields and votes', () => {
    const e = parsePabulib(fixture('caps.pb.txt'));
    assert.equal(e.meta['description'], 'Neighbourhood caps; a quoted field; with a "quote"');
    assert.equal(e.meta['neighborhoods'], 'North,South');
    assert.equal(e.budget.toString(), '100');
    assert.deepEqual(e.projectColumns, ['project_id', 'cost', 'name', 'neighborhood']);
    assert.equal(e.projects[0]?.fields['name'], 'Park; with benches');
    assert.equal(e.projects[0]?.line, 12);
    assert.deepEqual(e.votes[0]?.projects, ['a', 'b', 'c']);
  });

  it('keeps decimal budgets and costs exact', () => {
    const e = parsePabulib(fixture('decimal.pb.txt'));
    assert.equal(e.budget.toString(), '90');
    assert.equal(e.projects[0]?.cost.toString(), '9001/100');
  });

  it('reads points and extra voter columns of cumulative ballots', () => {
    const e = parsePabulib(fixture('cumulative.pb.txt'));
    assert.equal(e.voteType, 'cumulative');
    assert.deepEqual(e.votes[0]?.points, [3, 1]);
    assert.equal(e.votes[2]?.fields['age'], '19');
  });

  it('keeps blank ballots as voters', () => {
    const e = parsePabulib(fixture('empty-ballots.pb.txt'));
    assert.equal(e.votes.length, 4);
    assert.deepEqual(e.votes[1]?.projects, []);
  });

  const cases: Array<[string, string, number, RegExp]> = [
    ['no META', 'PROJECTS\nproject_id;cost\n', 1, /META/],
    ['a text before META', 'hello\n', 1, /META section header/],
    [
      'missing budget',
      'META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n',
      4,
      /budget/,
    ],
    [
      'bad cost',
      `${HEAD}PROJECTS\nproject_id;cost\na;12x\nVOTES\nvoter_id;vote\n`,
      7,
      /cost that is a non-negative decimal/,
    ],
    [
      'negative cost',
      `${HEAD}PROJECTS\nproject_id;cost\na;-5\nVOTES\nvoter_id;vote\n`,
      7,
      /non-negative/,
    ],
    [
      'duplicate project',
      `${HEAD}PROJECTS\nproject_id;cost\na;5\na;6\nVOTES\nvoter_id;vote\n`,
      8,
      /unique project_id/,
    ],
    [
      'unknown project in a vote',
      `${HEAD}PROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\nv1;a\nv2;b\n`,
      11,
      /project ids listed in PROJECTS/,
    ],
    [
      'project twice in a vote',
      `${HEAD}PROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\nv1;a,a\n`,
      10,
      /at most once/,
    ],
    [
      'wrong number of fields',
      `${HEAD}PROJECTS\nproject_id;cost;name\na;5\nVOTES\nvoter_id;vote\n`,
      7,
      /3 fields/,
    ],
    [
      'duplicate voter',
      `${HEAD}PROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\nv1;a\nv1;a\n`,
      11,
      /unique voter_id/,
    ],
    [
      'missing points',
      'META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;vote\n',
      9,
      /points column/,
    ],
    [
      'points count',
      'META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;5\nb;1\nVOTES\nvoter_id;vote;points\nv1;a,b;3\n',
      11,
      /as many points/,
    ],
    [
      'unknown vote type',
      'META\nkey;value\nbudget;10\nvote_type;quadratic\nPROJECTS\n',
      4,
      /vote_type/,
    ],
    ['no VOTES', `${HEAD}PROJECTS\nproject_id;cost\na;5\n`, 8, /VOTES section/],
    ['sections out of order', `${HEAD}VOTES\n`, 5, /PROJECTS section/],
    [
      'unterminated quote',
      `${HEAD}PROJECTS\nproject_id;cost;name\na;5;"open\n`,
      7,
      /closing quote/,
    ],
    [
      'missing vote column',
      `${HEAD}PROJECTS\nproject_id;cost\na;5\nVOTES\nvoter_id;choice\n`,
      9,
      /vote column/,
    ],
    [
      'caps without names',
      `${HEAD}budget_per_neighborhood;5\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n`,
      5,
      /neighborhoods/,
    ],
  ];
  for (const [name, text, line, message] of cases) {
    it(`reports ${name} with its line number`, () => {
      const e = errorOf(text);
      assert.equal(e.line, line, e.message);
      assert.match(e.message, message);
      assert.match(e.message, new RegExp(`^line ${line}: expected`));
    });
  }
});

describe('pabulib writer', () => {
  for (const name of [
    'caps.pb.txt',
    'cumulative.pb.txt',
    'decimal.pb.txt',
    'empty-ballots.pb.txt',
    'ordinal.pb.txt',
    'zero-cost.pb.txt',
  ]) {
    it(`round-trips ${name}`, () => {
      const first = parsePabulib(fixture(name));
      const second = parsePabulib(writePabulib(first));
      assert.deepEqual(meaning(second), meaning(first));
    });
  }
  for (const file of readdirSync(sharedDir).filter((f) => f.endsWith('.pb'))) {
    it(`round-trips the shared election ${file}`, () => {
      const first = parsePabulib(readFileSync(join(sharedDir, file), 'utf8'));
      const text = writePabulib(first);
      const second = parsePabulib(text);
      assert.deepEqual(meaning(second), meaning(first));
      assert.equal(writePabulib(second), text);
    });
  }
});
