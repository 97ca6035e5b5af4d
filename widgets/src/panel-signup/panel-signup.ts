import {
  HONEYPOT_FIELD,
  panelVolunteerInputSchema,
  type PanelPublicView,
  type RoundPublicView,
} from '@begroot/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { apiUrl } from '../api/client.js';
import { toRequestFailure, type FieldIssue } from '../api/errors.js';
import { checkRound, DEFAULT_API_BASE } from '../base/api-base.js';
import { BegrootElement } from '../base/begroot-element.js';
import { requestErrorText } from '../base/error-text.js';
import { headingLevel, taskFrame, titleHeading } from '../base/states.js';
import { ApiAction } from '../controllers/api-action.js';
import { ApiTask } from '../controllers/api-task.js';
import { BegrootPanelSignedUpEvent } from '../events/panel-signed-up.js';
import { fire } from '../events/request-failed.js';
import {
  errorSummary,
  fieldId,
  honeypotField,
  selectField,
  textField,
  type SummaryEntry,
} from '../forms/fields.js';
import { issueText, issuesByField, type SchemaIssue } from '../forms/issues.js';
import { formatAmount, formatDate, formatNumber } from '../i18n/index.js';
import { panelSignupStyles } from './panel-signup.styles.js';
import { panelSignupTexts } from './texts.js';

/** The form's fields, in the order they are shown (and errors are listed). */
const FIELDS = ['displayName', 'email', 'district', 'ageBand', 'consent'] as const;
type Field = (typeof FIELDS)[number];
type TextField = Exclude<Field, 'consent'>;
type Values = Record<TextField | typeof HONEYPOT_FIELD, string> & { consent: boolean };

const EMPTY: Values = {
  displayName: '',
  email: '',
  district: '',
  ageBand: '',
  consent: false,
  [HONEYPOT_FIELD]: '',
};

type Step = 'editing' | 'submitting' | 'sent';

/** What the widget loads: the round (districts, age bands, title) and its panel in numbers. */
interface Loaded {
  round: RoundPublicView;
  panel: PanelPublicView;
}

