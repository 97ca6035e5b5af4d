import { PROPOSAL_STATUSES, canMoveProposal, type ProposalStatus } from '@begroot/core';

const DAY = 86_400_000;

/** How close a proposal's response deadline is: officials answer within it. */
export type DeadlineState = 'past' | 'near' | 'ok' | 'none';

/** Statuses in which the submitter still waits for an answer. */
const WAITING: readonly ProposalStatus[] = ['submitted', 'in_review'];

/**
 * `past` once the deadline has gone by, `near` within `nearDays` (a week) before it, `ok` before
 * that; `none` when there is no deadline or the proposal is already answered.
 */
export function deadlineState(
  deadline: string | null | undefined,
  status: ProposalStatus,
  now: Date,
  nearDays = 7
): DeadlineState {
  if (!deadline || !WAITING.includes(status)) return 'none';
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return 'none';
  const left = at - now.getTime();
  if (left < 0) return 'past';
  return left <= nearDays * DAY ? 'near' : 'ok';
}

/** Whole days until the deadline (negative once past). */
export function daysLeft(deadline: string, now: Date): number {
  return Math.ceil((Date.parse(deadline) - now.getTime()) / DAY);
}

/** Where a proposal may go from its status (its own status excluded). */
export function nextStatuses(from: ProposalStatus): ProposalStatus[] {
  return PROPOSAL_STATUSES.filter((to) => to !== from && canMoveProposal(from, to));
}

/**
 * Statuses every selected proposal may move to: the bulk action offers only these. `merged` is
 * left out (each merge names its own target).
 */
export function bulkTargets(statuses: readonly ProposalStatus[]): ProposalStatus[] {
  if (statuses.length === 0) return [];
  return PROPOSAL_STATUSES.filter(
    (to) => to !== 'merged' && statuses.every((from) => from !== to && canMoveProposal(from, to))
  );
}

/** What a status change needs besides the status itself (core's review schema asks the same). */
export function needsReason(to: ProposalStatus): boolean {
  return to === 'rejected';
}

export type QueueItem = {
  documentId: string;
  status: ProposalStatus;
  district: string | null;
  responseDeadline: string | null;
};

export type QueueFilter = { status: ProposalStatus | 'all'; district: string | 'all' };

export function filterQueue<T extends QueueItem>(items: readonly T[], filter: QueueFilter): T[] {
  return items.filter(
    (item) =>
      (filter.status === 'all' || item.status === filter.status) &&
      (filter.district === 'all' || item.district === filter.district)
  );
}

/** Proposals per status, every status present (zero where none). */
export function countByStatus(items: readonly QueueItem[]): Record<ProposalStatus, number> {
  const counts = Object.fromEntries(PROPOSAL_STATUSES.map((status) => [status, 0])) as Record<
    ProposalStatus,
    number
  >;
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/** Waiting proposals first, those with the earliest deadline first; then the rest as they came. */
export function sortQueue<T extends QueueItem>(items: readonly T[]): T[] {
  const rank = (item: T) =>
    WAITING.includes(item.status) && item.responseDeadline
      ? Date.parse(item.responseDeadline)
      : Number.POSITIVE_INFINITY;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}
