import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-proposal-form-*`, listed in tokens.json) fall back to NL Design System
 * `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles use.
 */
const tokens = css`
  :host {
    --_begroot-color: var(
      --begroot-proposal-form-color,
      var(--basis-color-default-color-document, #1a1a1a)
    );
    --_begroot-muted-color: var(
      --begroot-proposal-form-muted-color,
      var(--basis-color-default-color-subtle, #4a4a4a)
    );
    --_begroot-background-color: var(
      --begroot-proposal-form-background-color,
      var(--basis-color-default-bg-document, #ffffff)
    );
    --_begroot-subtle-background-color: var(
      --begroot-proposal-form-subtle-background-color,
      var(--basis-color-default-bg-subtle, #f3f3f3)
    );
    --_begroot-border-color: var(
      --begroot-proposal-form-border-color,
      var(--basis-color-default-border-default, #6e6e6e)
    );
    --_begroot-border-width: var(
      --begroot-proposal-form-border-width,
      var(--basis-border-width-sm, 1px)
    );
    --_begroot-border-radius: var(
      --begroot-proposal-form-border-radius,
      var(--basis-border-radius-md, 0.25rem)
    );
    --_begroot-font-family: var(
      --begroot-proposal-form-font-family,
      var(--basis-text-font-family-default, system-ui, sans-serif)
    );
    --_begroot-font-size: var(
      --begroot-proposal-form-font-size,
      var(--basis-text-font-size-md, medium)
    );
    --_begroot-line-height: var(
      --begroot-proposal-form-line-height,
      var(--basis-text-line-height-md, 1.5)
    );
    --_begroot-padding-block: var(
      --begroot-proposal-form-padding-block,
      var(--basis-space-block-lg, 1rem)
    );
    --_begroot-padding-inline: var(
      --begroot-proposal-form-padding-inline,
      var(--basis-space-inline-lg, 1rem)
    );
    --_begroot-gap: var(--begroot-proposal-form-gap, var(--basis-space-block-md, 1rem));
    --_begroot-title-font-size: var(
      --begroot-proposal-form-title-font-size,
      var(--basis-heading-3-font-size, 1.25em)
    );
    --_begroot-title-font-weight: var(
      --begroot-proposal-form-title-font-weight,
      var(--basis-text-font-weight-bold, 700)
    );
    --_begroot-accent-color: var(
      --begroot-proposal-form-accent-color,
      var(--basis-color-accent-1-color-default, #0b5cad)
    );
    --_begroot-error-color: var(
      --begroot-proposal-form-error-color,
      var(--basis-color-negative-color-default, #b00020)
    );
    --_begroot-input-background-color: var(
      --begroot-proposal-form-input-background-color,
      var(--basis-form-control-background-color, #ffffff)
    );
    --_begroot-input-border-color: var(
      --begroot-proposal-form-input-border-color,
      var(--basis-form-control-border-color, #4a4a4a)
    );
    --_begroot-button-background-color: var(
      --begroot-proposal-form-button-background-color,
      var(--basis-color-action-1-inverse-bg-default, #0b5cad)
    );
    --_begroot-button-color: var(
      --begroot-proposal-form-button-color,
      var(--basis-color-action-1-inverse-color-default, #ffffff)
    );
    --_begroot-focus-outline-color: var(
      --begroot-proposal-form-focus-outline-color,
      var(--basis-focus-outline-color, #000000)
    );
    --_begroot-focus-outline-width: var(
      --begroot-proposal-form-focus-outline-width,
      var(--basis-focus-outline-width, 3px)
    );
    --_begroot-focus-background-color: var(
      --begroot-proposal-form-focus-background-color,
      var(--basis-focus-background-color, #ffdd00)
    );
    --_begroot-target-size: var(
      --begroot-proposal-form-target-size,
      var(--basis-pointer-target-min-block-size, 44px)
    );
  }
`;

const own = css`
  .intro {
    color: var(--_begroot-color);
  }

  .file-input {
    min-block-size: var(--_begroot-target-size);
    padding-block: 0.5rem;
  }

  .image-chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
  }

  .image-preview {
    display: block;
    max-inline-size: min(100%, 16rem);
    max-block-size: 12rem;
    object-fit: contain;
    border: 1px solid var(--_begroot-border-color);
    border-radius: var(--_begroot-border-radius);
  }

  .success-steps {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;

export const proposalFormStyles = [tokens, widgetStyles, own, hostGuardStyles];
