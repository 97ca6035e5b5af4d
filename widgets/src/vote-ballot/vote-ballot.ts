import type {
  BallotIssue,
  Phase,
  ProposalPublicView,
  RoundPublicView,
  VotingSettings,
} from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Verification } from '../api/client.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { errorState, headingLevel, loadingState, taskFrame, titleHeading } from '../base/states.js';
import { newSeed, readStored, removeStored, visitorSeed } from '../base/storage.js';
import { ApiTask, TaskStatus } from '../controllers/api-task.js';
import { BudgetController, type BallotStore } from '../controllers/budget.js';
import { fire } from '../events/request-failed.js';
import { BegrootSelectionChangedEvent } from '../events/selection-changed.js';
import {
  formatAmount,
  formatDate,
  formatPercent,
  type Catalogue,
  type Messages,
} from '../i18n/index.js';
import { voteBallotStyles } from './vote-ballot.styles.js';
import type { BallotSteps } from './steps.js';
import { voteBallotTexts, type VoteBallotTexts } from './texts.js';

type Step = 'choose' | 'verify' | 'review' | 'done';
const STEPS = ['choose', 'verify', 'review'] as const;
const PAGE_SIZE = 100;
/** Default of `kiosk-timeout` (seconds); the kiosk's idle reset is in the steps chunk. */
export const KIOSK_TIMEOUT_S = 120;

/** Where the last receipt is kept (not in kiosk mode), to replace the vote while allowed. */
export const receiptKey = (round: string) => `begroot:receipt:${round}`;

interface Loaded {
  round: RoundPublicView;
  proposals: ProposalPublicView[];
}

/** What the voter has entered and received after choosing (kept while the steps change). */
export interface StepState {
  busy: boolean;
  problem: string | null;
  code: string;
  email: string;
  otp: string;
  emailSent: boolean;
  verification: Verification | null;
  /** The receipt of the vote cast in this session (shown on the last step). */
  receipt: string | null;
  /** A receipt this browser kept from an earlier vote (maybe someone else's, on a shared device). */
  storedReceipt: string | null;
  /** The voter chose "change my vote" in this session: only then does `storedReceipt` go along. */
  changing: boolean;
  /** The server said the receipt is not this voter's: offer to vote as a new voter. */
  receiptMismatch: boolean;
  /** The age band the voter chose on the review step ('' = skipped); counted apart from the ballot. */
  ageBand: string;
  districtChanged: boolean;
  kioskTimer: ReturnType<typeof setTimeout> | undefined;
}

const freshState = (): StepState => ({
  busy: false,
  problem: null,
  code: '',
  email: '',
  otp: '',
  emailSent: false,
  verification: null,
  receipt: null,
  storedReceipt: null,
  changing: false,
  receiptMismatch: false,
  ageBand: '',
  districtChanged: false,
  kioskTimer: undefined,
});

/** The ballot as its lazily loaded steps (`steps.ts`) see it. */
export interface BallotStepHost {
  readonly el: BegrootVoteBallot;
  readonly state: StepState;
  readonly step: Step;
  readonly t: VoteBallotTexts;
  readonly messages: Messages;
  textsOf<T>(catalogue: Catalogue<T>): T;
  readonly level: number;
  readonly apiBase: string;
  readonly loaded: Loaded | undefined;
  readonly store: BallotStore | undefined;
  announcement: string;
  focus: string | null;
  stepHeading(step: (typeof STEPS)[number]): TemplateResult;
  heading(text: string): TemplateResult;
  money(amount: number): string;
  issueTexts(store: BallotStore): string[];
  /** One of core's ballot issue codes (`over_budget`, …) in the voter's words; null if unknown. */
  ballotIssueText(code: string, voting: VotingSettings): string | null;
  go(step: Step): void;
  back(): void;
}

