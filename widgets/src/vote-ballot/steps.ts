import type { RoundPublicView, VotingSettings } from '@begroot/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Credential } from '../api/client.js';
import { toRequestFailure, type FieldIssue, type RequestFailure } from '../api/errors.js';
import { requestErrorText } from '../base/error-text.js';
import { writeStored } from '../base/storage.js';
import { ApiAction } from '../controllers/api-action.js';
import type { BallotStore } from '../controllers/budget.js';
import { BegrootBallotCastEvent } from '../events/ballot-cast.js';
import { fire } from '../events/request-failed.js';
import { issueText } from '../forms/issues.js';
import { KioskIdle } from './kiosk-idle.js';
import { ballotStepsTexts } from './steps-texts.js';
import { receiptKey, type BallotStepHost } from './vote-ballot.js';

/** A kiosk starts over by itself this long after a vote, for the next visitor. */
const KIOSK_RESET_MS = 60_000;

/** Core's ballot check codes that only a faulty page could cause: the general text. */
const BALLOT_FAULTS = new Set([
  'duplicate',
  'points_missing',
  'points_not_allowed',
  'rank_missing',
  'rank_not_allowed',
]);

/** The server's answer that the receipt sent is not this voter's (services/voting.ts). */
const isReceiptMismatch = (failure: RequestFailure) =>
  failure.kind === 'http' &&
  failure.status === 403 &&
  !!failure.issues?.some((issue) => issue.code === 'receipt_mismatch');

/**
 * The ballot's steps after choosing: verification (code or e-mail), review (with the optional age
 * band) and the confirmation with the receipt, with the requests they make. A chunk of its own, so
 * a page shows the ballot without it; the ballot loads it on the voter's first interaction.
 */
export class BallotSteps {
  readonly #h: BallotStepHost;
  readonly #action: ApiAction;
  /** Kiosk mode: "are you still there?", then start over. */
  readonly idle: KioskIdle;

  constructor(host: BallotStepHost) {
    this.#h = host;
    this.#action = new ApiAction(host.el);
    this.idle = new KioskIdle(host, () => this.#t);
  }

  get #el() {
    return this.#h.el;
  }

