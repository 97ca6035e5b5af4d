import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { viewStyles } from '../base/view.styles.js';

/*
 * Public tokens (`--begroot-project-tracker-*`, listed in tokens.json) fall back to NL Design
 * System `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared view styles and the rules below use.
 */
const tokens = css`
  :host {
    --_begroot-color: var(
      --begroot-project-tracker-color,
      var(--basis-color-default-color-document, #1a1a1a)
    );
    --_begroot-muted-color: var(
      --begroot-project-tracker-muted-color,
      var(--basis-color-default-color-subtle, #4a4a4a)
    );
    --_begroot-background-color: var(
      --begroot-project-tracker-background-color,
      var(--basis-color-default-bg-document, #ffffff)
    );
    --_begroot-subtle-background-color: var(
      --begroot-project-tracker-subtle-background-color,
      var(--basis-color-default-bg-subtle, #f3f3f3)
    );
    --_begroot-border-color: var(
      --begroot-project-tracker-border-color,
      var(--basis-color-default-border-default, #6e6e6e)
    );
    --_begroot-border-width: var(
      --begroot-project-tracker-border-width,
      var(--basis-border-width-sm, 1px)
    );
    --_begroot-border-radius: var(
      --begroot-project-tracker-border-radius,
      var(--basis-border-radius-md, 0.25rem)
    );
    --_begroot-font-family: var(
      --begroot-project-tracker-font-family,
      var(--basis-text-font-family-default, system-ui, sans-serif)
    );
    --_begroot-font-size: var(
      --begroot-project-tracker-font-size,
      var(--basis-text-font-size-md, medium)
    );
    --_begroot-line-height: var(
      --begroot-project-tracker-line-height,
      var(--basis-text-line-height-md, 1.5)
    );
    --_begroot-padding-block: var(
      --begroot-project-tracker-padding-block,
      var(--basis-space-block-lg, 1rem)
    );
    --_begroot-padding-inline: var(
      --begroot-project-tracker-padding-inline,
      var(--basis-space-inline-lg, 1rem)
    );
    --_begroot-gap: var(--begroot-project-tracker-gap, var(--basis-space-block-md, 1rem));
    --_begroot-title-font-size: var(
      --begroot-project-tracker-title-font-size,
      var(--basis-heading-3-font-size, 1.25em)
    );
    --_begroot-title-font-weight: var(
      --begroot-project-tracker-title-font-weight,
      var(--basis-text-font-weight-bold, 700)
    );
    --_begroot-accent-color: var(
      --begroot-project-tracker-accent-color,
      var(--basis-color-accent-1-color-default, #0b5cad)
    );
    --_begroot-error-color: var(
      --begroot-project-tracker-error-color,
      var(--basis-color-negative-color-default, #b00020)
    );
    --_begroot-input-background-color: var(
      --begroot-project-tracker-input-background-color,
      var(--basis-form-control-background-color, #ffffff)
    );
    --_begroot-input-border-color: var(
      --begroot-project-tracker-input-border-color,
      var(--basis-form-control-border-color, #4a4a4a)
    );
    --_begroot-done-color: var(
      --begroot-project-tracker-done-color,
      var(--basis-color-positive-color-default, #1e7a3c)
    );
    --_begroot-bar-block-size: var(--begroot-project-tracker-bar-block-size, 0.75rem);
    --_begroot-bar-background-color: var(
      --begroot-project-tracker-bar-background-color,
      var(--basis-color-default-bg-subtle, #ececec)
    );
    --_begroot-bar-fill-color: var(
      --begroot-project-tracker-bar-fill-color,
      var(--basis-color-accent-1-color-default, #0b5cad)
    );
    --_begroot-button-background-color: var(
      --begroot-project-tracker-button-background-color,
      var(--basis-color-action-1-inverse-bg-default, #0b5cad)
    );
    --_begroot-button-color: var(
      --begroot-project-tracker-button-color,
      var(--basis-color-action-1-inverse-color-default, #ffffff)
    );
    --_begroot-focus-outline-color: var(
      --begroot-project-tracker-focus-outline-color,
      var(--basis-focus-outline-color, #000000)
    );
    --_begroot-focus-outline-width: var(
      --begroot-project-tracker-focus-outline-width,
      var(--basis-focus-outline-width, 3px)
    );
    --_begroot-focus-background-color: var(
      --begroot-project-tracker-focus-background-color,
      var(--basis-focus-background-color, #ffdd00)
    );
    --_begroot-target-size: var(
      --begroot-project-tracker-target-size,
      var(--basis-pointer-target-min-block-size, 44px)
    );
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

export const projectTrackerStyles = [tokens, viewStyles, own, hostGuardStyles];
