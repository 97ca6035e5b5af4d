import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  plainText,
  roundDocumentSchema,
  roundDocumentWarnings,
  type RoundDocumentInput,
} from '../src/index.js';

/** The example document of the round issue, verbatim: these names are a contract. */
const example: RoundDocumentInput = {
  slug: 'noord-2027',
  title: 'Buurtbudget Noord 2027',
  description: '…',
  language: 'nl',
  currency: 'EUR',
  mode: 'decide',
  budget: 300000,
  phases: [
    { kind: 'ideas', start: '2027-01-10T00:00:00Z', end: '2027-02-10T00:00:00Z' },
    { kind: 'voting', start: '2027-03-01T00:00:00Z', end: '2027-03-21T00:00:00Z' },
  ],
  districts: [
    {
      slug: 'oost',
      name: 'Oost',
      budget: 100000,
      neighbourhoods: [{ slug: 'dorp', name: 'Het Dorp', cap: 40000 }],
    },
  ],
  themes: [{ slug: 'groen', name: 'Groen' }],
  proposalForm: { askCost: true, titleMax: 80, descriptionMax: 2000 },
  voting: {
    method: 'knapsack',
    minSelections: 1,
    maxSelections: null,
    points: null,
    minSpendShare: 0,
    districtScope: 'own',
    revote: 'replace',
  },
  counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
  verification: { methods: ['code'] },
  allowedOrigins: ['https://www.voorbeeldstad.nl'],
};

describe('roundDocumentSchema', () => {
  it('accepts the documented example and fills in the defaults', () => {
    const round = roundDocumentSchema.parse(example);
    assert.equal(round.voting.method, 'knapsack');
    assert.equal(round.proposalForm.costRequired, false);
    assert.equal(round.proposalForm.responseDays, 42);
    assert.equal(round.counting.increment, 1);
    assert.deepEqual(round.districts[0]?.neighbourhoods[0], {
      slug: 'dorp',
      name: 'Het Dorp',
      cap: 40000,
    });
  });

  it('accepts a minimal document with city defaults', () => {
    const round = roundDocumentSchema.parse({
      slug: 'klein',
      title: 'Klein',
      budget: 1000,
      phases: [{ kind: 'voting', start: '2027-03-01T00:00:00Z', end: '2027-03-21T00:00:00Z' }],
    });
    assert.equal(round.language, 'nl');
    assert.equal(round.currency, 'EUR');
    assert.equal(round.mode, 'decide');
    assert.deepEqual(round.counting, {
      rule: 'mes',
      satisfaction: 'cost',
      completion: 'add1',
      tieBreak: 'cost-votes',
      increment: 1,
    });
    assert.deepEqual(round.verification.methods, ['code']);
    assert.equal(round.proposalForm.askCost, true);
  });

  it('rejects unknown fields, at any depth', () => {
    const top = roundDocumentSchema.safeParse({ ...example, colour: 'red' });
    assert.equal(top.success, false);
    const nested = roundDocumentSchema.safeParse({
      ...example,
      voting: { ...example.voting, secret: true },
    });
    assert.equal(nested.success, false);
    assert.deepEqual(nested.error?.issues[0]?.path, ['voting']);
  });

  it('rejects duplicate phase kinds, district, neighbourhood and theme slugs', () => {
    const phase = {
      kind: 'ideas',
      start: '2027-01-10T00:00:00Z',
      end: '2027-02-10T00:00:00Z',
    } as const;
    const cases: Array<[Partial<RoundDocumentInput>, string]> = [
      [{ phases: [phase, phase] }, 'phases'],
      [{ districts: [example.districts![0]!, example.districts![0]!] }, 'districts'],
      [
        {
          themes: [
            { slug: 'a', name: 'A' },
            { slug: 'a', name: 'B' },
          ],
        },
        'themes',
      ],
    ];
    for (const [change, path] of cases) {
      const result = roundDocumentSchema.safeParse({ ...example, ...change });
      assert.equal(result.success, false, path);
      assert.ok(
        result.error?.issues.some((issue) => issue.path[0] === path),
        path
      );
    }
  });

  it('keeps voting settings consistent', () => {
    const voting = example.voting!;
    const inverted = { ...voting, minSelections: 5, maxSelections: 2 };
    assert.equal(roundDocumentSchema.safeParse({ ...example, voting: inverted }).success, false);
    const pointsWithout = { ...voting, method: 'points', points: null } as const;
    assert.equal(
      roundDocumentSchema.safeParse({ ...example, voting: pointsWithout }).success,
      false
    );
    const pointsWith = { ...voting, method: 'points', points: 10 } as const;
    assert.equal(roundDocumentSchema.safeParse({ ...example, voting: pointsWith }).success, true);
    const share = { ...voting, minSpendShare: 1.5 };
    assert.equal(roundDocumentSchema.safeParse({ ...example, voting: share }).success, false);
  });

  it('accepts origins only, not pages', () => {
    for (const origin of ['https://www.voorbeeldstad.nl', 'http://localhost:8080']) {
      const ok = roundDocumentSchema.safeParse({ ...example, allowedOrigins: [origin] });
      assert.equal(ok.success, true, origin);
    }
    for (const bad of [
      'https://www.voorbeeldstad.nl/',
      'https://x.nl/page',
      'ftp://x.nl',
      'x.nl',
    ]) {
      const result = roundDocumentSchema.safeParse({ ...example, allowedOrigins: [bad] });
      assert.equal(result.success, false, bad);
    }
  });

  it('refuses markup in texts', () => {
    const result = roundDocumentSchema.safeParse({
      ...example,
      title: '<script>alert(1)</script>',
    });
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? '', /HTML is not allowed/);
  });
});

describe('roundDocumentWarnings', () => {
  it('shows how far district budgets are from the round budget, and phase gaps and overlaps', () => {
    const round = roundDocumentSchema.parse(example);
    const warnings = roundDocumentWarnings(round);
    assert.ok(
      warnings.some((w) => w.includes('200000.00 less')),
      warnings.join('\n')
    );
    assert.ok(warnings.some((w) => w.includes('between the ideas and voting phases (19 days)')));
    const overlapping = roundDocumentSchema.parse({
      ...example,
      budget: 100000,
      phases: [
        { kind: 'ideas', start: '2027-01-10T00:00:00Z', end: '2027-03-10T00:00:00Z' },
        { kind: 'voting', start: '2027-03-01T00:00:00Z', end: '2027-03-21T00:00:00Z' },
      ],
    });
    assert.deepEqual(roundDocumentWarnings(overlapping), ['The ideas and voting phases overlap.']);
  });
});

describe('plainText', () => {
  const schema = plainText({ min: 1, max: 10 });

  it('trims and normalises line endings before measuring', () => {
    assert.equal(schema.parse('  a\r\nb  '), 'a\nb');
    assert.equal(schema.parse(' 1234567890 '), '1234567890');
    assert.equal(schema.safeParse('12345678901').success, false);
    assert.equal(schema.safeParse('   ').success, false);
  });

  it('allows comparisons but refuses tags and comments', () => {
    assert.equal(schema.parse('a < b > c'), 'a < b > c');
    for (const markup of [
      '<b>x</b>',
      '</p>',
      '<!-- x -->',
      '<img src=x>',
      '<svg/onload=alert(1)>',
    ]) {
      assert.equal(schema.safeParse(markup).success, false, markup);
    }
  });
});
