import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { SHARED_TOKENS, tokenStyles } from '../base/tokens.js';
import { viewStyles } from '../base/view.styles.js';

/*
 * Public tokens (`--begroot-project-tracker-*`, listed in tokens.json) fall back to NL Design
 * System `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared view styles and the rules below use.
 */
const ownTokens = css`
  :host {
    --_begroot-bar-block-size: var(--begroot-project-tracker-bar-block-size, 0.75rem);
  }
`;

const own = css`
  .section {
    display: grid;
    gap: var(--_begroot-gap);
  }

  .section-title {
    font-size: 1.125em;
    font-weight: var(--_begroot-title-font-weight);
  }

  .summary {
    font-weight: var(--_begroot-title-font-weight);
  }

  .awaiting {
    color: var(--_begroot-muted-color);
  }

  .projects,
  .others {
    display: grid;
    gap: var(--_begroot-gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .project,
  .other {
    display: grid;
    gap: 0.375rem;
    min-inline-size: 0;
    padding-block: 0.75rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_begroot-border-color);
    border-inline-start-width: 0.375rem;
    border-radius: var(--_begroot-border-radius);
  }

  .project.in-progress {
    border-inline-start-color: var(--_begroot-accent-color);
  }

  .project.completed {
    border-inline-start-color: var(--_begroot-done-color);
  }

  .project-title {
    font-weight: var(--_begroot-title-font-weight);
    overflow-wrap: anywhere;
  }

  .project-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 1ch;
  }

  .status {
    padding-inline: 0.5ch;
    border: 1px solid currentColor;
    border-radius: var(--_begroot-border-radius);
    font-size: 0.875em;
  }

  .meta,
  .update-date {
    color: var(--_begroot-muted-color);
  }

  .reason,
  .update-text {
    overflow-wrap: anywhere;
    white-space: pre-line;
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
    background-color: var(--_begroot-bar-fill-color);
  }

  .overspent {
    color: var(--_begroot-error-color);
    font-weight: var(--_begroot-title-font-weight);
  }

  .overspent::before {
    content: '! ';
  }

  .updates {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .update {
    display: grid;
    gap: 0.125rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_begroot-border-color);
  }

  .older-updates summary {
    display: flex;
    align-items: center;
    min-block-size: var(--_begroot-target-size);
    color: var(--_begroot-button-background-color);
    text-decoration: underline;
    cursor: pointer;
  }

  .older-updates summary:focus-visible {
    outline: var(--_begroot-focus-outline-width) solid var(--_begroot-focus-outline-color);
    outline-offset: 2px;
    box-shadow: 0 0 0 calc(var(--_begroot-focus-outline-width) + 2px)
      var(--_begroot-focus-background-color);
  }

  @media (forced-colors: active) {
    .project,
    .other,
    .bar,
    .update {
      border-color: CanvasText;
    }

    .bar-fill {
      forced-color-adjust: none;
      background-color: Highlight;
    }

    .project.in-progress {
      border-inline-start-color: Highlight;
    }

    .overspent {
      color: CanvasText;
    }

    .older-updates summary {
      color: LinkText;
    }

    .older-updates summary:focus-visible {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;

const tokens = tokenStyles('project-tracker', SHARED_TOKENS, {
  'done-color': 'color-positive-color-default,#1e7a3c',
  'bar-background-color': 'color-default-bg-subtle,#ececec',
  'bar-fill-color': 'color-accent-1-color-default,#0b5cad',
});

export const projectTrackerStyles = [tokens, ownTokens, viewStyles, own, hostGuardStyles];
