import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { SHARED_TOKENS, tokenStyles } from '../base/tokens.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-vote-ballot-*`, listed in tokens.json) fall back to NL Design System
 * `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles and the rules below use.
 */
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

const tokens = tokenStyles('vote-ballot', SHARED_TOKENS);

export const voteBallotStyles = [tokens, widgetStyles, own, hostGuardStyles];
