export interface BegrootArgumentReportedDetail {
  /** The proposal the argument belongs to. */
  proposal: string;
  /** The reported argument's id. */
  argument: string;
}

/** A resident reported an argument to the moderators (the server accepted it). Bubbles, composed. */
export class BegrootArgumentReportedEvent extends CustomEvent<BegrootArgumentReportedDetail> {
  static readonly type = 'begroot-argument-reported';

  constructor(detail: BegrootArgumentReportedDetail) {
    super(BegrootArgumentReportedEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-argument-reported': BegrootArgumentReportedEvent;
  }
}
