import { css } from 'lit';

/** Results mode's rules, loaded with its view (`results.ts`): other modes never download them. */
export const resultsStyles = css`
  .segments {
    display: flex;
  }

  .segment {
    display: block;
    flex: none;
    block-size: 100%;
    inline-size: calc(var(--_begroot-share, 0) * 100%);
    min-inline-size: 2px;
    background-color: var(--_begroot-bar-fill-color);
    border-inline-end: 2px solid var(--_begroot-background-color);
  }

  .segment.alt,
  .swatch.alt {
    background-color: var(--_begroot-segment-alt-color);
  }

  .result-name {
    font-weight: var(--_begroot-title-font-weight);
  }

  .legend {
    display: grid;
    gap: 0.25rem;
    grid-column: 1 / -1;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .legend-item {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 1ch;
  }

  .swatch {
    display: inline-block;
    flex: none;
    inline-size: 0.875em;
    block-size: 0.875em;
    align-self: center;
    background-color: var(--_begroot-bar-fill-color);
    border: 1px solid var(--_begroot-border-color);
  }

  .proposal-title {
    flex: 1 1 12ch;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }

  .result .message,
  .result .share {
    grid-column: 1 / -1;
  }

  @media (forced-colors: active) {
    .segment,
    .swatch {
      forced-color-adjust: none;
      background-color: Highlight;
    }

    .segment.alt,
    .swatch.alt {
      background-color: CanvasText;
    }

    .segment {
      border-inline-end-color: Canvas;
    }
  }
`;
