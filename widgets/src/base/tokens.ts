import { unsafeCSS, type CSSResult } from 'lit';
import type { PrivateProperty } from '../forms/widget.styles.js';

/**
 * The NL Design System token and accessible literal each widget token falls back to, by the
 * token's name (`--begroot-<widget>-<name>` → `--basis-<basis>` → literal). One table for every
 * widget, so a page with several widgets downloads these fallbacks once.
 */
const FALLBACKS: Record<PrivateProperty, string> = {
  color: 'color-default-color-document,#1a1a1a',
  'muted-color': 'color-default-color-subtle,#4a4a4a',
  'background-color': 'color-default-bg-document,#ffffff',
  'subtle-background-color': 'color-default-bg-subtle,#f3f3f3',
  'border-color': 'color-default-border-default,#6e6e6e',
  'border-width': 'border-width-sm,1px',
  'border-radius': 'border-radius-md,0.25rem',
  'font-family': 'text-font-family-default,system-ui, sans-serif',
  'font-size': 'text-font-size-md,medium',
  'line-height': 'text-line-height-md,1.5',
  'padding-block': 'space-block-lg,1rem',
  'padding-inline': 'space-inline-lg,1rem',
  gap: 'space-block-md,1rem',
  'title-font-size': 'heading-3-font-size,1.25em',
  'title-font-weight': 'text-font-weight-bold,700',
  'accent-color': 'color-accent-1-color-default,#0b5cad',
  'error-color': 'color-negative-color-default,#b00020',
  'input-background-color': 'form-control-background-color,#ffffff',
  'input-border-color': 'form-control-border-color,#4a4a4a',
  'button-background-color': 'color-action-1-inverse-bg-default,#0b5cad',
  'button-color': 'color-action-1-inverse-color-default,#ffffff',
  'focus-outline-color': 'focus-outline-color,#000000',
  'focus-outline-width': 'focus-outline-width,3px',
  'focus-background-color': 'focus-background-color,#ffdd00',
  'target-size': 'pointer-target-min-block-size,44px',
};

/** Every shared token: what a widget with inputs, buttons and a title offers. */
export const SHARED_TOKENS = Object.keys(FALLBACKS) as readonly PrivateProperty[];

/**
 * A widget's public tokens read once, into the private `--_begroot-<name>` properties on :host
 * that its styles use. `names` lists the shared tokens it offers; `own` adds or changes some
 * (`name: 'basis-token,literal'`).
 */
export function tokenStyles(
  widget: string,
  names: readonly PrivateProperty[],
  own: Record<string, string> = {}
): CSSResult {
  const table = { ...Object.fromEntries(names.map((name) => [name, FALLBACKS[name]!])), ...own };
  const declarations = Object.entries(table).map(([name, fallback]) => {
    const comma = fallback.indexOf(',');
    return `--_begroot-${name}:var(--begroot-${widget}-${name},var(--basis-${fallback.slice(0, comma)},${fallback.slice(comma + 1)}))`;
  });
  return unsafeCSS(`:host{${declarations.join(';')}}`);
}
