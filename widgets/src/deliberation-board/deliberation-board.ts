import type {
  ArgumentPublicView,
  PhaseKind,
  ProposalPublicView,
  RoundPublicView,
} from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Pagination } from '../api/client.js';
import { toRequestFailure } from '../api/errors.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { requestErrorText } from '../base/error-text.js';
import { errorState, headingLevel, loadingState } from '../base/states.js';
import { visitorSeed } from '../base/storage.js';
import { ApiAction } from '../controllers/api-action.js';
import { LazyPart } from '../controllers/lazy-part.js';
import { ApiTask, TaskStatus } from '../controllers/api-task.js';
import { formatAmount } from '../i18n/index.js';
import { deliberationBoardStyles } from './deliberation-board.styles.js';
import type { ArgumentForm, BoardDiscussion, DiscussionHost } from './discussion.js';
import { deliberationBoardTexts } from './texts.js';
import { buildThreads } from './threads.js';

/**
 * Phases in which residents may post (the server enforces the same). Used by the discussions
 * (discussion.ts); kept here so that chunk imports this module and shares its chunks with the
 * board's first load, instead of splitting them further.
 */
export const OPEN_PHASES: readonly (PhaseKind | null)[] = [
  'ideas',
  'review',
  'deliberation',
  'voting',
];
const PAGE_SIZE = 50;

/** One proposal's discussion as the board holds it. */
export interface Discussion {
  open: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  arguments: ArgumentPublicView[];
  error: unknown;
  /** The form to post an argument, made when first shown. */
  form?: ArgumentForm;
  /** The argument whose "report" confirmation is open. */
  confirming: string | null;
  /** Why reporting that argument failed, shown in its confirmation (which stays open to retry). */
  reportProblem: string | null;
  /** A report is on its way (its confirmation cannot be sent twice). */
  reporting: boolean;
  reported: Set<string>;
}

interface Loaded {
  round: RoundPublicView;
  proposals: ProposalPublicView[];
  pagination: Pagination | null;
}