  get #s() {
    return this.#h.state;
  }

  /** The ballot's texts and these steps' own, in the page's language. */
  get #t() {
    return { ...this.#h.t, ...this.#h.textsOf(ballotStepsTexts) };
  }

  /**
   * On the first step, when this browser kept a receipt: a vote from here is in; say so, with
   * the receipt, and where the round allows it offer to change it. Anyone else simply votes below.
   */
  renderReturning(store: BallotStore): TemplateResult | typeof nothing {
    const s = this.#s;
    if (this.#el.kiosk || !s.storedReceipt) return nothing;
    const t = this.#t;
    if (s.changing) {
      return html`<p part="notice" class="notice returning" tabindex="-1">${t.changing}</p>`;
    }
    const canChange = store.voting.revote === 'replace';
    return html`<div part="notice" class="notice returning" tabindex="-1">
      <p>${t.alreadyVoted}</p>
      <p>${t.receiptLabel} <span part="receipt" class="receipt">${s.storedReceipt}</span></p>
      <p>${canChange ? t.changeHint : t.voteIsIn}</p>
      ${
        canChange
          ? html`<button
              part="secondary-button"
              class="button secondary change-vote"
              type="button"
              @click=${this.#onChangeVote}
            >
              ${t.changeVote}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** "Change my vote": this voter's new ballot replaces the one the kept receipt names. */
  #onChangeVote = (): void => {
    this.#s.changing = true;
    this.#s.receiptMismatch = false;
    this.#h.announcement = this.#t.changing;
    this.#h.focus = '.returning';
    this.#el.requestUpdate();
  };

  renderVerify(round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const methods = round.verification.methods;
    const byCode = methods.includes('code');
    const byEmail = methods.includes('email');
    const busy = this.#s.busy ? 'true' : 'false';
    return html`
      ${this.#h.stepHeading('verify')}
      <p part="notice" class="notice">${t.selectionKept}</p>
      ${
        this.#s.problem
          ? html`<p part="notice problem" class="notice problem" tabindex="-1">
              ${this.#s.problem}
            </p>`
          : nothing
      }
      ${
        byCode
          ? html`<form class="stack" novalidate data-method="code" @submit=${this.#onVerify}>
              <div part="field" class="field">
                <label part="label" class="label" for="code">${t.codeLabel}</label>
                <p part="hint" class="hint" id="code-hint">${t.codeHint}</p>
                <input
                  part="input"
                  class="input"
                  id="code"
                  name="code"
                  autocomplete="one-time-code"
                  autocapitalize="characters"
                  spellcheck="false"
                  aria-describedby="code-hint"
                  aria-required="true"
                  .value=${live(this.#s.code)}
                  @input=${this.#onText}
                />
              </div>
              <button part="submit-button" class="button" type="submit" aria-disabled=${busy}>
                ${this.#s.busy ? t.verifying : t.verify}
              </button>
            </form>`
          : nothing
      }
      ${
        byEmail
          ? html`<form class="stack" novalidate data-method="email" @submit=${this.#onVerify}>
              <div
                class="column-title subtitle"
                role="heading"
                aria-level=${Math.min(6, this.#h.level + 2)}
              >
                ${t.emailTitle}
              </div>
              <div part="field" class="field">
                <label part="label" class="label" for="email">${t.emailLabel}</label>
                <p part="hint" class="hint" id="email-hint">${t.emailHint}</p>
                <input
                  part="input"
                  class="input"
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="email"
                  spellcheck="false"
                  aria-describedby="email-hint"
                  aria-required="true"
                  .value=${live(this.#s.email)}
                  @input=${this.#onText}
                />
              </div>
              ${
                this.#s.emailSent
                  ? html`<p part="notice" class="notice sent" tabindex="-1">
                        ${t.emailSent(this.#s.email.trim())}
                      </p>
                      <div part="field" class="field">
                        <label part="label" class="label" for="otp">${t.otpLabel}</label>
                        <input
                          part="input"
                          class="input"
                          id="otp"
                          name="otp"
                          autocomplete="one-time-code"
                          inputmode="numeric"
                          spellcheck="false"
                          aria-required="true"
                          .value=${live(this.#s.otp)}
                          @input=${this.#onText}
                        />
                      </div>`
                  : nothing
              }
              <button
                part=${byCode ? 'secondary-button' : 'submit-button'}
                class=${byCode ? 'button secondary' : 'button'}
                type="submit"
                aria-disabled=${busy}
              >
                ${this.#s.busy ? t.verifying : this.#s.emailSent ? t.verify : t.sendEmail}
              </button>
            </form>`
          : nothing
      }
      ${
        !byCode && !byEmail
          ? html`<p>${t.openVerify}</p>
              <button
                part="submit-button"
                class="button"
                type="button"
                data-method="open"
                @click=${this.#onVerify}
              >
                ${t.next}
              </button>`
          : nothing
      }
      <button part="secondary-button" class="button secondary" type="button" @click=${this.#h.back}>
        ${t.back}
      </button>
    `;
  }

  renderReview(round: RoundPublicView, store: BallotStore): TemplateResult {
    const t = this.#t;
    const chosen = [...store.selections].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    const districtName = round.districts.find((d) => d.slug === store.district)?.name ?? '';
    const issues = this.#h.issueTexts(store);
    return html`
      ${this.#h.stepHeading('review')}
      ${
        this.#s.districtChanged
          ? html`<p part="notice" class="notice">${t.districtChanged(districtName)}</p>`
          : nothing
      }
      ${
        this.#s.problem
          ? html`<p part="notice problem" class="notice problem" tabindex="-1">
              ${this.#s.problem}
            </p>`
          : nothing
      }
      <ol class="chosen">
        ${chosen.map((selection) => {
          const option = store.options.get(selection.proposal);
          return html`<li>
            ${option?.title} —
            ${this.#h.money(option?.cost ?? 0)}${
              selection.points ? ` — ${t.pointsCount(selection.points)}` : ''
            }
          </li>`;
        })}
      </ol>
      <p class="tally">${t.reviewTotal(this.#h.money(store.spent))}</p>
      ${
        store.voting.askAgeBand && store.voting.ageBands?.length
          ? html`<div part="field" class="field">
              <label part="label" class="label" for="age-band">${t.ageBand}</label>
              <select
                part="input"
                class="input select"
                id="age-band"
                @change=${(event: Event) =>
                  (this.#s.ageBand = (event.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${!this.#s.ageBand}>${t.ageBandSkip}</option>
                ${store.voting.ageBands.map(
                  (band) =>
                    html`<option value=${band} ?selected=${band === this.#s.ageBand}>
                      ${band}
                    </option>`
                )}
              </select>
            </div>`
          : nothing
      }
      ${
        issues.length > 0
          ? html`<div part="issues" class="error-summary issues" tabindex="-1">
              <div class="error-summary-title">${t.issuesTitle}</div>
              <ul class="error-summary-list" role="list">
                ${issues.map((text) => html`<li>${text}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <div class="actions">
        <button
          part="submit-button"
          class="button"
          type="button"
          aria-disabled=${this.#s.busy || issues.length > 0 ? 'true' : 'false'}
          @click=${this.#onCast}
        >
          ${this.#s.busy ? t.casting : this.#s.receiptMismatch ? t.castAsNew : t.cast}
        </button>
        <button
          part="secondary-button"
          class="button secondary"
          type="button"
          @click=${this.#h.back}
        >
          ${t.back}
        </button>
      </div>
    `;
  }

  renderDone(round: RoundPublicView, store: BallotStore): TemplateResult {
    const t = this.#t;
    const canChange =
      !this.#el.kiosk && store.voting.revote === 'replace' && round.currentPhase === 'voting';
    return html`
      ${this.#h.heading(t.doneTitle)}
      ${
        this.#s.receipt
          ? html`<div part="notice" class="notice">
              <p>${t.receipt}</p>
              <p part="receipt" class="receipt">${this.#s.receipt}</p>
              ${canChange ? html`<p>${t.receiptHint}</p>` : nothing}
            </div>`
          : nothing
      }
      ${
        this.#el.kiosk
          ? html`<button
              part="submit-button"
              class="button"
              type="button"
              @click=${this.#onNextVoter}
            >
              ${t.nextVoter}
            </button>`
          : canChange
            ? html`<button
                part="secondary-button"
                class="button secondary"
                type="button"
                @click=${this.#onChange}
              >
                ${t.changeVote}
              </button>`
            : nothing
      }
    `;
  }

  #onText = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    if (input.name === 'code') this.#s.code = input.value;
    else if (input.name === 'email') this.#s.email = input.value;
    else if (input.name === 'otp') this.#s.otp = input.value;
  };

  #onVerify = async (event: Event): Promise<void> => {
    event.preventDefault();
    const loaded = this.#h.loaded;
    const store = this.#h.store;
    if (!loaded || !store || this.#s.busy) return;
    const method = (event.currentTarget as HTMLElement).dataset.method;
    let credential: Credential;
    let missing: string | null = null;
    if (method === 'code') {
      credential = { method: 'code', code: this.#s.code.trim() };
      if (!credential.code) missing = '#code';
    } else if (method === 'email') {
      const email = this.#s.email.trim();
      credential = this.#s.emailSent
        ? { method: 'email', email, otp: this.#s.otp.trim() }
        : { method: 'email', email };
      if (!email) missing = '#email';
      else if (this.#s.emailSent && !this.#s.otp.trim()) missing = '#otp';
    } else {
      credential = { method: 'open' };
    }
    if (missing) {
      this.#s.problem = this.#h.messages.common.fieldErrors.required;
      this.#h.focus = missing;
      this.#el.requestUpdate();
      return;
    }
    this.#s.busy = true;
    this.#s.problem = null;
    this.#h.announcement = this.#t.verifying;
    this.#el.requestUpdate();
    try {
      const verification = await this.#action.run(
        (api, signal) =>
          api.verify(this.#h.apiBase, loaded.round.slug, credential, {
            signal,
            kioskKey: this.#el.kiosk ? this.#el.kioskKey : undefined,
          }),
        { keepOnLeave: true }
      );
      this.#s.busy = false;
      if (!verification) {
        // The server mailed a code: ask for it.
        this.#s.emailSent = true;
        this.#h.announcement = this.#t.emailSent(this.#s.email.trim());
        this.#h.focus = '#otp';
        this.#el.requestUpdate();
        return;
      }
      this.#s.verification = verification;
      this.#s.districtChanged = !!verification.district && verification.district !== store.district;
      if (verification.district) store.setDistrict(verification.district);
      this.#h.go('review');
      this.#h.announcement = this.#t.steps.review;
    } catch (error) {
      this.#s.busy = false;
      const failure = toRequestFailure(error);
      this.#s.problem =
        failure.kind === 'http' && [400, 401, 403, 404, 409].includes(failure.status ?? 0)
          ? this.#t.verifyFailed
          : requestErrorText(error, this.#h.messages);
      this.#h.announcement = this.#s.problem;
      this.#h.focus = '.problem';
      this.#el.requestUpdate();
    }
  };

  #onCast = async (): Promise<void> => {
    const loaded = this.#h.loaded;
    const store = this.#h.store;
    const verification = this.#s.verification;
    if (!loaded || !store || this.#s.busy) return;
    if (store.issues.length > 0) {
      this.#h.focus = '.issues';
      this.#el.requestUpdate();
      return;
    }
    if (!verification) {
      this.#h.go('verify');
      return;
    }
    this.#s.busy = true;
    this.#h.announcement = this.#t.casting;
    this.#el.requestUpdate();
    const slug = loaded.round.slug;
    try {
      const input: { selections: object[]; receipt?: string; ageBand?: string } = {
        selections: [...store.selections],
      };
      if (this.#s.ageBand && store.voting.askAgeBand) input.ageBand = this.#s.ageBand;
      // Only a voter who chose "change my vote" sends the kept receipt: on a shared device it may
      // be someone else's, and the server would refuse this voter's ballot (403).
      const replacing = this.#s.changing && store.voting.revote === 'replace';
      if (replacing && this.#s.storedReceipt) input.receipt = this.#s.storedReceipt;
      const { receipt } = await this.#action.run(
        (api, signal) =>
          api.castBallot(this.#h.apiBase, slug, verification.token, input, { signal }),
        { keepOnLeave: true }
      );
      this.#s.busy = false;
      this.#s.receipt = receipt;
      this.#s.verification = null;
      this.#s.ageBand = '';
      this.#s.changing = false;
      this.#s.receiptMismatch = false;
      // The choice is counted: nothing of it stays for whoever uses this browser next.
      store.clear();
      if (this.#el.kiosk) {
        clearTimeout(this.#s.kioskTimer);
        this.#s.kioskTimer = setTimeout(() => this.#el.reset(), KIOSK_RESET_MS);
      } else {
        this.#s.storedReceipt = receipt;
        writeStored(receiptKey(slug), receipt);
      }
      this.#h.go('done');
      this.#h.announcement = this.#t.doneTitle;
      fire(this.#el, new BegrootBallotCastEvent({ round: slug, receipt }));
    } catch (error) {
      this.#s.busy = false;
      const failure = toRequestFailure(error);
      // The token may have expired: verify again (the selection stays).
      if (failure.kind === 'http' && failure.status === 401) this.#s.verification = null;
      if (isReceiptMismatch(failure)) {
        // Nothing was stored and the token still holds: the next cast goes without the receipt.
        this.#s.receiptMismatch = true;
        this.#s.changing = false;
        this.#s.problem = this.#t.receiptMismatch;
      } else if (failure.kind === 'http' && failure.status === 409) {
        this.#s.problem = this.#t.alreadyCast;
      } else if (failure.issues?.length) {
        const texts = failure.issues.map((issue) => this.#issueText(issue, store.voting));
        this.#s.problem = [...new Set(texts)].join(' ');
      } else {
        this.#s.problem = requestErrorText(error, this.#h.messages);
      }
      this.#h.announcement = this.#s.problem;
      this.#h.focus = '.problem';
      this.#el.requestUpdate();
    }
  };

  /** A problem the server found with the ballot, by its code, in the voter's language. */
  #issueText(issue: FieldIssue, voting: VotingSettings): string {
    const code = issue.code ?? '';
    if (code === 'unknown_proposal') return this.#t.unknownProposal;
    const ballot = this.#h.ballotIssueText(code, voting);
    if (ballot) return ballot;
    // zod's size checks arrive without their limits: nothing specific to say.
    if (!code || BALLOT_FAULTS.has(code) || code === 'too_small' || code === 'too_big') {
      return this.#t.issues.other;
    }
    // Core's refinement codes and zod's other checks, worded as the forms word them.
    return issueText(
      { code, path: issue.path, message: issue.message, params: { code } },
      issue.path.join('.'),
      this.#h.messages,
      this.#h.money
    );
  }

  #onChange = (): void => {
    this.#s.changing = true;
    this.#s.receiptMismatch = false;
    this.#h.go('choose');
  };

  #onNextVoter = (): void => {
    this.#el.reset();
  };
}

export { ballotStepsTexts };
