import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../utils/config';

const MAX_ENTRIES = 2000;

type Entry = { body: string; etag: string; at: number; generation: number };

/**
 * Answers of the public GET routes, kept for `cacheMaxAge` seconds per URL in this process, so a
 * busy city page does not reach the database for every visitor. Any write to a round, proposal or
 * argument through this process starts a new generation (the next read is fresh); other instances
 * catch up within `cacheMaxAge`, which is also what browsers and proxies may keep.
 */
const readCache = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, Entry>();
  let generation = 0;

  return {
    invalidate() {
      generation += 1;
      entries.clear();
    },

    /** Forgets the answers under one path (a round's panel after a sign-up), keeping the rest. */
    forget(pathPrefix: string) {
      for (const key of entries.keys()) {
        const rest = key.slice(pathPrefix.length);
        if (key.startsWith(pathPrefix) && (rest === '' || rest[0] === '?' || rest[0] === '/')) {
          entries.delete(key);
        }
      }
    },

    get(key: string): Entry | null {
      const entry = entries.get(key);
      if (!entry) return null;
      const maxAge = pluginConfig(strapi, 'cacheMaxAge') * 1000;
      if (entry.generation !== generation || Date.now() - entry.at >= maxAge) {
        entries.delete(key);
        return null;
      }
      return entry;
    },

    /** Remembers a JSON answer and returns it with its ETag (a hash of the body). */
    set(key: string, value: unknown, startedAt: number): Entry {
      const body = JSON.stringify(value);
      const etag = `W/"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
      const entry = { body, etag, at: Date.now(), generation };
      // A write during the read may have invalidated what this read saw: serve, do not keep.
      if (startedAt === generation && pluginConfig(strapi, 'cacheMaxAge') > 0) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(key, entry);
      }
      return entry;
    },

    generation: () => generation,
  };
};

export default readCache;
