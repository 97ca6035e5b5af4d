import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus, initialState, shallowArrayEquals, type StatusRenderer } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { completeApi, type BegrootApi } from '../api/client.js';
import { isAbortError, toRequestFailure } from '../api/errors.js';
import { apiContext } from '../context/keys.js';
import { ensurePageApi } from '../context/page-provider.js';
import { BegrootRequestFailedEvent } from '../events/request-failed.js';

export interface ApiTaskOptions<A extends readonly unknown[], R> {
  /** The request's inputs, read from the host on every update; a change re-runs the request. */
  args: () => A;
  /** Performs the request with the API client from context. Throw `BegrootRequestError`s. */
  request: (api: BegrootApi, args: A, signal: AbortSignal) => Promise<R>;
}

/**
 * One API request of a widget, built on `@lit/task`: takes the API client from context (the
 * page's shared client unless an ancestor provides another, also one that appears later),
 * re-runs when its arguments change, aborts superseded runs, renders pending/complete/error and
 * fires `begroot-request-failed` on the host when a run fails.
 */
export class ApiTask<const A extends readonly unknown[], R> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #api: ContextConsumer<typeof apiContext, ReactiveControllerHost & HTMLElement>;
  readonly #task: Task<readonly [BegrootApi | undefined, A], R>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: ApiTaskOptions<A, R>) {
    this.#host = host;
    // Added before the consumer, so `hostConnected` below has put a provider on the page before
    // the consumer asks for one.
    host.addController(this);
    this.#api = new ContextConsumer(host, { context: apiContext, subscribe: true });
    this.#task = new Task(host, {
      args: () => [this.#api.value, options.args()] as const,
      argsEqual: (previous, next) =>
        previous[0] === next[0] && shallowArrayEquals(previous[1], next[1]),
      task: ([api, args], { signal }) =>
        api ? options.request(completeApi(api), args, signal) : Promise.resolve(initialState),
      onError: (error) => {
        if (isAbortError(error)) return;
        this.#host.dispatchEvent(new BegrootRequestFailedEvent(toRequestFailure(error)));
      },
    });
  }

  /** Set when the host left the page mid-request: that request was abandoned, so redo it. */
  #resume = false;

  hostConnected(): void {
    ensurePageApi(this.#host.ownerDocument);
    if (this.#resume) {
      this.#resume = false;
      void this.#task.run();
    }
  }

  hostDisconnected(): void {
    // A widget taken off the page (a single-page app changing views) stops waiting; the shared
    // request is aborted only when no other widget still waits for it.
    if (this.#task.status === TaskStatus.PENDING) {
      this.#resume = true;
      this.#task.abort();
    }
  }

  get status(): TaskStatus {
    return this.#task.status;
  }

  get value(): R | undefined {
    return this.#task.value;
  }

  get error(): unknown {
    return this.#task.error;
  }

  /** Whether the request is waiting: not started yet (no client yet) or under way. */
  get busy(): boolean {
    return this.#task.status === TaskStatus.INITIAL || this.#task.status === TaskStatus.PENDING;
  }

  /** Resolves when the current run has finished (rejects with its error). */
  get complete(): Promise<R> {
    return this.#task.taskComplete;
  }

  /** Runs the request again with the same arguments ("try again"). */
  retry(): Promise<void> {
    return this.#task.run();
  }

  render<T extends StatusRenderer<R>>(renderer: T) {
    return this.#task.render(renderer);
  }
}
