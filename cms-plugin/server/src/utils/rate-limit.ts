import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from './get-service';

/**
 * Counts a public write against the limits (per client address and route, per round) and refuses
 * it with 429 RateLimitError and `Retry-After` when over; call before reading the body, so a
 * refused request stores nothing.
 */
export async function enforceRateLimit(
  strapi: Core.Strapi,
  ctx: Context,
  route: string,
  roundSlug: string
) {
  const refusal = await getService('rate-limit', { strapi }).check(
    route,
    ctx.request.ip,
    roundSlug
  );
  if (!refusal) return;
  ctx.set('Retry-After', String(refusal.retryAfterSeconds));
  throw new errors.RateLimitError(
    refusal.scope === 'client'
      ? `Too many requests from your address: try again in ${refusal.retryAfterSeconds} seconds.`
      : `This round receives too many submissions right now: try again in ${refusal.retryAfterSeconds} seconds.`,
    { scope: refusal.scope, retryAfter: refusal.retryAfterSeconds }
  );
}