/**
 * Residents sign up for a round's citizens' panel drawn by lot (burgerpanel). While sign-up is
 * open: a short form (name, e-mail address, district, age band when the round asks for it,
 * consent with a plain word on what happens with the data), checked with core's
 * `panelVolunteerInputSchema` before sending, the same schema the server uses; the server's
 * objections are shown at their fields. After sending: what happens next (the confirmation mail
 * with the lot number, the public seed, the draw, the invitation). Once the seed is set: that
 * sign-up is closed. Once drawn: the public numbers only (seats, seed, per group target,
 * volunteers and selected, the draw file and how anyone can check it). Never a name or an address.
 *
 * @tag begroot-panel-signup
 * @summary Sign up for a round's citizens' panel drawn by lot, and see the draw's public numbers.
 *
 * @attr {string} api-base - Base URL of the CMS that serves the Begroot API. Defaults to the address the widget script came from.
 * @attr {string} round - Slug of the round, e.g. `voorbeeldstad-2027`. Required.
 * @attr {number} heading-level - Level of the widget's heading (1–6). Default 2.
 * @attr {string} lang - Language (`nl`, `en`, `fr`); inherited from the page when absent.
 *
 * @fires {BegrootPanelSignedUpEvent} begroot-panel-signed-up - The sign-up was accepted; `detail`: `{ round, status: 'registered' }` (never a name or an address).
 * @fires {BegrootRequestFailedEvent} begroot-request-failed - Loading the panel or sending the sign-up failed; `detail` is a `RequestFailure` (with `issues` for a server ValidationError).
 *
 * @csspart base - The container of everything except the live region.
 * @csspart title - The heading.
 * @csspart intro - The text under the heading.
 * @csspart form - The `<form>`.
 * @csspart field - One field: label, hint, error, control.
 * @csspart label - A field's label.
 * @csspart hint - A field's help text.
 * @csspart field-error - A field's error message.
 * @csspart input - A text field or select.
 * @csspart select - A select (also `input`).
 * @csspart checkbox - The consent checkbox.
 * @csspart privacy - What happens with the resident's data.
 * @csspart error-summary - The list of problems shown after a failed attempt.
 * @csspart error-link - A link in the error summary to its field.
 * @csspart submit-button - The sign-up button.
 * @csspart secondary-button - Other buttons (sign up someone else).
 * @csspart notice - A notice: sent, closed, drawn.
 * @csspart problem - A problem sending (no connection, too many requests, closed meanwhile).
 * @csspart facts - The panel's public numbers (seats, seed, fingerprints).
 * @csspart groups - The table of groups: target, volunteers, selected.
 * @csspart draw-link - The link to the draw file (and to voided ones).
 * @csspart message - A message in the loading or error state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - The "try again" button.
 *
 * @cssprop --begroot-panel-signup-color - Text colour. Falls back to `--basis-color-default-color-document`.
 * @cssprop --begroot-panel-signup-muted-color - Secondary text colour (hints). Falls back to `--basis-color-default-color-subtle`.
 * @cssprop --begroot-panel-signup-background-color - Background. Falls back to `--basis-color-default-bg-document`.
 * @cssprop --begroot-panel-signup-subtle-background-color - Background of notices and placeholders. Falls back to `--basis-color-default-bg-subtle`.
 * @cssprop --begroot-panel-signup-border-color - Border colour. Falls back to `--basis-color-default-border-default`.
 * @cssprop --begroot-panel-signup-border-width - Border width of the widget. Falls back to `--basis-border-width-sm`.
 * @cssprop --begroot-panel-signup-border-radius - Corner radius. Falls back to `--basis-border-radius-md`.
 * @cssprop --begroot-panel-signup-font-family - Font. Falls back to `--basis-text-font-family-default`.
 * @cssprop --begroot-panel-signup-font-size - Base font size. Falls back to `--basis-text-font-size-md`.
 * @cssprop --begroot-panel-signup-line-height - Line height. Falls back to `--basis-text-line-height-md`.
 * @cssprop --begroot-panel-signup-padding-block - Padding above and below. Falls back to `--basis-space-block-lg`.
 * @cssprop --begroot-panel-signup-padding-inline - Padding at the sides. Falls back to `--basis-space-inline-lg`.
 * @cssprop --begroot-panel-signup-gap - Space between parts. Falls back to `--basis-space-block-md`.
 * @cssprop --begroot-panel-signup-title-font-size - Heading size. Falls back to `--basis-heading-3-font-size`.
 * @cssprop --begroot-panel-signup-title-font-weight - Heading, label and button weight. Falls back to `--basis-text-font-weight-bold`.
 * @cssprop --begroot-panel-signup-accent-color - Edge of notices, links, the checkbox. Falls back to `--basis-color-accent-1-color-default`.
 * @cssprop --begroot-panel-signup-error-color - Errors: text, edges of invalid fields and the error summary. Falls back to `--basis-color-negative-color-default`.
 * @cssprop --begroot-panel-signup-input-background-color - Background of form controls. Falls back to `--basis-form-control-background-color`.
 * @cssprop --begroot-panel-signup-input-border-color - Border of form controls (3:1 against the background). Falls back to `--basis-form-control-border-color`.
 * @cssprop --begroot-panel-signup-button-background-color - Buttons: background; text and border of secondary buttons. Falls back to `--basis-color-action-1-inverse-bg-default`.
 * @cssprop --begroot-panel-signup-button-color - Button text. Falls back to `--basis-color-action-1-inverse-color-default`.
 * @cssprop --begroot-panel-signup-focus-outline-color - Focus ring. Falls back to `--basis-focus-outline-color`.
 * @cssprop --begroot-panel-signup-focus-outline-width - Focus ring width. Falls back to `--basis-focus-outline-width`.
 * @cssprop --begroot-panel-signup-focus-background-color - Halo behind the focus ring. Falls back to `--basis-focus-background-color`.
 * @cssprop --begroot-panel-signup-target-size - Minimum size of buttons and controls. Falls back to `--basis-pointer-target-min-block-size`.
 */
export class BegrootPanelSignup extends BegrootElement {
  static override styles = panelSignupStyles;
  static override catalogues = [panelSignupTexts];

