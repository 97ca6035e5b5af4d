import { css } from 'lit';
import { hostGuardStyles } from '../base/host.styles.js';
import { SHARED_TOKENS, tokenStyles } from '../base/tokens.js';
import { widgetStyles } from '../forms/widget.styles.js';

/*
 * Public tokens (`--begroot-proposal-form-*`, listed in tokens.json) fall back to NL Design System
 * `--basis-*` tokens, then to accessible literals; they are read once, into the private
 * `--_begroot-*` properties that the shared widget styles use.
 */
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

const tokens = tokenStyles('proposal-form', SHARED_TOKENS);

export const proposalFormStyles = [tokens, widgetStyles, own, hostGuardStyles];
