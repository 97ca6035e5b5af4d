import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { viewStyles } from '../base/view.styles.js';

/*
 * Public tokens (`--begroot-round-timeline-*`, listed in tokens.json) fall back to NL Design
 * System `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles and the rules below use.
 */
const tokens = css`
  :host {
    --_begroot-color: var(
      --begroot-round-timeline-color,
      var(--basis-color-default-color-document, #1a1a1a)
    );
    --_begroot-muted-color: var(
      --begroot-round-timeline-muted-color,
      var(--basis-color-default-color-subtle, #4a4a4a)
    );
    --_begroot-background-color: var(
      --begroot-round-timeline-background-color,
      var(--basis-color-default-bg-document, #ffffff)
    );
    --_begroot-subtle-background-color: var(
      --begroot-round-timeline-subtle-background-color,
      var(--basis-color-default-bg-subtle, #f3f3f3)
    );
    --_begroot-border-color: var(
      --begroot-round-timeline-border-color,
      var(--basis-color-default-border-default, #6e6e6e)
    );
    --_begroot-border-width: var(
      --begroot-round-timeline-border-width,
      var(--basis-border-width-sm, 1px)
    );
    --_begroot-border-radius: var(
      --begroot-round-timeline-border-radius,
      var(--basis-border-radius-md, 0.25rem)
    );
    --_begroot-font-family: var(
      --begroot-round-timeline-font-family,
      var(--basis-text-font-family-default, system-ui, sans-serif)
    );
    --_begroot-font-size: var(
      --begroot-round-timeline-font-size,
      var(--basis-text-font-size-md, medium)
    );
    --_begroot-line-height: var(
      --begroot-round-timeline-line-height,
      var(--basis-text-line-height-md, 1.5)
    );
    --_begroot-padding-block: var(
      --begroot-round-timeline-padding-block,
      var(--basis-space-block-lg, 1rem)
    );
    --_begroot-padding-inline: var(
      --begroot-round-timeline-padding-inline,
      var(--basis-space-inline-lg, 1rem)
    );
    --_begroot-gap: var(--begroot-round-timeline-gap, var(--basis-space-block-md, 1rem));
    --_begroot-title-font-size: var(
      --begroot-round-timeline-title-font-size,
      var(--basis-heading-3-font-size, 1.25em)
    );
    --_begroot-title-font-weight: var(
      --begroot-round-timeline-title-font-weight,
      var(--basis-text-font-weight-bold, 700)
    );
    --_begroot-accent-color: var(
      --begroot-round-timeline-accent-color,
      var(--basis-color-accent-1-color-default, #0b5cad)
    );
    --_begroot-error-color: var(
      --begroot-round-timeline-error-color,
      var(--basis-color-negative-color-default, #b00020)
    );
    --_begroot-current-background-color: var(
      --begroot-round-timeline-current-background-color,
      var(--basis-color-info-bg-subtle, #e8f1fb)
    );
    --_begroot-done-color: var(
      --begroot-round-timeline-done-color,
      var(--basis-color-positive-color-default, #1e7a3c)
    );
    --_begroot-marker-size: var(--begroot-round-timeline-marker-size, 1rem);
    --_begroot-button-background-color: var(
      --begroot-round-timeline-button-background-color,
      var(--basis-color-action-1-inverse-bg-default, #0b5cad)
    );
    --_begroot-button-color: var(
      --begroot-round-timeline-button-color,
      var(--basis-color-action-1-inverse-color-default, #ffffff)
    );
    --_begroot-focus-outline-color: var(
      --begroot-round-timeline-focus-outline-color,
      var(--basis-focus-outline-color, #000000)
    );
    --_begroot-focus-outline-width: var(
      --begroot-round-timeline-focus-outline-width,
      var(--basis-focus-outline-width, 3px)
    );
    --_begroot-focus-background-color: var(
      --begroot-round-timeline-focus-background-color,
      var(--basis-focus-background-color, #ffdd00)
    );
    --_begroot-target-size: var(
      --begroot-round-timeline-target-size,
      var(--basis-pointer-target-min-block-size, 44px)
    );
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

export const roundTimelineStyles = [tokens, viewStyles, own, hostGuardStyles];
