import type {
  District,
  ExecutionView,
  ProposalOutcomeView,
  ProposalPublicView,
  ProposalStatus,
  RoundPublicView,
} from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { BegrootApi } from '../api/client.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { headingLevel, taskFrame, titleHeading } from '../base/states.js';
import { ApiTask } from '../controllers/api-task.js';
import { formatAmount, formatDate, formatPercent, shareOf } from '../i18n/index.js';
import { projectTrackerTexts, type ProjectTrackerTexts } from './texts.js';
import { projectTrackerStyles } from './project-tracker.styles.js';

/** Statuses of a funded proposal, in the order the tracker lists them: busy first, done last. */
const FUNDED: readonly ProposalStatus[] = ['in_progress', 'planned', 'funded', 'completed'];
/** The largest page the list route serves. */
const PAGE_SIZE = 100;

/** A funded project as the tracker shows it: the server's `execution`, or what the proposal says. */
export interface Project {
  proposal: ProposalPublicView;
  status: ExecutionView['status'];
  /** 0–100, or null when the server sends no execution data. */
  progress: number | null;
  spent: number | null;
  granted: number | null;
  /** Newest first. */
  updates: { date: string; text: string }[];
}

/**
 * A funded proposal's execution: the `execution` object of the public view, or for a server
 * without it, its status, official (else estimated) cost and updates, with progress and spending
 * unknown.
 */
export function projectOf(view: ProposalOutcomeView): Project | null {
  if (!FUNDED.includes(view.status)) return null;
  const proposal = view as ProposalPublicView;
  const execution = proposal.execution;
  const updates = [...(execution?.updates ?? proposal.updates)].sort(
    (a, b) => Date.parse(b.date) - Date.parse(a.date)
  );
  return execution
    ? { proposal, ...execution, updates }
    : {
        proposal,
        status: proposal.status as ExecutionView['status'],
        progress: null,
        spent: null,
        granted: proposal.officialCost ?? proposal.estimatedCost,
        updates,
      };
}

/**
 * Every public proposal of the round (with `outcomes`, also the rejected and merged ones, and how
 * many wait for review): all pages of the list, newest first.
 */
async function allProposals(
  api: BegrootApi,
  apiBase: string,
  round: string,
  outcomes: boolean,
  signal: AbortSignal
): Promise<{ proposals: ProposalOutcomeView[]; awaitingReview: number | null }> {
  const query = { sort: 'newest' as const, pageSize: PAGE_SIZE };
  const load = (page: number) =>
    outcomes
      ? api.listOutcomes(apiBase, round, { ...query, page }, { signal })
      : api.listProposals(apiBase, round, { ...query, page }, { signal });
  const first = await load(1);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.pagination.pageCount - 1) }, (_, i) => load(i + 2))
  );
  return {
    proposals: [first, ...rest].flatMap((page): ProposalOutcomeView[] => page.proposals),
    awaitingReview: 'awaitingReview' in first ? first.awaitingReview : null,
  };
}

interface Loaded {
  round: RoundPublicView;
  proposals: ProposalOutcomeView[];
  /** Ideas not reviewed yet (`show="all"` only; counted by the server for the whole round). */
  awaitingReview: number | null;
}

