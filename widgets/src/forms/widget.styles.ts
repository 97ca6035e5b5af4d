import { css } from 'lit';

/*
 * What the proposal form and the deliberation board share: layout, type, notices, buttons and form
 * controls. Reads only private `--_begroot-*` properties, which each widget's own styles set on
 * :host from its public `--begroot-<widget>-*` tokens (→ `--basis-*` → a literal), so every
 * widget keeps its own token namespace and tokens.json.
 */
export const widgetStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_begroot-color);
    background-color: var(--_begroot-background-color);
    border: var(--_begroot-border-width) solid var(--_begroot-border-color);
    border-radius: var(--_begroot-border-radius);
    padding-block: var(--_begroot-padding-block);
    padding-inline: var(--_begroot-padding-inline);
    font-family: var(--_begroot-font-family);
    font-size: var(--_begroot-font-size);
    line-height: var(--_begroot-line-height);
    text-align: start;
    container-type: inline-size;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .base,
  .stack,
  .loading,
  .error,
  .notice {
    display: grid;
    gap: var(--_begroot-gap);
    align-content: start;
  }

  .title,
  .subtitle {
    margin: 0;
    font-size: var(--_begroot-title-font-size);
    font-weight: var(--_begroot-title-font-weight);
    line-height: 1.25;
  }

  .subtitle {
    font-size: 1.125em;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible,
  a:focus-visible,
  button:focus-visible,
  .input:focus-visible,
  input[type='radio']:focus-visible {
    outline: var(--_begroot-focus-outline-width) solid var(--_begroot-focus-outline-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_begroot-focus-outline-width) + 2px)
      var(--_begroot-focus-background-color);
  }

  p {
    margin: 0;
  }

  .message,
  .hint,
  .meta {
    color: var(--_begroot-muted-color);
  }

  .error .message {
    color: var(--_begroot-color);
  }

  .notice {
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 0.375rem solid var(--_begroot-accent-color);
    background-color: var(--_begroot-subtle-background-color);
  }

  .notice.problem {
    border-inline-start-color: var(--_begroot-error-color);
  }

  .skeleton {
    display: block;
    block-size: 0.75rem;
    inline-size: 60%;
    background-color: var(--_begroot-subtle-background-color);
    border-radius: 0.375rem;
  }

  .button,
  .link-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5ch;
    min-block-size: var(--_begroot-target-size);
    min-inline-size: var(--_begroot-target-size);
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: 2px solid var(--_begroot-button-background-color);
    border-radius: var(--_begroot-border-radius);
    background-color: var(--_begroot-button-background-color);
    color: var(--_begroot-button-color);
    font: inherit;
    font-weight: var(--_begroot-title-font-weight);
    cursor: pointer;
    justify-self: start;
  }

  .button.secondary,
  .link-button {
    background-color: transparent;
    color: var(--_begroot-button-background-color);
  }

  .link-button {
    border-color: transparent;
    padding-inline: 0.5rem;
    font-weight: normal;
    text-decoration: underline;
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }

  .visually-hidden,
  .honeypot {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* The honeypot's input under its label, so even clipped it never reaches past the widget's end
     at 400 % zoom (a layout check would count it). */
  .honeypot > * {
    display: block;
  }

  /* Form controls */

  form {
    display: grid;
    gap: var(--_begroot-gap);
  }

  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  .label,
  legend {
    font-weight: var(--_begroot-title-font-weight);
  }

  .optional {
    font-weight: normal;
    color: var(--_begroot-muted-color);
  }

  .input {
    inline-size: 100%;
    max-inline-size: 40rem;
    min-block-size: var(--_begroot-target-size);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_begroot-input-border-color);
    border-radius: var(--_begroot-border-radius);
    background-color: var(--_begroot-input-background-color);
    color: var(--_begroot-color);
    font: inherit;
  }

  textarea.input {
    resize: vertical;
  }

  .select {
    max-inline-size: 24rem;
  }

  .affix {
    display: flex;
    align-items: center;
    gap: 0.5ch;
    max-inline-size: 16rem;
  }

  .invalid .input {
    border-color: var(--_begroot-error-color);
    border-inline-start-width: 0.375rem;
  }

  .field-error,
  .counter.over {
    color: var(--_begroot-error-color);
    font-weight: var(--_begroot-title-font-weight);
  }

  .field-error::before {
    content: '! ';
  }

  .counter {
    color: var(--_begroot-muted-color);
    font-size: 0.875em;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: var(--_begroot-target-size);
    cursor: pointer;
  }

  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_begroot-button-background-color);
  }

  .error-summary {
    display: grid;
    gap: 0.5rem;
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border: 0.25rem solid var(--_begroot-error-color);
    border-radius: var(--_begroot-border-radius);
  }

  .error-summary-title {
    font-weight: var(--_begroot-title-font-weight);
    font-size: 1.125em;
  }

  .error-summary-list {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--_begroot-error-color);
    font-weight: var(--_begroot-title-font-weight);
  }

  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: begroot-pulse 1.5s ease-in-out infinite;
    }
  }

  @keyframes begroot-pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (forced-colors: active) {
    :host,
    .input,
    .error-summary {
      border-color: CanvasText;
    }

    .notice {
      border: 1px solid CanvasText;
      border-inline-start-width: 0.375rem;
    }

    .button {
      border-color: ButtonText;
      color: ButtonText;
      background-color: ButtonFace;
    }

    .link-button,
    .error-summary a {
      color: LinkText;
    }

    .field-error,
    .counter.over {
      color: CanvasText;
    }

    .skeleton {
      background-color: GrayText;
    }

    [tabindex='-1']:focus-visible,
    a:focus-visible,
    button:focus-visible,
    .input:focus-visible,
    input[type='radio']:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;

/**
 * The private properties a widget sets on :host for `widgetStyles`, from its own tokens (with
 * `tokenStyles`, base/tokens.ts; its tokens.json test reads the generated rule).
 */
export type PrivateProperty =
  | 'color'
  | 'muted-color'
  | 'background-color'
  | 'subtle-background-color'
  | 'border-color'
  | 'border-width'
  | 'border-radius'
  | 'font-family'
  | 'font-size'
  | 'line-height'
  | 'padding-block'
  | 'padding-inline'
  | 'gap'
  | 'title-font-size'
  | 'title-font-weight'
  | 'accent-color'
  | 'error-color'
  | 'input-background-color'
  | 'input-border-color'
  | 'button-background-color'
  | 'button-color'
  | 'focus-outline-color'
  | 'focus-outline-width'
  | 'focus-background-color'
  | 'target-size';
