import { css } from 'lit';

/**
 * What the page's CSS must not undo. Its rules reach a widget's host element (`* { all: unset }`,
 * `div { display: inline }`) and, through inheritance, everything in the shadow tree. In the
 * cascade an `!important` declaration inside a shadow tree beats the page's `!important` ones, so
 * these hold against any page; the values still come from the widget's tokens, so theming works
 * as before. Box cosmetics (border, padding, background) stay overridable on purpose.
 */
export const hostGuardStyles = css`
  :host {
    display: block !important;
    box-sizing: border-box !important;
    visibility: visible !important;
    color: var(--_begroot-color) !important;
    font-family: var(--_begroot-font-family) !important;
    font-size: var(--_begroot-font-size) !important;
    font-style: normal !important;
    font-weight: normal !important;
    line-height: var(--_begroot-line-height) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    white-space: normal !important;
  }

  :host([hidden]) {
    display: none !important;
  }
`;
