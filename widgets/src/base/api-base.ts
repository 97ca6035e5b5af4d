import { slugSchema } from '@begroot/core';
import { configurationError } from '../api/errors.js';

/**
 * Where widgets find the API when the element has no `api-base`: the CMS that served the widget
 * scripts. The plugin serves them at `{cms}/begroot/widgets/`, so the base is what comes before
 * that path (a CMS behind a path prefix keeps its prefix); from anywhere else, the script's origin.
 */
export function apiBaseFromScriptUrl(scriptUrl: string): string {
  const url = new URL(scriptUrl);
  const marker = '/begroot/widgets/';
  const at = url.pathname.lastIndexOf(marker);
  const prefix = at >= 0 ? url.pathname.slice(0, at) : '';
  return `${url.origin}${prefix}`;
}

/** The default API base for this copy of the widgets, from the URL this module was loaded from. */
export const DEFAULT_API_BASE = apiBaseFromScriptUrl(import.meta.url);

/** A web address the widget may link to or fetch from: relative, `http:` or `https:`. */
export function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}

/**
 * Checks the attributes every round widget needs before anything is requested, and names the
 * wrong one for the web editor (`begroot-request-failed` with `kind: 'configuration'`). It lives
 * here, in the chunk every widget loads, so no page pays for it twice.
 */
export function checkRound(tag: string, round: string, apiBase: string): void {
  if (!slugSchema.safeParse(round).success) {
    throw configurationError(
      'round',
      `${tag} needs a \`round\` attribute with the slug of a round (such as voorbeeldstad-2027), not "${round}".`
    );
  }
  if (!isWebUrl(apiBase)) {
    throw configurationError('api-base', `${tag}'s \`api-base\` is not a URL: "${apiBase}".`);
  }
}
