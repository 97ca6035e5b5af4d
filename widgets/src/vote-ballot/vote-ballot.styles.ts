import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-vote-ballot-*`, listed in tokens.json) fall back to NL Design System
 * `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles and the rules below use.
 */
const tokens = css`
  :host {
    --_begroot-color: var(
      --begroot-vote-ballot-color,
      var(--basis-color-default-color-document, #1a1a1a)
    );
    --_begroot-muted-color: var(
      --begroot-vote-ballot-muted-color,
      var(--basis-color-default-color-subtle, #4a4a4a)
    );
    --_begroot-background-color: var(
      --begroot-vote-ballot-background-color,
      var(--basis-color-default-bg-document, #ffffff)
    );
    --_begroot-subtle-background-color: var(
      --begroot-vote-ballot-subtle-background-color,
      var(--basis-color-default-bg-subtle, #f3f3f3)
    );
    --_begroot-border-color: var(
      --begroot-vote-ballot-border-color,
      var(--basis-color-default-border-default, #6e6e6e)
    );
    --_begroot-border-width: var(
      --begroot-vote-ballot-border-width,
      var(--basis-border-width-sm, 1px)
    );
    --_begroot-border-radius: var(
      --begroot-vote-ballot-border-radius,
      var(--basis-border-radius-md, 0.25rem)
    );
    --_begroot-font-family: var(
      --begroot-vote-ballot-font-family,
      var(--basis-text-font-family-default, system-ui, sans-serif)
    );
    --_begroot-font-size: var(
      --begroot-vote-ballot-font-size,
      var(--basis-text-font-size-md, medium)
    );
    --_begroot-line-height: var(
      --begroot-vote-ballot-line-height,
      var(--basis-text-line-height-md, 1.5)
    );
    --_begroot-padding-block: var(
      --begroot-vote-ballot-padding-block,
      var(--basis-space-block-lg, 1rem)
    );
    --_begroot-padding-inline: var(
      --begroot-vote-ballot-padding-inline,
      var(--basis-space-inline-lg, 1rem)
    );
    --_begroot-gap: var(--begroot-vote-ballot-gap, var(--basis-space-block-md, 1rem));
    --_begroot-title-font-size: var(
      --begroot-vote-ballot-title-font-size,
      var(--basis-heading-3-font-size, 1.25em)
    );
    --_begroot-title-font-weight: var(
      --begroot-vote-ballot-title-font-weight,
      var(--basis-text-font-weight-bold, 700)
    );
    --_begroot-accent-color: var(
      --begroot-vote-ballot-accent-color,
      var(--basis-color-accent-1-color-default, #0b5cad)
    );
    --_begroot-error-color: var(
      --begroot-vote-ballot-error-color,
      var(--basis-color-negative-color-default, #b00020)
    );
    --_begroot-input-background-color: var(
      --begroot-vote-ballot-input-background-color,
      var(--basis-form-control-background-color, #ffffff)
    );
    --_begroot-input-border-color: var(
      --begroot-vote-ballot-input-border-color,
      var(--basis-form-control-border-color, #4a4a4a)
    );
    --_begroot-button-background-color: var(
      --begroot-vote-ballot-button-background-color,
      var(--basis-color-action-1-inverse-bg-default, #0b5cad)
    );
    --_begroot-button-color: var(
      --begroot-vote-ballot-button-color,
      var(--basis-color-action-1-inverse-color-default, #ffffff)
    );
    --_begroot-focus-outline-color: var(
      --begroot-vote-ballot-focus-outline-color,
      var(--basis-focus-outline-color, #000000)
    );
    --_begroot-focus-outline-width: var(
      --begroot-vote-ballot-focus-outline-width,
      var(--basis-focus-outline-width, 3px)
    );
    --_begroot-focus-background-color: var(
      --begroot-vote-ballot-focus-background-color,
      var(--basis-focus-background-color, #ffdd00)
    );
    --_begroot-target-size: var(
      --begroot-vote-ballot-target-size,
      var(--basis-pointer-target-min-block-size, 44px)
    );
  }
`;

const own = css`
  .options,
  .chosen {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .option {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.25rem 0.75rem;
    align-items: start;
    padding-block: 0.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_begroot-border-color);
    border-radius: var(--_begroot-border-radius);
  }

  .option.selected {
    border-color: var(--_begroot-accent-color);
    border-inline-start-width: 0.375rem;
  }

  .option > :not(.control) {
    grid-column: 2;
  }

  .control {
    display: flex;
    align-items: center;
    min-block-size: var(--_begroot-target-size);
    min-inline-size: var(--_begroot-target-size);
    justify-content: center;
  }

  .control input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_begroot-button-background-color);
  }

  .control .input {
    inline-size: 5rem;
  }

  .option-title {
    overflow-wrap: anywhere;
    font-weight: var(--_begroot-title-font-weight);
    min-block-size: var(--_begroot-target-size);
    display: flex;
    align-items: center;
    cursor: pointer;
  }

  .tally {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    font-weight: var(--_begroot-title-font-weight);
  }

  .discuss {
    display: inline-flex;
    align-items: center;
    justify-self: start;
    min-block-size: var(--_begroot-target-size);
    color: var(--_begroot-button-background-color);
  }

  .receipt {
    font-family: ui-monospace, monospace;
    font-size: 1.25em;
    letter-spacing: 0.1em;
  }

  @media (forced-colors: active) {
    .option,
    .option.selected {
      border-color: CanvasText;
    }

    .option.selected {
      outline: 2px solid Highlight;
    }
  }
`;

export const voteBallotStyles = [tokens, widgetStyles, own, hostGuardStyles];
