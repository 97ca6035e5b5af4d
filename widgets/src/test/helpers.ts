// Shared by the browser tests: a round like the demo's, and a scripted `fetch`.
import type { RoundPublicView } from '@begroot/core';
import { ContextProvider } from '@lit/context';
import { BegrootApiClient } from '../api/client.js';
import { apiContext } from '../context/keys.js';

export const ROUND: RoundPublicView = {
  slug: 'voorbeeldstad-2027',
  title: 'Voorbeeldstad 2027',
  description: 'Bewoners bepalen samen waar het geld naartoe gaat.',
  language: 'nl',
  currency: 'EUR',
  budget: 1_500_000,
  phases: [
    {
      kind: 'ideas',
      start: '2026-11-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    },
  ],
  currentPhase: 'ideas',
  districts: [
    { slug: 'noord', name: 'Noord', budget: 400_000 },
    { slug: 'oost', name: 'Oost', budget: 500_000 },
    { slug: 'west', name: 'West', budget: 600_000 },
  ],
};

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

export function strapiError(status: number, name: string, message: string): Response {
  return json({ data: null, error: { status, name, message, details: {} } }, status);
}

type Reply = Response | Error | (() => Response | Promise<Response>);

/** A `fetch` that answers from a script, records what was asked, and can hold answers back. */
export class FetchStub {
  readonly calls: { url: string; init: RequestInit | undefined }[] = [];
  #replies: Reply[] = [];
  #held: (() => void)[] = [];
  #holding = false;

  /** Queue answers, used in order; the last one repeats. */
  reply(...replies: Reply[]): this {
    this.#replies.push(...replies);
    return this;
  }

  /** Keep answers back until `release()`, to look at the loading state. */
  hold(): this {
    this.#holding = true;
    return this;
  }

  release(): void {
    this.#holding = false;
    for (const go of this.#held.splice(0)) go();
  }

  readonly fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    this.calls.push({ url, init });
    const reply = this.#replies.length > 1 ? this.#replies.shift() : this.#replies[0];
    const answer = async (): Promise<Response> => {
      if (!reply) throw new Error(`No reply scripted for ${url}`);
      if (reply instanceof Error) throw reply;
      return typeof reply === 'function' ? reply() : reply.clone();
    };
    return new Promise<Response>((resolve, reject) => {
      const go = () => answer().then(resolve, reject);
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      if (this.#holding) this.#held.push(go);
      else go();
    });
  };
}

/**
 * A container that provides its own API client (with the stubbed fetch) to the widgets inside it,
 * attached to the document so they can connect into it.
 */
export function providerWith(stub: FetchStub): HTMLDivElement {
  const container = document.createElement('div');
  document.body.append(container);
  new ContextProvider(container, {
    context: apiContext,
    initialValue: new BegrootApiClient({ fetch: stub.fetch }),
  });
  return container;
}
