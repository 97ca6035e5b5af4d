import { phaseEndsAt, type Phase, type PhaseKind, type RoundPublicView } from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { checkRound, DEFAULT_API_BASE, isWebUrl } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { headingLevel, taskFrame, titleHeading } from '../base/states.js';
import { ApiTask } from '../controllers/api-task.js';
import { formatDate } from '../i18n/index.js';
import { roundTimelineTexts, type RoundTimelineTexts } from './texts.js';
import { roundTimelineStyles } from './round-timeline.styles.js';

const DAY = 86_400_000;

/** Where a step stands at a moment. */
export type StepState = 'done' | 'current' | 'upcoming';

/** A phase as the timeline shows it: in date order, with its state now. */
export interface Step {
  phase: Phase;
  state: StepState;
  /** The one step marked `aria-current="step"`. */
  marked: boolean;
}

/**
 * The round's phases in date order, each done, open or upcoming by its dates against `now`. The
 * server's `currentPhase` is always open (it owns the clock that opens and closes phases) and is
 * the step marked as current; phases that overlap it show as open too, since residents can still
 * take part in them.
 */
export function stepsOf(
  round: Pick<RoundPublicView, 'phases' | 'currentPhase'>,
  now: number
): Step[] {
  const steps = [...round.phases]
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map((phase): Step => {
      const state: StepState =
        phase.kind === round.currentPhase
          ? 'current'
          : phaseEndsAt(phase) <= now
            ? 'done'
            : Date.parse(phase.start) > now
              ? 'upcoming'
              : 'current';
      return { phase, state, marked: false };
    });
  const marked =
    steps.find((step) => step.phase.kind === round.currentPhase) ??
    steps.findLast((step) => step.state === 'current');
  if (marked) marked.marked = true;
  return steps;
}

/** Whole days from `now` until `instant`, rounded up (tomorrow morning counts as one day). */
export function daysUntil(instant: number, now: number): number {
  return Math.max(0, Math.ceil((instant - now) / DAY));
}

/** The page attribute that links each phase, and the properties that hold them. */
const LINKS: Partial<
  Record<PhaseKind, 'proposalHref' | 'discussionHref' | 'voteHref' | 'resultsHref' | 'trackerHref'>
> = {
  ideas: 'proposalHref',
  deliberation: 'discussionHref',
  voting: 'voteHref',
  results: 'resultsHref',
  execution: 'trackerHref',
};

/** Phases whose page stays worth visiting after they end. */
const LASTING: readonly PhaseKind[] = ['results', 'execution'];

