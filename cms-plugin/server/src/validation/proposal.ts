import * as z from 'zod/mini';
import { documentIdSchema, proposalStatusSchema, slugSchema } from '@begroot/core';

/** Route parameters with a record's `documentId`. */
export const idParamsSchema = z.object({ id: documentIdSchema });

/**
 * `public` (default): admitted and later statuses. `all`: also the rejected (short view) and
 * merged proposals (in the list, with a count of those not reviewed yet in `meta.awaitingReview`).
 */
const outcomeSchema = z._default(
  z.enum(['public', 'all'], 'Use outcome=public or outcome=all.'),
  'public'
);

/** Query of `GET /api/begroot/proposals/:id` (other parameters, e.g. a cache-buster, are ignored as before). */
export const publicOneQuerySchema = z.object({ outcome: outcomeSchema });

/** Query of `GET /api/begroot/rounds/:slug/proposals`. */
export const publicListQuerySchema = z.strictObject({
  district: z.optional(slugSchema),
  theme: z.optional(slugSchema),
  sort: z._default(z.enum(['random', 'newest', 'cost']), 'random'),
  seed: z.optional(z.string().check(z.maxLength(64))),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  outcome: outcomeSchema,
});

/** Query of the admin review queue. */
export const adminListQuerySchema = z.strictObject({
  status: z.optional(proposalStatusSchema),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
});

/** Query of the moderation queue. */
export const moderationQueueQuerySchema = z.strictObject({
  awaitingModeration: z.optional(
    z.pipe(
      z.enum(['true', 'false']),
      z.transform((value) => value === 'true')
    )
  ),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
});