/**
 * The ballot: residents choose proposals by the round's voting method (approval with a minimum
 * and maximum, knapsack within their district's budget, points to spread, or ranking), checked
 * live with core's `checkBallot`; then confirm who they are with the code from their letter,
 * review, and cast. The selection is kept in the browser through verification, a reload or a
 * closed tab, and shared through context with any `<begroot-budget-meter mode="ballot">` on the
 * page, which follows it. `kiosk` starts over after each voter.
 *
 * @tag begroot-vote-ballot
 * @summary Vote on a round's proposals.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round, e.g. `voorbeeldstad-2027`. Required.
 * @attr {string} district - Slug of the voter's district to preselect.
 * @attr {string} discussion-url - Address of the page with the deliberation board; `{id}` is replaced by the proposal's `documentId` (`/meepraten?voorstel={id}`). Without it, no link.
 * @attr {boolean} kiosk - A shared device (library, market stand): nothing is kept, and it starts over after each vote.
 * @attr {string} kiosk-key - With `kiosk`: the key an official got when setting up the kiosk in the admin, sent with each verification.
 * @attr {number} kiosk-timeout - With `kiosk`: seconds without a touch or key before it asks "are you still there?" and, 30 seconds later, starts over. Default 120.
 * @attr {number} heading-level - Level of the widget's heading (1–6). Default 2.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent.
 *
 * @fires {BegrootSelectionChangedEvent} begroot-selection-changed - The selection changed; `detail`: `{ round, selections, spent, left, valid }`.
 * @fires {BegrootBallotCastEvent} begroot-ballot-cast - The ballot was counted; `detail`: `{ round, receipt }`.
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - A request failed; `detail` is a `RequestFailure`.
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading.
 * @csspart step - The heading of the current step.
 * @csspart instructions - How this round votes.
 * @csspart tally - What is spent, left or chosen.
 * @csspart options - The list of proposals.
 * @csspart option - One proposal.
 * @csspart issues - What is still wrong with the selection.
 * @csspart field - A field (district, points, code).
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart input - A text field or select.
 * @csspart submit-button - The main button of a step.
 * @csspart secondary-button - Other buttons (back, change, next voter).
 * @csspart notice - A notice.
 * @csspart problem - A problem with a request.
 * @csspart receipt - The receipt code.
 * @csspart idle-warning - Kiosk: "are you still there?" before it starts over.
 * @csspart message - A message in a loading or error state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The "try again" button.
 *
 * @cssprop --begroot-vote-ballot-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-vote-ballot-muted-color - Secondary text colour. Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-vote-ballot-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-vote-ballot-subtle-background-color - Background of notices. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-vote-ballot-border-color - Border colour. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-vote-ballot-border-width - Border width of the widget. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-vote-ballot-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-vote-ballot-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-vote-ballot-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-vote-ballot-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-vote-ballot-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-vote-ballot-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-vote-ballot-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-vote-ballot-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-vote-ballot-title-font-weight - Heading, label and button weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-vote-ballot-accent-color - Edge of chosen proposals and notices. Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-vote-ballot-error-color - Problems with the selection. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-vote-ballot-input-background-color - Background of form controls. Falls back to `--basis-form-control-background-color`.
 * @cssprop --begroot-vote-ballot-input-border-color - Border of form controls. Falls back to `--basis-form-control-border-color`.
 * @cssprop --begroot-vote-ballot-button-background-color - Buttons. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-vote-ballot-button-color - Button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-vote-ballot-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-vote-ballot-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-vote-ballot-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-vote-ballot-target-size - Minimum size of buttons and controls. Falls back to `--basis-pointer-target-min-block-size`.
 */