  static override properties = {
    apiBase: { type: String, attribute: 'api-base', reflect: true },
    round: { type: String, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** Base URL of the CMS that serves the Begroot API; the widget script's own CMS when unset. */
  declare apiBase: string | undefined;
  /** Slug of the round. */
  declare round: string | undefined;
  /** Level of the widget's heading, 1–6. */
  declare headingLevel: number;

  #values: Values = { ...EMPTY };
  /** Problems by field, in the visitor's language. */
  #errors = new Map<string, string>();
  #summary: SummaryEntry[] = [];
  #step: Step = 'editing';
  #problem: string | null = null;
  #announcement = '';
  /** What to focus after the next render: a selector in the shadow root. */
  #focus: string | null = null;
  readonly #action = new ApiAction(this);

  readonly #task = new ApiTask(this, {
    args: () => [this.#apiBase, this.round?.trim() ?? ''] as const,
    request: async (api, [apiBase, round], signal): Promise<Loaded> => {
      checkRound('begroot-panel-signup', round, apiBase);
      const [loadedRound, panel] = await Promise.all([
        api.getRound(apiBase, round, { signal }),
        api.getPanel(apiBase, round, { signal }),
      ]);
      return { round: loadedRound, panel };
    },
  });

  constructor() {
    super();
    this.headingLevel = 2;
  }

  /** Loads the round and its panel again. */
  retry(): Promise<void> {
    return this.#task.retry();
  }

  /** Sends the sign-up, as the button does. Resolves when done (whatever the outcome). */
  async submit(): Promise<void> {
    await this.#submit();
  }

  get #t() {
    return this.texts(panelSignupTexts);
  }

