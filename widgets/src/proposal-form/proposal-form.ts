import {
  HONEYPOT_FIELD,
  PROPOSAL_IMAGE_MAX_BYTES,
  PROPOSAL_IMAGE_TYPES,
  type Phase,
  type ProposalFormSettings,
  type RoundPublicView,
} from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SubmittedProposal } from '../api/client.js';
import { toRequestFailure } from '../api/errors.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { requestErrorText } from '../base/error-text.js';
import { headingLevel, taskFrame, titleHeading } from '../base/states.js';
import { readStored, removeStored, writeStored } from '../base/storage.js';
import type { ApiAction } from '../controllers/api-action.js';
import { ApiTask } from '../controllers/api-task.js';
import { LazyPart } from '../controllers/lazy-part.js';
import { fire } from '../events/request-failed.js';
import { BegrootProposalSubmittedEvent } from '../events/proposal-submitted.js';
import {
  errorSummary,
  fieldId,
  honeypotField,
  selectField,
  textField,
  type SummaryEntry,
} from '../forms/fields.js';
import { formatDate } from '../i18n/index.js';
import type { ProposalChecks } from './checks.js';
import { proposalFormStyles } from './proposal-form.styles.js';
import { proposalFormTexts } from './texts.js';
import { imageFieldTexts } from './image-texts.js';

/** The form's fields, in the order they are shown (and errors are listed). */
const FIELDS = [
  'title',
  'summary',
  'description',
  'district',
  'theme',
  'location',
  'image',
  'imageAlt',
  'estimatedCost',
  'authorName',
  'email',
] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field | typeof HONEYPOT_FIELD, string>;

const EMPTY: Values = {
  title: '',
  summary: '',
  description: '',
  estimatedCost: '',
  district: '',
  theme: '',
  location: '',
  image: '',
  imageAlt: '',
  authorName: '',
  email: '',
  [HONEYPOT_FIELD]: '',
};

const DAY = 86_400_000;

/**
 * Fields never kept in the browser's draft: on a shared computer (library, community centre) the
 * next visitor would find the previous one's name and e-mail address. The browser's own autofill
 * (`autocomplete`) offers them again to their owner.
 */
const NOT_IN_DRAFT: ReadonlySet<Field> = new Set(['authorName', 'email']);

/** A field the round's form may leave out (`summary`, `theme`, `location`, `image`). */
export type OptionalField = ProposalFormSettings['optionalFields'][number];

/**
 * Whether the round's form shows an optional field (`summary`, `theme`, `location`, `image`).
 * Also used by the checks (checks.ts), which so import this module and share its chunks.
 */
export const showsField = (round: RoundPublicView, field: OptionalField): boolean =>
  round.proposalForm.optionalFields.includes(field);

/** Where a round's draft is kept in the visitor's browser. */
export const draftKey = (round: string) => `begroot:proposal-draft:${round}`;

type Step = 'editing' | 'submitting' | 'success';

/** The resident's chosen image: shown from an object URL, uploaded once when the idea is sent. */
type ChosenImage = { file: File; url: string; uploadId: string | null };

const IMAGE_MAX_MB = String(Math.round(PROPOSAL_IMAGE_MAX_BYTES / (1024 * 1024)));