export class BegrootVoteBallot extends BegrootElement {
  static override styles = voteBallotStyles;
  static override catalogues = [voteBallotTexts];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    district: { type: String, reflect: true },
    kiosk: { type: Boolean, reflect: true },
    kioskKey: { type: String, attribute: 'kiosk-key' },
    kioskTimeout: { type: Number, attribute: 'kiosk-timeout' },
    discussionUrl: { type: String, attribute: 'discussion-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare apiBase: string | undefined;
  declare round: string | undefined;
  declare district: string | undefined;
  declare kiosk: boolean;
  declare kioskKey: string | undefined;
  declare kioskTimeout: number;
  declare discussionUrl: string | undefined;
  declare headingLevel: number;

  #step: Step = 'choose';
  #showIssues = false;
  #state = freshState();
  #announcement = '';
  #focus: string | null = null;
  #loadedFrom: Loaded | undefined;
  #steps: BallotSteps | undefined;
  #stepsLoading: Promise<BallotSteps> | undefined;
  #stepsFailed: unknown;
  /** Kiosk: each voter's own order of the proposals (a new seed on every start-over). */
  #kioskSeed = newSeed();

  readonly #budget = new BudgetController(this, () => this.round?.trim() ?? '');
  readonly #task = new ApiTask(this, {
    args: () =>
      [this.#apiBase, this.round?.trim() ?? '', this.kiosk ? this.#kioskSeed : ''] as const,
    request: async (api, [apiBase, slug, kioskSeed], signal): Promise<Loaded> => {
      checkRound('begroot-vote-ballot', slug, apiBase);
      // A kiosk voter must not see the order the previous one saw (nor keep it for the next).
      const seed = kioskSeed || visitorSeed();
      const round = api.getRound(apiBase, slug, { signal });
      const proposals: ProposalPublicView[] = [];
      // Every proposal is on the ballot: read all pages (a round has tens, not thousands).
      for (let page = 1; page <= 20; page++) {
        const list = await api.listProposals(
          apiBase,
          slug,
          { sort: 'random', seed, page, pageSize: PAGE_SIZE },
          { signal }
        );
        proposals.push(...list.proposals);
        if (page >= list.pagination.pageCount) break;
      }
      return { round: await round, proposals };
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
    this.kiosk = false;
    this.kioskTimeout = KIOSK_TIMEOUT_S;
  }

  /** Loads the round and proposals again. */
  retry(): Promise<void> {
    return this.#task.retry();
  }

  /** Starts over: empty selection, back to the first step (what a kiosk does after each voter). */
  reset(): void {
    clearTimeout(this.#state.kioskTimer);
    this.#steps?.idle.stop();
    this.#store?.clear();
    this.#state = freshState();
    this.#state.storedReceipt = this.#readReceipt();
    this.#showIssues = false;
    // The next kiosk voter gets an order of their own (the proposals load again with it).
    if (this.kiosk) this.#kioskSeed = newSeed();
    this.#go('choose');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The first sign of a voter (focus, pointer) fetches the later steps, so they show at once.
    this.addEventListener('focusin', this.#prefetch, { once: true });
    this.addEventListener('pointerdown', this.#prefetch, { once: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#state.kioskTimer);
  }

  /** The receipt this browser kept for the round (never in kiosk mode). */
  #readReceipt(): string | null {
    const slug = this.#task.value?.round.slug;
    if (this.kiosk || !slug) return null;
    const stored = readStored<unknown>(receiptKey(slug));
    return typeof stored === 'string' && stored ? stored : null;
  }

  #prefetch = (): void => {
    void this.#loadSteps().catch(() => {});
  };

  /** The steps after choosing, from their own chunk (once; again after a failed attempt). */
  #loadSteps(): Promise<BallotSteps> {
    this.#stepsLoading ??= import('./steps.js').then(
      ({ BallotSteps, ballotStepsTexts }) => {
        // Their texts load with the ballot's own, before a render in a new language.
        this.lateCatalogues = [ballotStepsTexts];
        this.#steps ??= new BallotSteps(this.#stepHost());
        this.#stepsFailed = undefined;
        this.requestUpdate();
        return this.#steps;
      },
      (error: unknown) => {
        this.#stepsLoading = undefined;
        throw error;
      }
    );
    return this.#stepsLoading;
  }

  #stepHost(): BallotStepHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters below read private fields
    const ballot = this;
    return {
      el: ballot,
      get state() {
        return ballot.#state;
      },
      get step() {
        return ballot.#step;
      },
      get t() {
        return ballot.#t;
      },
      get messages() {
        return ballot.messages;
      },
      get level() {
        return ballot.#level;
      },
      get apiBase() {
        return ballot.#apiBase;
      },
      get loaded() {
        return ballot.#task.value;
      },
      get store() {
        return ballot.#store;
      },
      get announcement() {
        return ballot.#announcement;
      },
      set announcement(text: string) {
        ballot.#announcement = text;
      },
      get focus() {
        return ballot.#focus;
      },
      set focus(selector: string | null) {
        ballot.#focus = selector;
      },
      textsOf: (catalogue) => ballot.texts(catalogue),
      ballotIssueText: (code, voting) => ballot.#ballotIssueText(code, voting),
      stepHeading: (step) => ballot.#stepHeading(step),
      heading: (text) => ballot.#heading(text),
      money: (amount) => ballot.#money(amount),
      issueTexts: (store) => ballot.#issueTexts(store),
      go: (step) => ballot.#go(step),
      back: () => ballot.#go('choose'),
    };
  }

