import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from './get-service';
import type { LimitSet } from '../services/rate-limit';

/**
 * Counts a public write against the limits (per client address and route, per round) and refuses
 * it with 429 RateLimitError and `Retry-After` when over; call before reading the body, so a
 * refused request stores nothing. `limits` names the configured set: `rateLimits`, or
 * `verificationLimits` for verification attempts. `perClient: false` skips the per-address count
 * (an event kiosk sends every visitor from one address); the per-round limit always holds.
 */
export async function enforceRateLimit(
  strapi: Core.Strapi,
  ctx: Context,
  route: string,
  roundSlug: string,
  limits: LimitSet = 'rateLimits',
  { perClient = true }: { perClient?: boolean } = {}
) {
  const refusal = await getService('rate-limit', { strapi }).check(
    route,
    perClient ? ctx.request.ip : null,
    roundSlug,
    limits
  );
  if (!refusal) return;
  const seconds = refusal.retryAfterSeconds;
  ctx.set('Retry-After', String(seconds));
  const verification = limits === 'verificationLimits';
  throw new errors.RateLimitError(
    refusal.scope === 'client'
      ? verification
        ? `Too many verification attempts from your address. Try again in ${seconds} seconds.`
        : `Too many requests from your address: try again in ${seconds} seconds.`
      : verification
        ? `Too many verification attempts in this round right now. Try again in ${seconds} seconds.`
        : `This round receives too many submissions right now: try again in ${seconds} seconds.`,
    { scope: refusal.scope, retryAfter: refusal.retryAfterSeconds }
  );
}
