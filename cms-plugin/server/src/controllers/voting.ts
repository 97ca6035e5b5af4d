import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { conflictsAs409, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { enforceRateLimit } from '../utils/rate-limit';
import { roundParamsSchema } from '../validation/round';
import { KIOSK_KEY_HEADER, ballotInputSchema, verificationInputSchema } from '../validation/voting';
import type { Kiosk } from '../services/voting';

/** Public voting routes: verification and casting. */
const voting = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('voting', { strapi });
  const round = (ctx: Context) => {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    // Cached for a few seconds (services/voting.ts): every ballot would otherwise re-read it.
    return service().castingRound(params.data.slug);
  };

  return conflictsAs409({
    /**
     * `POST /api/begroot/rounds/:slug/verifications`: `{ token, district, expiresAt, data: {…the
     * same} }`, or 202 when a mail went out.
     */
    async verify(ctx: Context) {
      const loaded = await round(ctx);
      const slug = loaded.stored.slug;
      // An event kiosk sends every visitor from one address: its valid key lifts the per-address
      // limit (the round's limit holds). A wrong key is counted like any other attempt.
      const kioskKey = ctx.get(KIOSK_KEY_HEADER);
      let kiosk: Kiosk | null = null;
      if (kioskKey) {
        try {
          kiosk = await service().kioskFor(loaded, kioskKey);
        } catch (error) {
          await enforceRateLimit(strapi, ctx, 'verification', slug, 'verificationLimits');
          throw error;
        }
      }
      await enforceRateLimit(strapi, ctx, 'verification', slug, 'verificationLimits', {
        perClient: !kiosk,
      });
      const input = verificationInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid verification.', input.error.issues);
      const result = await service().verify(loaded, input.data, kiosk);
      ctx.set('Cache-Control', 'no-store');
      if ('sent' in result) {
        ctx.status = 202;
        ctx.body = { data: { method: 'email', sent: true } };
        return;
      }
      // The issue's contract puts the three fields at the top level; `data` stays for the
      // widgets and scripts that read Strapi's usual envelope.
      ctx.body = { ...result, data: result };
    },

    /** `POST /api/begroot/rounds/:slug/ballots` with `Authorization: Bearer <token>`: 201 + receipt. */
    async cast(ctx: Context) {
      const loaded = await round(ctx);
      const claims = service().claims(loaded, ctx.get('authorization'));
      const input = ballotInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid ballot.', input.error.issues);
      const receipt = await service().cast(
        loaded,
        claims,
        input.data.selections,
        input.data.receipt,
        input.data.ageBand
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.status = 201;
      ctx.body = { data: receipt };
    },
  });
};

export default voting;
