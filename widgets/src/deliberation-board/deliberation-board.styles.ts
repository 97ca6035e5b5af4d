import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-deliberation-board-*`, listed in tokens.json) fall back to NL Design
 * System `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles and the rules below use.
 */
const tokens = css`
  :host {
    --_begroot-color: var(
      --begroot-deliberation-board-color,
      var(--basis-color-default-color-document, #1a1a1a)
    );
    --_begroot-muted-color: var(
      --begroot-deliberation-board-muted-color,
      var(--basis-color-default-color-subtle, #4a4a4a)
    );
    --_begroot-background-color: var(
      --begroot-deliberation-board-background-color,
      var(--basis-color-default-bg-document, #ffffff)
    );
    --_begroot-subtle-background-color: var(
      --begroot-deliberation-board-subtle-background-color,
      var(--basis-color-default-bg-subtle, #f3f3f3)
    );
    --_begroot-border-color: var(
      --begroot-deliberation-board-border-color,
      var(--basis-color-default-border-default, #6e6e6e)
    );
    --_begroot-border-width: var(
      --begroot-deliberation-board-border-width,
      var(--basis-border-width-sm, 1px)
    );
    --_begroot-border-radius: var(
      --begroot-deliberation-board-border-radius,
      var(--basis-border-radius-md, 0.25rem)
    );
    --_begroot-font-family: var(
      --begroot-deliberation-board-font-family,
      var(--basis-text-font-family-default, system-ui, sans-serif)
    );
    --_begroot-font-size: var(
      --begroot-deliberation-board-font-size,
      var(--basis-text-font-size-md, medium)
    );
    --_begroot-line-height: var(
      --begroot-deliberation-board-line-height,
      var(--basis-text-line-height-md, 1.5)
    );
    --_begroot-padding-block: var(
      --begroot-deliberation-board-padding-block,
      var(--basis-space-block-lg, 1rem)
    );
    --_begroot-padding-inline: var(
      --begroot-deliberation-board-padding-inline,
      var(--basis-space-inline-lg, 1rem)
    );
    --_begroot-gap: var(--begroot-deliberation-board-gap, var(--basis-space-block-md, 1rem));
    --_begroot-title-font-size: var(
      --begroot-deliberation-board-title-font-size,
      var(--basis-heading-3-font-size, 1.25em)
    );
    --_begroot-title-font-weight: var(
      --begroot-deliberation-board-title-font-weight,
      var(--basis-text-font-weight-bold, 700)
    );
    --_begroot-accent-color: var(
      --begroot-deliberation-board-accent-color,
      var(--basis-color-accent-1-color-default, #0b5cad)
    );
    --_begroot-error-color: var(
      --begroot-deliberation-board-error-color,
      var(--basis-color-negative-color-default, #b00020)
    );
    --_begroot-input-background-color: var(
      --begroot-deliberation-board-input-background-color,
      var(--basis-form-control-background-color, #ffffff)
    );
    --_begroot-input-border-color: var(
      --begroot-deliberation-board-input-border-color,
      var(--basis-form-control-border-color, #4a4a4a)
    );
    --_begroot-button-background-color: var(
      --begroot-deliberation-board-button-background-color,
      var(--basis-color-action-1-inverse-bg-default, #0b5cad)
    );
    --_begroot-button-color: var(
      --begroot-deliberation-board-button-color,
      var(--basis-color-action-1-inverse-color-default, #ffffff)
    );
    --_begroot-focus-outline-color: var(
      --begroot-deliberation-board-focus-outline-color,
      var(--basis-focus-outline-color, #000000)
    );
    --_begroot-focus-outline-width: var(
      --begroot-deliberation-board-focus-outline-width,
      var(--basis-focus-outline-width, 3px)
    );
    --_begroot-focus-background-color: var(
      --begroot-deliberation-board-focus-background-color,
      var(--basis-focus-background-color, #ffdd00)
    );
    --_begroot-target-size: var(
      --begroot-deliberation-board-target-size,
      var(--basis-pointer-target-min-block-size, 44px)
    );
    --_begroot-for-color: var(
      --begroot-deliberation-board-for-color,
      var(--basis-color-positive-color-default, #1e7a3c)
    );
    --_begroot-against-color: var(
      --begroot-deliberation-board-against-color,
      var(--basis-color-negative-color-default, #b00020)
    );
    --_begroot-official-background-color: var(
      --begroot-deliberation-board-official-background-color,
      var(--basis-color-info-bg-subtle, #e8f1fb)
    );
  }
`;

const own = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_begroot-gap);
  }

  .proposals,
  .arguments,
  .replies {
    display: grid;
    gap: var(--_begroot-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .proposal {
    padding-block: var(--_begroot-gap);
    border-block-start: 1px solid var(--_begroot-border-color);
  }

  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .discussion {
    display: grid;
    gap: var(--_begroot-gap);
  }

  .discussion[hidden] {
    display: none;
  }

  /* For and against side by side where there is room, stacked where there is not. */
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: var(--_begroot-gap);
    align-items: start;
  }

  .column {
    display: grid;
    gap: 0.5rem;
    min-inline-size: 0;
  }

  .column-title {
    font-weight: var(--_begroot-title-font-weight);
  }

  .argument {
    display: grid;
    gap: 0.25rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border-inline-start: 0.25rem solid var(--_begroot-border-color);
    background-color: var(--_begroot-background-color);
    /* Off-screen arguments are laid out only when scrolled to: fast with hundreds. */
    content-visibility: auto;
    contain-intrinsic-size: auto 6rem;
  }

  .for > .arguments > .argument {
    border-inline-start-color: var(--_begroot-for-color);
  }

  .against > .arguments > .argument {
    border-inline-start-color: var(--_begroot-against-color);
  }

  .argument.official {
    background-color: var(--_begroot-official-background-color);
    border-inline-start-width: 0.5rem;
    border-inline-start-color: var(--_begroot-accent-color);
  }

  .official-badge {
    font-weight: var(--_begroot-title-font-weight);
  }

  .replies {
    margin-block-start: 0.5rem;
    padding-inline-start: clamp(0.5rem, 4cqi, 1.5rem);
  }

  .argument-form {
    padding-block-start: var(--_begroot-gap);
    border-block-start: 1px dashed var(--_begroot-border-color);
  }

  @media (forced-colors: active) {
    .argument,
    .for > .arguments > .argument,
    .against > .arguments > .argument,
    .argument.official {
      border-inline-start-color: CanvasText;
    }

    .argument.official {
      border: 2px solid CanvasText;
    }
  }
`;

export const deliberationBoardStyles = [tokens, widgetStyles, own, hostGuardStyles];
