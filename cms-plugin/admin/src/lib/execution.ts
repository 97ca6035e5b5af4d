import {
  EXECUTION_STATUSES,
  canMoveProposal,
  type ExecutionChange,
  type ExecutionStatus,
  type ExecutionView,
} from '@begroot/core';

/** Money spent against money granted: `over` when more was spent than granted. */
export type SpendState = 'none' | 'ok' | 'near' | 'over';

export function spendState({ spent, granted }: Pick<ExecutionView, 'spent' | 'granted'>) {
  if (spent === 0) return 'none' satisfies SpendState;
  if (spent > granted) return 'over' satisfies SpendState;
  return (spent >= 0.9 * granted ? 'near' : 'ok') satisfies SpendState;
}

/** The share of the grant spent, in whole percent (can pass 100). */
export const spentPercent = ({ spent, granted }: Pick<ExecutionView, 'spent' | 'granted'>) =>
  granted > 0 ? Math.round((100 * spent) / granted) : spent > 0 ? Infinity : 0;

/** The statuses a funded proposal may move to next (core's status machine), itself first. */
export function executionMoves(status: ExecutionStatus): ExecutionStatus[] {
  return EXECUTION_STATUSES.filter((to) => to === status || canMoveProposal(status, to));
}

export type ExecutionDraft = {
  status: ExecutionStatus;
  progress: number | null;
  spent: number | null;
  update: string;
  publicReason: string;
};

export const draftOf = (execution: ExecutionView): ExecutionDraft => ({
  status: execution.status,
  progress: execution.progress,
  spent: execution.spent,
  update: '',
  publicReason: '',
});

/** Only what changed, as `PATCH …/execution` takes it (checked there with the same schema). */
export function changeOf(execution: ExecutionView, draft: ExecutionDraft): ExecutionChange {
  const moved = draft.status !== execution.status;
  return {
    ...(moved ? { status: draft.status } : {}),
    ...(draft.progress !== null && draft.progress !== execution.progress
      ? { progress: draft.progress }
      : {}),
    ...(draft.spent !== null && draft.spent !== execution.spent ? { spent: draft.spent } : {}),
    ...(draft.update.trim() ? { update: draft.update.trim() } : {}),
    ...(moved && draft.publicReason.trim() ? { publicReason: draft.publicReason.trim() } : {}),
  };
}

/** Rows grouped by district, in the order given; `null` is city-wide. */
export function byDistrict<T extends { district: string | null }>(rows: readonly T[]) {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) groups.set(row.district, [...(groups.get(row.district) ?? []), row]);
  return [...groups.entries()].map(([district, items]) => ({ district, items }));
}
