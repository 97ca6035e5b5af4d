import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { BallotStepsTexts } from './steps-texts.js';
import { KIOSK_TIMEOUT_S, type BallotStepHost } from './vote-ballot.js';

/** After asking, a kiosk starts over this long later (or after `kiosk-timeout`, if shorter). */
const KIOSK_WARNING_S = 30;
/** What counts as someone at the kiosk, anywhere on the page. */
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Kiosk mode: a voter who walks away must not leave their choice or token for the next one.
 * After `kiosk-timeout` seconds of quiet, a voter who left something is asked "are you still
 * there?" (shown, announced, focus on the answer); without an answer the ballot starts over.
 * Part of the steps chunk, which a kiosk loads at once.
 */
export class KioskIdle implements ReactiveController {
  readonly #h: BallotStepHost;
  readonly #texts: () => BallotStepsTexts;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** "Are you still there?" is showing; the start-over follows unless someone answers. */
  #warning = false;
  #before: HTMLElement | null = null;

  constructor(host: BallotStepHost, texts: () => BallotStepsTexts) {
    this.#h = host;
    this.#texts = texts;
    host.el.addController(this);
  }

  hostConnected(): void {
    const doc = this.#h.el.ownerDocument;
    for (const type of ACTIVITY) {
      doc.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    }
  }

  hostDisconnected(): void {
    this.stop();
    const doc = this.#h.el.ownerDocument;
    for (const type of ACTIVITY) doc.removeEventListener(type, this.#onActivity, { capture: true });
  }

  /** No warning, no timer (the ballot started over, or left the page). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#warning = false;
  }

  /** Seconds of quiet before the warning (`kiosk-timeout`; the default for nonsense). */
  get #idleSeconds(): number {
    const seconds = Number(this.#h.el.kioskTimeout);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : KIOSK_TIMEOUT_S;
  }

  get #warningSeconds(): number {
    return Math.min(KIOSK_WARNING_S, this.#idleSeconds);
  }

  #arm(): void {
    clearTimeout(this.#timer);
    // The confirmation starts over by itself after a vote (see steps.ts).
    this.#timer =
      this.#h.step === 'done'
        ? undefined
        : setTimeout(() => this.#warn(), this.#idleSeconds * 1000);
  }

  /** Someone is at the kiosk: the quiet starts again (a touch outside the warning answers it too). */
  #onActivity = (event: Event): void => {
    const el = this.#h.el;
    if (!el.kiosk) return;
    const warning = el.renderRoot.querySelector('.idle-warning');
    if (this.#warning && warning && event.composedPath().includes(warning)) return;
    if (this.#warning) {
      this.#warning = false;
      el.requestUpdate();
    }
    this.#arm();
  };

  /** Whether a voter left anything here: a choice, a verification, something typed. */
  get #leftSomething(): boolean {
    const s = this.#h.state;
    return (
      this.#h.step !== 'choose' ||
      (this.#h.store?.selections.length ?? 0) > 0 ||
      !!s.verification ||
      !!s.code.trim() ||
      !!s.email.trim()
    );
  }

  #warn(): void {
    const el = this.#h.el;
    this.#timer = undefined;
    if (!el.kiosk || !el.isConnected || this.#h.step === 'done' || !this.#leftSomething) return;
    const t = this.#texts();
    this.#warning = true;
    const active = el.shadowRoot?.activeElement;
    this.#before = active instanceof HTMLElement ? active : null;
    this.#h.announcement = `${t.idleTitle} ${t.idleWarning(this.#warningSeconds)}`;
    this.#h.focus = '.idle-stay';
    el.requestUpdate();
    this.#timer = setTimeout(() => el.reset(), this.#warningSeconds * 1000);
  }

  #onStay = async (): Promise<void> => {
    const el = this.#h.el;
    const before = this.#before;
    this.#before = null;
    this.#warning = false;
    this.#arm();
    this.#h.announcement = '';
    el.requestUpdate();
    await el.updateComplete;
    // Back where the voter was, or the step they are on.
    (before?.isConnected
      ? before
      : el.renderRoot.querySelector<HTMLElement>('.step, .title')
    )?.focus();
  };

  render(): TemplateResult | typeof nothing {
    if (!this.#warning) return nothing;
    const t = this.#texts();
    return html`<div
      part="idle-warning"
      class="notice idle-warning"
      role="group"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
    >
      <p class="idle-title" id="idle-title"><strong>${t.idleTitle}</strong></p>
      <p id="idle-text">${t.idleWarning(this.#warningSeconds)}</p>
      <button part="submit-button" class="button idle-stay" type="button" @click=${this.#onStay}>
        ${t.idleStay}
      </button>
    </div>`;
  }
}
