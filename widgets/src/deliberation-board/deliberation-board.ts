import {
  HONEYPOT_FIELD,
  STANCES,
  argumentInputSchema,
  type ArgumentPublicView,
  type PhaseKind,
  type ProposalPublicView,
  type RoundPublicView,
  type Stance,
} from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Pagination } from '../api/client.js';
import { toRequestFailure } from '../api/errors.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { requestErrorText } from '../base/error-text.js';
import { errorState, headingLevel, loadingState } from '../base/states.js';
import { visitorSeed } from '../base/storage.js';
import { ApiAction } from '../controllers/api-action.js';
import { ApiTask, TaskStatus } from '../controllers/api-task.js';
import { fire } from '../events/request-failed.js';
import { BegrootArgumentPostedEvent } from '../events/argument-posted.js';
import { BegrootArgumentReportedEvent } from '../events/argument-reported.js';
import {
  errorSummary,
  honeypotField,
  textField,
  fieldId,
  type SummaryEntry,
} from '../forms/fields.js';
import { issueText, issuesByField, serverIssueTexts } from '../forms/issues.js';
import { formatAmount, formatDate } from '../i18n/index.js';
import { deliberationBoardStyles } from './deliberation-board.styles.js';
import { deliberationBoardTexts } from './texts.js';
import { buildThreads, type Thread } from './threads.js';

/** Phases in which residents may post (the server enforces the same). */
const OPEN_PHASES: readonly (PhaseKind | null)[] = ['ideas', 'review', 'deliberation', 'voting'];
const PAGE_SIZE = 50;
const FORM_FIELDS = ['stance', 'body', 'authorName'] as const;

interface ArgumentForm {
  stance: Stance | '';
  body: string;
  authorName: string;
  [HONEYPOT_FIELD]: string;
  replyTo: ArgumentPublicView | null;
  errors: Map<string, string>;
  summary: SummaryEntry[];
  posting: boolean;
  problem: string | null;
}

/** One proposal's discussion as the board holds it. */
interface Discussion {
  open: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  arguments: ArgumentPublicView[];
  error: unknown;
  form: ArgumentForm;
  /** The argument whose "report" confirmation is open. */
  confirming: string | null;
  reported: Set<string>;
}

interface Loaded {
  round: RoundPublicView;
  proposals: ProposalPublicView[];
  pagination: Pagination | null;
}

