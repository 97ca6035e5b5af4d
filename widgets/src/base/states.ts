import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { toRequestFailure } from '../api/errors.js';

/** A `heading-level` attribute as a valid aria-level: 1–6, else 2. */
export function headingLevel(value: unknown): number {
  const level = Math.trunc(Number(value));
  return level >= 1 && level <= 6 ? level : 2;
}

/** The loading state every widget shows while its data is on its way. */
export function loadingState(text: string): TemplateResult {
  return html`<div part="loading" class="loading">
    <p part="message" class="message">${text}</p>
    <span class="skeleton" aria-hidden="true"></span>
    <span class="skeleton" aria-hidden="true"></span>
  </div>`;
}

/**
 * The error state of a failed request: what went wrong and a retry button, except for a
 * configuration error (a wrong attribute), which retrying cannot mend.
 */
export function errorState(options: {
  error: unknown;
  text: string;
  retryText: string;
  onRetry: (event: Event) => void;
  /** Marks which of several retry buttons this is (the board has one per proposal). */
  retryId?: string;
}): TemplateResult {
  const { error, text, retryText, onRetry, retryId } = options;
  return html`<div part="error" class="error">
    <p part="message" class="message">${text}</p>
    ${
      toRequestFailure(error).kind === 'configuration'
        ? nothing
        : html`<button
            part="retry-button"
            class="button retry-button"
            type="button"
            data-retry=${ifDefined(retryId)}
            @click=${onRetry}
          >
            ${retryText}
          </button>`
    }
  </div>`;
}

/** A widget's title: a heading at the page's level that takes focus on step changes. */
export function titleHeading(text: string, level: number): TemplateResult {
  return html`<div
    part="title"
    class="title"
    id="title"
    role="heading"
    aria-level=${level}
    tabindex="-1"
  >
    ${text}
  </div>`;
}
