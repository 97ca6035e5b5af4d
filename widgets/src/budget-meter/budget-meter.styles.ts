import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { tokenStyles } from '../base/tokens.js';

/*
 * Every public token falls back to an NL Design System `--basis-*` token, then to an accessible
 * literal, so the meter looks right on an unthemed page and matches a themed city page. Public
 * tokens are read once, into private `--_begroot-*` properties on :host (listed in tokens.json).
 */
const own = css`
  :host {
    --_begroot-bar-block-size: var(--begroot-budget-meter-bar-block-size, 0.75rem);

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

  .base {
    display: grid;
    gap: var(--_begroot-gap);
  }

  .title {
    margin: 0;
    font-size: var(--_begroot-title-font-size);
    font-weight: var(--_begroot-title-font-weight);
    line-height: 1.25;
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--_begroot-focus-outline-width) solid var(--_begroot-focus-outline-color);
    outline-offset: 2px;
  }

  .total {
    display: grid;
    margin: 0;
  }

  .total-label,
  .share,
  .message {
    color: var(--_begroot-muted-color);
  }

  .total-amount {
    font-size: var(--_begroot-total-font-size);
    font-weight: var(--_begroot-title-font-weight);
    line-height: 1.2;
  }

  .amount {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .districts {
    display: grid;
    gap: var(--_begroot-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .district {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: 1ch;
    row-gap: 0.25rem;
  }

  .district-name {
    overflow-wrap: anywhere;
  }

  .district-amount {
    text-align: end;
  }

  .bar,
  .share {
    grid-column: 1 / -1;
  }

  .bar {
    display: block;
    block-size: var(--_begroot-bar-block-size);
    background-color: var(--_begroot-bar-background-color);
    border: 1px solid var(--_begroot-border-color);
    border-radius: calc(var(--_begroot-bar-block-size) / 2);
    overflow: hidden;
  }

  .bar-fill {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--_begroot-share, 0) * 100%);
    min-inline-size: 2px;
    background-color: var(--_begroot-bar-fill-color);
  }

  .message {
    margin: 0;
  }

  /* Results: each funded proposal a segment of its district's bar, with a gap between neighbours. */
  .warning {
    color: var(--_begroot-color);
    font-weight: var(--_begroot-title-font-weight);
  }

  .loading {
    display: grid;
    gap: var(--_begroot-gap);
  }

  .skeleton {
    display: block;
    block-size: var(--_begroot-bar-block-size);
    inline-size: 60%;
    background-color: var(--_begroot-bar-background-color);
    border-radius: calc(var(--_begroot-bar-block-size) / 2);
  }

  .error {
    display: grid;
    justify-items: start;
    gap: var(--_begroot-gap);
  }

  .error .message {
    color: var(--_begroot-color);
  }

  .retry-button {
    min-block-size: var(--_begroot-target-size);
    min-inline-size: var(--_begroot-target-size);
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: 2px solid transparent;
    border-radius: var(--_begroot-border-radius);
    background-color: var(--_begroot-button-background-color);
    color: var(--_begroot-button-color);
    font: inherit;
    font-weight: var(--_begroot-title-font-weight);
    cursor: pointer;
  }

  .retry-button:focus-visible {
    outline: var(--_begroot-focus-outline-width) solid var(--_begroot-focus-outline-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_begroot-focus-outline-width) + 2px)
      var(--_begroot-focus-background-color);
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
    :host {
      border-color: CanvasText;
    }

    .bar {
      border-color: CanvasText;
      background-color: Canvas;
    }

    .bar-fill {
      forced-color-adjust: none;
      background-color: Highlight;
    }

    .skeleton {
      border: 1px solid CanvasText;
    }

    .retry-button {
      border-color: ButtonText;
    }

    .retry-button:focus-visible,
    .title:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;

export const budgetMeterStyles = [
  tokenStyles(
    'budget-meter',
    [
      'color',
      'muted-color',
      'background-color',
      'border-color',
      'border-width',
      'border-radius',
      'font-family',
      'font-size',
      'line-height',
      'padding-block',
      'padding-inline',
      'title-font-size',
      'title-font-weight',
      'button-background-color',
      'button-color',
      'focus-outline-color',
      'focus-outline-width',
      'focus-background-color',
      'target-size',
    ],
    {
      gap: 'space-block-md,0.75rem',
      'total-font-size': 'heading-2-font-size,1.75em',
      'bar-background-color': 'color-default-bg-subtle,#ececec',
      'bar-fill-color': 'color-accent-1-color-default,#0b5cad',
      'segment-alt-color': 'color-accent-2-color-default,#6b2f8a',
    }
  ),
  own,
  hostGuardStyles,
];
