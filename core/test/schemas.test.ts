import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  countingSettingsSchema,
  currentPhaseAt,
  proposalFormSettingsSchema,
  verificationSettingsSchema,
  votingSettingsSchema,
  errorResponseSchema,
  roundPublicViewSchema,
  toErrorIssues,
  type Phase,
  type RoundPublicView,
} from '../src/index.js';

const phases: Phase[] = [
  { kind: 'ideas', start: '2027-01-01T00:00:00.000Z', end: '2027-02-01T00:00:00.000Z' },
  { kind: 'voting', start: '2027-03-01T00:00:00.000Z', end: '2027-03-15T00:00:00.000Z' },
];

const round: RoundPublicView = {
  slug: 'voorbeeldstad-2027',
  title: 'Burgerbegroting Voorbeeldstad 2027',
  description: 'Bepaal mee waar € 300.000 aan wordt besteed.',
  language: 'nl',
  currency: 'EUR',
  budget: 300000,
  phases,
  currentPhase: 'ideas',
  districts: [
    { slug: 'noord', name: 'Noord', budget: 100000 },
    { slug: 'oost', name: 'Oost', budget: 120000.5 },
  ],
  mode: 'decide',
  themes: [{ slug: 'groen', name: 'Groen' }],
  proposalForm: proposalFormSettingsSchema.parse({}),
  voting: votingSettingsSchema.parse({}),
  counting: countingSettingsSchema.parse({}),
  verification: verificationSettingsSchema.parse({}),
};

describe('roundPublicViewSchema', () => {
  it('accepts a complete public view', () => {
    assert.deepEqual(roundPublicViewSchema.parse(round), round);
  });

  it('requires the settings the widgets follow', () => {
    const { voting: _voting, ...withoutVoting } = round;
    assert.equal(roundPublicViewSchema.safeParse(withoutVoting).success, false);
  });

  it('rejects a slug with capitals or spaces, pointing at the field', () => {
    const result = roundPublicViewSchema.safeParse({ ...round, slug: 'Voorbeeld Stad' });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['slug']);
  });

  it('rejects negative budgets and amounts with more than two decimals', () => {
    assert.equal(roundPublicViewSchema.safeParse({ ...round, budget: -1 }).success, false);
    assert.equal(roundPublicViewSchema.safeParse({ ...round, budget: 10.005 }).success, false);
    assert.equal(roundPublicViewSchema.safeParse({ ...round, budget: Infinity }).success, false);
  });

  it('rejects a phase that ends before it starts, and an unknown phase kind', () => {
    const backwards = { ...phases[0]!, end: '2026-12-01T00:00:00.000Z' };
    const result = roundPublicViewSchema.safeParse({ ...round, phases: [backwards] });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['phases', 0, 'end']);
    const unknown = { ...phases[0]!, kind: 'lottery' };
    assert.equal(roundPublicViewSchema.safeParse({ ...round, phases: [unknown] }).success, false);
  });

  it('rejects dates without a time zone and unknown currencies', () => {
    const local = { ...phases[0]!, start: '2027-01-01T00:00:00' };
    assert.equal(roundPublicViewSchema.safeParse({ ...round, phases: [local] }).success, false);
    assert.equal(roundPublicViewSchema.safeParse({ ...round, currency: 'euro' }).success, false);
  });
});

describe('currentPhaseAt', () => {
  it('finds the phase containing the moment, with start inclusive and end exclusive', () => {
    assert.equal(currentPhaseAt(phases, new Date('2027-01-01T00:00:00.000Z')), 'ideas');
    assert.equal(currentPhaseAt(phases, new Date('2027-02-01T00:00:00.000Z')), null);
    assert.equal(currentPhaseAt(phases, new Date('2027-03-10T12:00:00.000Z')), 'voting');
    assert.equal(currentPhaseAt(phases, new Date('2028-01-01T00:00:00.000Z')), null);
  });

  it('ends a phase an admin closed early at that moment', () => {
    const closed: Phase[] = [{ ...phases[1]!, closedAt: '2027-03-05T00:00:00.000Z' }];
    assert.equal(currentPhaseAt(closed, new Date('2027-03-04T23:59:59.000Z')), 'voting');
    assert.equal(currentPhaseAt(closed, new Date('2027-03-05T00:00:00.000Z')), null);
  });

  it('prefers the phase that started last where phases overlap', () => {
    const overlapping: Phase[] = [
      { kind: 'ideas', start: '2027-01-01T00:00:00Z', end: '2027-03-01T00:00:00Z' },
      { kind: 'review', start: '2027-02-01T00:00:00Z', end: '2027-04-01T00:00:00Z' },
    ];
    assert.equal(currentPhaseAt(overlapping, new Date('2027-02-15T00:00:00Z')), 'review');
  });
});

describe('errorResponseSchema', () => {
  it('accepts Strapi’s error format with field issues', () => {
    const body = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: '1 error occurred',
        details: { errors: toErrorIssues([{ path: ['slug'], message: 'Too short' }]) },
      },
    };
    assert.deepEqual(errorResponseSchema.parse(body), body);
  });

  it('rejects a success status or a missing message', () => {
    const ok = { data: null, error: { status: 200, name: 'X', message: 'm' } };
    assert.equal(errorResponseSchema.safeParse(ok).success, false);
    const bare = { data: null, error: { status: 404, name: 'NotFoundError' } };
    assert.equal(errorResponseSchema.safeParse(bare).success, false);
  });
});
