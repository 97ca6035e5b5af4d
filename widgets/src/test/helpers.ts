// Shared by the browser tests: a round like the demo's, and a scripted `fetch`.
import {
  countingSettingsSchema,
  proposalFormSettingsSchema,
  verificationSettingsSchema,
  votingSettingsSchema,
  type ArgumentPublicView,
  type ProposalPublicView,
  type RoundPublicView,
} from '@begroot/core';
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
  mode: 'decide',
  themes: [],
  proposalForm: proposalFormSettingsSchema.parse({}),
  voting: votingSettingsSchema.parse({}),
  counting: countingSettingsSchema.parse({}),
  verification: verificationSettingsSchema.parse({}),
};

/** A round with every setting the widgets follow: themes, form settings, all phases. */
export const FULL_ROUND: RoundPublicView = {
  ...ROUND,
  mode: 'decide',
  phases: [
    { kind: 'ideas', start: '2026-01-10T00:00:00.000Z', end: '2099-02-10T00:00:00.000Z' },
    { kind: 'deliberation', start: '2099-03-01T00:00:00.000Z', end: '2099-03-21T00:00:00.000Z' },
    { kind: 'voting', start: '2099-04-01T00:00:00.000Z', end: '2099-04-21T00:00:00.000Z' },
  ],
  themes: [
    { slug: 'groen', name: 'Groen' },
    { slug: 'verkeer', name: 'Verkeer' },
  ],
  proposalForm: {
    askCost: true,
    costRequired: false,
    optionalFields: ['summary', 'theme', 'location', 'image'],
    titleMax: 80,
    summaryMax: 280,
    descriptionMax: 2000,
    responseDays: 42,
  },
};

/** A public proposal as the API serves it; `overrides` change any field. */
export function proposal(
  documentId: string,
  overrides: Partial<ProposalPublicView> = {}
): ProposalPublicView {
  return {
    documentId,
    round: 'voorbeeldstad-2027',
    title: `Voorstel ${documentId}`,
    summary: null,
    description: 'Een beschrijving van dit voorstel.',
    estimatedCost: 12_000,
    officialCost: null,
    district: 'oost',
    theme: 'groen',
    location: null,
    imageUrl: null,
    authorName: 'Sanne',
    status: 'admitted',
    publicReason: null,
    mergedInto: null,
    history: [],
    updates: [],
    argumentCounts: { for: 0, against: 0, question: 0 },
    submittedAt: '2026-11-02T10:00:00.000Z',
    ...overrides,
  };
}

/** A public argument as the API serves it. */
export function argument(
  documentId: string,
  proposalId: string,
  overrides: Partial<ArgumentPublicView> = {}
): ArgumentPublicView {
  return {
    documentId,
    proposal: proposalId,
    stance: 'for',
    body: `Argument ${documentId}`,
    authorName: 'Ahmed',
    replyTo: null,
    official: false,
    postedAt: '2026-11-03T10:00:00.000Z',
    ...overrides,
  };
}

/** The CMS the widgets under test talk to, and the round's public routes on it. */
export const API_BASE = 'https://cms.example.nl';
export const ROUND_URL = `${API_BASE}/api/begroot/rounds/voorbeeldstad-2027`;
/** Any page of the round's proposal list (`…/proposals?sort=…`). */
export const PROPOSALS_URL = /\/api\/begroot\/rounds\/voorbeeldstad-2027\/proposals\?/;

/** One page of `GET …/proposals`, as the API serves it. */
export function proposalPage(
  proposals: ProposalPublicView[],
  page = 1,
  pageCount = 1,
  pageSize = 50
): Response {
  return json({
    data: proposals,
    meta: { pagination: { page, pageSize, pageCount, total: proposals.length * pageCount } },
  });
}

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
  #routes: { match: (url: string, init: RequestInit | undefined) => boolean; replies: Reply[] }[] =
    [];
  #held: (() => void)[] = [];
  #holding = false;

  /**
   * Answers for requests that `match` (method and URL), used in order; the last one repeats.
   * Checked before the general replies.
   */
  on(method: string, url: string | RegExp, ...replies: Reply[]): this {
    this.#routes.push({
      match: (requested, init) =>
        (init?.method ?? 'GET').toUpperCase() === method.toUpperCase() &&
        (typeof url === 'string' ? requested === url : url.test(requested)),
      replies,
    });
    return this;
  }

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
    const route = this.#routes.find((candidate) => candidate.match(url, init));
    const queue = route ? route.replies : this.#replies;
    const reply = queue.length > 1 ? queue.shift() : queue[0];
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

