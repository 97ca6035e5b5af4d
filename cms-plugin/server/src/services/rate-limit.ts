import type { Core } from '@strapi/strapi';
import type { RateLimit } from '../config';
import { pluginConfig } from '../utils/config';

/** Counts hits of a key in fixed windows; returns the count in the current window. */
type Store = {
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetsInSeconds: number }>;
  close(): Promise<void>;
};

/** One process's counters: enough for a single app instance. */
function memoryStore(): Store {
  const windows = new Map<string, { count: number; resetsAt: number }>();
  let sweeps = 0;
  return {
    async hit(key, windowSeconds) {
      const now = Date.now();
      if (++sweeps % 1000 === 0) {
        for (const [k, w] of windows) if (w.resetsAt <= now) windows.delete(k);
      }
      let entry = windows.get(key);
      if (!entry || entry.resetsAt <= now) {
        entry = { count: 0, resetsAt: now + windowSeconds * 1000 };
        windows.set(key, entry);
      }
      entry.count += 1;
      return { count: entry.count, resetsInSeconds: Math.ceil((entry.resetsAt - now) / 1000) };
    },
    async close() {
      windows.clear();
    },
  };
}

type RedisClient = {
  connect(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  multi(): {
    incr(key: string): ReturnType<RedisClient['multi']>;
    expire(key: string, seconds: number, mode?: 'NX'): ReturnType<RedisClient['multi']>;
    ttl(key: string): ReturnType<RedisClient['multi']>;
    exec(): Promise<unknown[]>;
  };
  quit?(): Promise<unknown>;
  close?(): Promise<unknown>;
};

/**
 * Counters in Redis (`REDIS_URL`), shared by every app instance behind a load balancer: INCR and
 * EXPIRE NX in one transaction, so the window starts at the first hit and never slides.
 */
function redisStore(url: string, prefix: string, strapi: Core.Strapi): Store {
  let client: Promise<RedisClient> | null = null;
  let lastError = 0;
  const connect = () => {
    client ??= (async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createClient } = require('redis') as {
        createClient(options: { url: string }): RedisClient;
      };
      const created = createClient({ url });
      created.on('error', (error) => {
        if (Date.now() - lastError > 60_000) {
          lastError = Date.now();
          strapi.log.error(`[begroot] Redis (rate limits): ${error.message}`);
        }
      });
      await created.connect();
      return created;
    })();
    return client;
  };
  return {
    async hit(key, windowSeconds) {
      const redis = await connect();
      const redisKey = `${prefix}${key}`;
      const [count, , ttl] = (await redis
        .multi()
        .incr(redisKey)
        .expire(redisKey, windowSeconds, 'NX')
        .ttl(redisKey)
        .exec()) as [number, number, number];
      return { count: Number(count), resetsInSeconds: Math.max(1, Number(ttl)) };
    },
    async close() {
      if (!client) return;
      const redis = await client.catch(() => null);
      client = null;
      await (redis?.close?.() ?? redis?.quit?.())?.catch(() => {});
    },
  };
}

export type LimitSet = 'rateLimits' | 'verificationLimits';

export type RateLimitRefusal = { scope: 'client' | 'round'; retryAfterSeconds: number };

/**
 * Rate limits on the public write routes: per client address for each route, and per round for
 * all public writes of the round together (`rateLimits` in the plugin config).
 */
const rateLimit = ({ strapi }: { strapi: Core.Strapi }) => {
  const url = process.env.REDIS_URL;
  // Instances that share a Redis for other apps (or test runs) may set their own key prefix.
  const prefix = process.env.BEGROOT_RATE_LIMIT_PREFIX || 'begroot:rate:';
  const store = url ? redisStore(url, prefix, strapi) : memoryStore();
  const fallback = url ? memoryStore() : store;

  const hit = async (key: string, limit: RateLimit) => {
    try {
      return await store.hit(key, limit.windowSeconds);
    } catch (error) {
      // Redis unreachable: count in this process rather than let every write through or none.
      strapi.log.warn(`[begroot] rate limit counted in memory: ${(error as Error).message}`);
      return fallback.hit(key, limit.windowSeconds);
    }
  };

  return {
    store: url ? 'redis' : 'memory',

    /**
     * Counts this request; returns why it is refused, or null when it may go on. With
     * `verificationLimits`, verification attempts are counted apart: per client address in each
     * round, and per round on a counter of their own.
     */
    async check(
      route: string,
      client: string | null,
      round: string,
      limits: LimitSet = 'rateLimits'
    ): Promise<RateLimitRefusal | null> {
      const { perClient, perRound } = pluginConfig(strapi, limits);
      const own = limits === 'rateLimits' ? '' : `:${route}`;
      const clientKey = own ? `client:${route}:${round}:${client}` : `client:${route}:${client}`;
      // `client` null: not counted per address (a kiosk); the round's limit still counts it.
      if (perClient.max > 0 && client !== null) {
        const { count, resetsInSeconds } = await hit(clientKey, perClient);
        if (count > perClient.max) return { scope: 'client', retryAfterSeconds: resetsInSeconds };
      }
      if (perRound.max > 0) {
        const { count, resetsInSeconds } = await hit(`round:${round}${own}`, perRound);
        if (count > perRound.max) return { scope: 'round', retryAfterSeconds: resetsInSeconds };
      }
      return null;
    },

    async close() {
      await store.close();
      if (fallback !== store) await fallback.close();
    },
  };
};

export default rateLimit;
