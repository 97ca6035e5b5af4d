import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { SHARED_TOKENS, tokenStyles } from '../base/tokens.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-deliberation-board-*`, listed in tokens.json) fall back to NL Design
 * System `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles and the rules below use.
 */
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

const tokens = tokenStyles('deliberation-board', SHARED_TOKENS, {
  'for-color': 'color-positive-color-default,#1e7a3c',
  'against-color': 'color-negative-color-default,#b00020',
  'official-background-color': 'color-info-bg-subtle,#e8f1fb',
});

export const deliberationBoardStyles = [tokens, widgetStyles, own, hostGuardStyles];
