import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { toRequestFailure } from '../api/errors.js';
import type { StatusRenderer } from '../controllers/api-task.js';
import type { Messages } from '../i18n/index.js';
import { requestErrorText } from './error-text.js';

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

/** What `taskFrame` reads of a widget's `ApiTask`. */
interface FramedTask<R> {
  readonly busy: boolean;
  render<T>(renderer: StatusRenderer<R, T>): T;
}

/**
 * Every widget's frame: its `base` part showing what its request has (loading, the error with a
 * retry, or the loaded view), busy while it runs, and the polite live region saying the same once.
 */
export function taskFrame<R>(
  task: FramedTask<R>,
  options: {
    loading: string;
    messages: Messages;
    onRetry: (event: Event) => void;
    complete: (value: R) => unknown;
    /** What the live region says once loaded. */
    announce: (value: R) => string;
    /** The visitor's text for a failure (by default `requestErrorText`). */
    errorText?: (error: unknown) => string;
  }
): TemplateResult {
  const { loading, messages } = options;
  const errorText = options.errorText ?? ((error: unknown) => requestErrorText(error, messages));
  const [content, live] = task.render<[unknown, string]>({
    initial: () => [loadingState(loading), loading],
    pending: () => [loadingState(loading), loading],
    complete: (value) => [options.complete(value), options.announce(value)],
    error: (error) => {
      const text = errorText(error);
      return [
        errorState({ error, text, retryText: messages.common.retry, onRetry: options.onRetry }),
        text,
      ];
    },
  });
  return html`
    <div part="base" class="base" aria-busy=${task.busy ? 'true' : 'false'}>${content}</div>
    <div class="visually-hidden" role="status">${live}</div>
  `;
}
