import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { completeApi, type BegrootApi } from '../api/client.js';
import { isAbortError, toRequestFailure } from '../api/errors.js';
import { apiContext } from '../context/keys.js';
import { ensurePageApi } from '../context/page-provider.js';
import { BegrootRequestFailedEvent } from '../events/request-failed.js';

/** Where a request stands (the values `@lit/task` uses). */
export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** What to render in each status; `render` returns the one for the current status. */
export interface StatusRenderer<R, T> {
  initial: () => T;
  pending: () => T;
  complete: (value: R) => T;
  error: (error: unknown) => T;
}

export interface ApiTaskOptions<A extends readonly unknown[], R> {
  /** The request's inputs, read from the host on every update; a change re-runs the request. */
  args: () => A;
  /** Performs the request with the API client from context. Throw `BegrootRequestError`s. */
  request: (api: BegrootApi, args: A, signal: AbortSignal) => Promise<R>;
}

/**
 * One API request of a widget: takes the API client from context (the page's shared client unless
 * an ancestor provides another, also one that appears later), re-runs when its arguments change,
 * aborts superseded runs, renders pending/complete/error and fires `begroot-request-failed` on the
 * host when a run fails. The few lines of `@lit/task` it needs, written here to keep them out of
 * every page's download.
 */
export class ApiTask<const A extends readonly unknown[], R> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #api: ContextConsumer<typeof apiContext, ReactiveControllerHost & HTMLElement>;
  readonly #options: ApiTaskOptions<A, R>;
  #status: TaskStatus = TaskStatus.INITIAL;
  #value: R | undefined;
  #error: unknown;
  #previous: readonly [BegrootApi | undefined, A] | undefined;
  #run = 0;
  #abort: AbortController | undefined;
  #complete: Promise<R> | undefined;
  #settle: { resolve: (value: R) => void; reject: (error: unknown) => void } | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ApiTaskOptions<A, R>) {
    this.#host = host;
    this.#options = options;
    // Added before the consumer, so `hostConnected` below has put a provider on the page before
    // the consumer asks for one.
    host.addController(this);
    this.#api = new ContextConsumer(host, { context: apiContext, subscribe: true });
  }

  /** Set when the host left the page mid-request: that request was abandoned, so redo it. */
  #resume = false;

  hostConnected(): void {
    ensurePageApi(this.#host.ownerDocument);
    if (this.#resume) {
      this.#resume = false;
      void this.retry();
    }
  }

  hostUpdate(): void {
    const previous = this.#previous;
    const next = this.#args();
    if (!previous || previous[0] !== next[0] || !sameItems(previous[1], next[1])) {
      void this.#perform(next);
    }
  }

  hostDisconnected(): void {
    // A widget taken off the page (a single-page app changing views) stops waiting; the shared
    // request is aborted only when no other widget still waits for it.
    if (this.#status === TaskStatus.PENDING) {
      this.#resume = true;
      this.#abort?.abort();
    }
  }

  get status(): TaskStatus {
    return this.#status;
  }

  get value(): R | undefined {
    return this.#value;
  }

  get error(): unknown {
    return this.#error;
  }

  /** Whether the request is waiting: not started yet (no client yet) or under way. */
  get busy(): boolean {
    return this.#status === TaskStatus.INITIAL || this.#status === TaskStatus.PENDING;
  }

  /** Resolves when the current run has finished (rejects with its error). */
  get complete(): Promise<R> {
    this.#complete ??=
      this.#status === TaskStatus.PENDING
        ? new Promise<R>((resolve, reject) => (this.#settle = { resolve, reject }))
        : this.#status === TaskStatus.ERROR
          ? Promise.reject(this.#error)
          : Promise.resolve(this.#value as R);
    return this.#complete;
  }

  /** Runs the request again with the same arguments ("try again"). */
  retry(): Promise<void> {
    return this.#perform(this.#args());
  }

  render<T>(renderer: StatusRenderer<R, T>): T {
    const status = this.#status;
    return status === TaskStatus.INITIAL
      ? renderer.initial()
      : status === TaskStatus.PENDING
        ? renderer.pending()
        : status === TaskStatus.COMPLETE
          ? renderer.complete(this.#value as R)
          : renderer.error(this.#error);
  }

  #args(): readonly [BegrootApi | undefined, A] {
    return [this.#api.value, this.#options.args()];
  }

  async #perform(args: readonly [BegrootApi | undefined, A]): Promise<void> {
    this.#previous = args;
    if (this.#status === TaskStatus.PENDING) this.#abort?.abort();
    else this.#complete = this.#settle = undefined;
    this.#status = TaskStatus.PENDING;
    this.#host.requestUpdate();
    const run = ++this.#run;
    const abort = (this.#abort = new AbortController());
    const [api, own] = args;
    let value: R | undefined;
    let error: unknown;
    let failed = false;
    try {
      // Without a client yet (no provider), wait in the initial status for one.
      if (api) value = await this.#options.request(completeApi(api), own, abort.signal);
    } catch (caught) {
      failed = true;
      error = caught;
    }
    if (run !== this.#run) return; // superseded by a newer run
    if (!api) {
      this.#status = TaskStatus.INITIAL;
    } else if (failed) {
      if (!isAbortError(error)) {
        this.#host.dispatchEvent(new BegrootRequestFailedEvent(toRequestFailure(error)));
      }
      this.#status = TaskStatus.ERROR;
      this.#settle?.reject(error);
    } else {
      this.#status = TaskStatus.COMPLETE;
      this.#settle?.resolve(value as R);
    }
    if (api) {
      this.#value = value;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
