export interface BegrootBallotCastDetail {
  round: string;
  /** The receipt code the server gave for this ballot. */
  receipt: string;
}

/** The server counted the voter's ballot (201). Bubbles and is composed. */
export class BegrootBallotCastEvent extends CustomEvent<BegrootBallotCastDetail> {
  static readonly type = 'begroot-ballot-cast';

  constructor(detail: BegrootBallotCastDetail) {
    super(BegrootBallotCastEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-ballot-cast': BegrootBallotCastEvent;
  }
}
