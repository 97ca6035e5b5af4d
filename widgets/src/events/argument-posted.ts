import type { ArgumentPublicView } from '@begroot/core';

export interface BegrootArgumentPostedDetail {
  /** The proposal the argument belongs to. */
  proposal: string;
  /** The argument as the server stored it. */
  argument: ArgumentPublicView;
}

/** A resident's argument, question or reply was posted (201). Bubbles and is composed. */
export class BegrootArgumentPostedEvent extends CustomEvent<BegrootArgumentPostedDetail> {
  static readonly type = 'begroot-argument-posted';

  constructor(detail: BegrootArgumentPostedDetail) {
    super(BegrootArgumentPostedEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-argument-posted': BegrootArgumentPostedEvent;
  }
}