/**
 * Shows a participatory-budgeting round's schedule as an ordered list of steps (ideas, review,
 * deliberation, voting, results, execution: whichever the round has): the current step marked
 * (`aria-current="step"`), every step's dates in the page's language, when an upcoming step
 * opens ("opens in 3 days"), when the current one closes, when past ones closed, and what a
 * resident can do now, with a link to the page where they do it when the page gives one.
 *
 * @tag begroot-round-timeline
 * @summary The steps of a round and what a resident can do now.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round to show, e.g. `voorbeeldstad-2027`. Required.
 * @attr {string} proposal-href - Link of the ideas step while it is open: the page with `<begroot-proposal-form>`.
 * @attr {string} discussion-href - Link of the deliberation step while it is open: the page with `<begroot-deliberation-board>`.
 * @attr {string} vote-href - Link of the voting step while it is open: the page with `<begroot-vote-ballot>`.
 * @attr {string} results-href - Link of the results step, from when it opens: the page with the results.
 * @attr {string} tracker-href - Link of the execution step, from when it opens: the page with `<begroot-project-tracker>`.
 * @attr {number} heading-level - Level of the widget's heading (1–6), to fit the page's outline; each step's name is one level below. Default 2.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent. HTML's global attribute.
 *
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - Loading the round failed; `detail` is a `RequestFailure` (`kind`, `status`, `name`, `message`, `url`). Bubbles and is composed.
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading with the round's name.
 * @csspart summary - The line under the heading: what is open now, or what comes next.
 * @csspart steps - The ordered list of steps.
 * @csspart step - One step; also `step-done`, `step-current` or `step-upcoming`.
 * @csspart step-done - A step that is over.
 * @csspart step-current - The step that is open now.
 * @csspart step-upcoming - A step still to come.
 * @csspart marker - A step's dot on the line (decorative).
 * @csspart step-name - A step's name (a heading one level below the title).
 * @csspart step-state - A step's state in words: done, now open, coming up.
 * @csspart step-dates - A step's start and end dates.
 * @csspart step-when - When it opens, closes or closed.
 * @csspart step-text - What happens in the step, or what a resident can do now.
 * @csspart step-link - The link to the page of the step.
 * @csspart message - A notice (no steps, loading, error text).
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The "try again" button.
 *
 * @cssprop --begroot-round-timeline-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-round-timeline-muted-color - Secondary text colour. Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-round-timeline-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-round-timeline-subtle-background-color - Background of notices and placeholders. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-round-timeline-border-color - Border colour, and the line between steps. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-round-timeline-border-width - Border width. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-round-timeline-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-round-timeline-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-round-timeline-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-round-timeline-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-round-timeline-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-round-timeline-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-round-timeline-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-round-timeline-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-round-timeline-title-font-weight - Heading and emphasis weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-round-timeline-accent-color - The current step's marker and edge. Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-round-timeline-error-color - Errors. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-round-timeline-current-background-color - Background of the current step. Falls back to `--basis-color-info-bg-subtle`.
 * @cssprop --begroot-round-timeline-done-color - Marker of steps that are over. Falls back to `--basis-color-positive-color-default`.
 * @cssprop --begroot-round-timeline-marker-size - Size of the step markers (default 1rem).
 * @cssprop --begroot-round-timeline-button-background-color - Retry button background and link colour. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-round-timeline-button-color - Retry button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-round-timeline-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-round-timeline-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-round-timeline-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-round-timeline-target-size - Minimum size of buttons and links. Falls back to `--basis-pointer-target-min-block-size` (44px).
 */
