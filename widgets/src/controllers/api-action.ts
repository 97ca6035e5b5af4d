import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { completeApi, type BegrootApi } from '../api/client.js';
import { BegrootRequestError, isAbortError, toRequestFailure } from '../api/errors.js';
import { apiContext } from '../context/keys.js';
import { ensurePageApi } from '../context/page-provider.js';
import { BegrootRequestFailedEvent } from '../events/request-failed.js';

export interface ApiActionOptions {
  /**
   * Let the request finish when the widget leaves the page (writes: the server may already have
   * stored it, so the widget must hear the answer). Reads are aborted.
   */
  keepOnLeave?: boolean;
}

/**
 * Requests a widget makes on demand rather than on render (send a form, load one proposal's
 * arguments when it is opened, report an argument), with the same API client from context as
 * `ApiTask`. Fires `begroot-request-failed` on the host when one fails; reads are aborted when the
 * widget leaves the page. State (pending, result, error) stays with the widget, which knows what
 * each request is for.
 */
export class ApiAction implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #api: ContextConsumer<typeof apiContext, ReactiveControllerHost & HTMLElement>;
  readonly #reads = new Set<AbortController>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
    this.#api = new ContextConsumer(host, { context: apiContext, subscribe: true });
  }

  hostConnected(): void {
    ensurePageApi(this.#host.ownerDocument);
  }

  hostDisconnected(): void {
    for (const controller of this.#reads) controller.abort();
    this.#reads.clear();
  }

  async run<R>(
    request: (api: BegrootApi, signal: AbortSignal) => Promise<R>,
    options: ApiActionOptions = {}
  ): Promise<R> {
    const controller = new AbortController();
    if (!options.keepOnLeave) this.#reads.add(controller);
    try {
      const api = this.#api.value;
      if (!api) {
        throw new BegrootRequestError({
          kind: 'network',
          status: null,
          name: 'NetworkError',
          message: 'No Begroot API client on this page.',
          url: null,
        });
      }
      return await request(completeApi(api), controller.signal);
    } catch (error) {
      if (!isAbortError(error)) {
        this.#host.dispatchEvent(new BegrootRequestFailedEvent(toRequestFailure(error)));
      }
      throw error;
    } finally {
      this.#reads.delete(controller);
    }
  }
}
