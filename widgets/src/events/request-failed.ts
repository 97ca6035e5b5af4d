import type { RequestFailure } from '../api/errors.js';

export type BegrootRequestFailedDetail = RequestFailure;

/**
 * A widget's request failed (or could not be made). Bubbles and crosses shadow roots, so a city
 * can log failures with one listener on `document`. The widget shows its own error and retry.
 */
export class BegrootRequestFailedEvent extends CustomEvent<BegrootRequestFailedDetail> {
  static readonly type = 'begroot-request-failed';

  constructor(detail: BegrootRequestFailedDetail) {
    super(BegrootRequestFailedEvent.type, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'begroot-request-failed': BegrootRequestFailedEvent;
  }
}

/**
 * Dispatches one of the widgets' typed events. (A helper, so the manifest analyzer takes the
 * events from the documented `@fires` tags rather than listing an unnamed one.)
 */
export function fire(target: EventTarget, event: Event): boolean {
  return target.dispatchEvent(event);
}
