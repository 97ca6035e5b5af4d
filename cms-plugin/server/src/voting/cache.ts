import type { Core } from '@strapi/strapi';

/**
 * How long a process may keep what casting reads about a round (its document and admitted
 * proposals). A write through this process empties the cache at once (see
 * `registerVotingCacheInvalidation`); another app instance on the same database sees a change
 * (a phase closed early, a proposal withdrawn) within this bound.
 */
export const VOTING_CACHE_TTL_MS = 5_000;

const MAX_ENTRIES = 500;
const READS = ['findOne', 'findFirst', 'findMany', 'count'];

/**
 * Values loaded per key and kept for `ttlMs`. Concurrent readers of a missing key share one
 * load; a failed load is not kept; `invalidate()` drops everything, including loads under way (a
 * reader that started before a change may still see the old value, one that starts after never).
 */
export class ExpiringCache<T> {
  readonly #entries = new Map<string, { value: Promise<T>; at: number }>();

  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const entry = { value: load(), at: this.now() };
    if (this.ttlMs <= 0) return entry.value;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, entry);
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return entry.value;
  }

  invalidate() {
    this.#entries.clear();
  }
}

/**
 * Empties the voting service's cache after any write to a round or a proposal, whichever way it
 * comes: database lifecycles see every write (Document Service, `strapi.db.query`, the Content
 * Manager), and the Document Service middleware runs again once the write's transaction has
 * committed, so a read that slipped in before the commit is not kept either.
 */
export function registerVotingCacheInvalidation(strapi: Core.Strapi, models: string[]) {
  const invalidate = () =>
    (strapi.plugin('begroot').service('voting') as { invalidateCache(): void }).invalidateCache();
  strapi.db.lifecycles.subscribe({
    models,
    afterCreate: invalidate,
    afterCreateMany: invalidate,
    afterUpdate: invalidate,
    afterUpdateMany: invalidate,
    afterDelete: invalidate,
    afterDeleteMany: invalidate,
  } as never);
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (models.includes(context.uid) && !READS.includes(context.action)) invalidate();
    return result;
  });
}