export class BegrootRoundTimeline extends BegrootElement {
  static override styles = roundTimelineStyles;
  protected static override catalogues = [roundTimelineTexts];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    proposalHref: { type: String, attribute: 'proposal-href' },
    discussionHref: { type: String, attribute: 'discussion-href' },
    voteHref: { type: String, attribute: 'vote-href' },
    resultsHref: { type: String, attribute: 'results-href' },
    trackerHref: { type: String, attribute: 'tracker-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Base URL of the CMS that serves the Begroot API; the widget script's own CMS when unset. */
  declare apiBase: string | undefined;
  /** Slug of the round to show. */
  declare round: string | undefined;
  /** Where residents submit an idea (shown while the ideas step is open). */
  declare proposalHref: string | undefined;
  /** Where residents discuss the proposals (shown while the deliberation step is open). */
  declare discussionHref: string | undefined;
  /** Where residents vote (shown while the voting step is open). */
  declare voteHref: string | undefined;
  /** Where the results are (shown from the results step on). */
  declare resultsHref: string | undefined;
  /** Where residents follow the chosen projects (shown from the execution step on). */
  declare trackerHref: string | undefined;
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;

  /** Set by "try again", so focus lands on the result instead of being lost with the button. */
  #restoreFocus = false;

  readonly #task = new ApiTask(this, {
    args: () => [this.apiBase?.trim() || DEFAULT_API_BASE, this.round?.trim() ?? ''] as const,
    request: async (api, [apiBase, round], signal) => {
      checkRound('begroot-round-timeline', round, apiBase);
      return api.getRound(apiBase, round, { signal });
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** Loads the round again. */
  retry(): Promise<void> {
    return this.#task.retry();
  }

  get #t(): RoundTimelineTexts {
    return this.texts(roundTimelineTexts);
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  override render(): TemplateResult {
    const now = Date.now();
    const t = this.#t;
    return taskFrame(this.#task, {
      loading: t.loading,
      messages: this.messages,
      onRetry: this.#onRetry,
      complete: (round) => this.#renderRound(round, now),
      announce: (round) => (round.phases.length === 0 ? t.empty : t.loaded(round.phases.length)),
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#restoreFocus && !this.#task.busy) {
      this.#restoreFocus = false;
      this.renderRoot.querySelector<HTMLElement>('.retry-button, .title')?.focus();
    }
  }

  #renderRound(round: RoundPublicView, now: number): TemplateResult {
    const t = this.#t;
    const steps = stepsOf(round, now);
    return html`
      ${titleHeading(t.title(round.title), this.#level)}
      ${
        steps.length === 0
          ? html`<p part="message" class="message">${t.empty}</p>`
          : html`<p part="summary" class="summary">${this.#summary(steps, now)}</p>
              <ol part="steps" class="steps" aria-label=${t.stepsLabel}>
                ${steps.map((step) => this.#renderStep(step, now))}
              </ol>`
      }
    `;
  }

  #summary(steps: Step[], now: number): string {
    const t = this.#t;
    const phases = this.messages.common.phases;
    const current = steps.find((step) => step.marked);
    if (current) return t.summaryNow(phases[current.phase.kind]);
    const next = steps.find((step) => step.state === 'upcoming');
    if (next) {
      return t.summaryNext(
        phases[next.phase.kind],
        this.#relative(daysUntil(Date.parse(next.phase.start), now))
      );
    }
    return t.summaryDone;
  }

  #renderStep({ phase, state, marked }: Step, now: number): TemplateResult {
    const t = this.#t;
    const date = (instant: string | number) => formatDate(instant, this.locale);
    const closedEarly = !!phase.closedAt && Date.parse(phase.closedAt) < Date.parse(phase.end);
    const when =
      state === 'upcoming'
        ? t.opensIn(this.#relative(daysUntil(Date.parse(phase.start), now)))
        : state === 'current'
          ? t.closesIn(this.#relative(daysUntil(phaseEndsAt(phase), now)))
          : closedEarly
            ? t.closedEarlyOn(date(phase.closedAt!))
            : t.closedOn(date(phase.end));
    const href = this.#linkOf(phase.kind, state);
    return html`
      <li
        part="step step-${state}"
        class=${classMap({ step: true, [state]: true })}
        aria-current=${marked ? 'step' : nothing}
      >
        <span part="marker" class="marker" aria-hidden="true"></span>
        <div class="step-body">
          <div class="step-head">
            <span
              part="step-name"
              class="step-name"
              role="heading"
              aria-level=${Math.min(6, this.#level + 1)}
              >${t.names[phase.kind]}</span
            >
            <span part="step-state" class="step-state">${t.state[state]}</span>
          </div>
          <p part="step-dates" class="step-dates">
            ${t.dates(date(phase.start), date(phaseEndsAt(phase)))}
          </p>
          <p part="step-when" class="step-when">${when}</p>
          <p part="step-text" class="step-text">
            ${state === 'current' ? t.now[phase.kind] : t.about[phase.kind]}
          </p>
          ${
            href
              ? html`<a part="step-link" class="step-link" href=${href}>${t.links[phase.kind]}</a>`
              : nothing
          }
        </div>
      </li>
    `;
  }

  /**
   * The page's link for a step, when it is useful now: while the step is open, and for results
   * and execution also afterwards. Only web addresses (relative or http/https), never `javascript:`.
   */
  #linkOf(kind: PhaseKind, state: StepState): string | null {
    const property = LINKS[kind];
    const value = property ? this[property]?.trim() : undefined;
    if (!value || !isWebUrl(value)) return null;
    const useful = state === 'current' || (state === 'done' && LASTING.includes(kind));
    return useful ? value : null;
  }

  /** `over 3 dagen`, `morgen`, `vandaag`: in the page's language, by `Intl`. */
  #relative(days: number): string {
    return new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' }).format(days, 'day');
  }

  #onRetry = (): void => {
    this.#restoreFocus = true;
    void this.#task.retry();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-round-timeline': BegrootRoundTimeline;
  }
}