/**
 * The form in which residents submit an idea to a participatory-budgeting round: only what the
 * round asks (title and description, a district where the round has districts; summary, theme,
 * location and a rough cost where the round's form settings say so, the cost optional unless the
 * round requires it). Checked with core's `proposalInputSchema` before sending, the same schema
 * the server uses; the server's own objections are shown at their fields. A draft is kept in the
 * browser per round until the idea is sent. Outside the ideas phase it says when submitting opens
 * or when it closed; after sending, what happens next and when.
 *
 * Form-associated: inside a city's own `<form>` it contributes its fields (API names) to the
 * form's data and its validity to the form's, and follows the form's reset and `disabled`.
 *
 * @tag begroot-proposal-form
 * @summary Submit an idea to a round.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round, e.g. `voorbeeldstad-2027`. Required.
 * @attr {string} district - Slug of a district to preselect (the resident can change it).
 * @attr {number} heading-level - Level of the widget's heading (1–6). Default 2.
 * @attr {string} name - Form-associated: not used as a prefix; the fields go into the outer form under their API names.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent.
 *
 * @fires {BegrootProposalSubmittedEvent} begroot-proposal-submitted - The idea was accepted; `detail`: `{ documentId, status, round }`.
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - Loading the round or sending the idea failed; `detail` is a `RequestFailure` (with `issues` for a server ValidationError).
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading.
 * @csspart intro - The text under the heading.
 * @csspart form - The `<form>`.
 * @csspart field - One field: label, hint, error, control, counter.
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart field-error - A field's error message.
 * @csspart input - A text field, text area or select.
 * @csspart textarea - A text area (also `input`).
 * @csspart select - A select (also `input`).
 * @csspart file-input - The image field's file input.
 * @csspart image-preview - The preview of the chosen image.
 * @csspart counter - Characters left (or too many).
 * @csspart error-summary - The list of problems shown after a failed attempt.
 * @csspart error-link - A link in the error summary to its field.
 * @csspart submit-button - The send button.
 * @csspart secondary-button - Other buttons (clear the form, another idea).
 * @csspart notice - A notice: draft restored, phase closed, success.
 * @csspart problem - A problem sending (no connection, too many requests, closed).
 * @csspart message - A message in the loading or error state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The "try again" button.
 * @csspart success - The success state.
 *
 * @cssprop --begroot-proposal-form-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-proposal-form-muted-color - Secondary text colour (hints, counters, dates). Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-proposal-form-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-proposal-form-subtle-background-color - Background of notices and placeholders. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-proposal-form-border-color - Border colour. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-proposal-form-border-width - Border width of the widget. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-proposal-form-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-proposal-form-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-proposal-form-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-proposal-form-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-proposal-form-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-proposal-form-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-proposal-form-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-proposal-form-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-proposal-form-title-font-weight - Heading, label and button weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-proposal-form-accent-color - Edge of notices (draft restored, success). Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-proposal-form-error-color - Errors: text, edges of invalid fields and the error summary. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-proposal-form-input-background-color - Background of form controls. Falls back to `--basis-form-control-background-color`.
 * @cssprop --begroot-proposal-form-input-border-color - Border of form controls (3:1 against the background). Falls back to `--basis-form-control-border-color`.
 * @cssprop --begroot-proposal-form-button-background-color - Buttons: background; text and border of secondary buttons. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-proposal-form-button-color - Button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-proposal-form-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-proposal-form-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-proposal-form-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-proposal-form-target-size - Minimum size of buttons and controls. Falls back to `--basis-pointer-target-min-block-size`.
 */
