import { errorResponseSchema, roundPublicViewSchema, type RoundPublicView } from '@begroot/core';
import * as z from 'zod/mini';
import { BegrootRequestError, isAbortError } from './errors.js';

/**
 * What widgets need from the server. Widgets receive an implementation through context
 * (`apiContext`), so a page can provide its own (tests, a city with a proxy) and widgets loaded
 * by separate scripts still share one. Keep it backwards compatible: an older bundle on the same
 * page may be handed a newer client.
 */
export interface BegrootApi {
  /** `GET {apiBase}/api/begroot/rounds/{slug}`: the round's public view. */
  getRound(
    apiBase: string,
    slug: string,
    options?: { signal?: AbortSignal }
  ): Promise<RoundPublicView>;
}

export interface BegrootApiClientOptions {
  /** The fetch to use; defaults to the page's `fetch`, looked up on each call. */
  fetch?: typeof fetch;
  /** How long a successful answer is reused, in milliseconds (default one minute). */
  maxAge?: number;
}

interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting with an abort signal; the request is aborted when all have left. */
  waiting: number;
  /** A caller without a signal: never abort. */
  pinned: boolean;
  settledAt: number | null;
}

/** The URL of an API path under a base (`https://cms.example.nl`, `/`, `https://x.nl/cms/`). */
export function apiUrl(apiBase: string, path: string): string {
  const base = new URL(apiBase, document.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(path.replace(/^\//, ''), base).href;
}

/**
 * The page's API client: one request per URL at a time, shared by every widget that asks (three
 * widgets showing one round cause one fetch), answers reused for `maxAge`, failures never cached
 * (so "try again" really tries again). Responses are checked against core's zod schemas.
 */
export class BegrootApiClient implements BegrootApi {
  readonly #fetch: typeof fetch;
  readonly #maxAge: number;
  readonly #requests = new Map<string, Shared>();

  constructor(options: BegrootApiClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#maxAge = options.maxAge ?? 60_000;
  }

  getRound(
    apiBase: string,
    slug: string,
    options: { signal?: AbortSignal } = {}
  ): Promise<RoundPublicView> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}`);
    return this.#get(url, roundPublicViewSchema, options.signal);
  }

  /** Forgets cached answers (all, or one URL), so the next call fetches again. */
  invalidate(url?: string): void {
    if (url === undefined) this.#requests.clear();
    else this.#requests.delete(url);
  }

  #get<T>(url: string, schema: z.ZodMiniType<T>, signal: AbortSignal | undefined): Promise<T> {
    let shared = this.#requests.get(url);
    if (shared?.settledAt != null && Date.now() - shared.settledAt > this.#maxAge) {
      this.#requests.delete(url);
      shared = undefined;
    }
    if (!shared) {
      const controller = new AbortController();
      const entry: Shared = {
        controller,
        waiting: 0,
        pinned: false,
        settledAt: null,
        promise: Promise.resolve(),
      };
      entry.promise = this.#load(url, schema, controller.signal).then(
        (value) => {
          entry.settledAt = Date.now();
          return value;
        },
        (error: unknown) => {
          if (this.#requests.get(url) === entry) this.#requests.delete(url);
          throw error;
        }
      );
      // Waiters handle the outcome; this keeps an abandoned request from reporting an unhandled rejection.
      entry.promise.catch(() => undefined);
      this.#requests.set(url, entry);
      shared = entry;
    }
    return this.#wait(url, shared, signal) as Promise<T>;
  }

  /** Waits for a shared request; leaving through `signal` aborts it only if nobody else waits. */
  #wait(url: string, shared: Shared, signal: AbortSignal | undefined): Promise<unknown> {
    if (shared.settledAt != null) return shared.promise;
    if (!signal) {
      shared.pinned = true;
      return shared.promise;
    }
    signal.throwIfAborted();
    shared.waiting += 1;
    return new Promise((resolve, reject) => {
      const leave = () => {
        signal.removeEventListener('abort', onAbort);
        shared.waiting -= 1;
      };
      const onAbort = () => {
        leave();
        if (shared.waiting === 0 && !shared.pinned && shared.settledAt == null) {
          shared.controller.abort(signal.reason);
          if (this.#requests.get(url) === shared) this.#requests.delete(url);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        }
      );
    });
  }

  async #load<T>(url: string, schema: z.ZodMiniType<T>, signal: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        signal,
      });
    } catch (error) {
      if (isAbortError(error) || signal.aborted) throw error;
      throw new BegrootRequestError(
        {
          kind: 'network',
          status: null,
          name: 'NetworkError',
          message: error instanceof Error ? error.message : String(error),
          url,
        },
        { cause: error }
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const parsed = errorResponseSchema.safeParse(body);
      throw new BegrootRequestError({
        kind: 'http',
        status: response.status,
        name: parsed.success ? parsed.data.error.name : 'HttpError',
        message: parsed.success
          ? parsed.data.error.message
          : `HTTP ${response.status} ${response.statusText}`.trim(),
        url,
      });
    }
    const parsed = z.object({ data: schema }).safeParse(body);
    if (!parsed.success) {
      throw new BegrootRequestError({
        kind: 'invalid-response',
        status: response.status,
        name: 'InvalidResponseError',
        message: `The response does not match the contract: ${parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; ')}`,
        url,
      });
    }
    return parsed.data.data;
  }
}
