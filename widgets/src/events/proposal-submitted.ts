import type { ProposalStatus } from '@begroot/core';

export interface BegrootProposalSubmittedDetail {
  /** The new proposal's id (Strapi `documentId`). */
  documentId: string;
  /** Its status: `submitted` until officials review it. */
  status: ProposalStatus;
  /** The round's slug. */
  round: string;
}

/** A resident's proposal was accepted by the server (201). Bubbles and crosses shadow roots. */
export class BegrootProposalSubmittedEvent extends CustomEvent<BegrootProposalSubmittedDetail> {
  static readonly type = 'begroot-proposal-submitted';

  constructor(detail: BegrootProposalSubmittedDetail) {
    super(BegrootProposalSubmittedEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-proposal-submitted': BegrootProposalSubmittedEvent;
  }
}