/**
 * Shows what happened to a round's money and ideas: the funded projects with their execution
 * status (not started, planned, in progress, completed), progress, money spent against money
 * granted and dated public updates, filterable by district; with `show="all"` also the ideas that
 * were not funded, rejected or merged (`?outcome=all`) with the city's public reason, and how many
 * still wait for review, so residents see what became of their input.
 *
 * @tag begroot-project-tracker
 * @summary What happened to the money and the ideas of a round.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round to show, e.g. `voorbeeldstad-2027`. Required.
 * @attr {string} district - Slug of a district: the initial district filter (the visitor can change it).
 * @attr {'funded' | 'all'} show - `funded` (default): the funded projects. `all`: also the other ideas, with why they did not go ahead.
 * @attr {number} heading-level - Level of the widget's heading (1–6), to fit the page's outline; sections and projects are one and two levels below. Default 2.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent. HTML's global attribute.
 *
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - Loading the round or its proposals failed; `detail` is a `RequestFailure` (`kind`, `status`, `name`, `message`, `url`). Bubbles and is composed.
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading with the round's name.
 * @csspart filters - The district filter.
 * @csspart field - The district filter's label and select.
 * @csspart label - The district filter's label.
 * @csspart select - The district select.
 * @csspart summary - How many projects, money granted and spent, and how many are done.
 * @csspart section-title - The heading of the funded projects and of the other ideas.
 * @csspart projects - The list of funded projects.
 * @csspart project - One funded project; also `project-completed` when it is done.
 * @csspart project-title - A project's or idea's title (a heading).
 * @csspart meta - A project's district.
 * @csspart status - A project's or idea's status in words.
 * @csspart progress - The progress as text.
 * @csspart bar - The track of a bar (progress, money); decorative.
 * @csspart bar-fill - The filled part of a bar.
 * @csspart money - Money spent against money granted, as text.
 * @csspart overspent - Spending above the granted amount.
 * @csspart updates - A project's dated updates, newest first.
 * @csspart update - One update.
 * @csspart update-date - An update's date.
 * @csspart older-updates - The folded earlier updates (a `<details>`).
 * @csspart others - The list of other ideas (`show="all"`).
 * @csspart other - One other idea.
 * @csspart reason - Why an idea did not go ahead.
 * @csspart awaiting - How many ideas still wait for review (`show="all"`, without a district filter).
 * @csspart message - A notice (nothing to show, loading, error text).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The "try again" button.
 *
 * @cssprop --begroot-project-tracker-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-project-tracker-muted-color - Secondary text colour. Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-project-tracker-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-project-tracker-subtle-background-color - Background of notices and placeholders. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-project-tracker-border-color - Border colour. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-project-tracker-border-width - Border width. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-project-tracker-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-project-tracker-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-project-tracker-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-project-tracker-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-project-tracker-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-project-tracker-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-project-tracker-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-project-tracker-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-project-tracker-title-font-weight - Heading and emphasis weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-project-tracker-accent-color - Edge of projects in progress. Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-project-tracker-error-color - Overspending. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-project-tracker-input-background-color - Background of the district filter. Falls back to `--basis-form-control-background-color`.
 * @cssprop --begroot-project-tracker-input-border-color - Border of the district filter. Falls back to `--basis-form-control-border-color`.
 * @cssprop --begroot-project-tracker-done-color - Edge of completed projects. Falls back to `--basis-color-positive-color-default`.
 * @cssprop --begroot-project-tracker-bar-block-size - Thickness of the bars (default 0.75rem).
 * @cssprop --begroot-project-tracker-bar-background-color - Track of the bars. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-project-tracker-bar-fill-color - Filled part of the bars. Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-project-tracker-button-background-color - Retry button background. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-project-tracker-button-color - Retry button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-project-tracker-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-project-tracker-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-project-tracker-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-project-tracker-target-size - Minimum size of the select, buttons and folds. Falls back to `--basis-pointer-target-min-block-size` (44px).
 */
export class BegrootProjectTracker extends BegrootElement {
  static override styles = projectTrackerStyles;
  protected static override catalogues = [projectTrackerTexts];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    district: { type: String, reflect: true },
    show: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Base URL of the CMS that serves the Begroot API; the widget script's own CMS when unset. */
  declare apiBase: string | undefined;
  /** Slug of the round to show. */
  declare round: string | undefined;
  /** Slug of the district to show; empty for all. Follows the visitor's filter. */
  declare district: string | undefined;
  /** `funded` (the funded projects) or `all` (also the other ideas). */
  declare show: 'funded' | 'all';
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;

  /** Set by "try again", so focus lands on the result instead of being lost with the button. */
  #restoreFocus = false;

  readonly #task = new ApiTask(this, {
    args: () =>
      [
        this.apiBase?.trim() || DEFAULT_API_BASE,
        this.round?.trim() ?? '',
        this.show === 'all',
      ] as const,
    request: async (api, [apiBase, round, outcomes], signal): Promise<Loaded> => {
      checkRound('begroot-project-tracker', round, apiBase);
      // The whole round at once: the district filter then works without asking again.
      const [loaded, list] = await Promise.all([
        api.getRound(apiBase, round, { signal }),
        allProposals(api, apiBase, round, outcomes, signal),
      ]);
      return { round: loaded, ...list };
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
    this.show = 'funded';
  }

  /** Loads the round and its proposals again. */
  retry(): Promise<void> {
    return this.#task.retry();
  }

  get #t(): ProjectTrackerTexts {
    return this.texts(projectTrackerTexts);
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  /** A heading `below` levels under the widget's own, at most 6. */
  #sub(below: number): number {
    return Math.min(6, this.#level + below);
  }