/**
 * Residents discuss a round's proposals: each with its arguments for and against side by side
 * (stacked on narrow screens), questions, replies threaded under the argument they answer, and
 * official answers marked in words. Arguments load when a proposal is opened. Residents post an
 * argument, question or reply with a display name (checked with core's `argumentInputSchema`),
 * and report one to the moderators. Proposals come in a random order that stays the same for each
 * visitor (a seed kept in the browser), so the first-listed proposal gets no edge. Filters by
 * district and theme.
 *
 * @tag begroot-deliberation-board
 * @summary Arguments for and against each proposal.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round, e.g. `voorbeeldstad-2027`. Required.
 * @attr {string} proposal - The `documentId` of one proposal: show only its discussion, opened.
 * @attr {string} proposal-param - Name of a query parameter of the page's address (e.g. `voorstel`) that names one proposal to show, opened, as `proposal` does; followed through the browser's back and forward buttons. Off when absent; `proposal` wins when both are set.
 * @attr {string} district - Slug of a district: the initial district filter.
 * @attr {string} theme - Slug of a theme: the initial theme filter.
 * @attr {number} heading-level - Level of the widget's heading (1–6); proposals get the next level. Default 2.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent.
 *
 * @fires {BegrootArgumentPostedEvent} begroot-argument-posted - An argument was posted; `detail`: `{ proposal, argument }`.
 * @fires {BegrootArgumentReportedEvent} begroot-argument-reported - An argument was reported; `detail`: `{ proposal, argument }`.
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - A request failed; `detail` is a `RequestFailure`.
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading.
 * @csspart filters - The district and theme filters.
 * @csspart proposals - The list of proposals.
 * @csspart proposal - One proposal.
 * @csspart proposal-title - A proposal's heading.
 * @csspart proposal-meta - District, theme, cost and counts of a proposal.
 * @csspart toggle-button - The button that shows or hides a proposal's arguments.
 * @csspart discussion - A proposal's arguments and the form to add one.
 * @csspart columns - The for and against columns.
 * @csspart column - One column (for, against, questions).
 * @csspart argument - One argument, question or reply.
 * @csspart official - An official answer (also `argument`).
 * @csspart official-badge - The words that mark an official answer.
 * @csspart replies - The replies under an argument.
 * @csspart action-button - Reply and report buttons.
 * @csspart report-confirm - The question before reporting.
 * @csspart argument-form - The form to post an argument.
 * @csspart field - One field of that form.
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart field-error - A field's error message.
 * @csspart input - A text field or text area.
 * @csspart textarea - The text area (also `input`).
 * @csspart counter - Characters left.
 * @csspart error-summary - The problems after a failed attempt.
 * @csspart error-link - A link in the error summary.
 * @csspart submit-button - The post button.
 * @csspart secondary-button - Other buttons (more proposals, cancel a reply).
 * @csspart notice - A notice (closed, reported, empty).
 * @csspart problem - A problem posting.
 * @csspart message - A message in a loading or error state.
 * @csspart loading - A loading state.
 * @csspart error - An error state.
 * @csspart retry-button - A "try again" button.
 *
 * @cssprop --begroot-deliberation-board-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-deliberation-board-muted-color - Secondary text colour (hints, counters, dates). Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-deliberation-board-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-deliberation-board-subtle-background-color - Background of notices and placeholders. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-deliberation-board-border-color - Border colour. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-deliberation-board-border-width - Border width of the widget. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-deliberation-board-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-deliberation-board-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-deliberation-board-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-deliberation-board-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-deliberation-board-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-deliberation-board-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-deliberation-board-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-deliberation-board-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-deliberation-board-title-font-weight - Heading, label and button weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-deliberation-board-accent-color - Edge of notices (draft restored, success). Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-deliberation-board-error-color - Errors: text, edges of invalid fields and the error summary. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-deliberation-board-input-background-color - Background of form controls. Falls back to `--basis-form-control-background-color`.
 * @cssprop --begroot-deliberation-board-input-border-color - Border of form controls (3:1 against the background). Falls back to `--basis-form-control-border-color`.
 * @cssprop --begroot-deliberation-board-button-background-color - Buttons: background; text and border of secondary buttons. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-deliberation-board-button-color - Button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-deliberation-board-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-deliberation-board-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-deliberation-board-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-deliberation-board-target-size - Minimum size of buttons and controls. Falls back to `--basis-pointer-target-min-block-size`.
 * @cssprop --begroot-deliberation-board-for-color - Edge of arguments for (beside the column heading, so not colour alone). Falls back to `--basis-color-positive-color-default`.
 * @cssprop --begroot-deliberation-board-against-color - Edge of arguments against. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-deliberation-board-official-background-color - Background of official answers (also marked in text). Falls back to `--basis-color-info-bg-subtle`.
 */
export class BegrootDeliberationBoard extends BegrootElement {
  static override styles = deliberationBoardStyles;
  static override catalogues = [deliberationBoardTexts];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    proposal: { type: String, reflect: true },
    proposalParam: { type: String, attribute: 'proposal-param' },
    district: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Base URL of the CMS that serves the Begroot API; the widget script's own CMS when unset. */
  declare apiBase: string | undefined;
  /** Slug of the round. */
  declare round: string | undefined;
  /** One proposal's `documentId`: show only its discussion. */
  declare proposal: string | undefined;
  /** A query parameter of the page's address that names the proposal to show (opt-in). */
  declare proposalParam: string | undefined;
  /** District filter (slug); also changed by the visitor's choice in the filter. */
  declare district: string | undefined;
  /** Theme filter (slug); also changed by the visitor's choice in the filter. */
  declare theme: string | undefined;
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;

  #seed: string | undefined;
  /** The proposal the page's address names (`proposal-param`), read on connect and `popstate`. */
  #urlProposal = '';
  #discussions = new Map<string, Discussion>();
  /** Proposals of later pages, loaded with "more". */
  #more: ProposalPublicView[] = [];
  #morePagination: Pagination | null = null;
  #loadingMore = false;
  /** Why loading more proposals failed, shown above the button (which tries again). */
  #moreProblem: string | null = null;
  #announcement = '';
  #focus: string | null = null;
  /** The name a resident gave last, offered again in the next form. */
  #lastName = '';
  /** The opened discussions' rendering and behaviour, from their own chunk. */
  readonly #part: LazyPart<BoardDiscussion> = new LazyPart(
    this,
    () =>
      import('./discussion.js').then(({ BoardDiscussion, discussionTexts }) => {
        // Their texts load with the board's own, before a render in a new language.
        this.lateCatalogues = [discussionTexts];
        return new BoardDiscussion(this.#discussionHost());
      }),
    // The first sign of a visitor (focus, a pointer over the board) fetches the discussions, so
    // one opens without waiting for them.
    { prefetchOn: ['focusin', 'pointerover', 'pointerdown'] }
  );

