import {
  HONEYPOT_FIELD,
  STANCES,
  argumentInputSchema,
  type ArgumentPublicView,
  type ProposalPublicView,
  type RoundPublicView,
  type Stance,
} from '@begroot/core';
import { html, nothing, type TemplateResult } from 'lit';
import { toRequestFailure } from '../api/errors.js';
import { requestErrorText } from '../base/error-text.js';
import type { ApiAction } from '../controllers/api-action.js';
import { BegrootArgumentPostedEvent } from '../events/argument-posted.js';
import { BegrootArgumentReportedEvent } from '../events/argument-reported.js';
import { fire } from '../events/request-failed.js';
import {
  errorSummary,
  fieldId,
  honeypotField,
  textField,
  type SummaryEntry,
} from '../forms/fields.js';
import { issueText, issuesByField, serverIssueTexts } from '../forms/issues.js';
import { formatDate, type Catalogue, type Messages } from '../i18n/index.js';
import { OPEN_PHASES, type Discussion } from './deliberation-board.js';
import { discussionTexts } from './discussion-texts.js';
import { buildThreads, type Thread } from './threads.js';

const FORM_FIELDS = ['stance', 'body', 'authorName'] as const;

export interface ArgumentForm {
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

/** The board as its lazily loaded discussions (this module) see it. */
export interface DiscussionHost {
  readonly el: HTMLElement & { requestUpdate(): void; renderRoot: ParentNode };
  readonly action: ApiAction;
  textsOf<T>(catalogue: Catalogue<T>): T;
  readonly messages: Messages;
  readonly locale: string;
  readonly apiBase: string;
  /** Level of the proposals' headings. */
  readonly subLevel: number;
  discussion(id: string): Discussion;
  /** The name a resident gave last, offered again in the next form. */
  lastName: string;
  announcement: string;
  /** What to focus after the next render: a selector in the shadow root. */
  focus: string | null;
}

export { discussionTexts };

/**
 * An opened proposal's discussion: its arguments in columns with their replies threaded, reply
 * and report, and the form to post one (checked with core's `argumentInputSchema`), with the
 * requests they make. A chunk of its own, so a board lists its proposals without it; the board
 * loads it on the visitor's first interaction or when a discussion opens.
 */
export class BoardDiscussion {
  readonly #h: DiscussionHost;

  constructor(host: DiscussionHost) {
    this.#h = host;
  }

  /** The discussions' texts in the page's language. */
  get #t() {
    return this.#h.textsOf(discussionTexts);
  }

  /** The form of a discussion, made when first shown. */
  #form(discussion: Discussion): ArgumentForm {
    return (discussion.form ??= emptyForm(this.#h.lastName));
  }

  #update(): void {
    this.#h.el.requestUpdate();
  }

