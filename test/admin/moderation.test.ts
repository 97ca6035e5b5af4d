/** The moderation page's logic: its list query, rows reduced to what moderators see, checks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAnswer,
  checkModeration,
  moderationListUrl,
  toModerationItem,
} from '../../cms-plugin/admin/src/lib/moderation.ts';
import { canListArguments, READ_ARGUMENTS } from '../../cms-plugin/admin/src/lib/permissions.ts';

describe('moderation list', () => {
  it('asks the Content Manager for waiting or hidden arguments with their proposal', () => {
    const waiting = moderationListUrl('waiting');
    assert.ok(waiting.startsWith('/content-manager/collection-types/plugin::begroot.argument?'));
    assert.ok(waiting.includes('filters[awaitingModeration][$eq]=true'));
    assert.ok(waiting.includes('populate[proposal]=true'));
    assert.ok(moderationListUrl('hidden').includes('filters[hidden][$eq]=true'));
  });

  it('keeps the argument, its reports and its proposal, and drops contact data', () => {
    const item = toModerationItem({
      documentId: 'a1b2c3d4e5f6',
      stance: 'against',
      body: 'Grof.',
      authorName: 'Piet',
      official: false,
      hidden: false,
      moderationReason: null,
      reportCount: 2,
      reports: [
        { at: '2027-01-01T00:00:00Z', reason: 'rude' },
        { at: '2027-01-02T00:00:00Z', reason: null },
      ],
      postedAt: '2026-12-31T00:00:00Z',
      proposal: {
        documentId: 'p1p2p3p4p5p6',
        title: 'Bankjes',
        status: 'admitted',
        email: 'private@example.nl',
      },
    });
    assert.deepEqual(item.proposal, {
      documentId: 'p1p2p3p4p5p6',
      title: 'Bankjes',
      status: 'admitted',
    });
    assert.equal(item.reports.length, 2);
    assert.equal(item.reports[1]!.reason, null);
    assert.ok(!JSON.stringify(item).includes('private@example.nl'));
  });

  it('copes with a row without proposal or reports', () => {
    const item = toModerationItem({ documentId: 'x', body: 'b', reports: null, proposal: null });
    assert.equal(item.proposal, null);
    assert.deepEqual(item.reports, []);
    assert.equal(item.stance, 'question');
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

  it('listing arguments needs read access to them in the Content Manager', () => {
    assert.equal(canListArguments([READ_ARGUMENTS]), true);
    assert.equal(
      canListArguments([{ action: READ_ARGUMENTS.action, subject: 'plugin::begroot.proposal' }]),
      false
    );
    assert.equal(canListArguments(undefined), false);
  });
});