  readonly #action = new ApiAction(this);
  readonly #task = new ApiTask(this, {
    args: () =>
      [
        this.#apiBase,
        this.round?.trim() ?? '',
        this.#proposalId,
        this.district?.trim() ?? '',
        this.theme?.trim() ?? '',
      ] as const,
    request: async (api, [apiBase, slug, proposalId, district, theme], signal): Promise<Loaded> => {
      checkRound('begroot-deliberation-board', slug, apiBase);
      this.#seed ??= visitorSeed();
      const roundRequest = api.getRound(apiBase, slug, { signal });
      if (proposalId) {
        // Its discussion opens by itself: fetched beside the proposal.
        this.#part.prefetch();
        const [round, one] = await Promise.all([
          roundRequest,
          api.getProposal(apiBase, proposalId, { signal }),
        ]);
        return { round, proposals: [one], pagination: null };
      }
      const [round, list] = await Promise.all([
        roundRequest,
        api.listProposals(
          apiBase,
          slug,
          {
            district: district || undefined,
            theme: theme || undefined,
            sort: 'random',
            seed: this.#seed,
            page: 1,
            pageSize: PAGE_SIZE,
          },
          { signal }
        ),
      ]);
      return { round, proposals: list.proposals, pagination: list.pagination };
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** Loads the round and proposals again. */
  retry(): Promise<void> {
    return this.#task.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#urlProposal = this.#readUrlProposal();
    window.addEventListener('popstate', this.#onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** The one proposal shown: the `proposal` attribute, else the one the page's address names. */
  get #proposalId(): string {
    return this.proposal?.trim() || this.#urlProposal;
  }

  #readUrlProposal(): string {
    const name = this.proposalParam?.trim();
    if (!name) return '';
    return new URL(window.location.href).searchParams.get(name)?.trim() ?? '';
  }

  #onPopState = (): void => {
    const next = this.#readUrlProposal();
    if (next === this.#urlProposal) return;
    this.#urlProposal = next;
    this.#resetList();
    this.requestUpdate();
  };

  /** "All ideas": leaves one proposal named by the address for the list (a new history entry). */
  #onShowAll = (): void => {
    const name = this.proposalParam?.trim();
    if (!name) return;
    const url = new URL(window.location.href);
    url.searchParams.delete(name);
    window.history.pushState(window.history.state, '', url);
    this.#urlProposal = '';
    this.#resetList();
    this.#focus = '.title';
    this.requestUpdate();
  };

