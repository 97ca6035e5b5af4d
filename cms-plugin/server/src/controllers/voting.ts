import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { conflictsAs409, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { enforceRateLimit } from '../utils/rate-limit';
import { roundParamsSchema } from '../validation/round';
import { ballotInputSchema, verificationInputSchema } from '../validation/voting';

/** Public voting routes: verification and casting. */
const voting = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('voting', { strapi });
  const round = (ctx: Context) => {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    return service().loadRound(params.data.slug);
  };

  return conflictsAs409({
    /** `POST /api/begroot/rounds/:slug/verifications`: a ballot token, or 202 when a mail went out. */
    async verify(ctx: Context) {
      const loaded = await round(ctx);
      await enforceRateLimit(strapi, ctx, 'verification', loaded.stored.slug, 'verificationLimits');
      const input = verificationInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid verification.', input.error.issues);
      const result = await service().verify(loaded, input.data);
      ctx.set('Cache-Control', 'no-store');
      if ('sent' in result) {
        ctx.status = 202;
        ctx.body = { data: { method: 'email', sent: true } };
        return;
      }
      ctx.body = { data: result };
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
