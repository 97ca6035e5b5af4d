/** The review queue's and the permissions' logic. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canMoveProposal, PROPOSAL_STATUSES } from '@begroot/core';
import {
  bulkTargets,
  countByStatus,
  daysLeft,
  deadlineState,
  filterQueue,
  needsReason,
  nextStatuses,
  sortQueue,
} from '../../cms-plugin/admin/src/lib/review.ts';
import {
  ACTIONS,
  MENU_PERMISSIONS,
  canOpen,
  rightsOf,
  sectionsFor,
} from '../../cms-plugin/admin/src/lib/permissions.ts';
import { ADMIN_ACTIONS } from '../../cms-plugin/server/src/utils/permissions.ts';

const now = new Date('2027-02-01T12:00:00Z');

describe('response deadlines', () => {
  it('past, near (within a week), ok', () => {
    assert.equal(deadlineState('2027-01-31T12:00:00Z', 'submitted', now), 'past');
    assert.equal(deadlineState('2027-02-05T12:00:00Z', 'in_review', now), 'near');
    assert.equal(deadlineState('2027-02-08T12:00:00Z', 'submitted', now), 'near');
    assert.equal(deadlineState('2027-02-09T12:00:01Z', 'submitted', now), 'ok');
  });

  it('none once answered or without a deadline', () => {
    assert.equal(deadlineState('2027-01-01T00:00:00Z', 'admitted', now), 'none');
    assert.equal(deadlineState('2027-01-01T00:00:00Z', 'rejected', now), 'none');
    assert.equal(deadlineState(null, 'submitted', now), 'none');
    assert.equal(deadlineState('never', 'submitted', now), 'none');
  });

  it('days left', () => {
    assert.equal(daysLeft('2027-02-04T12:00:00Z', now), 3);
    assert.equal(daysLeft('2027-01-30T12:00:00Z', now), -2);
  });
});

describe('status moves', () => {
  it("offers only the moves core's canMoveProposal allows", () => {
    for (const from of PROPOSAL_STATUSES) {
      for (const to of nextStatuses(from)) assert.ok(canMoveProposal(from, to), `${from}→${to}`);
      assert.ok(!nextStatuses(from).includes(from));
    }
    assert.deepEqual(nextStatuses('submitted'), ['in_review', 'admitted', 'rejected', 'merged']);
  });

  it('bulk: the moves every selected proposal allows, never merged', () => {
    assert.deepEqual(bulkTargets(['submitted', 'in_review']), ['admitted', 'rejected']);
    assert.deepEqual(bulkTargets(['submitted']), ['in_review', 'admitted', 'rejected']);
    assert.deepEqual(bulkTargets(['merged', 'completed']), []);
    assert.deepEqual(bulkTargets([]), []);
  });

  it('a rejection needs a public reason', () => {
    assert.equal(needsReason('rejected'), true);
    assert.equal(needsReason('admitted'), false);
  });
});

describe('the queue', () => {
  const items = [
    {
      documentId: 'a',
      status: 'admitted',
      district: 'oost',
      responseDeadline: '2027-01-01T00:00:00Z',
    },
    {
      documentId: 'b',
      status: 'submitted',
      district: 'west',
      responseDeadline: '2027-03-01T00:00:00Z',
    },
    {
      documentId: 'c',
      status: 'submitted',
      district: 'oost',
      responseDeadline: '2027-02-02T00:00:00Z',
    },
    { documentId: 'd', status: 'in_review', district: null, responseDeadline: null },
  ] as const;

  it('filters by status and district', () => {
    const ids = (list: readonly { documentId: string }[]) => list.map((item) => item.documentId);
    assert.deepEqual(ids(filterQueue(items, { status: 'submitted', district: 'all' })), ['b', 'c']);
    assert.deepEqual(ids(filterQueue(items, { status: 'all', district: 'oost' })), ['a', 'c']);
    assert.deepEqual(ids(filterQueue(items, { status: 'all', district: 'all' })), [
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('waiting proposals with the nearest deadline first', () => {
    assert.deepEqual(
      sortQueue(items).map((item) => item.documentId),
      ['c', 'b', 'a', 'd']
    );
  });

  it('counts every status', () => {
    const counts = countByStatus(items);
    assert.equal(counts.submitted, 2);
    assert.equal(counts.completed, 0);
    assert.equal(Object.keys(counts).length, PROPOSAL_STATUSES.length);
  });
});

describe('permissions', () => {
  it('rights from the admin actions the user holds', () => {
    const rights = rightsOf([{ action: ACTIONS.reviewProposals, subject: null }, { action: 'x' }]);
    assert.deepEqual(rights, {
      manageRounds: false,
      reviewProposals: true,
      moderateArguments: false,
      manageCodes: false,
      enterPaperBallots: false,
      countResults: false,
      publishResults: false,
      manageExecution: false,
      viewParticipation: false,
      managePanel: false,
    });
    assert.deepEqual(sectionsFor(rights), ['review']);
    assert.equal(canOpen(rights, 'rounds'), false);
  });

  it('no permissions, no sections', () => {
    assert.deepEqual(sectionsFor(rightsOf(undefined)), []);
    assert.deepEqual(sectionsFor(rightsOf([])), []);
  });

  it('a super-admin holding every action sees every section', () => {
    const all = Object.values(ACTIONS).map((action) => ({ action }));
    assert.deepEqual(sectionsFor(rightsOf(all)), [
      'rounds',
      'review',
      'moderation',
      'voting',
      'results',
      'execution',
      'participation',
      'panel',
    ]);
  });

  it('a section opens with any one of its rights', () => {
    const clerk = rightsOf([{ action: ACTIONS.enterPaperBallots }]);
    assert.deepEqual(sectionsFor(clerk), ['voting']);
    assert.equal(canOpen(clerk, 'results'), false);
    assert.deepEqual(sectionsFor(rightsOf([{ action: ACTIONS.managePanel }])), ['panel']);
  });

  it('the menu link asks for any of the plugin actions, matching the server', () => {
    assert.deepEqual(
      MENU_PERMISSIONS.map((permission) => permission.action).sort(),
      ADMIN_ACTIONS.map((action) => `plugin::begroot.${action.uid}`).sort()
    );
  });
});
