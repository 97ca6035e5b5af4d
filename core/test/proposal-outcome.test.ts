import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isRejectedView,
  lightProposalOutcomeViewSchema,
  proposalOutcomeViewSchema,
  proposalPublicViewSchema,
  proposalReviewSchema,
  rejectedIdeaTitle,
  rejectedProposalViewSchema,
  type ProposalPublicView,
  type RejectedProposalView,
} from '../src/index.js';

const merged: ProposalPublicView = proposalPublicViewSchema.parse({
  documentId: 'abcdefghij0123456789',
  round: 'voorbeeldstad-2026',
  title: 'Meer bankjes',
  summary: null,
  description: 'Meer bankjes langs het water.',
  estimatedCost: 12000,
  officialCost: null,
  district: 'noord',
  theme: null,
  location: null,
  imageUrl: null,
  authorName: 'Anna',
  status: 'merged',
  publicReason: 'Hetzelfde idee als “Bankjes in het park”.',
  mergedInto: 'zyxwvutsrq9876543210',
  history: [{ status: 'merged', at: '2026-02-01T10:00:00.000Z', reason: 'Dubbel.' }],
  updates: [],
  argumentCounts: { for: 0, against: 0, question: 0 },
  submittedAt: '2026-01-05T10:00:00.000Z',
});

const rejected: RejectedProposalView = rejectedProposalViewSchema.parse({
  documentId: 'qwertyuiop0123456789',
  round: 'voorbeeldstad-2026',
  title: 'Een parkeergarage',
  district: 'zuid',
  theme: 'verkeer',
  status: 'rejected',
  publicReason: 'Past niet binnen het budget van de wijk.',
  history: [
    { status: 'submitted', at: '2026-01-05T10:00:00.000Z', reason: null },
    { status: 'rejected', at: '2026-02-01T10:00:00.000Z', reason: 'Te duur.' },
  ],
  updates: [],
  submittedAt: '2026-01-05T10:00:00.000Z',
});

describe('proposal outcome views', () => {
  it('accept a rejected proposal’s short view and a merged proposal in full', () => {
    assert.deepEqual(proposalOutcomeViewSchema.parse(rejected), rejected);
    assert.deepEqual(proposalOutcomeViewSchema.parse(merged), merged);
    assert.equal(isRejectedView(rejected), true);
    assert.equal(isRejectedView(merged), false);
  });

  it('refuse a rejected proposal with the resident’s text', () => {
    const full = { ...merged, status: 'rejected', mergedInto: null };
    assert.equal(proposalPublicViewSchema.safeParse(full).success, true);
    assert.equal(proposalOutcomeViewSchema.safeParse(full).success, false);
    for (const field of ['description', 'summary', 'imageUrl', 'location', 'authorName']) {
      const leaked = { ...rejected, [field]: 'x' };
      assert.equal(proposalOutcomeViewSchema.safeParse(leaked).success, false, field);
    }
    assert.equal(
      rejectedProposalViewSchema.safeParse({ ...rejected, status: 'merged' }).success,
      false
    );
  });

  it('pass the light check unchanged, which still refuses the wrong kind', () => {
    assert.deepEqual(lightProposalOutcomeViewSchema.parse(rejected), rejected);
    assert.deepEqual(lightProposalOutcomeViewSchema.parse(merged), merged);
    const bad: [string, unknown][] = [
      ['no title', { ...rejected, title: undefined }],
      ['an unknown status', { ...rejected, status: 'lost' }],
      ['history not a list', { ...rejected, history: {} }],
      ['a reason as a number', { ...rejected, publicReason: 3 }],
    ];
    for (const [what, value] of bad) {
      assert.equal(lightProposalOutcomeViewSchema.safeParse(value).success, false, what);
    }
  });
});

describe('a rejected idea’s public title', () => {
  it('is neutral without an official’s title: its number, in the round’s language', () => {
    assert.equal(rejectedIdeaTitle('nl', 12), 'Idee 12 (afgewezen)');
    assert.equal(rejectedIdeaTitle('nl-BE', 3), 'Idee 3 (afgewezen)');
    assert.equal(rejectedIdeaTitle('en', 1), 'Idea 1 (rejected)');
    assert.equal(rejectedIdeaTitle('fr', 7), 'Idée 7 (rejetée)');
    assert.equal(rejectedIdeaTitle('de', 2), 'Idea 2 (rejected)');
  });

  it('an official sets it with a rejection or on a rejected idea, checked like a title', () => {
    const reject = { status: 'rejected', publicReason: 'Niet haalbaar.' };
    assert.equal(
      proposalReviewSchema.parse({ ...reject, publicTitle: '  Bankjes  ' }).publicTitle,
      'Bankjes'
    );
    assert.equal(proposalReviewSchema.parse({ ...reject, publicTitle: null }).publicTitle, null);
    assert.equal(proposalReviewSchema.parse({ publicTitle: 'Bankjes' }).publicTitle, 'Bankjes');
    for (const publicTitle of ['ab', 'x'.repeat(201), '<b>Bankjes</b>', 'Twee\nregels', 3]) {
      assert.equal(proposalReviewSchema.safeParse({ ...reject, publicTitle }).success, false);
    }
    assert.equal(
      proposalReviewSchema.safeParse({ status: 'admitted', publicTitle: 'Bankjes' }).success,
      false
    );
  });
});
