import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ISSUE_CODES,
  amountSchema,
  executionChangeSchema,
  issueCode,
  originSchema,
  phaseSchema,
  proposalFormSettingsSchema,
  proposalInputSchema,
  proposalReviewSchema,
  roundDocumentSchema,
  toErrorIssues,
  votingSettingsSchema,
} from '../src/index.js';

/** The begroot codes of everything `schema` finds wrong with `value`. */
function codes(
  schema: { safeParse(value: unknown): { error?: { issues: object[] } } },
  value: unknown
) {
  const issues = schema.safeParse(value).error?.issues ?? [];
  return issues.map((issue) => issueCode(issue));
}

const form = proposalFormSettingsSchema.parse({ costRequired: true });
const proposalInput = proposalInputSchema({ form, districts: [], themes: [] });
const valid = {
  title: 'Bankjes in het park',
  description: 'Meer bankjes langs het water, voor wie even wil zitten.',
  estimatedCost: 1200,
};

describe('issue codes', () => {
  it('are unique and namespaced', () => {
    const values = Object.values(ISSUE_CODES);
    assert.equal(new Set(values).size, values.length);
    for (const code of values) assert.match(code, /^begroot\.[a-z]+\.[a-zA-Z]+$/);
  });

  it('mark each of core’s refinements in the proposal form', () => {
    assert.deepEqual(codes(proposalInput, { ...valid, title: 'Een <b>vet</b> idee' }), [
      ISSUE_CODES.markup,
    ]);
    assert.deepEqual(codes(proposalInput, { ...valid, title: 'Twee\nregels' }), [
      ISSUE_CODES.oneLine,
    ]);
    assert.deepEqual(codes(proposalInput, { ...valid, description: 'Een bel\u0007 in de tekst' }), [
      ISSUE_CODES.controlCharacters,
    ]);
    assert.deepEqual(codes(proposalInput, { ...valid, estimatedCost: 10.005 }), [
      ISSUE_CODES.amountDecimals,
    ]);
    assert.deepEqual(codes(proposalInput, { ...valid, estimatedCost: null }), [
      ISSUE_CODES.costRequired,
    ]);
  });

  it('mark the refinements of reviews, phases, settings and round documents', () => {
    assert.deepEqual(codes(proposalReviewSchema, { status: 'rejected' }), [
      ISSUE_CODES.rejectionReasonRequired,
    ]);
    assert.deepEqual(codes(proposalReviewSchema, { status: 'merged' }), [
      ISSUE_CODES.mergeTargetRequired,
    ]);
    assert.deepEqual(codes(proposalReviewSchema, { status: 'admitted', publicTitle: 'Bankjes' }), [
      ISSUE_CODES.publicTitleOnlyRejected,
    ]);
    const start = '2027-03-01T00:00:00.000Z';
    assert.deepEqual(codes(phaseSchema, { kind: 'voting', start, end: start }), [
      ISSUE_CODES.phaseEndsBeforeStart,
    ]);
    assert.deepEqual(codes(votingSettingsSchema, { minSelections: 3, maxSelections: 2 }), [
      ISSUE_CODES.maxSelectionsBelowMin,
    ]);
    assert.deepEqual(codes(votingSettingsSchema, { method: 'approval', points: 5 }), [
      ISSUE_CODES.pointsMismatch,
    ]);
    assert.deepEqual(codes(originSchema, 'https://example.nl/pad'), [ISSUE_CODES.invalidOrigin]);
    const phase = { kind: 'ideas', start, end: '2027-04-01T00:00:00.000Z' };
    const round = { slug: 'stad-2027', title: 'Stad 2027', budget: 1000, phases: [phase] };
    assert.deepEqual(codes(roundDocumentSchema, { ...round, phases: [phase, phase] }), [
      ISSUE_CODES.duplicatePhase,
    ]);
    const district = { slug: 'oost', name: 'Oost', budget: 500 };
    assert.deepEqual(codes(roundDocumentSchema, { ...round, districts: [district, district] }), [
      ISSUE_CODES.duplicateDistrict,
      // The neighbourhoods of both (none) are unique.
    ]);
    const withHood = { ...district, neighbourhoods: [{ slug: 'dorp', name: 'Dorp' }] };
    assert.deepEqual(
      codes(roundDocumentSchema, {
        ...round,
        districts: [withHood, { ...withHood, slug: 'west' }],
      }),
      [ISSUE_CODES.duplicateNeighbourhood]
    );
    const theme = { slug: 'groen', name: 'Groen' };
    assert.deepEqual(codes(roundDocumentSchema, { ...round, themes: [theme, theme] }), [
      ISSUE_CODES.duplicateTheme,
    ]);
    assert.deepEqual(codes(votingSettingsSchema, { askAgeBand: true, ageBands: [] }), [
      ISSUE_CODES.ageBandsMissing,
    ]);
    assert.deepEqual(codes(votingSettingsSchema, { ageBands: ['18-25', '18-25'] }), [
      ISSUE_CODES.duplicateAgeBand,
    ]);
  });

  it('mark the refinements of execution changes', () => {
    assert.deepEqual(codes(executionChangeSchema, {}), [ISSUE_CODES.nothingToChange]);
    assert.deepEqual(codes(executionChangeSchema, { progress: 40, publicReason: 'Vertraagd.' }), [
      ISSUE_CODES.reasonWithoutStatus,
    ]);
    assert.equal(
      executionChangeSchema.safeParse({ status: 'planned', publicReason: 'Vergunning rond.' })
        .success,
      true
    );
  });

  it('leave zod’s own checks with zod’s codes', () => {
    const issues = proposalInput.safeParse({ ...valid, title: 'ab' }).error?.issues ?? [];
    assert.equal(issues[0]?.code, 'too_small');
    assert.equal(issueCode(issues[0]!), undefined);
    assert.equal(issueCode({ params: { code: 'begroot.unknown.thing' } }), undefined);
    assert.equal(amountSchema.safeParse(-1).error?.issues[0]?.code, 'too_small');
  });

  it('reach Strapi’s details.errors', () => {
    const issues = proposalInput.safeParse({ ...valid, title: '<i>x</i>y', description: 'kort' })
      .error!.issues;
    assert.deepEqual(toErrorIssues(issues), [
      {
        path: ['title'],
        message: 'Write plain text: HTML is not allowed.',
        name: 'ValidationError',
        code: ISSUE_CODES.markup,
      },
      {
        path: ['description'],
        message: 'Write at least 10 characters.',
        name: 'ValidationError',
        code: 'too_small',
      },
    ]);
    // Issues made by hand have no code.
    assert.deepEqual(toErrorIssues([{ path: ['replyTo'], message: 'Unknown argument.' }]), [
      { path: ['replyTo'], message: 'Unknown argument.', name: 'ValidationError' },
    ]);
  });
});