  #resetList(): void {
    this.#more = [];
    this.#morePagination = null;
    this.#moreProblem = null;
    this.#announcement = '';
  }

  #discussionHost(): DiscussionHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters below read private fields
    const board = this;
    return {
      el: board,
      action: board.#action,
      textsOf: (catalogue) => board.texts(catalogue),
      get messages() {
        return board.messages;
      },
      get locale() {
        return board.locale;
      },
      get apiBase() {
        return board.#apiBase;
      },
      get subLevel() {
        return board.#subLevel;
      },
      discussion: (id) => board.#discussion(id),
      get lastName() {
        return board.#lastName;
      },
      set lastName(name: string) {
        board.#lastName = name;
      },
      get announcement() {
        return board.#announcement;
      },
      set announcement(text: string) {
        board.#announcement = text;
      },
      get focus() {
        return board.#focus;
      },
      set focus(selector: string | null) {
        board.#focus = selector;
      },
    };
  }

  /** This widget's texts in the page's language. */
  get #t() {
    return this.texts(deliberationBoardTexts);
  }

  get #apiBase(): string {
    return this.apiBase?.trim() || DEFAULT_API_BASE;
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  get #subLevel(): number {
    return Math.min(6, this.#level + 1);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('proposalParam') && this.isConnected) {
      const next = this.#readUrlProposal();
      if (next !== this.#urlProposal) {
        this.#urlProposal = next;
        this.#resetList();
      }
    }
    if (
      changed.has('round') ||
      changed.has('proposal') ||
      changed.has('district') ||
      changed.has('theme')
    ) {
      this.#resetList();
    }
    // One proposal alone: its discussion opens by itself (before rendering, so in this update).
    const loaded = this.#task.value;
    if (this.#proposalId && loaded && this.#task.status === TaskStatus.COMPLETE) {
      const [only] = loaded.proposals;
      if (only && !this.#discussions.has(only.documentId)) this.#toggle(only.documentId);
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
    const content = this.#task.render({
      initial: () => this.#renderLoading(this.#t.loading),
      pending: () =>
        this.#task.value
          ? this.#renderBoard(this.#task.value)
          : this.#renderLoading(this.#t.loading),
      complete: (loaded) => this.#renderBoard(loaded),
      error: (error) => this.#renderError(error, this.#onRetry),
    });
    return html`
      <div part="base" class="base" aria-busy=${this.#task.busy ? 'true' : 'false'}>${content}</div>
      <div class="visually-hidden" role="status">${this.#liveText()}</div>
    `;
  }

  #liveText(): string {
    const t = this.#t;
    if (this.#task.busy) return t.loading;
    if (this.#task.status === TaskStatus.ERROR) {
      return this.#notFound(this.#task.error)
        ? t.proposalNotFound
        : requestErrorText(this.#task.error, this.messages);
    }
    if (this.#announcement) return this.#announcement;
    const loaded = this.#task.value;
    return loaded ? t.loaded(loaded.pagination?.total ?? loaded.proposals.length) : '';
  }

  #notFound(error: unknown): boolean {
    const failure = toRequestFailure(error);
    return !!this.#proposalId && failure.kind === 'http' && failure.status === 404;
  }

  #renderLoading(text: string): TemplateResult {
    return loadingState(text);
  }

  #renderError(error: unknown, retry: (event: Event) => void, id?: string): TemplateResult {
    return errorState({
      error,
      text: this.#notFound(error)
        ? this.#t.proposalNotFound
        : requestErrorText(error, this.messages),
      retryText: this.messages.common.retry,
      onRetry: retry,
      retryId: id ?? '',
    });
  }

  #renderBoard({ round, proposals, pagination }: Loaded): TemplateResult {
    const t = this.#t;
    const all = [...proposals, ...this.#more];
    const page = this.#morePagination ?? pagination;
    const hasMore = page !== null && page.page < page.pageCount;
    const filtered = !!(this.district?.trim() || this.theme?.trim());
    return html`
      <div
        part="title"
        class="title"
        id="title"
        role="heading"
        aria-level=${this.#level}
        tabindex="-1"
      >
        ${t.title(round.title)}
      </div>
      ${this.#proposalId ? nothing : this.#renderFilters(round)}
      ${
        !this.proposal?.trim() && this.#urlProposal
          ? html`<button
              part="secondary-button"
              class="button secondary show-all"
              type="button"
              @click=${this.#onShowAll}
            >
              ${t.showAll}
            </button>`
          : nothing
      }
      ${
        all.length === 0
          ? html`<p part="notice" class="notice">${filtered ? t.emptyFiltered : t.empty}</p>`
          : html`${this.#proposalId ? nothing : html`<p class="meta">${t.orderNote}</p>`}
              <ul part="proposals" class="proposals" role="list" aria-labelledby="title">
                ${repeat(
                  all,
                  (proposal) => proposal.documentId,
                  (proposal) => this.#renderProposal(proposal, round)
                )}
              </ul>`
      }
      ${
        hasMore && this.#moreProblem
          ? html`<p part="notice problem" class="notice problem more-problem" tabindex="-1">
              ${this.#moreProblem}
            </p>`
          : nothing
      }
      ${
        hasMore
          ? html`<button
              part="secondary-button"
              class="button secondary"
              type="button"
              aria-disabled=${this.#loadingMore ? 'true' : 'false'}
              @click=${this.#onMore}
            >
              ${t.moreProposals}
            </button>`
          : nothing
      }
    `;
  }

  #renderFilters(round: RoundPublicView): TemplateResult | typeof nothing {
    const t = this.#t;
    const { themes } = round;
    if (round.districts.length === 0 && themes.length === 0) return nothing;
    // `?selected` picks the choice when the options are first made; `.value` keeps the select
    // right when the page changes the filter after the visitor chose one (an option the visitor
    // chose no longer follows its `selected` attribute).
    const select = (
      name: 'district' | 'theme',
      label: string,
      all: string,
      choices: readonly { slug: string; name: string }[],
      value: string
    ) =>
      html`<div part="field" class="field">
        <label part="label" class="label" for=${`filter-${name}`}>${label}</label>
        <select
          part="input select"
          class="input select"
          id=${`filter-${name}`}
          name=${name}
          .value=${live(value)}
          @change=${this.#onFilter}
        >
          <option value="" ?selected=${value === ''}>${all}</option>
          ${choices.map(
            (choice) =>
              html`<option value=${choice.slug} ?selected=${choice.slug === value}>
                ${choice.name}
              </option>`
          )}
        </select>
      </div>`;
    return html`<div part="filters" class="filters" role="group" aria-label=${t.filters}>
      ${
        round.districts.length > 0
          ? select('district', t.district, t.allDistricts, round.districts, this.district ?? '')
          : nothing
      }
      ${
        themes.length > 0
          ? select('theme', t.theme, t.allThemes, themes, this.theme ?? '')
          : nothing
      }
    </div>`;
  }

  #renderProposal(proposal: ProposalPublicView, round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const id = proposal.documentId;
    const discussion = this.#discussions.get(id);
    const open = discussion?.open ?? false;
    const districtName = round.districts.find((d) => d.slug === proposal.district)?.name;
    const themeName = round.themes.find((theme) => theme.slug === proposal.theme)?.name;
    const cost =
      proposal.officialCost !== null
        ? t.officialCost(formatAmount(proposal.officialCost, round.currency, this.locale))
        : proposal.estimatedCost !== null
          ? t.estimatedCost(formatAmount(proposal.estimatedCost, round.currency, this.locale))
          : null;
    const counts =
      discussion?.status === 'ready'
        ? buildThreads(discussion.arguments).counts
        : proposal.argumentCounts;
    const meta = [districtName, themeName, cost].filter(Boolean).join(' · ');
    return html`<li part="proposal" class="proposal">
      <article class="stack" aria-labelledby=${`p-${id}-title`}>
        <div
          part="proposal-title"
          class="subtitle"
          id=${`p-${id}-title`}
          role="heading"
          aria-level=${this.#subLevel}
          tabindex="-1"
        >
          ${proposal.title}
        </div>
        ${meta ? html`<p part="proposal-meta" class="meta">${meta}</p>` : nothing}
        <p class="text">${proposal.summary ?? proposal.description}</p>
        <p part="proposal-meta" class="meta">${t.counts(counts)}</p>
        <button
          part="toggle-button"
          class="button secondary"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${`p-${id}-discussion`}
          aria-describedby=${`p-${id}-title`}
          data-toggle=${id}
          @click=${this.#onToggle}
        >
          ${open ? t.hideArguments : t.showArguments}
        </button>
        <div part="discussion" class="discussion" id=${`p-${id}-discussion`} ?hidden=${!open}>
          ${discussion && open ? this.#renderDiscussion(proposal, discussion, round) : nothing}
        </div>
      </article>
    </li>`;
  }

  #renderDiscussion(
    proposal: ProposalPublicView,
    discussion: Discussion,
    round: RoundPublicView
  ): TemplateResult {
    const t = this.#t;
    const id = proposal.documentId;
    if (discussion.status === 'loading' || discussion.status === 'idle') {
      return this.#renderLoading(t.argumentsLoading);
    }
    if (discussion.status === 'error') {
      return this.#renderError(discussion.error, this.#onRetryArguments, id);
    }
    const part = this.#part.value;
    if (!part) return this.#renderPartMissing(id);
    return part.render(proposal, discussion, round);
  }

  /** An opened discussion whose chunk is still on its way, or could not be loaded. */
  #renderPartMissing(id: string): TemplateResult {
    if (this.#part.error === undefined) {
      // A render that needs it: a failure (again, after a retry) shows the error.
      this.#part.load().catch(() => {});
      return this.#renderLoading(this.#t.argumentsLoading);
    }
    return errorState({
      error: this.#part.error,
      text: this.messages.common.requestFailed.network,
      retryText: this.messages.common.retry,
      onRetry: () => {
        this.#focus = `[id="p-${id}-discussion"] .column-title, [id="p-${id}-discussion"] .retry-button`;
        this.#part.retry();
      },
      retryId: id,
    });
  }

  // --- Behaviour ---

  #discussion(id: string): Discussion {
    let discussion = this.#discussions.get(id);
    if (!discussion) {
      discussion = {
        open: false,
        status: 'idle',
        arguments: [],
        error: undefined,
        confirming: null,
        reportProblem: null,
        reporting: false,
        reported: new Set(),
      };
      this.#discussions.set(id, discussion);
    }
    return discussion;
  }

  #toggle(id: string): void {
    const discussion = this.#discussion(id);
    discussion.open = !discussion.open;
    if (discussion.open) this.#part.prefetch();
    if (discussion.open && (discussion.status === 'idle' || discussion.status === 'error')) {
      void this.#loadArguments(id);
    }
    this.requestUpdate();
  }

  async #loadArguments(id: string): Promise<void> {
    const discussion = this.#discussion(id);
    discussion.status = 'loading';
    this.#announcement = this.#t.argumentsLoading;
    this.requestUpdate();
    try {
      discussion.arguments = await this.#action.run((api, signal) =>
        api.listArguments(this.#apiBase, id, { signal })
      );
      discussion.status = 'ready';
      this.#announcement = this.#t.argumentsLoaded(discussion.arguments.length);
    } catch (error) {
      discussion.status = 'error';
      discussion.error = error;
      this.#announcement = requestErrorText(error, this.messages);
    }
    this.requestUpdate();
  }

  #onToggle = (event: Event): void => {
    const id = (event.currentTarget as HTMLElement).dataset.toggle!;
    this.#toggle(id);
  };

  #onRetry = (): void => {
    this.#focus = '.title, .retry-button';
    void this.#task.retry();
  };

  #onRetryArguments = (event: Event): void => {
    const id = (event.currentTarget as HTMLElement).dataset.retry!;
    this.#focus = `[id="p-${id}-discussion"] .column-title, [id="p-${id}-discussion"] .retry-button`;
    void this.#loadArguments(id);
  };

  #onFilter = (event: Event): void => {
    const select = event.currentTarget as HTMLSelectElement;
    if (select.name === 'district') this.district = select.value;
    else this.theme = select.value;
  };

  #onMore = async (): Promise<void> => {
    const loaded = this.#task.value;
    const page = this.#morePagination ?? loaded?.pagination;
    if (!loaded || !page || this.#loadingMore) return;
    this.#loadingMore = true;
    this.requestUpdate();
    try {
      const next = await this.#action.run((api, signal) =>
        api.listProposals(
          this.#apiBase,
          loaded.round.slug,
          {
            district: this.district?.trim() || undefined,
            theme: this.theme?.trim() || undefined,
            sort: 'random',
            seed: this.#seed,
            page: page.page + 1,
            pageSize: page.pageSize,
          },
          { signal }
        )
      );
      const known = new Set([...loaded.proposals, ...this.#more].map((p) => p.documentId));
      const fresh = next.proposals.filter((p) => !known.has(p.documentId));
      this.#more = [...this.#more, ...fresh];
      this.#morePagination = next.pagination;
      const [first] = fresh;
      if (first) this.#focus = `[id="p-${first.documentId}-title"]`;
      this.#announcement = this.#t.loaded(fresh.length);
      this.#moreProblem = null;
    } catch (error) {
      this.#moreProblem = requestErrorText(error, this.messages);
      this.#announcement = this.#moreProblem;
      this.#focus = '.more-problem';
    }
    this.#loadingMore = false;
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-deliberation-board': BegrootDeliberationBoard;
  }
}