  /** A loaded discussion: the columns, then the form (or a notice when posting is closed). */
  render(
    proposal: ProposalPublicView,
    discussion: Discussion,
    round: RoundPublicView
  ): TemplateResult {
    const t = this.#t;
    const id = proposal.documentId;
    const threads = buildThreads(discussion.arguments);
    const level = Math.min(6, this.#h.subLevel + 1);
    const open = OPEN_PHASES.includes(round.currentPhase);
    const column = (stance: Stance) => {
      const list = threads.byStance[stance];
      return html`<section
        part="column"
        class=${`column ${stance}`}
        aria-labelledby=${`p-${id}-${stance}`}
      >
        <div
          class="column-title"
          id=${`p-${id}-${stance}`}
          role="heading"
          aria-level=${level}
          tabindex="-1"
        >
          ${t.columns[stance]} (${threads.counts[stance]})
        </div>
        ${
          list.length === 0
            ? html`<p class="meta">${t.none[stance]}</p>`
            : html`<ul class="arguments" role="list">
                ${list.map((thread) => this.#renderThread(thread, id, discussion, open))}
              </ul>`
        }
      </section>`;
    };
    return html`
      <div part="columns" class="columns">${column('for')} ${column('against')}</div>
      ${column('question')} ${open ? this.#renderForm(id, discussion) : this.#renderClosed(round)}
    `;
  }

  /**
   * Posting is closed: when it opens, or until when it ran and what happens now (the round's
   * phases, as the proposal form says it). A round without phases that allow posting says only
   * that it is closed.
   */
  #renderClosed(round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const now = Date.now();
    const date = (instant: string) => formatDate(instant, this.#h.locale);
    const posting = round.phases.filter((phase) => OPEN_PHASES.includes(phase.kind));
    const opens = posting
      .filter((phase) => Date.parse(phase.start) > now)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    const ended = posting
      .filter((phase) => Date.parse(phase.end) <= now)
      .sort((a, b) => Date.parse(b.end) - Date.parse(a.end))[0];
    const next = opens
      ? []
      : round.phases
          .filter((phase) => !OPEN_PHASES.includes(phase.kind) && Date.parse(phase.end) > now)
          .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const summary = opens
      ? t.closedOpens(date(opens.start))
      : ended
        ? t.closedEnded(date(ended.end))
        : t.closed;
    return html`<div part="notice" class="notice closed">
      <p>${summary}</p>
      ${
        next.length > 0
          ? html`<ul class="phases">
              ${next.map(
                (phase) =>
                  html`<li>
                    ${t.nextPhase(
                      this.#h.messages.common.phases[phase.kind],
                      date(phase.start),
                      date(phase.end)
                    )}
                  </li>`
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderThread(
    thread: Thread,
    proposalId: string,
    discussion: Discussion,
    open: boolean
  ): TemplateResult {
    const t = this.#t;
    const { argument } = thread;
    const aid = argument.documentId;
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
        ${t.postedBy(argument.authorName, formatDate(argument.postedAt, this.#h.locale))}
      </p>
      <div class="actions">
        ${
          open && !argument.official
            ? html`<button
                part="action-button"
                class="link-button"
                type="button"
                data-proposal=${proposalId}
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
                data-proposal=${proposalId}
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
              ${
                discussion.reportProblem
                  ? html`<p
                      part="notice problem"
                      class="notice problem"
                      tabindex="-1"
                      id=${`a-${aid}-report-problem`}
                    >
                      ${discussion.reportProblem}
                    </p>`
                  : nothing
              }
              <div class="actions">
                <button
                  class="button confirm-report"
                  type="button"
                  data-proposal=${proposalId}
                  data-argument=${aid}
                  aria-disabled=${discussion.reporting ? 'true' : 'false'}
                  @click=${this.#onConfirmReport}
                >
                  ${t.reportYes}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  data-proposal=${proposalId}
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
              ${thread.replies.map((reply) => this.#renderThread(reply, proposalId, discussion, open))}
            </ul>`
          : nothing
      }
    </li>`;
  }

  #renderForm(id: string, discussion: Discussion): TemplateResult {
    const t = this.#t;
    const messages = this.#h.messages;
    const prefix = `p-${id}-`;
    const form = this.#form(discussion);
    const stanceError = form.errors.get('stance');
    const level = Math.min(6, this.#h.subLevel + 1);
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
        messages,
        headingLevel: Math.min(6, level + 1),
        idPrefix: prefix,
        root: () => this.#h.el.renderRoot,
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
        messages,
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
        messages,
      })}
      ${honeypotField(HONEYPOT_FIELD, form[HONEYPOT_FIELD], messages, prefix)}
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
        errors.set(field, issueText(issue, value, this.#h.messages, String));
      }
      return { errors };
    }
    const body: Record<string, unknown> = { ...result.data };
    if (form[HONEYPOT_FIELD] !== '') body[HONEYPOT_FIELD] = form[HONEYPOT_FIELD];
    return { body, errors };
  }

  /** The problems by field and in the summary above the form. */
  #setErrors(form: ArgumentForm, errors: Map<string, string>): void {
    const t = this.#t;
    const labels: Record<(typeof FORM_FIELDS)[number], string> = {
      stance: t.stanceLegend,
      body: t.body,
      authorName: t.authorName,
    };
    form.errors = errors;
    form.summary = FORM_FIELDS.filter((field) => errors.has(field)).map((field) => ({
      name: field,
      label: labels[field],
      text: errors.get(field)!,
    }));
  }

  /** Shows the problems after an attempt: announced, and the summary takes focus. */
  #showErrors(id: string, form: ArgumentForm, errors: Map<string, string>): void {
    this.#setErrors(form, errors);
    this.#h.announcement = this.#h.messages.common.errorCount(form.summary.length);
    this.#h.focus = `.argument-form[data-proposal="${id}"] .error-summary`;
  }

  async #post(id: string): Promise<void> {
    const h = this.#h;
    const discussion = h.discussion(id);
    const form = this.#form(discussion);
    if (form.posting) return;
    const { body, errors } = this.#validate(form);
    form.problem = null;
    if (!body) {
      this.#showErrors(id, form, errors);
      this.#update();
      return;
    }
    form.errors = new Map();
    form.summary = [];
    form.posting = true;
    h.announcement = this.#t.posting;
    this.#update();
    try {
      const argument = await h.action.run(
        (api, signal) => api.postArgument(h.apiBase, id, body, { signal }),
        { keepOnLeave: true }
      );
      discussion.arguments = [...discussion.arguments, argument];
      h.lastName = form.authorName.trim();
      discussion.form = emptyForm(h.lastName);
      h.announcement = this.#t.posted;
      h.focus = `[id="a-${argument.documentId}"]`;
      fire(h.el, new BegrootArgumentPostedEvent({ proposal: id, argument }));
    } catch (error) {
      form.posting = false;
      const failure = toRequestFailure(error);
      if (failure.issues && failure.issues.length > 0) {
        this.#showErrors(id, form, serverIssueTexts(failure.issues, h.messages, body));
      } else {
        form.problem =
          failure.kind === 'http' && failure.status === 403
            ? this.#t.closed
            : requestErrorText(error, h.messages);
        h.announcement = form.problem;
        h.focus = `.argument-form[data-proposal="${id}"] .problem`;
      }
    }
    this.#update();
  }

  async #report(proposalId: string, argumentId: string): Promise<void> {
    const h = this.#h;
    const discussion = h.discussion(proposalId);
    if (discussion.reporting) return;
    discussion.reporting = true;
    try {
      await h.action.run(
        (api, signal) => api.reportArgument(h.apiBase, argumentId, {}, { signal }),
        { keepOnLeave: true }
      );
      discussion.reporting = false;
      discussion.confirming = null;
      discussion.reportProblem = null;
      discussion.reported.add(argumentId);
      h.announcement = this.#t.reported;
      h.focus = `[id="a-${argumentId}-reported"]`;
      fire(h.el, new BegrootArgumentReportedEvent({ proposal: proposalId, argument: argumentId }));
    } catch (error) {
      // The confirmation stays open with the problem in it: "yes" tries again, "cancel" closes.
      discussion.reporting = false;
      discussion.confirming = argumentId;
      discussion.reportProblem = requestErrorText(error, h.messages);
      h.announcement = discussion.reportProblem;
      h.focus = `[id="a-${argumentId}-report-problem"]`;
    }
    this.#update();
  }

  #onInput = (event: Event): void => {
    const formElement = event.currentTarget as HTMLFormElement;
    const id = formElement.dataset.proposal!;
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    const form = this.#form(this.#h.discussion(id));
    const name = target.name;
    if (name === 'stance') form.stance = target.value as Stance;
    else if (name === 'body' || name === 'authorName' || name === HONEYPOT_FIELD) {
      form[name] = target.value;
    } else return;
    if (form.errors.has(name)) {
      const text = this.#validate(form).errors.get(name);
      const errors = new Map(form.errors);
      if (text) errors.set(name, text);
      else errors.delete(name);
      this.#setErrors(form, errors);
    }
    this.#update();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#post((event.currentTarget as HTMLFormElement).dataset.proposal!);
  };

  #onReply = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    const discussion = this.#h.discussion(proposal!);
    const replyTo = discussion.arguments.find((a) => a.documentId === argument);
    if (!replyTo) return;
    discussion.form = { ...this.#form(discussion), replyTo };
    this.#h.announcement = this.#t.replyingTo(replyTo.authorName);
    this.#h.focus = `[id="${fieldId('stance', `p-${proposal}-`)}"]`;
    this.#update();
  };

  #onCancelReply = (event: Event): void => {
    const proposal = (event.currentTarget as HTMLElement).dataset.proposal!;
    const discussion = this.#h.discussion(proposal);
    const form = this.#form(discussion);
    const replyTo = form.replyTo;
    discussion.form = { ...form, replyTo: null };
    if (replyTo) this.#h.focus = `[id="a-${replyTo.documentId}"]`;
    this.#update();
  };

  #onReport = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    const discussion = this.#h.discussion(proposal!);
    discussion.confirming = discussion.confirming === argument ? null : argument!;
    discussion.reportProblem = null;
    this.#h.focus = `[id="a-${argument}"] .confirm-report`;
    this.#update();
  };

  #onConfirmReport = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    void this.#report(proposal!, argument!);
  };

  #onCancelReport = (event: Event): void => {
    const { proposal, argument } = (event.currentTarget as HTMLElement).dataset;
    const discussion = this.#h.discussion(proposal!);
    discussion.confirming = null;
    discussion.reportProblem = null;
    this.#h.focus = `[id="a-${argument}"] [aria-expanded]`;
    this.#update();
  };
}
