import type { District, RoundPublicView } from '@begroot/core';
import { adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { PublishedResults } from '../api/client.js';
import { toRequestFailure } from '../api/errors.js';
import { errorState, headingLevel, taskFrame, titleHeading } from '../base/states.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { ApiTask } from '../controllers/api-task.js';
import type { BudgetController } from '../controllers/budget.js';
import {
  formatAmount,
  formatPercent,
  loadTexts,
  resolveLocale,
  shareOf,
  textsIn,
  type Language,
} from '../i18n/index.js';
import { effectiveLang } from '../base/lang.js';
import type * as ResultsView from './results.js';
import type { ResultsContext } from './results.js';
import { budgetMeterStyles } from './budget-meter.styles.js';

/** What the meter loads: the round, and in results mode its results (`null`: not published yet). */
interface Loaded {
  round: RoundPublicView;
  published: PublishedResults | null;
}

/**
 * Shows a participatory-budgeting round's budget: the total and each district's share of it, as
 * amounts in the page's currency format and as bars; or the voter's spending (ballot mode); or
 * the published results, with each funded proposal's share of its district's budget. Loads the round from the Begroot API (shared
 * with other widgets on the page), with an accessible loading state, an error state with a retry
 * button, and polite announcements of each change.
 *
 * @tag begroot-budget-meter
 * @summary The budget of a round, per district.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round to show, e.g. `voorbeeldstad-2027`. Required.
 * @attr {string} district - Slug of one district: show only that district's budget.
 * @attr {'round' | 'ballot' | 'results'} mode - `round` (default): the round's budget per district. `ballot`: what the voter spends and has left, following the `<begroot-vote-ballot>` of the same round on the page. `results`: the published results, per district: each funded proposal's share of the budget (before publication, the date they are published).
 * @attr {number} heading-level - Level of the widget's heading (1–6), to fit the page's outline. Default 2.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent. HTML's global attribute.
 *
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - Loading the round failed; `detail` is a `RequestFailure` (`kind`, `status`, `name`, `message`, `url`). Bubbles and is composed.
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading with the round's name.
 * @csspart total - The total budget: label and amount.
 * @csspart total-amount - The total amount.
 * @csspart districts - The list of districts.
 * @csspart district - One district's entry.
 * @csspart district-name - A district's name.
 * @csspart district-amount - A district's budget.
 * @csspart bar - The track of a district's bar.
 * @csspart bar-fill - The filled part of a district's bar (its share of the total).
 * @csspart share - A district's share of the total, as text.
 * @csspart message - A notice (no districts, unknown district, loading, error text).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The "try again" button.
 * @csspart spent - Ballot mode: what the chosen proposals cost.
 * @csspart left - Ballot mode: what is left.
 * @csspart warning - Ballot mode: near or over the budget.
 * @csspart result - Results mode: one district's results.
 * @csspart result-name - Results mode: a district's name (a heading one level below the title).
 * @csspart segment - Results mode: one funded proposal's part of a district's bar.
 * @csspart legend - Results mode: the list of a district's funded proposals.
 * @csspart legend-item - Results mode: one funded proposal: swatch, title, amount and share.
 * @csspart swatch - Results mode: the colour of a proposal's segment, in the legend.
 * @csspart proposal-title - Results mode: a funded proposal's title.
 * @csspart proposal-amount - Results mode: a funded proposal's cost.
 * @csspart not-funded - Results mode: how many proposals of a district were not funded.
 *
 * @cssprop --begroot-budget-meter-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-budget-meter-muted-color - Secondary text colour. Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-budget-meter-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-budget-meter-border-color - Border colour. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-budget-meter-border-width - Border width. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-budget-meter-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-budget-meter-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-budget-meter-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-budget-meter-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-budget-meter-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-budget-meter-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-budget-meter-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-budget-meter-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-budget-meter-title-font-weight - Heading and amount weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-budget-meter-total-font-size - Size of the total amount. Falls back to `--basis-heading-2-font-size`.
 * @cssprop --begroot-budget-meter-bar-block-size - Thickness of the bars (default 0.75rem).
 * @cssprop --begroot-budget-meter-bar-background-color - Bar track. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-budget-meter-bar-fill-color - Bar fill. Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-budget-meter-segment-alt-color - Results mode: every other proposal's segment, so neighbours stand apart (the others use the bar fill). Falls back to `--basis-color-accent-2-color-default`.
 * @cssprop --begroot-budget-meter-button-background-color - Retry button background. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-budget-meter-button-color - Retry button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-budget-meter-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-budget-meter-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-budget-meter-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-budget-meter-target-size - Minimum size of buttons. Falls back to `--basis-pointer-target-min-block-size` (44px).
 */
export class BegrootBudgetMeter extends BegrootElement {
  static override styles = budgetMeterStyles;

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    district: { type: String, reflect: true },
    mode: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Base URL of the CMS that serves the Begroot API; the widget script's own CMS when unset. */
  declare apiBase: string | undefined;
  /** Slug of the round to show. */
  declare round: string | undefined;
  /** Slug of one district to show alone. */
  declare district: string | undefined;
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;
  /** `round` (the budget per district), `ballot` (follows the vote ballot's selection) or `results`. */
  declare mode: 'round' | 'ballot' | 'results';

  /** Ballot mode only: loaded on demand, so a meter of a round carries no ballot code. */
  #budget: BudgetController | undefined;
  #budgetLoading = false;
  /** Why the ballot code could not be loaded (offline, a new deployment): shown with a retry. */
  #budgetFailed: unknown;

  get #ballot(): { store: BudgetController['store'] } {
    if (
      !this.#budget &&
      !this.#budgetLoading &&
      this.#budgetFailed === undefined &&
      this.mode === 'ballot'
    ) {
      this.#budgetLoading = true;
      import('../controllers/budget.js').then(
        ({ BudgetController }) => {
          this.#budgetLoading = false;
          this.#budget = new BudgetController(this, () =>
            this.mode === 'ballot' ? (this.round?.trim() ?? '') : ''
          );
          this.requestUpdate();
        },
        (error: unknown) => {
          this.#budgetLoading = false;
          this.#budgetFailed = error ?? new Error('The ballot code could not be loaded.');
          this.requestUpdate();
        }
      );
    }
    return { store: this.#budget?.store };
  }

  /** Set by "try again", so focus lands on the result instead of being lost with the button. */
  #restoreFocus = false;

  readonly #roundTask = new ApiTask(this, {
    args: () =>
      [
        this.apiBase?.trim() || DEFAULT_API_BASE,
        this.round?.trim() ?? '',
        this.mode === 'results',
      ] as const,
    request: async (api, [apiBase, round, withResults], signal): Promise<Loaded> => {
      checkRound('begroot-budget-meter', round, apiBase);
      if (!withResults)
        return { round: await api.getRound(apiBase, round, { signal }), published: null };
      // Round, results, and results mode's code and texts, all at once; other modes never load
      // the latter two. A 404 for the results of a round that exists: not published yet.
      const [loaded, published] = await Promise.all([
        api.getRound(apiBase, round, { signal }),
        api.getResults(apiBase, round, { signal }).catch((error: unknown) => {
          if (toRequestFailure(error).status === 404) return null;
          throw error;
        }),
        this.#loadResultsView(),
      ]);
      return { round: loaded, published };
    },
  });

  /** Results mode only: its view, loaded on demand (see `results.ts`). */
  #results: typeof ResultsView | undefined;

  async #loadResultsView(): Promise<void> {
    const view = await import('./results.js');
    await loadTexts(view.resultsTexts, this.#language);
    if (!this.#results && this.renderRoot instanceof ShadowRoot) {
      const styles = (this.constructor as typeof BegrootBudgetMeter).elementStyles;
      adoptStyles(this.renderRoot, [...styles, view.resultsStyles]);
    }
    this.#results = view;
  }

  get #language(): Language {
    return resolveLocale(effectiveLang(this)).language;
  }

  protected override async scheduleUpdate(): Promise<unknown> {
    // A language change in results mode: its texts come before the render, as the others' do.
    if (this.#results) await loadTexts(this.#results.resultsTexts, this.#language);
    return super.scheduleUpdate();
  }

  #resultsContext(round: RoundPublicView, published: PublishedResults | null): ResultsContext {
    const texts = this.#results!.resultsTexts;
    return {
      round,
      published,
      district: this.district,
      level: this.#level,
      locale: this.locale,
      texts: textsIn(texts, this.#language) ?? texts.nl,
      messages: this.messages,
    };
  }

  constructor() {
    super();
    this.headingLevel = 2;
    this.mode = 'round';
  }

  /** Loads the round again. */
  retry(): Promise<void> {
    return this.#roundTask.retry();
  }

  override render(): TemplateResult {
    const t = this.messages.budgetMeter;
    return taskFrame(this.#roundTask, {
      loading: this.mode === 'results' ? t.resultsLoading : t.loading,
      messages: this.messages,
      onRetry: this.#onRetry,
      complete: ({ round, published }) =>
        this.mode === 'ballot'
          ? this.#renderBallot(round)
          : this.mode === 'results' && this.#results
            ? this.#results.renderResults(this.#resultsContext(round, published))
            : this.#renderRound(round),
      announce: (loaded) => this.#announcement(loaded),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#restoreFocus && !this.#roundTask.busy) {
      this.#restoreFocus = false;
      const target = this.renderRoot.querySelector<HTMLElement>('.retry-button, .title');
      target?.focus();
    }
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  /** A bar filled to `share` (0–1) of its length; decorative, the text beside it says the same. */
  #bar(share: number): TemplateResult {
    return html`<span part="bar" class="bar" aria-hidden="true"
      ><span
        part="bar-fill"
        class="bar-fill"
        style=${styleMap({ '--_begroot-share': String(share) })}
      ></span
    ></span>`;
  }

  #renderRound(round: RoundPublicView): TemplateResult {
    const t = this.messages.budgetMeter;
    const districts = this.#visibleDistricts(round);
    const notFound = this.district && districts.length === 0;
    return html`
      ${titleHeading(t.regionLabel(round.title), this.#level)}
      <p part="total" class="total">
        <span class="total-label">${t.totalLabel}</span>
        <span part="total-amount" class="total-amount amount"
          >${formatAmount(round.budget, round.currency, this.locale)}</span
        >
      </p>
      ${
        districts.length > 0
          ? html`<ul part="districts" class="districts" role="list" aria-label=${t.districtsLabel}>
              ${districts.map((district) => this.#renderDistrict(district, round))}
            </ul>`
          : html`<p part="message" class="message">
              ${notFound ? t.districtNotFound(this.district ?? '') : t.noDistricts}
            </p>`
      }
    `;
  }

  /** Ballot mode: spent and left of the voter's budget, as the ballot's selection changes. */
  #renderBallot(round: RoundPublicView): TemplateResult {
    const t = this.messages.budgetMeter;
    const store = this.#ballot.store;
    const title = titleHeading(t.ballotTitle, this.#level);
    if (this.#budgetFailed !== undefined) {
      return html`${title}
      ${errorState({
        error: this.#budgetFailed,
        text: this.messages.common.requestFailed.network,
        retryText: this.messages.common.retry,
        onRetry: this.#onRetryBallot,
      })}`;
    }
    if (!store?.ready) {
      return html`${title}
        <p part="message" class="message">${t.ballotWaiting}</p>`;
    }
    const money = (amount: number) => formatAmount(amount, round.currency, this.locale);
    const share = shareOf(store.spent, store.budget);
    const warning = this.#ballotWarning();
    return html`${title}
      <p part="total" class="total">
        <span class="total-label">${t.spentLabel}</span>
        <span part="spent total-amount" class="total-amount amount">${money(store.spent)}</span>
      </p>
      ${this.#bar(share)}
      <p part="left" class="share">
        ${store.left < 0 ? t.overLabel : t.leftLabel}: ${money(Math.abs(store.left))} /
        ${money(store.budget)}
      </p>
      ${warning ? html`<p part="warning" class="message warning">${warning}</p>` : nothing}`;
  }

  #ballotWarning(): string {
    const store = this.#ballot.store;
    if (!store?.ready) return '';
    const currency = store.currency;
    const t = this.messages.budgetMeter;
    if (store.left < 0) return t.overBy(formatAmount(-store.left, currency, this.locale));
    if (store.spent > 0 && store.left < store.budget * 0.1) {
      return t.nearLimit(formatAmount(store.left, currency, this.locale));
    }
    return '';
  }

  #renderDistrict(district: District, round: RoundPublicView): TemplateResult {
    const share = shareOf(district.budget, round.budget);
    return html`
      <li part="district" class="district">
        <span part="district-name" class="district-name">${district.name}</span>
        <span part="district-amount" class="district-amount amount"
          >${formatAmount(district.budget, round.currency, this.locale)}</span
        >
        ${this.#bar(share)}
        <span part="share" class="share"
          >${this.messages.budgetMeter.shareOfTotal(formatPercent(share, this.locale))}</span
        >
      </li>
    `;
  }

  #visibleDistricts(round: RoundPublicView): District[] {
    const wanted = this.district?.trim();
    return wanted ? round.districts.filter((d) => d.slug === wanted) : round.districts;
  }

  /** The live region's text once loaded: what changed, said once, politely. */
  #announcement({ round, published }: Loaded): string {
    const t = this.messages.budgetMeter;
    if (this.mode === 'results' && this.#results) {
      return this.#results.resultsAnnouncement(this.#resultsContext(round, published));
    }
    if (this.mode === 'ballot') {
      if (this.#budgetFailed !== undefined) return this.messages.common.requestFailed.network;
      const store = this.#ballot.store;
      if (!store?.ready) return t.ballotWaiting;
      const money = (amount: number) => formatAmount(amount, round.currency, this.locale);
      const status =
        store.left < 0
          ? t.ballotStatusOver(money(store.spent), money(-store.left), money(store.budget))
          : t.ballotStatus(money(store.spent), money(store.left), money(store.budget));
      return `${status} ${this.#ballotWarning()}`.trim();
    }
    const districts = this.#visibleDistricts(round);
    const [only] = districts;
    if (this.district && !only) return t.districtNotFound(this.district);
    if (this.district && only) {
      return t.loadedDistrict(only.name, formatAmount(only.budget, round.currency, this.locale));
    }
    return t.loaded(formatAmount(round.budget, round.currency, this.locale), districts.length);
  }

  /** Loads the ballot code again (the browser retries a failed dynamic import). */
  #onRetryBallot = (): void => {
    this.#budgetFailed = undefined;
    this.#restoreFocus = true;
    this.requestUpdate();
  };

  #onRetry = (): void => {
    this.#restoreFocus = true;
    void this.#roundTask.retry();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-budget-meter': BegrootBudgetMeter;
  }
}
