import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { SHARED_TOKENS, tokenStyles } from '../base/tokens.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-panel-signup-*`, listed in tokens.json) fall back to NL Design System
 * `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles use.
 */
const own = css`
  .intro,
  .steps {
    color: var(--_begroot-color);
  }

  .subheading {
    font-weight: var(--_begroot-title-font-weight);
    font-size: 1.0625em;
  }

  .command {
    display: block;
    margin-block-start: 0.25rem;
    padding: 0.5rem;
    background-color: var(--_begroot-subtle-background-color);
    border-radius: var(--_begroot-border-radius);
  }

  .steps {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .consent {
    display: flex;
    gap: 0.75rem;
    align-items: start;
  }

  .consent input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.6rem 0;
    accent-color: var(--_begroot-accent-color);
  }

  .consent label {
    min-block-size: var(--_begroot-target-size);
    display: flex;
    align-items: center;
    font-weight: var(--_begroot-title-font-weight);
  }

  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }

  .facts dt {
    font-weight: var(--_begroot-title-font-weight);
  }

  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    inline-size: 100%;
  }

  th,
  td {
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--_begroot-border-color);
    text-align: start;
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  caption {
    text-align: start;
    font-weight: var(--_begroot-title-font-weight);
    padding-block-end: 0.5rem;
  }

  code {
    overflow-wrap: anywhere;
    font-family: ui-monospace, monospace;
  }

  .draw-link {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_begroot-target-size);
    color: var(--_begroot-accent-color);
    font-weight: var(--_begroot-title-font-weight);
  }

  .consent input:focus-visible {
    outline: var(--_begroot-focus-outline-width) solid var(--_begroot-focus-outline-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_begroot-focus-outline-width) + 2px)
      var(--_begroot-focus-background-color);
  }

  .consent.invalid input {
    outline: 2px solid var(--_begroot-error-color);
  }

  @media (forced-colors: active) {
    .draw-link {
      color: LinkText;
    }

    th,
    td {
      border-color: CanvasText;
    }
  }

  @media (max-width: 30em) {
    .facts {
      grid-template-columns: 1fr;
    }
  }
`;

const tokens = tokenStyles('panel-signup', SHARED_TOKENS);

export const panelSignupStyles = [tokens, widgetStyles, own, hostGuardStyles];
