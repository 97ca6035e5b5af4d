import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A part of a widget in a chunk of its own (the board's discussions, the form's checks), loaded
 * on demand: fetched once on the visitor's first sign of interest (`prefetchOn` events on the
 * widget), or when something needs it (`load()`), and again after a failed attempt. A failed
 * `load()` is kept in `error` (for an error state with "try again"); a failed prefetch is not, so
 * the next `load()` simply tries again.
 */
export class LazyPart<T> implements ReactiveController {
  /** The loaded part, once it has arrived. */
  value: T | undefined;
  /** Why the last `load()` failed, until `retry()` or a later success. */
  error: unknown;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #import: () => Promise<T>;
  readonly #events: readonly string[];
  #loading: Promise<T> | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    load: () => Promise<T>,
    options: { prefetchOn?: readonly string[] } = {}
  ) {
    this.#host = host;
    this.#import = load;
    this.#events = options.prefetchOn ?? [];
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of this.#events) {
      this.#host.addEventListener(type, this.prefetch, { once: true });
    }
  }

  hostDisconnected(): void {
    for (const type of this.#events) this.#host.removeEventListener(type, this.prefetch);
  }

  /** The part (once; again after a failed attempt). A failure is kept in `error`. */
  load(): Promise<T> {
    return this.#fetch().catch((error: unknown) => {
      this.error = error;
      this.#host.requestUpdate();
      throw error;
    });
  }

  /** Fetches the part in the background; a failure only means the next `load()` tries again. */
  prefetch = (): void => {
    void this.settled();
  };

  /** The part, or undefined if it could not be loaded (not kept in `error`, no update asked). */
  settled(): Promise<T | undefined> {
    return this.#fetch().catch(() => undefined);
  }

  /** Forgets a failure, so the next render that needs the part tries again. */
  retry(): void {
    this.error = undefined;
    this.#host.requestUpdate();
  }

  #fetch(): Promise<T> {
    this.#loading ??= this.#import().then(
      (value) => {
        this.value = value;
        this.error = undefined;
        this.#host.requestUpdate();
        return value;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      }
    );
    return this.#loading;
  }
}
