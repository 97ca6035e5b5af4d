import { ContextEvent, ContextProvider } from '@lit/context';
import { BegrootApiClient, type BegrootApi } from '../api/client.js';
import { apiContext } from './keys.js';

/** Whether an element (or any ancestor up to the document) already provides the API context. */
function hasApiProvider(from: Element): boolean {
  let provided = false;
  from.dispatchEvent(
    new ContextEvent(
      apiContext,
      from,
      () => {
        provided = true;
      },
      false
    )
  );
  return provided;
}

/**
 * Makes sure the page has one API client for all widgets: called by a widget as it connects, it
 * provides a `BegrootApiClient` on `<html>` unless something already answers for the API context
 * (an earlier widget, another copy of the bundle, a city's own provider on `<body>`). So widgets
 * share one client and one fetch per round, without a wrapper element and without globals.
 *
 * A provider added later closer to a widget (a wrapper element upgraded after it) takes over that
 * widget's subscription: the page-level provider re-parents its subscribers when it sees the new
 * provider's `context-provider` event (see @lit/context's ContextProvider).
 */
export function ensurePageApi(document: Document): void {
  const probe = document.body ?? document.documentElement;
  if (!probe || hasApiProvider(probe)) return;
  new ContextProvider<typeof apiContext, HTMLElement>(document.documentElement, {
    context: apiContext,
    initialValue: new BegrootApiClient() satisfies BegrootApi,
  });
}