  get #apiBase(): string {
    return this.apiBase?.trim() || DEFAULT_API_BASE;
  }

  get #level(): number {
    return headingLevel(this.headingLevel);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focus && !this.#task.busy) {
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
      announce: (loaded) => this.#announcement || this.#statusText(loaded.panel),
    });
  }

  #statusText(panel: PanelPublicView): string {
    const t = this.#t;
    return panel.status === 'open'
      ? panel.signup && !panel.signup.open
        ? t.notOpenTitle
        : t.loadedOpen
      : panel.status === 'closed'
        ? t.closedTitle
        : t.drawnTitle;
  }

  #heading(text: string): TemplateResult {
    return titleHeading(text, this.#level);
  }

  #subheading(text: string): TemplateResult {
    return html`<div class="subheading" role="heading" aria-level=${Math.min(6, this.#level + 1)}>
      ${text}
    </div>`;
  }

  #renderLoaded({ round, panel }: Loaded): TemplateResult {
    if (this.#step === 'sent') return this.#renderSent();
    if (panel.status === 'open' && panel.signup && !panel.signup.open) {
      return this.#renderNotOpen(panel.signup);
    }
    if (panel.status === 'open') return this.#renderForm(round, panel);
    if (panel.status === 'closed') return this.#renderClosed(round, panel);
    return this.#renderDrawn(round, panel);
  }

  #askAgeBand(round: RoundPublicView): boolean {
    return round.voting.ageBands.length > 0;
  }

  #ageBandRequired(panel: PanelPublicView): boolean {
    return panel.stratifyBy.includes('ageBand');
  }

  #renderForm(round: RoundPublicView, panel: PanelPublicView): TemplateResult {
    const t = this.#t;
    const f = t.fields;
    const busy = this.#step === 'submitting';
    const common = (name: TextField) => ({
      name,
      messages: this.messages,
      error: this.#errors.get(name),
    });
    const consentId = fieldId('consent');
    const consentError = this.#errors.get('consent');
    return html`
      ${this.#heading(t.title(round.title))}
      <p part="intro" class="intro">${t.intro}</p>
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
          ...common('displayName'),
          label: f.displayName,
          hint: f.displayNameHint,
          value: this.#values.displayName,
          autocomplete: 'name',
        })}
        ${textField({
          ...common('email'),
          label: f.email,
          hint: f.emailHint,
          type: 'email',
          inputmode: 'email',
          autocomplete: 'email',
          value: this.#values.email,
        })}
        ${
          round.districts.length > 0
            ? selectField({
                ...common('district'),
                label: f.district,
                hint: f.districtHint,
                placeholder: f.districtPlaceholder,
                value: this.#values.district,
                choices: round.districts.map((d) => ({ value: d.slug, label: d.name })),
              })
            : nothing
        }
        ${
          this.#askAgeBand(round)
            ? selectField({
                ...common('ageBand'),
                label: f.ageBand,
                hint: f.ageBandHint,
                optional: !this.#ageBandRequired(panel),
                placeholder: f.ageBandPlaceholder,
                value: this.#values.ageBand,
                choices: round.voting.ageBands.map((band) => ({ value: band, label: band })),
              })
            : nothing
        }
        <p part="privacy" class="hint privacy" id="privacy">${t.privacy}</p>
        <div part="field" class=${consentError ? 'field consent invalid' : 'field consent'}>
          <input
            part="checkbox"
            id=${consentId}
            name="consent"
            type="checkbox"
            .checked=${live(this.#values.consent)}
            aria-describedby=${
              consentError
                ? `${consentId}-error ${consentId}-hint privacy`
                : `${consentId}-hint privacy`
            }
            aria-invalid=${consentError ? 'true' : 'false'}
            aria-required="true"
          />
          <div>
            <label part="label" class="label" for=${consentId}>${f.consent}</label>
            ${
              consentError
                ? html`<p part="field-error" class="field-error" id=${`${consentId}-error`}>
                    ${consentError}
                  </p>`
                : nothing
            }
            <p part="hint" class="hint" id=${`${consentId}-hint`}>${f.consentHint}</p>
          </div>
        </div>
        ${honeypotField(HONEYPOT_FIELD, this.#values[HONEYPOT_FIELD], this.messages)}
        <div class="actions">
          <button
            part="submit-button"
            class="button submit-button"
            type="submit"
            aria-disabled=${busy ? 'true' : 'false'}
          >
            ${busy ? t.submitting : t.submit}
          </button>
        </div>
      </form>
    `;
  }

  #renderSent(): TemplateResult {
    const t = this.#t;
    return html`<div class="stack">
      ${this.#heading(t.sentTitle)}
      <div part="notice" class="notice">
        <ol class="steps">
          ${t.sentSteps.map((step) => html`<li>${step}</li>`)}
        </ol>
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

  /** The pool is open but residents cannot sign up now: the switch is off or outside its window. */
  #renderNotOpen(signup: NonNullable<PanelPublicView['signup']>): TemplateResult {
    const t = this.#t;
    const date = (iso: string) => formatDate(iso, this.locale);
    const text = !signup.enabled
      ? t.notEnabled
      : signup.opensAt && Date.parse(signup.opensAt) > Date.now()
        ? t.opensOn(date(signup.opensAt))
        : signup.closesAt
          ? t.closedOn(date(signup.closesAt))
          : t.notEnabled;
    return html`
      ${this.#heading(t.notOpenTitle)}
      <div part="notice" class="notice"><p>${text}</p></div>
    `;
  }

  #renderClosed(round: RoundPublicView, panel: PanelPublicView): TemplateResult {
    const t = this.#t;
    const n = (value: number) => formatNumber(value, this.locale);
    return html`
      ${this.#heading(t.closedTitle)}
      ${
        this.#problem
          ? html`<div part="notice problem" class="notice problem" tabindex="-1">
              <p>${this.#problem}</p>
            </div>`
          : nothing
      }
      <div part="notice" class="notice"><p>${t.closed}</p></div>
      <dl part="facts" class="facts">
        ${panel.seats !== null ? this.#fact(t.facts.seats, n(panel.seats)) : nothing}
        ${panel.seed !== null ? this.#fact(t.facts.seed, html`<code>${panel.seed}</code>`) : nothing}
        ${this.#fact(t.facts.volunteers, n(panel.volunteers))}
        ${this.#fact(t.facts.poolSha256, html`<code>${panel.poolSha256}</code>`)}
      </dl>
      ${this.#groups(round, panel)}
    `;
  }

  #renderDrawn(round: RoundPublicView, panel: PanelPublicView): TemplateResult {
    const t = this.#t;
    const n = (value: number) => formatNumber(value, this.locale);
    const draw = panel.draw;
    const fileUrl = (number?: number) =>
      apiUrl(
        this.#apiBase,
        `api/begroot/rounds/${encodeURIComponent(round.slug)}/panel/draw.json${
          number === undefined ? '' : `?number=${number}`
        }`
      );
    return html`
      ${this.#heading(t.drawnTitle)}
      ${draw ? html`<p part="intro" class="intro">${t.drawn(formatDate(draw.drawnAt, this.locale))}</p>` : nothing}
      <dl part="facts" class="facts">
        ${panel.seats !== null ? this.#fact(t.facts.seats, n(panel.seats)) : nothing}
        ${panel.seed !== null ? this.#fact(t.facts.seed, html`<code>${panel.seed}</code>`) : nothing}
        ${this.#fact(t.facts.volunteers, n(panel.volunteers))}
        ${draw ? this.#fact(t.facts.selected, n(draw.selected)) : nothing}
        ${draw && draw.unfilled > 0 ? this.#fact(t.facts.unfilled, n(draw.unfilled)) : nothing}
        ${draw ? this.#fact(t.facts.fileSha256, html`<code>${draw.sha256}</code>`) : nothing}
        ${this.#fact(t.facts.poolSha256, html`<code>${panel.poolSha256}</code>`)}
      </dl>
      ${this.#groups(round, panel)}
      ${
        draw
          ? html`<p>
                <a part="draw-link" class="draw-link" href=${fileUrl()} download
                  >${t.drawFileLink}</a
                >
              </p>
              ${this.#subheading(t.checkTitle)}
              <ol class="steps">
                <li>${t.checkSteps[0]}</li>
                <li>
                  ${t.checkSteps[1]}
                  <code class="command">npm run --silent panel-draw -- ${fileUrl()}</code>
                </li>
                <li>${t.checkSteps[2]}</li>
              </ol>`
          : nothing
      }
      ${
        panel.voidedDraws.length > 0
          ? html`${this.#subheading(t.voidedTitle)}
              <ul class="steps">
                ${panel.voidedDraws.map(
                  (voided) =>
                    html`<li>
                      <a part="draw-link" class="draw-link" href=${fileUrl(voided.number)} download
                        >${t.voided(
                          voided.number,
                          formatDate(voided.voidedAt, this.locale),
                          voided.reason
                        )}</a
                      >
                    </li>`
                )}
              </ul>`
          : nothing
      }
    `;
  }

  #fact(term: string, value: unknown): TemplateResult {
    return html`<dt>${term}</dt>
      <dd>${value}</dd>`;
  }

  /** The table of groups: each stratum's target, volunteers and (once drawn) selected. */
  #groups(round: RoundPublicView, panel: PanelPublicView): TemplateResult | typeof nothing {
    if (panel.strata.length === 0) return nothing;
    const t = this.#t;
    const n = (value: number) => formatNumber(value, this.locale);
    const drawn = panel.strata.some((s) => s.selected !== null);
    const districtName = (slug: string) =>
      round.districts.find((district) => district.slug === slug)?.name ?? slug;
    const label = (stratum: Record<string, string>) => {
      const words = panel.stratifyBy.map((field) =>
        field === 'district' ? districtName(stratum[field] ?? '') : (stratum[field] ?? '')
      );
      return words.filter(Boolean).join(', ') || t.everyone;
    };
    return html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="groups-caption">
      <table part="groups">
        <caption id="groups-caption">
          ${t.groupsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.groupHeader}</th>
            <th scope="col" class="number">${t.targetHeader}</th>
            <th scope="col" class="number">${t.volunteersHeader}</th>
            ${drawn ? html`<th scope="col" class="number">${t.selectedHeader}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${panel.strata.map(
            (s) =>
              html`<tr>
                <th scope="row">${label(s.stratum)}</th>
                <td class="number">${n(s.target)}</td>
                <td class="number">${n(s.volunteers)}</td>
                ${drawn ? html`<td class="number">${n(s.selected ?? 0)}</td>` : nothing}
              </tr>`
          )}
        </tbody>
      </table>
    </div>`;
  }

  get #loaded(): Loaded | undefined {
    return this.#task.value;
  }

  /** The sign-up checked with core's schema for this round: the body, or problems by field. */
  #validate({ round, panel }: Loaded): {
    body?: Record<string, unknown>;
    errors: Map<string, string>;
  } {
    const v = this.#values;
    const schema = panelVolunteerInputSchema({
      districts: round.districts.map((district) => district.slug),
      ageBands: round.voting.ageBands,
      ageBandRequired: this.#ageBandRequired(panel),
    });
    const input: Record<string, unknown> = {
      displayName: v.displayName,
      email: v.email,
      consent: v.consent,
    };
    if (round.districts.length > 0) input.district = v.district;
    if (this.#askAgeBand(round)) input.ageBand = v.ageBand;
    // Sent only when filled in (by a bot): the server then refuses it.
    if (v[HONEYPOT_FIELD] !== '') input[HONEYPOT_FIELD] = v[HONEYPOT_FIELD];
    const parsed = schema.safeParse(input);
    if (parsed.success) return { body: parsed.data as Record<string, unknown>, errors: new Map() };
    return { errors: this.#issueTexts(parsed.error.issues as unknown as SchemaIssue[], round) };
  }

  /** Problems (core's zod issues, or the server's by their code) in the visitor's language. */
  #issueTexts(issues: readonly SchemaIssue[], round: RoundPublicView): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [field, issue] of issuesByField(issues)) {
      const value = field in this.#values ? this.#values[field as keyof Values] : undefined;
      const text =
        field === 'consent'
          ? this.#t.fields.consentRequired
          : field === 'email' && issue.code === 'invalid_format'
            ? this.#t.fields.emailInvalid
            : issueText(issue, value, this.messages, (amount) =>
                formatAmount(amount, round.currency, this.locale)
              );
      texts.set(field, text);
    }
    return texts;
  }

  #serverIssues(issues: readonly FieldIssue[], round: RoundPublicView): Map<string, string> {
    return this.#issueTexts(
      issues.map((issue) => ({
        code: issue.code ?? 'custom',
        path: issue.path,
        message: issue.message,
      })),
      round
    );
  }

  #summaryFor(errors: Map<string, string>): SummaryEntry[] {
    const f = this.#t.fields;
    const labels: Record<Field, string> = {
      displayName: f.displayName,
      email: f.email,
      district: f.district,
      ageBand: f.ageBand,
      consent: f.consent,
    };
    const entries: SummaryEntry[] = [];
    for (const field of FIELDS) {
      const text = errors.get(field);
      if (text) entries.push({ name: field, label: labels[field], text });
    }
    // Problems the server reports for fields we do not show (should not happen): still listed.
    for (const [field, text] of errors) {
      if (!(FIELDS as readonly string[]).includes(field)) {
        entries.push({ name: 'displayName', label: field, text });
      }
    }
    return entries;
  }

  #showErrors(errors: Map<string, string>): void {
    this.#errors = errors;
    this.#summary = this.#summaryFor(errors);
    this.#announcement = this.messages.common.errorCount(this.#summary.length);
    this.#focus = '.error-summary';
    this.requestUpdate();
  }

  async #submit(): Promise<void> {
    const loaded = this.#loaded;
    if (!loaded || this.#step !== 'editing' || loaded.panel.status !== 'open') return;
    const { body, errors } = this.#validate(loaded);
    this.#problem = null;
    if (!body) {
      this.#showErrors(errors);
      return;
    }
    this.#errors = new Map();
    this.#summary = [];
    this.#step = 'submitting';
    this.#announcement = this.#t.submitting;
    this.requestUpdate();
    const slug = loaded.round.slug;
    try {
      await this.#action.run(
        (api, signal) => api.volunteerForPanel(this.#apiBase, slug, body, { signal }),
        { keepOnLeave: true }
      );
      this.#values = { ...EMPTY };
      this.#step = 'sent';
      this.#announcement = this.#t.sentTitle;
      this.#focus = '.title';
      fire(this, new BegrootPanelSignedUpEvent({ round: slug, status: 'registered' }));
    } catch (error) {
      this.#step = 'editing';
      const failure = toRequestFailure(error);
      if (failure.issues && failure.issues.length > 0) {
        this.#showErrors(this.#serverIssues(failure.issues, loaded.round));
      } else if (failure.kind === 'http' && failure.status === 409) {
        // The seed was set meanwhile: load the panel again, which now says sign-up is closed.
        this.#problem = this.#t.closedMeanwhile;
        this.#announcement = this.#problem;
        this.#focus = '.title';
        void this.#task.retry();
      } else {
        this.#problem = requestErrorText(error, this.messages);
        this.#announcement = this.#problem;
        this.#focus = '.problem';
      }
    }
    this.requestUpdate();
  }

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const name = target.name as keyof Values;
    if (!(name in this.#values)) return;
    const value = name === 'consent' ? (target as HTMLInputElement).checked : target.value;
    if (this.#values[name] === value) return;
    this.#values = { ...this.#values, [name]: value };
    // A field with an error is checked again as it changes, so the error goes once it is fixed.
    const loaded = this.#loaded;
    if (loaded && this.#errors.has(name)) {
      const text = this.#validate(loaded).errors.get(name);
      const errors = new Map(this.#errors);
      if (text) errors.set(name, text);
      else errors.delete(name);
      this.#errors = errors;
      this.#summary = this.#summaryFor(errors);
    }
    this.requestUpdate();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  #onRetry = (): void => {
    this.#focus = '.title, .retry-button';
    void this.#task.retry();
  };

  #onAnother = (): void => {
    this.#step = 'editing';
    this.#values = { ...EMPTY };
    this.#errors = new Map();
    this.#summary = [];
    this.#problem = null;
    this.#announcement = '';
    this.#focus = `#${fieldId('displayName')}`;
    // The counts changed with the sign-up: show the panel as it is now.
    void this.#task.retry();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'begroot-panel-signup': BegrootPanelSignup;
  }
}