export class BegrootProposalForm extends BegrootElement {
  static override styles = proposalFormStyles;
  static override catalogues = [proposalFormTexts, imageFieldTexts];
  static formAssociated = true;

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    district: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    name: { type: String, reflect: true },
  };

  /** Base URL of the CMS that serves the Begroot API; the widget script's own CMS when unset. */
  declare apiBase: string | undefined;
  /** Slug of the round. */
  declare round: string | undefined;
  /** Slug of a district to preselect. */
  declare district: string | undefined;
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;
  /** The element's name in an outer form (form-associated elements have one). */
  declare name: string | undefined;

  readonly #internals: ElementInternals;
  #values: Values = { ...EMPTY };
  /** Problems by field, in the visitor's language (or the server's words). */
  #errors = new Map<string, string>();
  #summary: SummaryEntry[] = [];
  #step: Step = 'editing';
  #problem: string | null = null;
  #result: { submitted: SubmittedProposal; at: number; email: boolean } | null = null;
  #draftRestored = false;
  #disabledByForm = false;
  #announcement = '';
  /** What to focus after the next render: a selector in the shadow root. */
  #focus: string | null = null;
  #draftFor: string | undefined;
  #image: ChosenImage | null = null;
  /** Core's input checks and the requests' controller, from their own chunk (see checks.ts). */
  #action: ApiAction | undefined;
  readonly #checks = new LazyPart<ProposalChecks>(
    this,
    () =>
      import('./checks.js').then(({ proposalChecks }) => {
        this.#action ??= new proposalChecks.ApiAction(this);
        return proposalChecks;
      }),
    // The first sign of a resident (focus, pointer) fetches the checks, so they are there in time.
    { prefetchOn: ['focusin', 'pointerdown'] }
  );

  readonly #roundTask = new ApiTask(this, {
    args: () => [this.#apiBase, this.round?.trim() ?? ''] as const,
    request: async (api, [apiBase, round], signal) => {
      checkRound('begroot-proposal-form', round, apiBase);
      return api.getRound(apiBase, round, { signal });
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
    this.#internals = this.attachInternals();
  }

  /** Loads the round again. */
  retry(): Promise<void> {
    return this.#roundTask.retry();
  }

  /** Inside a city's own `<form>`, the checks arrive before a render, so its validity is right. */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (this.#internals.form && !this.#checks.value) await this.#checks.settled();
    return super.scheduleUpdate();
  }

  /** The form's current values (as typed; the cost as text). */
  get values(): Readonly<Record<string, string>> {
    return { ...this.#values };
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Sends the idea, as the send button does. Resolves when done (whatever the outcome). */
  async submit(): Promise<void> {
    await this.#submit();
  }

  /** This widget's texts in the page's language. */
  get #t() {
    return this.texts(proposalFormTexts);
  }

  get #imageTexts() {
    return this.texts(imageFieldTexts);
  }

  get #apiBase(): string {
    return this.apiBase?.trim() || DEFAULT_API_BASE;
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  // Form association: the outer form's reset empties the form (and the draft); its disabled
  // fieldset disables ours.
  formResetCallback(): void {
    this.#clear();
  }

  formDisabledCallback(disabled: boolean): void {
    this.#disabledByForm = disabled;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const round = this.round?.trim();
    if (round && round !== this.#draftFor) {
      this.#draftFor = round;
      this.#restoreDraft(round);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#syncForm();
    if (this.#focus && !this.#roundTask.busy) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focus);
      if (target) {
        this.#focus = null;
        target.focus();
      }
    }
  }

  override render(): TemplateResult {
    return taskFrame(this.#roundTask, {
      loading: this.#t.loading,
      messages: this.messages,
      onRetry: this.#onRetry,
      complete: (round) => this.#renderRound(round),
      announce: () => this.#announcement,
    });
  }

  #heading(text: string): TemplateResult {
    return titleHeading(text, this.#level);
  }

  #renderRound(round: RoundPublicView): TemplateResult {
    if (this.#step === 'success' && this.#result) return this.#renderSuccess(round);
    if (round.currentPhase !== 'ideas') return this.#renderClosed(round);
    return this.#renderForm(round);
  }

  #phase(round: RoundPublicView, kind: Phase['kind']): Phase | undefined {
    return round.phases.find((phase) => phase.kind === kind);
  }

  #renderClosed(round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const ideas = this.#phase(round, 'ideas');
    const now = Date.now();
    const notYet = ideas !== undefined && now < Date.parse(ideas.start);
    const date = (instant: string) => formatDate(instant, this.locale);
    const upcoming = round.phases
      .filter((phase) => phase.kind !== 'ideas' && Date.parse(phase.end) > now)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    return html`
      ${this.#heading(notYet ? t.notOpenTitle : t.closedTitle)}
      <div part="notice" class="notice">
        <p>
          ${!ideas ? t.noIdeasPhase : notYet ? t.notOpen(date(ideas.start)) : t.closed(date(ideas.end))}
        </p>
        ${
          !notYet && upcoming.length > 0
            ? html`<ul class="success-steps">
                ${upcoming.map(
                  (phase) =>
                    html`<li>
                      ${t.nextPhase(
                        this.messages.common.phases[phase.kind],
                        date(phase.start),
                        date(phase.end)
                      )}
                    </li>`
                )}
              </ul>`
            : nothing
        }
      </div>
    `;
  }

  #renderForm(round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const f = t.fields;
    const settings = this.#settings(round);
    const shows = (field: OptionalField) => showsField(round, field);
    const { themes } = round;
    const disabled = this.#disabledByForm;
    const common = (name: Field) => ({
      name,
      messages: this.messages,
      error: this.#errors.get(name),
      disabled,
    });
    const busy = this.#step === 'submitting';
    return html`
      ${this.#heading(t.title(round.title))}
      <p part="intro" class="intro">${t.intro}</p>
      ${
        this.#draftRestored
          ? html`<div part="notice" class="notice">
              <p>${t.draftRestored}</p>
              <button
                part="secondary-button"
                class="button secondary"
                type="button"
                @click=${this.#onDiscard}
              >
                ${t.discardDraft}
              </button>
            </div>`
          : nothing
      }
      ${errorSummary(this.#summary, {
        messages: this.messages,
        headingLevel: Math.min(6, this.#level + 1),
        root: () => this.renderRoot,
      })}
      ${
        this.#problem
          ? html`<div part="notice problem" class="notice problem" tabindex="-1">
              <p>${this.#problem}</p>
            </div>`
          : nothing
      }
      <form
        part="form"
        novalidate
        aria-labelledby="title"
        @input=${this.#onInput}
        @change=${this.#onInput}
        @submit=${this.#onSubmit}
      >
        ${textField({
          ...common('title'),
          label: f.title,
          hint: f.titleHint,
          value: this.#values.title,
          max: settings.titleMax,
        })}
        ${
          shows('summary')
            ? textField({
                ...common('summary'),
                label: f.summary,
                hint: f.summaryHint,
                optional: true,
                multiline: true,
                rows: 2,
                value: this.#values.summary,
                max: settings.summaryMax,
              })
            : nothing
        }
        ${textField({
          ...common('description'),
          label: f.description,
          hint: f.descriptionHint,
          multiline: true,
          rows: 6,
          value: this.#values.description,
          max: settings.descriptionMax,
        })}
        ${
          round.districts.length > 0
            ? selectField({
                ...common('district'),
                label: f.district,
                placeholder: f.districtPlaceholder,
                value: this.#values.district,
                choices: round.districts.map((d) => ({ value: d.slug, label: d.name })),
              })
            : nothing
        }
        ${
          shows('theme') && themes.length > 0
            ? selectField({
                ...common('theme'),
                label: f.theme,
                optional: true,
                placeholder: f.themeNone,
                value: this.#values.theme,
                choices: themes.map((theme) => ({ value: theme.slug, label: theme.name })),
              })
            : nothing
        }
        ${
          shows('location')
            ? textField({
                ...common('location'),
                label: f.location,
                hint: f.locationHint,
                optional: true,
                value: this.#values.location,
              })
            : nothing
        }
        ${shows('image') ? this.#renderImage() : nothing}
        ${
          settings.askCost
            ? textField({
                ...common('estimatedCost'),
                label: f.estimatedCost(round.currency),
                hint: f.estimatedCostHint,
                optional: !settings.costRequired,
                value: this.#values.estimatedCost,
                inputmode: 'decimal',
                autocomplete: 'off',
              })
            : nothing
        }
        <p part="hint" class="hint not-in-draft">${f.notInDraft}</p>
        ${textField({
          ...common('authorName'),
          label: f.authorName,
          hint: f.authorNameHint,
          optional: true,
          value: this.#values.authorName,
          autocomplete: 'name',
        })}
        ${textField({
          ...common('email'),
          label: f.email,
          hint: f.emailHint,
          optional: true,
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          value: this.#values.email,
        })}
        ${honeypotField(HONEYPOT_FIELD, this.#values[HONEYPOT_FIELD], this.messages)}
        <div class="actions">
          <button
            part="submit-button"
            class="button submit-button"
            type="submit"
            ?disabled=${disabled}
            aria-disabled=${busy ? 'true' : 'false'}
          >
            ${busy ? t.submitting : t.submit}
          </button>
        </div>
      </form>
    `;
  }

  /**
   * The optional image: a file input (images only, checked again by the server by their bytes),
   * a preview, the required description for people who cannot see it, and a remove button.
   */
  #renderImage(): TemplateResult {
    const t = this.#imageTexts;
    const id = fieldId('image');
    const error = this.#errors.get('image');
    const image = this.#image;
    return html`<div part="field" class=${error ? 'field invalid' : 'field'}>
        <label part="label" class="label" for=${id}
          >${t.label} <span class="optional">${this.messages.common.optional}</span></label
        >
        <p part="hint" class="hint" id=${`${id}-hint`}>${t.hint(IMAGE_MAX_MB)}</p>
        ${
          error
            ? html`<p part="field-error" class="field-error" id=${`${id}-error`}>${error}</p>`
            : nothing
        }
        <input
          part="file-input"
          class="input file-input"
          id=${id}
          type="file"
          accept=${PROPOSAL_IMAGE_TYPES.join(',')}
          ?disabled=${this.#disabledByForm}
          aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid=${error ? 'true' : 'false'}
          @change=${this.#onImage}
        />
      </div>
      ${
        image
          ? html`<div class="image-chosen">
                <img
                  part="image-preview"
                  class="image-preview"
                  src=${image.url}
                  alt=${this.#values.imageAlt.trim()}
                />
                <button
                  part="secondary-button"
                  class="button secondary"
                  type="button"
                  ?disabled=${this.#disabledByForm}
                  @click=${this.#onRemoveImage}
                >
                  ${t.remove}
                </button>
              </div>
              ${textField({
                name: 'imageAlt',
                messages: this.messages,
                error: this.#errors.get('imageAlt'),
                disabled: this.#disabledByForm,
                label: t.altLabel,
                hint: t.altHint,
                value: this.#values.imageAlt,
                max: 200,
              })}`
          : nothing
      }`;
  }

  #renderSuccess(round: RoundPublicView): TemplateResult {
    const t = this.#t;
    const result = this.#result!;
    const settings = this.#settings(round);
    const date = (instant: string | number) => formatDate(instant, this.locale);
    const deliberation = this.#phase(round, 'deliberation');
    const voting = this.#phase(round, 'voting');
    return html`<div part="success" class="stack">
      ${this.#heading(t.successTitle)}
      <div part="notice" class="notice">
        <ul class="success-steps">
          <li>
            ${t.successReview(date(result.at + settings.responseDays * DAY), settings.responseDays)}
          </li>
          ${
            deliberation
              ? html`<li>
                  ${t.successDeliberation(date(deliberation.start), date(deliberation.end))}
                </li>`
              : nothing
          }
          ${voting ? html`<li>${t.successVoting(date(voting.start), date(voting.end))}</li>` : nothing}
          ${result.email ? html`<li>${t.successEmail}</li>` : nothing}
        </ul>
      </div>
      <button
        part="secondary-button"
        class="button secondary"
        type="button"
        @click=${this.#onAnother}
      >
        ${t.another}
      </button>
    </div>`;
  }

  #settings(round: RoundPublicView): ProposalFormSettings {
    return round.proposalForm;
  }

  /** The round, when it has loaded. */
  get #round(): RoundPublicView | undefined {
    return this.#roundTask.value;
  }

  /**
   * Checks the values with core's schema for this round (see checks.ts), once the checks have
   * arrived: the body to send, or the problems by field in the visitor's language.
   */
  #validate(
    checks: ProposalChecks,
    round: RoundPublicView
  ): { body?: Record<string, unknown>; errors: Map<string, string> } {
    return checks.check(round, this.#values, {
      image: this.#image !== null,
      locale: this.locale,
      messages: this.messages,
    });
  }

  #summaryFor(errors: Map<string, string>, round: RoundPublicView): SummaryEntry[] {
    const f = this.#t.fields;
    const labels: Record<Field, string> = {
      title: f.title,
      summary: f.summary,
      description: f.description,
      estimatedCost: f.estimatedCost(round.currency),
      district: f.district,
      theme: f.theme,
      location: f.location,
      image: this.#imageTexts.label,
      imageAlt: this.#imageTexts.altLabel,
      authorName: f.authorName,
      email: f.email,
    };
    const entries: SummaryEntry[] = [];
    for (const field of FIELDS) {
      const text = errors.get(field);
      if (text) entries.push({ name: field, label: labels[field], text });
    }
    // Problems the server reports for fields we do not show (should not happen): still listed.
    for (const [field, text] of errors) {
      if (!(FIELDS as readonly string[]).includes(field)) {
        entries.push({ name: 'title', label: field, text });
      }
    }
    return entries;
  }

  async #submit(): Promise<void> {
    const round = this.#round;
    if (!round || this.#step !== 'editing' || this.#disabledByForm) return;
    if (round.currentPhase !== 'ideas') return;
    const t = this.messages;
    const checks = this.#checks.value;
    const action = this.#action;
    if (!checks || !action) {
      try {
        await this.#checks.load();
      } catch {
        this.#problem = t.common.requestFailed.network;
        this.#announcement = this.#problem;
        this.#focus = '.problem';
        this.requestUpdate();
        return;
      }
      // Anew: the form may have changed (or been sent) while they loaded.
      return this.#submit();
    }
    const { body, errors } = this.#validate(checks, round);
    this.#problem = null;
    if (!body) {
      this.#showErrors(errors, round);
      return;
    }
    this.#errors = new Map();
    this.#summary = [];
    this.#step = 'submitting';
    this.#announcement = this.#t.submitting;
    this.requestUpdate();
    const slug = round.slug;
    try {
      const image = showsField(round, 'image') ? this.#image : null;
      if (image && !image.uploadId) {
        // Sent first, when the idea is sent: the proposal names the upload's id.
        this.#announcement = this.#imageTexts.uploading;
        this.requestUpdate();
        const alternativeText = this.#values.imageAlt;
        const uploaded = await action.run(
          (api, signal) =>
            api.uploadImage(this.#apiBase, slug, { file: image.file, alternativeText }, { signal }),
          { keepOnLeave: true }
        );
        image.uploadId = uploaded.id;
      }
      if (image) body.image = image.uploadId;
      const submitted = await action.run(
        (api, signal) => api.submitProposal(this.#apiBase, slug, body, { signal }),
        { keepOnLeave: true }
      );
      removeStored(draftKey(slug));
      this.#dropImage();
      this.#result = { submitted, at: Date.now(), email: typeof body.email === 'string' };
      this.#values = { ...EMPTY };
      this.#draftRestored = false;
      this.#step = 'success';
      this.#announcement = this.#t.successTitle;
      this.#focus = '.title';
      fire(
        this,
        new BegrootProposalSubmittedEvent({
          documentId: submitted.documentId,
          status: submitted.status,
          round: slug,
        })
      );
    } catch (error) {
      this.#step = 'editing';
      const failure = toRequestFailure(error);
      if (this.#image && failure.kind === 'http' && failure.status === 413) {
        this.#showErrors(new Map([['image', this.#imageTexts.tooLarge(IMAGE_MAX_MB)]]), round);
      } else if (failure.issues && failure.issues.length > 0) {
        // The upload's fields are the form's image fields; an unusable upload id is sent again.
        const texts = new Map<string, string>();
        const sent = { ...body, alternativeText: this.#values.imageAlt };
        for (const [field, text] of checks.serverIssueTexts(failure.issues, t, sent)) {
          texts.set(
            field === 'file' ? 'image' : field === 'alternativeText' ? 'imageAlt' : field,
            text
          );
        }
        // The server's image refusals carry no code: the upload refuses the file's type, the
        // proposal an upload it can no longer use.
        for (const issue of failure.issues) {
          const [field] = issue.path;
          if (issue.code !== undefined) continue;
          if (field === 'file') texts.set('image', this.#imageTexts.wrongType);
          if (field === 'image') texts.set('image', this.#imageTexts.gone);
        }
        if (texts.has('image') && this.#image) this.#image.uploadId = null;
        this.#showErrors(texts, round);
      } else {
        this.#problem =
          failure.kind === 'http' && failure.status === 403
            ? this.#t.forbidden
            : requestErrorText(error, t);
        this.#announcement = this.#problem;
        this.#focus = '.problem';
      }
    }
    this.requestUpdate();
  }

  #showErrors(errors: Map<string, string>, round: RoundPublicView): void {
    this.#errors = errors;
    this.#summary = this.#summaryFor(errors, round);
    this.#announcement = this.messages.common.errorCount(this.#summary.length);
    this.#focus = '.error-summary';
    this.requestUpdate();
  }

  #restoreDraft(round: string): void {
    const draft = readStored<Partial<Values>>(draftKey(round));
    const values: Values = { ...EMPTY };
    let restored = false;
    if (draft && typeof draft === 'object') {
      for (const field of FIELDS) {
        if (NOT_IN_DRAFT.has(field)) continue;
        const value = draft[field];
        if (typeof value === 'string' && value !== '') {
          values[field] = value;
          restored = true;
        }
      }
    }
    if (!values.district && this.district) values.district = this.district.trim();
    this.#values = values;
    this.#draftRestored = restored;
    // A draft kept by an earlier version may still hold a name or address: write it again without.
    if (draft && typeof draft === 'object' && [...NOT_IN_DRAFT].some((field) => field in draft)) {
      this.#saveDraft();
    }
    this.#errors = new Map();
    this.#summary = [];
  }

  #saveDraft(): void {
    const round = this.round?.trim();
    if (!round) return;
    const draft: Partial<Values> = {};
    for (const field of FIELDS) if (!NOT_IN_DRAFT.has(field)) draft[field] = this.#values[field];
    if (Object.values(draft).some((value) => value.trim() !== '')) {
      writeStored(draftKey(round), draft);
    } else {
      removeStored(draftKey(round));
    }
  }

  #clear(): void {
    const round = this.round?.trim();
    if (round) removeStored(draftKey(round));
    this.#values = { ...EMPTY, district: this.district?.trim() ?? '' };
    this.#errors = new Map();
    this.#summary = [];
    this.#problem = null;
    this.#draftRestored = false;
    this.#dropImage();
    this.requestUpdate();
  }

  /** Forgets the chosen image, frees its preview and, unless choosing anew, empties the input. */
  #dropImage(choosing = false): void {
    if (this.#image) URL.revokeObjectURL(this.#image.url);
    this.#image = null;
    const input = this.renderRoot?.querySelector<HTMLInputElement>(`#${fieldId('image')}`);
    if (input && !choosing) input.value = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#dropImage();
  }

  /** Tells an outer `<form>` what this element holds and whether it is complete. */
  #syncForm(): void {
    const round = this.#round;
    const data = new FormData();
    for (const field of FIELDS) {
      if (this.#values[field] !== '') data.append(field, this.#values[field]);
    }
    this.#internals.setFormValue(data);
    if (!round || round.currentPhase !== 'ideas' || this.#step !== 'editing') {
      this.#internals.setValidity({});
      return;
    }
    // Alone on a page, the form checks once the checks have arrived (inside a city's form, they
    // come before the first render).
    const checks = this.#checks.value;
    if (!checks) {
      // Inside a city's form without its checks (they failed to load): never counted as valid,
      // or the outer form would send what nobody checked.
      if (this.#internals.form) {
        this.#internals.setValidity(
          { customError: true },
          this.messages.common.requestFailed.network
        );
      }
      return;
    }
    const { errors } = this.#validate(checks, round);
    const [first] = FIELDS.filter((field) => errors.has(field));
    if (!first) {
      this.#internals.setValidity({});
      return;
    }
    const anchor = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(first)}`) ?? undefined;
    this.#internals.setValidity({ customError: true }, errors.get(first), anchor);
  }

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    const name = target.name as keyof Values;
    if (!(name in this.#values) || this.#values[name] === target.value) return;
    this.#values = { ...this.#values, [name]: target.value };
    // The description travels with the upload: a changed one is uploaded again.
    if (name === 'imageAlt' && this.#image) this.#image.uploadId = null;
    if (name !== HONEYPOT_FIELD) this.#saveDraft();
    // A field with an error is checked again as it changes, so the error goes once it is fixed.
    const round = this.#round;
    const checks = this.#checks.value;
    if (round && checks && this.#errors.has(name)) {
      const text = this.#validate(checks, round).errors.get(name);
      const errors = new Map(this.#errors);
      if (text) errors.set(name, text);
      else errors.delete(name);
      this.#errors = errors;
      this.#summary = this.#summaryFor(errors, round);
    }
    this.requestUpdate();
  };

  #onImage = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    const t = this.#imageTexts;
    const errors = new Map(this.#errors);
    this.#dropImage(true);
    errors.delete('image');
    if (file && !(PROPOSAL_IMAGE_TYPES as readonly string[]).includes(file.type)) {
      errors.set('image', t.wrongType);
    } else if (file && file.size > PROPOSAL_IMAGE_MAX_BYTES) {
      errors.set('image', t.tooLarge(IMAGE_MAX_MB));
    } else if (file) {
      this.#image = { file, url: URL.createObjectURL(file), uploadId: null };
      this.#announcement = t.chosen(file.name);
    }
    if (!this.#image) {
      input.value = '';
      errors.delete('imageAlt');
      if (errors.has('image')) this.#announcement = errors.get('image')!;
    }
    this.#errors = errors;
    const round = this.#round;
    if (round && this.#summary.length > 0) this.#summary = this.#summaryFor(errors, round);
    this.requestUpdate();
  };

  #onRemoveImage = (): void => {
    this.#dropImage();
    const errors = new Map(this.#errors);
    errors.delete('image');
    errors.delete('imageAlt');
    this.#errors = errors;
    this.#announcement = this.#imageTexts.removed;
    this.#focus = `#${fieldId('image')}`;
    this.requestUpdate();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  #onRetry = (): void => {
    this.#focus = '.title, .retry-button';
    void this.#roundTask.retry();
  };

  #onDiscard = (): void => {
    this.#clear();
    this.#announcement = this.#t.draftDiscarded;
    this.#focus = `#${fieldId('title')}`;
  };

  #onAnother = (): void => {
    this.#step = 'editing';
    this.#result = null;
    this.#clear();
    this.#announcement = '';
    this.#focus = `#${fieldId('title')}`;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-proposal-form': BegrootProposalForm;
  }
}