  get #showAll(): boolean {
    return this.show === 'all';
  }

  override render(): TemplateResult {
    return taskFrame(this.#task, {
      loading: this.#t.loading,
      messages: this.messages,
      onRetry: this.#onRetry,
      complete: (loaded) => this.#renderLoaded(loaded),
      announce: (loaded) => this.#announcement(loaded),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Bar lengths through the CSSOM rather than a style attribute, so a page whose
    // Content-Security-Policy refuses inline styles still draws them.
    for (const fill of this.renderRoot.querySelectorAll<HTMLElement>('[data-share]')) {
      fill.style.setProperty('--_begroot-share', fill.dataset.share ?? '0');
    }
    if (this.#restoreFocus && !this.#task.busy) {
      this.#restoreFocus = false;
      this.renderRoot.querySelector<HTMLElement>('.retry-button, .title')?.focus();
    }
  }

  /** The chosen district, if the round has it; `undefined` for all, `null` for an unknown one. */
  #chosenDistrict(round: RoundPublicView): District | undefined | null {
    const wanted = this.district?.trim();
    if (!wanted) return undefined;
    return round.districts.find((district) => district.slug === wanted) ?? null;
  }

  #visible(loaded: Loaded): { projects: Project[]; others: ProposalOutcomeView[] } {
    const wanted = this.district?.trim();
    const inDistrict = loaded.proposals.filter((p) => !wanted || p.district === wanted);
    const projects = inDistrict
      .map(projectOf)
      .filter((project): project is Project => project !== null)
      .sort((a, b) => FUNDED.indexOf(a.status) - FUNDED.indexOf(b.status));
    const others = this.#showAll ? inDistrict.filter((p) => !FUNDED.includes(p.status)) : [];
    return { projects, others };
  }

  #renderLoaded(loaded: Loaded): TemplateResult {
    const t = this.#t;
    const { round } = loaded;
    const chosen = this.#chosenDistrict(round);
    const { projects, others } = this.#visible(loaded);
    return html`
      ${titleHeading(t.title(round.title), this.#level)} ${this.#renderFilter(round)}
      ${
        chosen === null
          ? html`<p part="message" class="message">${t.districtNotFound(this.district ?? '')}</p>`
          : html`${this.#renderFunded(round, projects, chosen)}
            ${this.#showAll ? this.#renderOthers(loaded, others) : nothing}`
      }
    `;
  }

  #renderFilter(round: RoundPublicView): TemplateResult | typeof nothing {
    if (round.districts.length === 0) return nothing;
    const t = this.#t;
    const value = this.district?.trim() ?? '';
    return html`<div part="filters" class="filters">
      <div part="field" class="field">
        <label part="label" class="label" for="district">${t.district}</label>
        <select part="select" class="select" id="district" @change=${this.#onDistrict}>
          <option value="" ?selected=${value === ''}>${t.allDistricts}</option>
          ${round.districts.map(
            (district) =>
              html`<option value=${district.slug} ?selected=${district.slug === value}>
                ${district.name}
              </option>`
          )}
        </select>
      </div>
    </div>`;
  }

  #renderFunded(
    round: RoundPublicView,
    projects: Project[],
    chosen: District | undefined
  ): TemplateResult {
    const t = this.#t;
    const money = (amount: number) => formatAmount(amount, round.currency, this.locale);
    const heading = html`<div
      part="section-title"
      class="section-title"
      role="heading"
      aria-level=${this.#sub(1)}
    >
      ${t.fundedTitle}
    </div>`;
    if (projects.length === 0) {
      return html`<section class="section">
        ${heading}
        <p part="message" class="message">${chosen ? t.noneFundedIn(chosen.name) : t.noneFunded}</p>
      </section>`;
    }
    const granted = projects.reduce((sum, p) => sum + (p.granted ?? 0), 0);
    const spent = projects.reduce((sum, p) => sum + (p.spent ?? 0), 0);
    const counts = { completed: 0, in_progress: 0, planned: 0, funded: 0 };
    for (const project of projects) counts[project.status] += 1;
    return html`<section class="section">
      ${heading}
      <p part="summary" class="summary">
        ${t.summary(projects.length, money(granted), money(spent))} ${t.statusCounts(counts)}
      </p>
      <ul part="projects" class="projects" role="list">
        ${projects.map((project) => this.#renderProject(round, project))}
      </ul>
    </section>`;
  }

  #districtName(round: RoundPublicView, slug: string | null): string {
    return round.districts.find((d) => d.slug === slug)?.name ?? this.#t.cityWide;
  }

  #renderProject(round: RoundPublicView, project: Project): TemplateResult {
    const t = this.#t;
    const { proposal, status, progress, spent, granted, updates } = project;
    const money = (amount: number) => formatAmount(amount, round.currency, this.locale);
    const over = spent !== null && granted !== null && spent > granted ? spent - granted : 0;
    const [latest, ...older] = updates;
    return html`<li
      part=${status === 'completed' ? 'project project-completed' : 'project'}
      class=${classMap({ project: true, [status.replace('_', '-')]: true })}
    >
      <div part="project-title" class="project-title" role="heading" aria-level=${this.#sub(2)}>
        ${proposal.title}
      </div>
      <p class="project-meta">
        <span part="status" class="status">${t.statuses[status]}</span>
        <span part="meta" class="meta">${this.#districtName(round, proposal.district)}</span>
      </p>
      ${
        progress !== null
          ? html`<p part="progress" class="progress">
                ${t.progress(formatPercent(progress / 100, this.locale))}
              </p>
              ${this.#bar(progress / 100)}`
          : nothing
      }
      ${
        spent !== null && granted !== null
          ? html`<p part="money" class="money">${t.spentOf(money(spent), money(granted))}</p>
              ${this.#bar(shareOf(spent, granted), 'money-bar')}
              ${
                over > 0
                  ? html`<p part="overspent" class="overspent">${t.overspent(money(over))}</p>`
                  : nothing
              }`
          : granted !== null
            ? html`<p part="money" class="money">${t.granted(money(granted))}</p>`
            : nothing
      }
      ${latest ? this.#renderUpdates(proposal, latest, older) : nothing}
    </li>`;
  }

  /** A bar filled to `share` (0–1); decorative, the text before it says the same. */
  #bar(share: number, kind = 'progress-bar'): TemplateResult {
    return html`<span part="bar" class="bar ${kind}" aria-hidden="true"
      ><span part="bar-fill" class="bar-fill" data-share=${String(share)}></span
    ></span>`;
  }

  #renderUpdates(
    proposal: ProposalPublicView,
    latest: { date: string; text: string },
    older: { date: string; text: string }[]
  ): TemplateResult {
    const t = this.#t;
    const update = (entry: { date: string; text: string }) =>
      html`<li part="update" class="update">
        <time part="update-date" class="update-date" datetime=${entry.date}
          >${formatDate(entry.date, this.locale)}</time
        >
        <span class="update-text">${entry.text}</span>
      </li>`;
    return html`<ul
        part="updates"
        class="updates"
        role="list"
        aria-label=${t.updatesLabel(proposal.title)}
      >
        ${update(latest)}
      </ul>
      ${
        older.length > 0
          ? html`<details part="older-updates" class="older-updates">
              <summary>${t.olderUpdates(older.length)}</summary>
              <ul class="updates" role="list">
                ${older.map(update)}
              </ul>
            </details>`
          : nothing
      }`;
  }

  #renderOthers(loaded: Loaded, others: ProposalOutcomeView[]): TemplateResult {
    const t = this.#t;
    const byId = new Map(loaded.proposals.map((p) => [p.documentId, p]));
    const reason = (proposal: ProposalOutcomeView): string => {
      if (proposal.status === 'merged' && 'mergedInto' in proposal) {
        const target = proposal.mergedInto ? byId.get(proposal.mergedInto) : undefined;
        const merged = target ? t.mergedInto(target.title) : t.mergedElsewhere;
        return proposal.publicReason ? `${merged} ${proposal.publicReason}` : merged;
      }
      if (proposal.publicReason) return proposal.publicReason;
      // The reason given with the last status change, if any.
      const last = proposal.history.findLast((change) => change.status === proposal.status);
      if (last?.reason) return last.reason;
      return proposal.status === 'admitted' ? '' : t.noReason;
    };
    return html`<section class="section">
      <div part="section-title" class="section-title" role="heading" aria-level=${this.#sub(1)}>
        ${t.otherTitle}
      </div>
      ${
        // Counted for the whole round, so shown only without a district filter.
        loaded.awaitingReview && !this.district?.trim()
          ? html`<p part="awaiting" class="awaiting">${t.awaitingReview(loaded.awaitingReview)}</p>`
          : nothing
      }
      ${
        others.length === 0
          ? html`<p part="message" class="message">${t.noneOther}</p>`
          : html`<ul part="others" class="others" role="list">
              ${others.map((proposal) => {
                const why = reason(proposal);
                return html`<li part="other" class="other">
                  <div
                    part="project-title"
                    class="project-title"
                    role="heading"
                    aria-level=${this.#sub(2)}
                  >
                    ${proposal.title}
                  </div>
                  <p class="project-meta">
                    <span part="status" class="status">${t.statuses[proposal.status]}</span>
                    <span part="meta" class="meta"
                      >${this.#districtName(loaded.round, proposal.district)}</span
                    >
                  </p>
                  ${why ? html`<p part="reason" class="reason">${why}</p>` : nothing}
                </li>`;
              })}
            </ul>`
      }
    </section>`;
  }

  /** The live region's text once loaded: how many projects show. */
  #announcement(loaded: Loaded): string {
    const t = this.#t;
    if (this.#chosenDistrict(loaded.round) === null) {
      return t.districtNotFound(this.district ?? '');
    }
    const { projects, others } = this.#visible(loaded);
    return t.loaded(projects.length, this.#showAll ? others.length : null);
  }

  #onDistrict = (event: Event): void => {
    this.district = (event.currentTarget as HTMLSelectElement).value;
  };

  #onRetry = (): void => {
    this.#restoreFocus = true;
    void this.#task.retry();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-project-tracker': BegrootProjectTracker;
  }
}