/**
 * A widget of the round `voorbeeldstad-2027` on the stub CMS, with these attributes, put in
 * `container` (a provider of the stubbed client) and rendered once.
 */
export async function mountWidget<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  container: HTMLElement,
  attributes: Record<string, string> = {}
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  el.setAttribute('api-base', API_BASE);
  el.setAttribute('round', 'voorbeeldstad-2027');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  container.append(el);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** The writes a stub received. */
export function postsOf(stub: FetchStub): FetchStub['calls'] {
  return stub.calls.filter((call) => call.init?.method === 'POST');
}

/**
 * The hooks every widget suite needs: the page starts without a language (so the widgets' own
 * default shows) and without this suite's stored keys, and is emptied afterwards.
 */
export function resetPageBetweenTests(...storagePrefixes: string[]): void {
  beforeEach(() => {
    document.documentElement.removeAttribute('lang');
    clearStored(...storagePrefixes);
  });
  afterEach(async () => {
    const { fixtureCleanup } = await import('@open-wc/testing');
    fixtureCleanup();
    document.body.replaceChildren();
    document.documentElement.lang = 'en';
    clearStored(...storagePrefixes);
  });
}

/** Strapi's ValidationError with one entry per field. */
export function validationError(
  errors: { path: (string | number)[]; message: string; code?: string }[]
): Response {
  return json(
    {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Invalid input',
        details: { errors },
      },
    },
    400
  );
}

/** Text as a person reads it: no-break spaces as spaces, whitespace collapsed. */
export const plain = (text: string | null | undefined) =>
  (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The first element of a widget's shadow root with this `part`. */
export function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

export function parts(el: Element, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** What the widget's live region says now. */
export function liveText(el: Element): string {
  return plain(el.shadowRoot!.querySelector('[role="status"]')?.textContent);
}

/** Waits until the widget's base is no longer busy (the first load has settled). */
export async function settledWidget(el: HTMLElement & { updateComplete: Promise<boolean> }) {
  const { waitUntil } = await import('@open-wc/testing');
  await waitUntil(() => part(el, 'base')?.getAttribute('aria-busy') === 'false', 'never settled', {
    timeout: 4000,
  });
  await el.updateComplete;
}

/**
 * Checks a widget's loading state while `stub` holds the answer back: busy, a loading part, the
 * announcement, axe clean; then lets the answer through and waits until the widget has settled.
 */
export async function expectLoadingState(
  el: HTMLElement & { updateComplete: Promise<boolean> },
  stub: FetchStub,
  announcement: string
): Promise<void> {
  const { expect } = await import('@open-wc/testing');
  expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
  expect(part(el, 'loading')).to.be.instanceOf(HTMLElement);
  expect(liveText(el)).to.equal(announcement);
  await expect(el).to.be.accessible();
  stub.release();
  await settledWidget(el);
}

/** The element that has focus, looking into shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Checks a widget's tokens.json against its styles: it lists exactly the public custom properties
 * the styles read, and each of them falls back (`var(--begroot-…, <fallback>)`).
 */
export async function checkTokens(widget: string, cssText: string, url: URL): Promise<void> {
  const { expect } = await import('@open-wc/testing');
  const response = await fetch(url);
  const tokens = ((await response.json()) as { begroot: Record<string, object> }).begroot[widget]!;
  const listed = Object.keys(tokens).map((key) => `--begroot-${widget}-${key}`);
  const used = [...new Set(cssText.match(new RegExp(`--begroot-${widget}-[a-z0-9-]+`, 'g')))];
  expect(listed.sort()).to.deep.equal(used.sort());
  for (const name of used) {
    expect(cssText).to.match(new RegExp(`var\\(\\s*${name},\\s*\\S`), name);
  }
}

/**
 * Removes this suite's keys from localStorage. Test files run in parallel tabs of one browser
 * and share its storage, so a suite must never clear the keys another suite is using.
 */
export function clearStored(...prefixes: string[]): void {
  for (const key of Object.keys(localStorage)) {
    if (prefixes.some((prefix) => key.startsWith(prefix))) localStorage.removeItem(key);
  }
}
