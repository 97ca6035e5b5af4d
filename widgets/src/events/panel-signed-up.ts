export interface BegrootPanelSignedUpDetail {
  /** The round's slug. */
  round: string;
  /**
   * Always `registered`: the server answers the same whether or not the address had signed up
   * before, so the page learns nothing about who signed up. No name or address is ever passed on.
   */
  status: 'registered';
}

/** A resident's sign-up for the citizens' panel was accepted (201). Bubbles and crosses shadow roots. */
export class BegrootPanelSignedUpEvent extends CustomEvent<BegrootPanelSignedUpDetail> {
  static readonly type = 'begroot-panel-signed-up';

  constructor(detail: BegrootPanelSignedUpDetail) {
    super(BegrootPanelSignedUpEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-panel-signed-up': BegrootPanelSignedUpEvent;
  }
}
