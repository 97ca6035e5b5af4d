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
