import { css } from 'lit';

/*
 * What the read-only widgets (round timeline, project tracker) share: layout, type, notices,
 * placeholders, the retry button and one select. The same rules as `forms/widget.styles.ts`
 * without the form machinery: that file travels in a chunk with the form, board and ballot, and
 * importing it here would split that chunk and make their pages download more. Reads only private
 * `--_begroot-*` properties, set on :host by each widget from its public tokens.
 */
export const viewStyles = css`
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
  .loading,
  .error {
    display: grid;
    gap: var(--_begroot-gap);
    align-content: start;
  }

  .error {
    justify-items: start;
  }

  .title {
    margin: 0;
    font-size: var(--_begroot-title-font-size);
    font-weight: var(--_begroot-title-font-weight);
    line-height: 1.25;
  }

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible,
  a:focus-visible,
  button:focus-visible,
  select:focus-visible {
    outline: var(--_begroot-focus-outline-width) solid var(--_begroot-focus-outline-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_begroot-focus-outline-width) + 2px)
      var(--_begroot-focus-background-color);
  }

  p {
    margin: 0;
  }

  .message {
    color: var(--_begroot-muted-color);
  }

  .error .message {
    color: var(--_begroot-color);
  }

  .skeleton {
    display: block;
    block-size: 0.75rem;
    inline-size: 60%;
    background-color: var(--_begroot-subtle-background-color);
    border-radius: 0.375rem;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
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
  }

  .field {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  .label {
    font-weight: var(--_begroot-title-font-weight);
  }

  .select {
    inline-size: 100%;
    max-inline-size: 24rem;
    min-block-size: var(--_begroot-target-size);
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--_begroot-input-border-color);
    border-radius: var(--_begroot-border-radius);
    background-color: var(--_begroot-input-background-color);
    color: var(--_begroot-color);
    font: inherit;
  }

  .visually-hidden {
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
    .select {
      border-color: CanvasText;
    }

    .button {
      border-color: ButtonText;
      color: ButtonText;
      background-color: ButtonFace;
    }

    .skeleton {
      background-color: GrayText;
    }

    [tabindex='-1']:focus-visible,
    a:focus-visible,
    button:focus-visible,
    select:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;
