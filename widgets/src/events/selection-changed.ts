import type { BallotSelection } from '@begroot/core';

export interface BegrootSelectionChangedDetail {
  round: string;
  selections: BallotSelection[];
  /** Summed cost of the chosen proposals, and what is left of the voter's budget. */
  spent: number;
  left: number;
  /** Whether the selection is a valid ballot now (core's `checkBallot` finds nothing). */
  valid: boolean;
}

/** The voter changed their selection on the ballot. Bubbles and is composed. */
export class BegrootSelectionChangedEvent extends CustomEvent<BegrootSelectionChangedDetail> {
  static readonly type = 'begroot-selection-changed';

  constructor(detail: BegrootSelectionChangedDetail) {
    super(BegrootSelectionChangedEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-selection-changed': BegrootSelectionChangedEvent;
  }
}