  /** This widget's texts in the page's language. */
  get #t() {
    return this.texts(voteBallotTexts);
  }

  get #apiBase(): string {
    return this.apiBase?.trim() || DEFAULT_API_BASE;
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  get #store(): BallotStore | undefined {
    return this.#budget.store;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const loaded = this.#task.value;
    const store = this.#store;
    if (
      store &&
      loaded &&
      this.#task.status === TaskStatus.COMPLETE &&
      loaded !== this.#loadedFrom
    ) {
      this.#loadedFrom = loaded;
      store.persist = !this.kiosk;
      if (this.kiosk) store.clear();
      store.load(loaded.round, loaded.proposals);
      if (store.district === null) {
        const preset = this.district?.trim();
        const only = loaded.round.districts.length === 1 ? loaded.round.districts[0]?.slug : null;
        const wanted = loaded.round.districts.find((d) => d.slug === preset)?.slug ?? only;
        if (wanted) store.setDistrict(wanted);
      }
      this.#state.storedReceipt = this.#readReceipt();
      // A kiosk (its idle reset) and a returning voter (the notice) need the steps chunk now.
      if (this.kiosk || this.#state.storedReceipt) this.#prefetch();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focus) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focus);
      if (target) {
        this.#focus = null;
        target.focus();
      }
    }
  }

  override render(): TemplateResult {
    return taskFrame(this.#task, {
      loading: this.#t.loading,
      messages: this.messages,
      onRetry: this.#onRetry,
      complete: (loaded) => this.#renderLoaded(loaded),
      announce: () => this.#announcement,
    });
  }

  #heading(text: string): TemplateResult {
    return titleHeading(text, this.#level);
  }

  #stepHeading(step: (typeof STEPS)[number]): TemplateResult {
    const t = this.#t;
    return html`<div
      part="step"
      class="subtitle step"
      role="heading"
      aria-level=${Math.min(6, this.#level + 1)}
      tabindex="-1"
    >
      ${t.step(STEPS.indexOf(step) + 1, STEPS.length, t.steps[step])}
    </div>`;
  }

  #money(amount: number): string {
    return formatAmount(amount, this.#store?.currency ?? 'EUR', this.locale);
  }

  #renderLoaded({ round }: Loaded): TemplateResult {
    const store = this.#store;
    if (!store?.ready) return loadingState(this.#t.loading);
    const steps = this.#steps;
    if (this.#step !== 'choose' && !steps) return this.#renderStepsMissing();
    if (this.#step === 'done') return steps!.renderDone(round, store);
    if (round.currentPhase !== 'voting') return this.#renderClosed(round);
    const body =
      this.#step === 'verify'
        ? steps!.renderVerify(round)
        : this.#step === 'review'
          ? steps!.renderReview(round, store)
          : this.#renderChoose(round, store);
    return html`${steps?.idle.render() ?? nothing}${this.#heading(this.#t.title(round.title))}${body}`;
  }

  /** A later step whose chunk is still on its way, or could not be loaded. */
  #renderStepsMissing(): TemplateResult {
    if (this.#stepsFailed === undefined) {
      // A render that needs the steps: a failure (again, after a retry) shows the error.
      this.#loadSteps().catch((error: unknown) => {
        this.#stepsFailed = error;
        this.requestUpdate();
      });
      return loadingState(this.#t.loading);
    }
    return errorState({
      error: this.#stepsFailed,
      text: this.messages.common.requestFailed.network,
      retryText: this.messages.common.retry,
      onRetry: () => {
        this.#stepsFailed = undefined;
        this.#focus = '.step, .title';
        this.requestUpdate();
      },
    });
  }

  #renderClosed(round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const voting: Phase | undefined = round.phases.find((phase) => phase.kind === 'voting');
    const notYet = voting !== undefined && Date.now() < Date.parse(voting.start);
    const date = (instant: string) => formatDate(instant, this.locale);
    return html`${this.#heading(notYet ? t.notOpenTitle : t.closedTitle)}
      <p part="notice" class="notice">
        ${!voting ? t.noVoting : notYet ? t.notOpen(date(voting.start)) : t.closed(date(voting.end))}
      </p>`;
  }

  #how(voting: VotingSettings, budget: number): string {
    const t = this.#t;
    switch (voting.method) {
      case 'approval':
        return t.howApproval(voting.minSelections, voting.maxSelections);
      case 'knapsack':
        return t.howKnapsack(this.#money(budget));
      case 'points':
        return t.howPoints(voting.points ?? 0);
      case 'ranking':
        return t.howRanking(voting.maxSelections);
    }
  }

  #tally(store: BallotStore): string {
    const t = this.#t;
    const voting = store.voting;
    if (voting.method === 'knapsack') {
      const left = store.left;
      return `${t.spent(this.#money(store.spent), this.#money(store.budget))} ${
        left < 0 ? t.overBy(this.#money(-left)) : t.left(this.#money(left))
      }`;
    }
    if (voting.method === 'points') {
      const given = store.selections.reduce((sum, s) => sum + (s.points ?? 0), 0);
      const left = (voting.points ?? 0) - given;
      return left < 0 ? t.pointsOver(-left) : t.pointsLeft(left);
    }
    return t.chosen(store.selections.length);
  }

  /** Proposals this voter sees: their district's and city-wide ones (all where they may choose). */
  #visible(round: RoundPublicView, store: BallotStore) {
    const options = [...store.options.values()];
    if (round.districts.length === 0 || store.voting.districtScope === 'all') return options;
    return options.filter((o) => o.district === null || o.district === store.district);
  }

  #issueText(issue: BallotIssue, voting: VotingSettings): string {
    return this.#ballotIssueText(issue.code, voting) ?? this.#t.issues.other;
  }

  #ballotIssueText(code: string, voting: VotingSettings): string | null {
    const t = this.#t.issues;
    switch (code) {
      case 'too_few':
        return t.tooFew(voting.minSelections);
      case 'too_many':
        return t.tooMany(voting.maxSelections ?? 0);
      case 'over_budget':
        return t.overBudget;
      case 'under_min_spend':
        return t.underMinSpend(formatPercent(voting.minSpendShare, this.locale));
      case 'points_total':
        return t.pointsTotal(voting.points ?? 0);
      case 'rank_sequence':
        return t.rankSequence;
      case 'wrong_district':
        return t.wrongDistrict;
      case 'several_districts':
        return t.severalDistricts;
      default:
        return null;
    }
  }

  /** The ballot's problems, one line each (several selections may share one). */
  #issueTexts(store: BallotStore): string[] {
    return [...new Set(store.issues.map((issue) => this.#issueText(issue, store.voting)))];
  }

  #renderChoose(round: RoundPublicView, store: BallotStore): TemplateResult {
    const t = this.#t;
    const voting = store.voting;
    const needsDistrict = round.districts.length > 0 && voting.districtScope !== 'all';
    const options = needsDistrict && !store.district ? [] : this.#visible(round, store);
    const issues = this.#showIssues ? this.#issueTexts(store) : [];
    return html`
      ${this.#stepHeading('choose')} ${this.#steps?.renderReturning(store) ?? nothing}
      ${
        needsDistrict
          ? html`<div part="field" class="field">
              <label part="label" class="label" for="district">${t.district}</label>
              <select part="input" class="input select" id="district" @change=${this.#onDistrict}>
                <option value="" ?selected=${!store.district}>${t.districtPlaceholder}</option>
                ${round.districts.map(
                  (d) =>
                    html`<option value=${d.slug} ?selected=${d.slug === store.district}>
                      ${d.name}
                    </option>`
                )}
              </select>
            </div>`
          : nothing
      }
      ${
        needsDistrict && !store.district
          ? nothing
          : html`
              <p part="instructions">${this.#how(voting, store.budget)}</p>
              <p part="tally" class="notice tally">${this.#tally(store)}</p>
              ${
                options.length === 0
                  ? html`<p part="notice" class="notice">${t.empty}</p>`
                  : html`<ul part="options" class="options" role="list">
                      ${options.map((option) => this.#renderOption(option.documentId, store))}
                    </ul>`
              }
              ${
                issues.length > 0
                  ? html`<div
                      part="issues"
                      class="error-summary issues"
                      role="group"
                      aria-labelledby="issues-title"
                      tabindex="-1"
                    >
                      <div class="error-summary-title" id="issues-title">${t.issuesTitle}</div>
                      <ul class="error-summary-list" role="list">
                        ${issues.map((text) => html`<li>${text}</li>`)}
                      </ul>
                    </div>`
                  : nothing
              }
              <button part="submit-button" class="button" type="button" @click=${this.#onNext}>
                ${t.next}
              </button>
            `
      }
    `;
  }

  #renderOption(id: string, store: BallotStore): TemplateResult {
    const t = this.#t;
    const option = store.options.get(id)!;
    const selection = store.selection(id);
    const method = store.voting.method;
    const titleId = `o-${id}-title`;
    const control =
      method === 'points'
        ? html`<input
            part="input"
            class="input"
            type="number"
            inputmode="numeric"
            min="0"
            max=${store.voting.points ?? 0}
            id=${`o-${id}`}
            data-id=${id}
            aria-labelledby=${`o-${id}-points ${titleId}`}
            .value=${live(String(selection?.points ?? 0))}
            @change=${this.#onPoints}
          />`
        : html`<input
            type="checkbox"
            id=${`o-${id}`}
            data-id=${id}
            aria-labelledby=${titleId}
            .checked=${live(!!selection)}
            @change=${this.#onToggle}
          />`;
    return html`<li part="option" class=${selection ? 'option selected' : 'option'}>
      <span class="control">${control}</span>
      <label class="option-title" id=${titleId} for=${`o-${id}`}>${option.title}</label>
      ${
        method === 'points'
          ? html`<span class="visually-hidden" id=${`o-${id}-points`}>${t.points}</span>`
          : nothing
      }
      <p class="meta">${t.cost(this.#money(option.cost))}</p>
      ${option.summary ? html`<p class="text">${option.summary}</p>` : nothing}
      ${
        this.discussionUrl
          ? html`<a
              class="discuss"
              href=${this.discussionUrl.replaceAll('{id}', encodeURIComponent(id))}
              aria-describedby=${titleId}
              >${t.discuss}</a
            >`
          : nothing
      }
      ${
        method === 'ranking' && selection?.rank
          ? html`<div class="actions">
              <span>${t.rank(selection.rank)}</span>
              <button
                part="secondary-button"
                class="link-button"
                type="button"
                data-id=${id}
                data-by="-1"
                aria-describedby=${titleId}
                ?disabled=${selection.rank === 1}
                @click=${this.#onMove}
              >
                ${t.moveUp}
              </button>
              <button
                part="secondary-button"
                class="link-button"
                type="button"
                data-id=${id}
                data-by="1"
                aria-describedby=${titleId}
                ?disabled=${selection.rank === store.selections.length}
                @click=${this.#onMove}
              >
                ${t.moveDown}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  // --- Behaviour ---

  #go(step: Step): void {
    this.#step = step;
    this.#state.problem = null;
    this.#focus = step === 'done' ? '.title' : '.step';
    this.requestUpdate();
  }

  #changed(): void {
    const store = this.#store;
    if (!store) return;
    const issues = store.issues;
    this.#announcement = this.#tally(store);
    fire(
      this,
      new BegrootSelectionChangedEvent({
        round: store.round,
        selections: [...store.selections],
        spent: store.spent,
        left: store.left,
        valid: issues.length === 0,
      })
    );
    this.requestUpdate();
  }

  #onRetry = (): void => {
    this.#focus = '.title, .retry-button';
    void this.#task.retry();
  };

  #onDistrict = (event: Event): void => {
    this.#store?.setDistrict((event.currentTarget as HTMLSelectElement).value || null);
    this.#changed();
  };

  #onToggle = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    this.#store?.toggle(input.dataset.id!, input.checked);
    this.#changed();
  };

  #onPoints = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    this.#store?.setPoints(input.dataset.id!, Number(input.value) || 0);
    this.#changed();
  };

  #onMove = (event: Event): void => {
    const button = event.currentTarget as HTMLButtonElement;
    this.#store?.move(button.dataset.id!, Number(button.dataset.by) as -1 | 1);
    this.#changed();
    this.#focus = `[id="o-${button.dataset.id}"]`;
  };

  #onNext = (): void => {
    const store = this.#store;
    if (!store) return;
    if (store.issues.length > 0) {
      this.#showIssues = true;
      this.#announcement = this.#issueTexts(store).join(' ');
      this.#focus = '.issues';
      this.requestUpdate();
      return;
    }
    this.#showIssues = false;
    const next = this.#state.verification ? 'review' : 'verify';
    // The step appears once its chunk is here (usually already, fetched on first interaction).
    this.#loadSteps().then(
      () => this.#go(next),
      (error: unknown) => {
        this.#stepsFailed = error;
        this.#go(next);
      }
    );
  };
}

/** Forgets a round's receipt in this browser. */
export function forgetReceipt(round: string): void {
  removeStored(receiptKey(round));
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-vote-ballot': BegrootVoteBallot;
  }
}