const emptyForm = (authorName = ''): ArgumentForm => ({
  stance: '',
  body: '',
  authorName,
  [HONEYPOT_FIELD]: '',
  replyTo: null,
  errors: new Map(),
  summary: [],
  posting: false,
  problem: null,
});

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
  /** District filter (slug); also changed by the visitor's choice in the filter. */
  declare district: string | undefined;
  /** Theme filter (slug); also changed by the visitor's choice in the filter. */
  declare theme: string | undefined;
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;

  #seed: string | undefined;
  #discussions = new Map<string, Discussion>();
  /** Proposals of later pages, loaded with "more". */
  #more: ProposalPublicView[] = [];
  #morePagination: Pagination | null = null;
  #loadingMore = false;
  #announcement = '';
  #focus: string | null = null;
  /** The name a resident gave last, offered again in the next form. */
  #lastName = '';

  readonly #action = new ApiAction(this);
  readonly #task = new ApiTask(this, {
    args: () =>
      [
        this.#apiBase,
        this.round?.trim() ?? '',
        this.proposal?.trim() ?? '',
        this.district?.trim() ?? '',
        this.theme?.trim() ?? '',
      ] as const,
    request: async (api, [apiBase, slug, proposalId, district, theme], signal): Promise<Loaded> => {
      checkRound('begroot-deliberation-board', slug, apiBase);
      this.#seed ??= visitorSeed();
      const roundRequest = api.getRound(apiBase, slug, { signal });
      if (proposalId) {
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
    if (
      changed.has('round') ||
      changed.has('proposal') ||
      changed.has('district') ||
      changed.has('theme')
    ) {
      this.#more = [];
      this.#morePagination = null;
      this.#announcement = '';
    }
    // One proposal alone: its discussion opens by itself (before rendering, so in this update).
    const loaded = this.#task.value;
    if (this.proposal && loaded && this.#task.status === TaskStatus.COMPLETE) {
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
    return !!this.proposal && failure.kind === 'http' && failure.status === 404;
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
      ${this.proposal ? nothing : this.#renderFilters(round)}
      ${
        all.length === 0
          ? html`<p part="notice" class="notice">${filtered ? t.emptyFiltered : t.empty}</p>`
          : html`${this.proposal ? nothing : html`<p class="meta">${t.orderNote}</p>`}
              <ul part="proposals" class="proposals" role="list" aria-labelledby="title">
                ${repeat(
                  all,
                  (proposal) => proposal.documentId,
                  (proposal) => this.#renderProposal(proposal, round)
                )}
              </ul>`
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
    const threads = buildThreads(discussion.arguments);
    const level = Math.min(6, this.#subLevel + 1);
    const column = (stance: Stance) => {
      const list = threads.byStance[stance];
      return html`<section
        part="column"
        class=${`column ${stance}`}
        aria-labelledby=${`p-${id}-${stance}`}
      >
        <div class="column-title" id=${`p-${id}-${stance}`} role="heading" aria-level=${level}>
          ${t.columns[stance]} (${threads.counts[stance]})
        </div>
        ${
          list.length === 0
            ? html`<p class="meta">${t.none[stance]}</p>`
            : html`<ul class="arguments" role="list">
                ${list.map((thread) => this.#renderThread(thread, proposal, discussion))}
              </ul>`
        }
      </section>`;
    };
    return html`
      <div part="columns" class="columns">${column('for')} ${column('against')}</div>
      ${column('question')}
      ${
        OPEN_PHASES.includes(round.currentPhase)
          ? this.#renderForm(proposal, discussion)
          : html`<p part="notice" class="notice">${t.closed}</p>`
      }
    `;
  }

  #renderThread(
    thread: Thread,
    proposal: ProposalPublicView,
    discussion: Discussion
  ): TemplateResult {
    const t = this.#t;
    const { argument } = thread;
    const aid = argument.documentId;
    const open = OPEN_PHASES.includes(this.#task.value?.round.currentPhase ?? null);
    const reported = discussion.reported.has(aid);
    return html`<li
      part=${argument.official ? 'argument official' : 'argument'}
      class=${argument.official ? 'argument official' : 'argument'}
      id=${`a-${aid}`}
      tabindex="-1"
    >
      ${
        argument.official
          ? html`<p part="official-badge" class="official-badge">${t.official}</p>`
          : nothing
      }
      <p class="text">${argument.body}</p>
      <p class="meta">
        ${t.postedBy(argument.authorName, formatDate(argument.postedAt, this.locale))}
      </p>
      <div class="actions">
        ${
          open && !argument.official
            ? html`<button
                part="action-button"
                class="link-button"
                type="button"
                data-proposal=${proposal.documentId}
                data-argument=${aid}
                aria-describedby=${`a-${aid}-who`}
                @click=${this.#onReply}
              >
                ${t.reply}
              </button>`
            : nothing
        }
        ${
          reported || argument.official
            ? nothing
            : html`<button
                part="action-button"
                class="link-button"
                type="button"
                data-proposal=${proposal.documentId}
                data-argument=${aid}
                aria-describedby=${`a-${aid}-who`}
                aria-expanded=${discussion.confirming === aid ? 'true' : 'false'}
                @click=${this.#onReport}
              >
                ${t.report}
              </button>`
        }
        <span class="visually-hidden" id=${`a-${aid}-who`}>${argument.authorName}</span>
      </div>
      ${
        discussion.confirming === aid
          ? html`<div part="report-confirm" class="notice" role="group" aria-label=${t.report}>
              <p>${t.reportConfirm}</p>
              <div class="actions">
                <button
                  class="button confirm-report"
                  type="button"
                  data-proposal=${proposal.documentId}
                  data-argument=${aid}
                  @click=${this.#onConfirmReport}
                >
                  ${t.reportYes}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  data-proposal=${proposal.documentId}
                  data-argument=${aid}
                  @click=${this.#onCancelReport}
                >
                  ${t.reportCancel}
                </button>
              </div>
            </div>`
          : nothing
      }
      ${
        reported
          ? html`<p part="notice" class="notice reported" tabindex="-1" id=${`a-${aid}-reported`}>
              ${t.reported}
            </p>`
          : nothing
      }
      ${
        thread.replies.length > 0
          ? html`<ul part="replies" class="replies" role="list" aria-label=${t.repliesLabel}>
              ${thread.replies.map((reply) => this.#renderThread(reply, proposal, discussion))}
            </ul>`
          : nothing
      }
    </li>`;
  }

  #renderForm(proposal: ProposalPublicView, discussion: Discussion): TemplateResult {
    const t = this.#t;
    const id = proposal.documentId;
    const prefix = `p-${id}-`;
    const form = discussion.form;
    const stanceError = form.errors.get('stance');
    const level = Math.min(6, this.#subLevel + 1);
    return html`<form
      part="argument-form"
      class="argument-form"
      novalidate
      aria-labelledby=${`${prefix}form-title`}
      data-proposal=${id}
      @input=${this.#onInput}
      @change=${this.#onInput}
      @submit=${this.#onSubmit}
    >
      <div class="column-title" id=${`${prefix}form-title`} role="heading" aria-level=${level}>
        ${t.formTitle}
      </div>
      ${
        form.replyTo
          ? html`<div part="notice" class="notice">
              <p id=${`${prefix}replying`}>${t.replyingTo(form.replyTo.authorName)}</p>
              <button
                part="secondary-button"
                class="link-button"
                type="button"
                data-proposal=${id}
                @click=${this.#onCancelReply}
              >
                ${t.cancelReply}
              </button>
            </div>`
          : nothing
      }
      ${errorSummary(form.summary, {
        messages: this.messages,
        headingLevel: Math.min(6, level + 1),
        idPrefix: prefix,
        root: () => this.renderRoot,
      })}
      ${
        form.problem
          ? html`<p part="notice problem" class="notice problem" tabindex="-1">${form.problem}</p>`
          : nothing
      }
      <fieldset
        class=${stanceError ? 'field invalid' : 'field'}
        aria-describedby=${
          [
            form.replyTo ? `${prefix}replying` : '',
            stanceError ? `${prefix}field-stance-error` : '',
          ]
            .filter(Boolean)
            .join(' ') || nothing
        }
      >
        <legend part="label">${t.stanceLegend}</legend>
        ${
          stanceError
            ? html`<p part="field-error" class="field-error" id=${`${prefix}field-stance-error`}>
                ${stanceError}
              </p>`
            : nothing
        }
        <div class="choices">
          ${STANCES.map(
            (stance, index) =>
              html`<label class="choice">
                <input
                  type="radio"
                  name="stance"
                  value=${stance}
                  id=${index === 0 ? fieldId('stance', prefix) : `${prefix}stance-${stance}`}
                  .checked=${form.stance === stance}
                  aria-invalid=${stanceError ? 'true' : 'false'}
                />
                ${t.stances[stance]}
              </label>`
          )}
        </div>
      </fieldset>
      ${textField({
        name: 'body',
        idPrefix: prefix,
        label: t.body,
        hint: t.bodyHint,
        multiline: true,
        rows: 4,
        value: form.body,
        max: 2000,
        error: form.errors.get('body'),
        messages: this.messages,
      })}
      ${textField({
        name: 'authorName',
        idPrefix: prefix,
        label: t.authorName,
        hint: t.authorNameHint,
        value: form.authorName,
        max: 80,
        autocomplete: 'nickname',
        error: form.errors.get('authorName'),
        messages: this.messages,
      })}
      ${honeypotField(HONEYPOT_FIELD, form[HONEYPOT_FIELD], this.messages, prefix)}
      <button
        part="submit-button"
        class="button"
        type="submit"
        aria-disabled=${form.posting ? 'true' : 'false'}
      >
        ${form.posting ? t.posting : t.post}
      </button>
    </form>`;
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
        form: emptyForm(this.#lastName),
        confirming: null,
        reported: new Set(),
      };
      this.#discussions.set(id, discussion);
    }
    return discussion;
  }

  #toggle(id: string): void {
    const discussion = this.#discussion(id);
    discussion.open = !discussion.open;
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

  #validate(form: ArgumentForm): { body?: Record<string, unknown>; errors: Map<string, string> } {
    const input = {
      stance: form.stance,
      body: form.body,
      authorName: form.authorName,
      replyTo: form.replyTo?.documentId ?? null,
    };
    const result = argumentInputSchema.safeParse(input);
    const errors = new Map<string, string>();
    if (!result.success) {
      for (const [field, issue] of issuesByField(result.error.issues)) {
        const value = input[field as keyof typeof input];
        errors.set(field, issueText(issue, value, this.messages, String));
      }
      return { errors };
    }
    const body: Record<string, unknown> = { ...result.data };
    if (form[HONEYPOT_FIELD] !== '') body[HONEYPOT_FIELD] = form[HONEYPOT_FIELD];
    return { body, errors };
  }

  #summary(errors: Map<string, string>): SummaryEntry[] {
    const t = this.#t;
    const labels: Record<(typeof FORM_FIELDS)[number], string> = {
      stance: t.stanceLegend,
      body: t.body,
      authorName: t.authorName,
    };
    return FORM_FIELDS.filter((field) => errors.has(field)).map((field) => ({
      name: field,
      label: labels[field],
      text: errors.get(field)!,
    }));
  }

  async #post(id: string): Promise<void> {
    const discussion = this.#discussion(id);
    const form = discussion.form;
    if (form.posting) return;
    const { body, errors } = this.#validate(form);
    form.problem = null;
    if (!body) {
      form.errors = errors;
      form.summary = this.#summary(errors);
      this.#announcement = this.messages.common.errorCount(form.summary.length);
      this.#focus = `.argument-form[data-proposal="${id}"] .error-summary`;
      this.requestUpdate();
      return;
    }
    form.errors = new Map();
    form.summary = [];
    form.posting = true;
    this.#announcement = this.#t.posting;
    this.requestUpdate();
    try {
      const argument = await this.#action.run(
        (api, signal) => api.postArgument(this.#apiBase, id, body, { signal }),
        { keepOnLeave: true }
      );
      discussion.arguments = [...discussion.arguments, argument];
      this.#lastName = form.authorName.trim();
      discussion.form = emptyForm(this.#lastName);
      this.#announcement = this.#t.posted;
      this.#focus = `[id="a-${argument.documentId}"]`;
      fire(this, new BegrootArgumentPostedEvent({ proposal: id, argument }));
    } catch (error) {
      form.posting = false;
      const failure = toRequestFailure(error);
      if (failure.issues && failure.issues.length > 0) {
        form.errors = serverIssueTexts(failure.issues);
        form.summary = this.#summary(form.errors);
        this.#announcement = this.messages.common.errorCount(form.summary.length);
        this.#focus = `.argument-form[data-proposal="${id}"] .error-summary`;
      } else {
        form.problem =
          failure.kind === 'http' && failure.status === 403
            ? this.#t.closed
            : requestErrorText(error, this.messages);
        this.#announcement = form.problem;
        this.#focus = `.argument-form[data-proposal="${id}"] .problem`;
      }
    }
    this.requestUpdate();
  }

  async #report(proposalId: string, argumentId: string): Promise<void> {
    const discussion = this.#discussion(proposalId);
    try {
      await this.#action.run(
        (api, signal) => api.reportArgument(this.#apiBase, argumentId, {}, { signal }),
        { keepOnLeave: true }
      );
      discussion.confirming = null;
      discussion.reported.add(argumentId);
      this.#announcement = this.#t.reported;
      this.#focus = `[id="a-${argumentId}-reported"]`;
      fire(this, new BegrootArgumentReportedEvent({ proposal: proposalId, argument: argumentId }));
    } catch (error) {
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
    } catch (error) {
      this.#announcement = requestErrorText(error, this.messages);
    }
    this.#loadingMore = false;
    this.requestUpdate();
  };

  #onInput = (event: Event): void => {
    const formElement = event.currentTarget as HTMLFormElement;
    const id = formElement.dataset.proposal!;
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const form = this.#discussion(id).form;
    const name = target.name;
    if (name === 'stance') form.stance = target.value as Stance;
    else if (name === 'body' || name === 'authorName' || name === HONEYPOT_FIELD) {
      form[name] = target.value;
    } else return;
    if (form.errors.has(name)) {
      const text = this.#validate(form).errors.get(name);
      form.errors = new Map(form.errors);
      if (text) form.errors.set(name, text);
      else form.errors.delete(name);
      form.summary = this.#summary(form.errors);
    }
    this.requestUpdate();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#post((event.currentTarget as HTMLFormElement).dataset.proposal!);
  };

  #onReply = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    const discussion = this.#discussion(proposal!);
    const replyTo = discussion.arguments.find((a) => a.documentId === argument);
    if (!replyTo) return;
    discussion.form = { ...discussion.form, replyTo };
    this.#announcement = this.#t.replyingTo(replyTo.authorName);
    this.#focus = `[id="${fieldId('stance', `p-${proposal}-`)}"]`;
    this.requestUpdate();
  };

  #onCancelReply = (event: Event): void => {
    const proposal = (event.currentTarget as HTMLElement).dataset.proposal!;
    const discussion = this.#discussion(proposal);
    const replyTo = discussion.form.replyTo;
    discussion.form = { ...discussion.form, replyTo: null };
    if (replyTo) this.#focus = `[id="a-${replyTo.documentId}"]`;
    this.requestUpdate();
  };

  #onReport = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    const discussion = this.#discussion(proposal!);
    discussion.confirming = discussion.confirming === argument ? null : argument!;
    this.#focus = `[id="a-${argument}"] .confirm-report`;
    this.requestUpdate();
  };

  #onConfirmReport = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    void this.#report(proposal!, argument!);
  };

  #onCancelReport = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    this.#discussion(proposal!).confirming = null;
    this.#focus = `[id="a-${argument}"] [aria-expanded]`;
    this.requestUpdate();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-deliberation-board': BegrootDeliberationBoard;
  }
}
