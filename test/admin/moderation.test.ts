/** The moderation page's logic: its list query, rows reduced to what moderators see, checks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAnswer,
  checkModeration,
  itemsFor,
  moderationListUrl,
  toModerationItem,
} from '../../cms-plugin/admin/src/lib/moderation.ts';

const row = (overrides: Record<string, unknown> = {}) => ({
  documentId: 'a1b2c3d4e5f6',
  proposal: 'p1p2p3p4p5p6',
  proposalTitle: 'Bankjes',
  stance: 'against',
  body: 'Grof.',
  authorName: 'Piet',
  replyTo: null,
  official: false,
  postedAt: '2026-12-31T00:00:00Z',
  hidden: false,
  awaitingModeration: true,
  reportCount: 2,
  reports: [
    { at: '2027-01-01T00:00:00Z', reason: 'rude' },
    { at: '2027-01-02T00:00:00Z', reason: null },
  ],
  moderationReason: null,
  moderatedAt: null,
  ...overrides,
});

describe('moderation list', () => {
  it("asks the plugin's moderation queue of the round, waiting ones or all", () => {
    assert.equal(
      moderationListUrl('noord-2027', 'waiting'),
      '/begroot/rounds/noord-2027/arguments?awaitingModeration=true&page=1&pageSize=100'
    );
    assert.equal(
      moderationListUrl('noord-2027', 'hidden', 2),
      '/begroot/rounds/noord-2027/arguments?page=2&pageSize=100'
    );
  });

  it('keeps the argument, its reports and its proposal', () => {
    const item = toModerationItem(row());
    assert.deepEqual(item.proposal, { documentId: 'p1p2p3p4p5p6', title: 'Bankjes' });
    assert.equal(item.reports.length, 2);
    assert.equal(item.reports[1]!.reason, null);
    assert.equal(item.stance, 'against');
  });

  it('copes with a row without proposal or reports', () => {
    const item = toModerationItem({ documentId: 'x', body: 'b', reports: null, proposal: '' });
    assert.equal(item.proposal, null);
    assert.deepEqual(item.reports, []);
    assert.equal(item.stance, 'question');
  });

  it('the hidden view keeps the hidden ones only', () => {
    const items = [row(), row({ documentId: 'b', hidden: true })].map(toModerationItem);
    assert.deepEqual(
      itemsFor('hidden', items).map((item) => item.documentId),
      ['b']
    );
    assert.equal(itemsFor('waiting', items).length, 2);
  });
});

describe('moderation checks', () => {
  it("a reason is needed to hide or restore (core's schema)", () => {
    assert.deepEqual(checkModeration(true, 'Beledigend voor buren.'), []);
    assert.equal(checkModeration(true, '')[0]!.path, 'reason');
    assert.equal(checkModeration(false, ' ')[0]!.path, 'reason');
  });

  it('an official answer needs a text', () => {
    assert.deepEqual(checkAnswer('Dank u, we kijken ernaar.', 'abcdefghij12'), []);
    assert.equal(checkAnswer('', null)[0]!.path, 'body');
  });
});
