import path from 'node:path';

export type RateLimit = {
  /** Requests allowed per window; 0 turns the limit off. */
  max: number;
  /** Window length in seconds. */
  windowSeconds: number;
};

export type PluginConfig = {
  /**
   * Folder of the built widgets served at /begroot/widgets/. Default (null): `dist/` of the
   * installed `@begroot/widgets` package. A city may point it at its own build.
   */
  widgetsDir: string | null;
  /** Largest JSON body the public write routes accept, in bytes (larger: 413). */
  maxBodyBytes: number;
  /** Largest image a proposal may carry, in bytes. */
  imageMaxBytes: number;
  /**
   * Limits on the public write routes: per client address (`perClient`, for each route) and per
   * round (`perRound`, all public writes of one round together). Counted in Redis when
   * `REDIS_URL` is set (shared by every app instance), in memory otherwise.
   */
  rateLimits: { perClient: RateLimit; perRound: RateLimit };
  /**
   * Limits on verification attempts (`POST …/verifications`), counted in the same store as
   * `rateLimits` but apart from them: per client address in each round, and per round.
   */
  verificationLimits: { perClient: RateLimit; perRound: RateLimit };
  /** `max-age` of the public GET routes, in seconds. */
  cacheMaxAge: number;
  /** A count (in its worker thread) that takes longer is stopped and answered 503, in seconds. */
  countTimeoutSeconds: number;
};

export const DEFAULT_CONFIG: PluginConfig = {
  widgetsDir: null,
  maxBodyBytes: 16 * 1024,
  imageMaxBytes: 5 * 1024 * 1024,
  rateLimits: {
    perClient: { max: 10, windowSeconds: 60 },
    perRound: { max: 600, windowSeconds: 60 },
  },
  verificationLimits: {
    perClient: { max: 20, windowSeconds: 600 },
    perRound: { max: 20_000, windowSeconds: 600 },
  },
  cacheMaxAge: 10,
  countTimeoutSeconds: 300,
};

const isCount = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

export default {
  default: DEFAULT_CONFIG,
  validator(config: Partial<PluginConfig>) {
    const dir = config.widgetsDir;
    if (dir != null && (typeof dir !== 'string' || !path.isAbsolute(dir))) {
      throw new Error('begroot: `widgetsDir` must be an absolute path (or null for the default).');
    }
    for (const key of [
      'maxBodyBytes',
      'imageMaxBytes',
      'cacheMaxAge',
      'countTimeoutSeconds',
    ] as const) {
      if (config[key] !== undefined && !isCount(config[key])) {
        throw new Error(`begroot: \`${key}\` must be a whole number of at least 0.`);
      }
    }
    // 0 would stop every count at once.
    if (config.countTimeoutSeconds === 0) {
      throw new Error('begroot: `countTimeoutSeconds` must be at least 1.');
    }
    for (const set of ['rateLimits', 'verificationLimits'] as const) {
      for (const key of ['perClient', 'perRound'] as const) {
        const limit = config[set]?.[key];
        if (
          limit &&
          (!isCount(limit.max) || !isCount(limit.windowSeconds) || !limit.windowSeconds)
        ) {
          throw new Error(
            `begroot: \`${set}.${key}\` needs whole numbers \`max\` (0: off) and \`windowSeconds\` (≥ 1).`
          );
        }
      }
    }
  },
};
