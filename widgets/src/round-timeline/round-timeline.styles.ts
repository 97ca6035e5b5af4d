import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { tokenStyles } from '../base/tokens.js';
import { viewStyles } from '../base/view.styles.js';

/*
 * Public tokens (`--begroot-round-timeline-*`, listed in tokens.json) fall back to NL Design
 * System `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles and the rules below use.
 */
const ownTokens = css`
  :host {
    --_begroot-marker-size: var(--begroot-round-timeline-marker-size, 1rem);
  }
`;

/*
 * The steps hang on a vertical line: a marker per step (filled when done, ringed and larger when
 * current, hollow when still to come), so the state reads at a glance; the state is also written
 * next to each step's name, so colour is never the only sign.
 */
const own = css`
  .summary {
    font-weight: var(--_begroot-title-font-weight);
  }

  .steps {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .step {
    position: relative;
    display: grid;
    grid-template-columns: var(--_begroot-marker-size) minmax(0, 1fr);
    column-gap: 0.75rem;
    padding-block-end: var(--_begroot-gap);
  }

  /* The line from this step's marker to the next one's. */
  .step:not(:last-child)::before {
    content: '';
    position: absolute;
    inset-block: calc(var(--_begroot-marker-size) + 0.375rem) 0;
    inset-inline-start: calc(var(--_begroot-marker-size) / 2 - 1px);
    border-inline-start: 2px solid var(--_begroot-border-color);
  }

  .step.done:not(:last-child)::before {
    border-inline-start-color: var(--_begroot-done-color);
  }

  .marker {
    display: block;
    box-sizing: border-box;
    inline-size: var(--_begroot-marker-size);
    block-size: var(--_begroot-marker-size);
    margin-block-start: 0.3rem;
    border: 2px solid var(--_begroot-border-color);
    border-radius: 50%;
    background-color: var(--_begroot-background-color);
  }

  .done .marker {
    border-color: var(--_begroot-done-color);
    background-color: var(--_begroot-done-color);
  }

  .current .marker {
    border-color: var(--_begroot-accent-color);
    background-color: var(--_begroot-accent-color);
    box-shadow:
      0 0 0 3px var(--_begroot-background-color),
      0 0 0 5px var(--_begroot-accent-color);
  }

  .step-body {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }

  .current .step-body {
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 0.25rem solid var(--_begroot-accent-color);
    background-color: var(--_begroot-current-background-color);
  }

  .step-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1ch;
  }

  .step-name {
    font-weight: var(--_begroot-title-font-weight);
    overflow-wrap: anywhere;
  }

  .step-state {
    padding-inline: 0.5ch;
    border: 1px solid currentColor;
    border-radius: var(--_begroot-border-radius);
    font-size: 0.875em;
  }

  .step-dates,
  .step-when {
    color: var(--_begroot-muted-color);
  }

  .current .step-when {
    color: var(--_begroot-color);
  }

  .step-text {
    overflow-wrap: anywhere;
  }

  .step-link {
    display: inline-flex;
    align-items: center;
    justify-self: start;
    min-block-size: var(--_begroot-target-size);
    color: var(--_begroot-button-background-color);
    font-weight: var(--_begroot-title-font-weight);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    overflow-wrap: anywhere;
  }

  @media (forced-colors: active) {
    .marker {
      border-color: CanvasText;
      background-color: Canvas;
    }

    .done .marker,
    .current .marker {
      forced-color-adjust: none;
      border-color: CanvasText;
      background-color: CanvasText;
    }

    .current .marker {
      box-shadow:
        0 0 0 3px Canvas,
        0 0 0 5px Highlight;
    }

    .step:not(:last-child)::before,
    .step.done:not(:last-child)::before {
      border-inline-start-color: CanvasText;
    }

    .current .step-body {
      border-inline-start-color: Highlight;
      outline: 1px solid CanvasText;
    }

    .step-link {
      color: LinkText;
    }
  }
`;

const tokens = tokenStyles(
  'round-timeline',
  [
    'color',
    'muted-color',
    'background-color',
    'subtle-background-color',
    'border-color',
    'border-width',
    'border-radius',
    'font-family',
    'font-size',
    'line-height',
    'padding-block',
    'padding-inline',
    'gap',
    'title-font-size',
    'title-font-weight',
    'accent-color',
    'error-color',
    'button-background-color',
    'button-color',
    'focus-outline-color',
    'focus-outline-width',
    'focus-background-color',
    'target-size',
  ],
  {
    'current-background-color': 'color-info-bg-subtle,#e8f1fb',
    'done-color': 'color-positive-color-default,#1e7a3c',
  }
);

export const roundTimelineStyles = [tokens, ownTokens, viewStyles, own, hostGuardStyles];
