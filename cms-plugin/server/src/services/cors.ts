import type { Core } from '@strapi/strapi';
import { ROUND_UID } from '../utils/constants';

const TTL_MS = 10_000;
const ROUND_PATH = /^\/api\/begroot\/rounds\/([a-z0-9-]{1,80})(?:\/|$)/;

/**
 * Which web origins may call the public API: a round's `allowedOrigins` for its own routes
 * (`/api/begroot/rounds/:slug…`), the origins of all rounds for routes that name a proposal or an
 * argument. Read from the database at most every ten seconds per process; a round written in this
 * process takes effect at once.
 */
const cors = ({ strapi }: { strapi: Core.Strapi }) => {
  type Origins = { at: number; bySlug: Map<string, string[]>; all: Set<string> };
  let cache: Origins | null = null;
  let loading: Promise<Origins> | null = null;

  const load = async (): Promise<Origins> => {
    if (cache && Date.now() - cache.at < TTL_MS) return cache;
    loading ??= (async () => {
      try {
        const rounds = (await strapi.db.query(ROUND_UID).findMany({
          select: ['slug', 'allowedOrigins'],
        })) as Array<{ slug: string; allowedOrigins: string[] | null }>;
        const bySlug = new Map(rounds.map((r) => [r.slug, r.allowedOrigins ?? []]));
        const loaded: Origins = {
          at: Date.now(),
          bySlug,
          all: new Set([...bySlug.values()].flat()),
        };
        cache = loaded;
        return loaded;
      } finally {
        loading = null;
      }
    })();
    return loading;
  };

  return {
    invalidate() {
      cache = null;
    },

    /** Whether `origin` may call `path` (a path under /api/begroot/). */
    async allows(path: string, origin: string): Promise<boolean> {
      const { bySlug, all } = await load();
      const slug = ROUND_PATH.exec(path)?.[1];
      if (slug !== undefined && bySlug.has(slug)) return bySlug.get(slug)!.includes(origin);
      return all.has(origin);
    },
  };
};

export default cors;
