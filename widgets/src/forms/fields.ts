import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Messages } from '../i18n/index.js';

// Label, hint, error and counter wired to their control once, for every form in the widgets:
// `aria-describedby` lists hint, error and counter; `aria-invalid` marks a field with an error;
// the error text sits between label and control, where screen magnifier users look.

/** Characters as core's `plainText` counts them: line endings normalised, trimmed. */
export function countCharacters(value: string): number {
  return value.replace(/\r\n?/g, '\n').trim().length;
}

interface FieldBase {
  /** The control's id and name (the API's field name). */
  name: string;
  /** Prefix for ids, unique within the shadow root. */
  idPrefix?: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Not required: `(niet verplicht)` after the label. */
  optional?: boolean;
  disabled?: boolean;
  messages: Messages;
}

export interface TextFieldOptions extends FieldBase {
  value: string;
  /** A limit shown as a counter ("Nog 12 tekens over"). */
  max?: number | undefined;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email';
  autocomplete?: string;
  inputmode?: 'text' | 'decimal' | 'email';
  /** Shown before the control (a currency sign). */
  prefix?: string;
}

export const fieldId = (name: string, idPrefix = '') => `${idPrefix}field-${name}`;

function describedBy(id: string, options: FieldBase, counter: boolean): string | undefined {
  const ids = [
    options.hint ? `${id}-hint` : '',
    options.error ? `${id}-error` : '',
    counter ? `${id}-counter` : '',
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function label(id: string, options: FieldBase): TemplateResult {
  return html`<label part="label" class="label" for=${id}
      >${options.label}${
        options.optional
          ? html` <span class="optional">${options.messages.common.optional}</span>`
          : nothing
      }</label
    >${
      options.hint
        ? html`<p part="hint" class="hint" id=${`${id}-hint`}>${options.hint}</p>`
        : nothing
    }${
      options.error
        ? html`<p part="field-error" class="field-error" id=${`${id}-error`}>${options.error}</p>`
        : nothing
    }`;
}

export function textField(options: TextFieldOptions): TemplateResult {
  const id = fieldId(options.name, options.idPrefix);
  const count = countCharacters(options.value);
  const max = options.max;
  const over = max !== undefined && count > max;
  const t = options.messages.common;
  const common = {
    describedBy: describedBy(id, options, max !== undefined),
    invalid: options.error ? 'true' : 'false',
    required: options.optional ? 'false' : 'true',
  };
  const control = options.multiline
    ? html`<textarea
        part="input textarea"
        class="input"
        id=${id}
        name=${options.name}
        rows=${options.rows ?? 5}
        .value=${live(options.value)}
        ?disabled=${options.disabled}
        aria-describedby=${ifDefined(common.describedBy)}
        aria-invalid=${common.invalid}
        aria-required=${common.required}
        autocomplete=${ifDefined(options.autocomplete)}
      ></textarea>`
    : html`<input
        part="input"
        class="input"
        id=${id}
        name=${options.name}
        type=${options.type ?? 'text'}
        .value=${live(options.value)}
        ?disabled=${options.disabled}
        aria-describedby=${ifDefined(common.describedBy)}
        aria-invalid=${common.invalid}
        aria-required=${common.required}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        spellcheck=${options.type === 'email' ? 'false' : 'true'}
      />`;
  return html`<div part="field" class=${options.error ? 'field invalid' : 'field'}>
    ${label(id, options)}
    ${
      options.prefix
        ? html`<div class="affix">
            <span class="prefix" aria-hidden="true">${options.prefix}</span>${control}
          </div>`
        : control
    }
    ${
      max !== undefined
        ? html`<p part="counter" class=${over ? 'counter over' : 'counter'} id=${`${id}-counter`}>
            ${over ? t.charactersTooMany(count - max) : t.charactersLeft(max - count)}
          </p>`
        : nothing
    }
  </div>`;
}

export interface SelectFieldOptions extends FieldBase {
  value: string;
  /** The first, empty choice ("Kies een wijk", "Geen thema"). */
  placeholder: string;
  choices: readonly { value: string; label: string }[];
}

export function selectField(options: SelectFieldOptions): TemplateResult {
  const id = fieldId(options.name, options.idPrefix);
  return html`<div part="field" class=${options.error ? 'field invalid' : 'field'}>
    ${label(id, options)}
    <select
      part="input select"
      class="input select"
      id=${id}
      name=${options.name}
      ?disabled=${options.disabled}
      aria-describedby=${ifDefined(describedBy(id, options, false))}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-required=${options.optional ? 'false' : 'true'}
    >
      <option value="" ?selected=${options.value === ''}>${options.placeholder}</option>
      ${options.choices.map(
        (choice) =>
          html`<option value=${choice.value} ?selected=${choice.value === options.value}>
            ${choice.label}
          </option>`
      )}
    </select>
  </div>`;
}

/**
 * The field people never see and bots fill in (core's `HONEYPOT_FIELD`): off screen, out of the
 * tab order and the accessibility tree, never autofilled.
 */
export function honeypotField(
  name: string,
  value: string,
  messages: Messages,
  idPrefix = ''
): TemplateResult {
  const id = fieldId(name, idPrefix);
  return html`<div class="honeypot" aria-hidden="true">
    <label for=${id}>${messages.common.honeypotLabel}</label>
    <input
      id=${id}
      name=${name}
      type="text"
      tabindex="-1"
      autocomplete="off"
      .value=${live(value)}
    />
  </div>`;
}

export interface SummaryEntry {
  /** The control to focus. */
  name: string;
  label: string;
  text: string;
}

/**
 * The list of problems above a form, each a link that moves focus to its field. It takes focus
 * itself after a failed attempt (the host calls `focus()` on `.error-summary`).
 */
export function errorSummary(
  entries: readonly SummaryEntry[],
  options: { messages: Messages; headingLevel: number; idPrefix?: string; root: () => ParentNode }
): TemplateResult | typeof nothing {
  if (entries.length === 0) return nothing;
  const titleId = `${options.idPrefix ?? ''}error-summary-title`;
  const go = (event: Event, name: string) => {
    // Fragment links would change the city page's address; move focus ourselves.
    event.preventDefault();
    options
      .root()
      .querySelector<HTMLElement>(`#${CSS.escape(fieldId(name, options.idPrefix))}`)
      ?.focus();
  };
  return html`<div
    part="error-summary"
    class="error-summary"
    role="group"
    aria-labelledby=${titleId}
    tabindex="-1"
  >
    <div
      class="error-summary-title"
      id=${titleId}
      role="heading"
      aria-level=${options.headingLevel}
    >
      ${options.messages.common.errorSummaryTitle}
    </div>
    <ul class="error-summary-list" role="list">
      ${entries.map(
        (entry) =>
          html`<li>
            <a
              part="error-link"
              href=${`#${fieldId(entry.name, options.idPrefix)}`}
              @click=${(event: Event) => go(event, entry.name)}
              >${entry.label}: ${entry.text}</a
            >
          </li>`
      )}
    </ul>
  </div>`;
}
