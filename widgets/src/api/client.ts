import {
  PROPOSAL_STATUSES,
  lightArgumentPublicViewSchema,
  lightErrorResponseSchema,
  lightProposalOutcomeViewSchema,
  lightProposalPublicViewSchema,
  lightRoundResultsSchema,
  lightRoundPublicViewSchema,
  type ArgumentPublicView,
  type PanelPublicView,
  type ProposalOutcomeView,
  type ProposalPublicView,
  type ProposalStatus,
  type RoundPublicView,
  type RoundResults,
} from '@begroot/core';
import * as z from 'zod/mini';
import { BegrootRequestError, isAbortError } from './errors.js';

/** Filters, order and page of `GET /api/begroot/rounds/:slug/proposals`. */
export interface ProposalListQuery {
  district?: string | undefined;
  theme?: string | undefined;
  /** `random` needs a `seed`: the same seed gives the same order (one per visitor). */
  sort?: 'random' | 'newest' | 'cost' | undefined;
  seed?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const paginationSchema = z.object({
  page: z.int(),
  pageSize: z.int(),
  pageCount: z.int(),
  total: z.int(),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** One page of proposals and where it sits in the whole list. */
export interface ProposalList {
  proposals: ProposalPublicView[];
  pagination: Pagination;
}

/**
 * One page of what became of a round's ideas (`?outcome=all`): the public proposals and the
 * rejected (short view) and merged ones, and how many ideas (in the filtered district or theme)
 * wait for review.
 */
export interface OutcomeList {
  proposals: ProposalOutcomeView[];
  pagination: Pagination;
  awaitingReview: number;
}

/** What the server answers to a new proposal: its id and status (`submitted`). */
export interface SubmittedProposal {
  documentId: string;
  status: ProposalStatus;
}

// Core's light checks: the shape and types widgets read, without the full schemas' finer rules
// (checked by the server), so a page does not download them. The casts below name the full types
// the light checks stand for.
const proposalListBodySchema = z.object({
  data: z.array(lightProposalPublicViewSchema),
  meta: z.object({ pagination: paginationSchema }),
});
const outcomeListBodySchema = z.object({
  data: z.array(lightProposalOutcomeViewSchema),
  meta: z.object({ pagination: paginationSchema, awaitingReview: z.int() }),
});
/** An image a resident uploaded for a proposal: its `id` goes into the proposal as `image`. */
/** An image waiting for its proposal (the server never says where the file lies). */
export interface UploadedImage {
  id: string;
}

const uploadedImageSchema = z.object({ id: z.string() });

const submittedProposalSchema = z.object({
  documentId: z.string().check(z.minLength(1)),
  status: z.enum(PROPOSAL_STATUSES),
});

/**
 * The citizens' panel's public view, checked for what the widget reads (core's full
 * `panelPublicViewSchema` would put the draw's schemas in the chunk every widget shares).
 */
const panelBodySchema = z.object({
  data: z.object({
    status: z.enum(['open', 'closed', 'drawn']),
    seats: z.nullable(z.int()),
    seed: z.nullable(z.string()),
    stratifyBy: z.array(z.string()),
    volunteers: z.int(),
    poolSha256: z.string(),
    strata: z.array(
      z.object({
        stratum: z.record(z.string(), z.string()),
        target: z.int(),
        volunteers: z.int(),
        selected: z.nullable(z.int()),
      })
    ),
    draw: z.nullable(
      z.object({ drawnAt: z.string(), sha256: z.string(), selected: z.int(), unfilled: z.int() })
    ),
    voidedDraws: z.array(
      z.object({ number: z.int(), voidedAt: z.string(), reason: z.string(), sha256: z.string() })
    ),
    signup: z.optional(
      z.object({
        enabled: z.boolean(),
        open: z.boolean(),
        opensAt: z.nullable(z.string()),
        closesAt: z.nullable(z.string()),
      })
    ),
  }),
});

type Options = { signal?: AbortSignal | undefined };

/** A round's published results, with how many ballots were counted and when. */
export interface PublishedResults {
  results: RoundResults;
  ballots: number | null;
  countedAt: string | null;
}

const publishedResultsSchema = z.object({
  data: lightRoundResultsSchema,
  meta: z.optional(
    z.looseObject({ ballots: z.optional(z.int()), countedAt: z.optional(z.string()) })
  ),
});

/** What a voter proves: a letter's code, an e-mail address (then the code mailed to it), or nothing. */
export type Credential =
  | { method: 'code'; code: string }
  | { method: 'email'; email: string; otp?: string }
  | { method: 'open' };

/** A short-lived ballot token bound to the round and the voter's district. */
export interface Verification {
  token: string;
  district: string | null;
  expiresAt: string;
}

const verificationSchema = z.object({
  token: z.string().check(z.minLength(1)),
  district: z.optional(z.nullable(z.string())),
  expiresAt: z.string(),
});
const castSchema = z.looseObject({ receipt: z.string().check(z.minLength(1)) });

/**
 * What widgets need from the server. Widgets receive an implementation through context
 * (`apiContext`), so a page can provide its own (tests, a city with a proxy) and widgets loaded
 * by separate scripts still share one. Keep it backwards compatible: an older bundle on the same
 * page may be handed a newer client.
 */
export interface BegrootApi {
  /** `GET {apiBase}/api/begroot/rounds/{slug}`: the round's public view. */
  getRound(apiBase: string, slug: string, options?: Options): Promise<RoundPublicView>;
  /** `GET {apiBase}/api/begroot/rounds/{slug}/results`: the published results (404 before). */
  getResults(apiBase: string, slug: string, options?: Options): Promise<PublishedResults>;
  /** `GET {apiBase}/api/begroot/rounds/{slug}/proposals?…`: one page of public proposals. */
  listProposals(
    apiBase: string,
    slug: string,
    query: ProposalListQuery,
    options?: Options
  ): Promise<ProposalList>;
  /** `GET {apiBase}/api/begroot/rounds/{slug}/proposals?outcome=all`: every reviewed idea. */
  listOutcomes(
    apiBase: string,
    slug: string,
    query: ProposalListQuery,
    options?: Options
  ): Promise<OutcomeList>;
  /** `GET {apiBase}/api/begroot/proposals/{id}`. */
  getProposal(apiBase: string, id: string, options?: Options): Promise<ProposalPublicView>;
  /** `GET {apiBase}/api/begroot/proposals/{id}/arguments`: every public argument, replies included. */
  listArguments(apiBase: string, id: string, options?: Options): Promise<ArgumentPublicView[]>;
  /** `POST {apiBase}/api/begroot/rounds/{slug}/proposals` with a body checked by `proposalInputSchema`. */
  submitProposal(
    apiBase: string,
    slug: string,
    input: Record<string, unknown>,
    options?: Options
  ): Promise<SubmittedProposal>;
  /** `POST {apiBase}/api/begroot/rounds/{slug}/uploads` (multipart): an image for a proposal. */
  uploadImage(
    apiBase: string,
    slug: string,
    image: { file: Blob; alternativeText: string },
    options?: Options
  ): Promise<UploadedImage>;
  /** `POST {apiBase}/api/begroot/proposals/{id}/arguments` with a body checked by `argumentInputSchema`. */
  postArgument(
    apiBase: string,
    proposalId: string,
    input: Record<string, unknown>,
    options?: Options
  ): Promise<ArgumentPublicView>;
  /**
   * `POST {apiBase}/api/begroot/rounds/{slug}/verifications`: a ballot token, or `null` when the
   * server only sent a code by e-mail (202) and wants it back with `otp`.
   */
  verify(
    apiBase: string,
    slug: string,
    credential: Credential,
    options?: Options & { kioskKey?: string | undefined }
  ): Promise<Verification | null>;
  /** `POST {apiBase}/api/begroot/rounds/{slug}/ballots` with the token: the receipt. */
  castBallot(
    apiBase: string,
    slug: string,
    token: string,
    input: { selections: readonly object[]; receipt?: string; ageBand?: string },
    options?: Options
  ): Promise<{ receipt: string }>;
  /** `POST {apiBase}/api/begroot/arguments/{id}/report` (`argumentReportSchema`). */
  reportArgument(
    apiBase: string,
    argumentId: string,
    input: { reason?: string },
    options?: Options
  ): Promise<void>;
  /** `GET {apiBase}/api/begroot/rounds/{slug}/panel`: the citizens' panel in numbers (no person). */
  getPanel(apiBase: string, slug: string, options?: Options): Promise<PanelPublicView>;
  /**
   * `POST {apiBase}/api/begroot/rounds/{slug}/panel/volunteers` with a body checked by
   * `panelVolunteerInputSchema`: the same answer whether or not the address signed up before.
   */
  volunteerForPanel(
    apiBase: string,
    slug: string,
    input: Record<string, unknown>,
    options?: Options
  ): Promise<void>;
}

const API_METHODS = [
  'getRound',
  'getResults',
  'listProposals',
  'listOutcomes',
  'getProposal',
  'listArguments',
  'submitProposal',
  'uploadImage',
  'postArgument',
  'reportArgument',
  'verify',
  'castBallot',
  'getPanel',
  'volunteerForPanel',
] as const satisfies readonly (keyof BegrootApi)[];

let fallbackClient: BegrootApiClient | undefined;

/**
 * The client from context if it has every method this bundle needs, else a client of this
 * bundle's own: an older copy of the widgets on the same page may have provided an older client.
 */
export function completeApi(api: BegrootApi): BegrootApi {
  const complete = API_METHODS.every(
    (method) => typeof (api as Partial<BegrootApi>)[method] === 'function'
  );
  if (complete) return api;
  fallbackClient ??= new BegrootApiClient();
  return fallbackClient;
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
 * (so "try again" really tries again). Responses are checked with core's light schemas.
 */
export class BegrootApiClient implements BegrootApi {
  readonly #fetch: typeof fetch;
  readonly #maxAge: number;
  readonly #requests = new Map<string, Shared>();

  constructor(options: BegrootApiClientOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#maxAge = options.maxAge ?? 60_000;
  }

  getRound(apiBase: string, slug: string, options: Options = {}): Promise<RoundPublicView> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}`);
    return this.#get(url, z.object({ data: lightRoundPublicViewSchema }), options.signal).then(
      (body) => body.data as RoundPublicView
    );
  }

  getResults(apiBase: string, slug: string, options: Options = {}): Promise<PublishedResults> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/results`);
    return this.#get(url, publishedResultsSchema, options.signal).then((body) => ({
      results: body.data,
      ballots: body.meta?.ballots ?? null,
      countedAt: body.meta?.countedAt ?? null,
    }));
  }

  listProposals(
    apiBase: string,
    slug: string,
    query: ProposalListQuery,
    options: Options = {}
  ): Promise<ProposalList> {
    const url = this.#proposalsUrl(apiBase, slug, query);
    return this.#get(url, proposalListBodySchema, options.signal).then((body) => ({
      proposals: body.data as ProposalPublicView[],
      pagination: body.meta.pagination,
    }));
  }

  listOutcomes(
    apiBase: string,
    slug: string,
    query: ProposalListQuery,
    options: Options = {}
  ): Promise<OutcomeList> {
    const url = this.#proposalsUrl(apiBase, slug, { ...query, outcome: 'all' });
    return this.#get(url, outcomeListBodySchema, options.signal).then((body) => ({
      proposals: body.data as ProposalOutcomeView[],
      pagination: body.meta.pagination,
      awaitingReview: body.meta.awaitingReview,
    }));
  }

  #proposalsUrl(
    apiBase: string,
    slug: string,
    query: ProposalListQuery & { outcome?: 'all' }
  ): string {
    const url = new URL(
      apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/proposals`)
    );
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  getProposal(apiBase: string, id: string, options: Options = {}): Promise<ProposalPublicView> {
    const url = apiUrl(apiBase, `api/begroot/proposals/${encodeURIComponent(id)}`);
    return this.#get(url, z.object({ data: lightProposalPublicViewSchema }), options.signal).then(
      (body) => body.data as ProposalPublicView
    );
  }

  listArguments(apiBase: string, id: string, options: Options = {}): Promise<ArgumentPublicView[]> {
    const url = this.#argumentsUrl(apiBase, id);
    return this.#get(
      url,
      z.object({ data: z.array(lightArgumentPublicViewSchema) }),
      options.signal
    ).then((body) => body.data as ArgumentPublicView[]);
  }

  submitProposal(
    apiBase: string,
    slug: string,
    input: Record<string, unknown>,
    options: Options = {}
  ): Promise<SubmittedProposal> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/proposals`);
    return this.#post(url, input, z.object({ data: submittedProposalSchema }), options.signal).then(
      (body) => body.data
    );
  }

  uploadImage(
    apiBase: string,
    slug: string,
    image: { file: Blob; alternativeText: string },
    options: Options = {}
  ): Promise<UploadedImage> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/uploads`);
    const body = new FormData();
    body.append('file', image.file);
    body.append('alternativeText', image.alternativeText);
    // No Content-Type: the browser sets multipart with its boundary.
    return this.#load(url, z.object({ data: uploadedImageSchema }), {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body,
      signal: options.signal ?? null,
    }).then((answer) => answer.data);
  }

  async postArgument(
    apiBase: string,
    proposalId: string,
    input: Record<string, unknown>,
    options: Options = {}
  ): Promise<ArgumentPublicView> {
    const url = this.#argumentsUrl(apiBase, proposalId);
    const body = await this.#post(
      url,
      input,
      z.object({ data: lightArgumentPublicViewSchema }),
      options.signal
    );
    // The list now has one more; the next read fetches it again.
    this.invalidate(url);
    return body.data as ArgumentPublicView;
  }

  async reportArgument(
    apiBase: string,
    argumentId: string,
    input: { reason?: string },
    options: Options = {}
  ): Promise<void> {
    const url = apiUrl(apiBase, `api/begroot/arguments/${encodeURIComponent(argumentId)}/report`);
    await this.#post(url, input, z.unknown(), options.signal);
  }

  async verify(
    apiBase: string,
    slug: string,
    credential: Credential,
    options: Options & { kioskKey?: string | undefined } = {}
  ): Promise<Verification | null> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/verifications`);
    const body = await this.#post(
      url,
      credential,
      z.optional(z.looseObject({ data: z.optional(z.nullable(verificationSchema)) })),
      options.signal,
      // An event kiosk's key: lifts the per-address limit for the stand's one address.
      options.kioskKey ? { 'X-Begroot-Kiosk-Key': options.kioskKey } : undefined
    );
    const data = body?.data;
    return data
      ? { token: data.token, district: data.district ?? null, expiresAt: data.expiresAt }
      : null;
  }

  async castBallot(
    apiBase: string,
    slug: string,
    token: string,
    input: { selections: readonly object[]; receipt?: string; ageBand?: string },
    options: Options = {}
  ): Promise<{ receipt: string }> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/ballots`);
    const body = await this.#post(url, input, z.object({ data: castSchema }), options.signal, {
      Authorization: `Bearer ${token}`,
    });
    return { receipt: body.data.receipt };
  }

  getPanel(apiBase: string, slug: string, options: Options = {}): Promise<PanelPublicView> {
    return this.#get(this.#panelUrl(apiBase, slug), panelBodySchema, options.signal).then(
      (body) => body.data as PanelPublicView
    );
  }

  async volunteerForPanel(
    apiBase: string,
    slug: string,
    input: Record<string, unknown>,
    options: Options = {}
  ): Promise<void> {
    const url = apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/panel/volunteers`);
    try {
      await this.#post(url, input, z.unknown(), options.signal);
    } finally {
      // The counts have changed, or the pool closed meanwhile (409): the next read fetches anew.
      this.invalidate(this.#panelUrl(apiBase, slug));
    }
  }

  #panelUrl(apiBase: string, slug: string): string {
    return apiUrl(apiBase, `api/begroot/rounds/${encodeURIComponent(slug)}/panel`);
  }

  #argumentsUrl(apiBase: string, id: string): string {
    return apiUrl(apiBase, `api/begroot/proposals/${encodeURIComponent(id)}/arguments`);
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
      entry.promise = this.#load(url, schema, { signal: controller.signal }).then(
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

  /** A write: never shared or cached, never retried by itself. */
  #post<T>(
    url: string,
    input: unknown,
    schema: z.ZodMiniType<T>,
    signal: AbortSignal | undefined,
    headers: Record<string, string> = {}
  ): Promise<T> {
    return this.#load(url, schema, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(input),
      signal: signal ?? null,
    });
  }

  async #load<T>(url: string, schema: z.ZodMiniType<T>, init: RequestInit): Promise<T> {
    const signal = init.signal;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        headers: { Accept: 'application/json' },
        ...init,
        credentials: 'omit',
      });
    } catch (error) {
      if (isAbortError(error) || signal?.aborted) throw error;
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
      const parsed = lightErrorResponseSchema.safeParse(body);
      const issues = parsed.success ? parsed.data.error.details?.errors : undefined;
      throw new BegrootRequestError({
        kind: 'http',
        status: response.status,
        name: parsed.success ? parsed.data.error.name : 'HttpError',
        message: parsed.success
          ? parsed.data.error.message
          : `HTTP ${response.status} ${response.statusText}`.trim(),
        url,
        ...(issues
          ? {
              issues: issues.map(({ path, message, code }) =>
                code === undefined ? { path, message } : { path, message, code }
              ),
            }
          : {}),
      });
    }
    const parsed = schema.safeParse(body);
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
    return parsed.data;
  }
}
