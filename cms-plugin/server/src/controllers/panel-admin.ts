import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';
import { conflictsAs409, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { roundParamsSchema } from '../validation/round';
import {
  panelCandidateParamsSchema,
  panelDrawInputSchema,
  panelImportInputSchema,
  panelInviteInputSchema,
  panelSettingsInputSchema,
  panelVoidInputSchema,
} from '../validation/panel';

/** The citizens' panel for officials (`plugin::begroot.panel.manage`). */
const panelAdmin = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService('panel', { strapi });
  const roundOf = async (ctx: Context) => {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const round = await getService('round', { strapi }).findBySlug(params.data.slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
    return round;
  };
  const answer = async (ctx: Context, round: Awaited<ReturnType<typeof roundOf>>) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await service().adminView(round) };
  };

  return conflictsAs409({
    /** `GET /begroot/rounds/:slug/panel`: pool, strata, settings, the standing draw with contacts. */
    async find(ctx: Context) {
      await answer(ctx, await roundOf(ctx));
    },

    /** `PUT /begroot/rounds/:slug/panel`: `{ seats, seed?, enabled?, signupOpensAt?, signupClosesAt? }`. */
    async update(ctx: Context) {
      const round = await roundOf(ctx);
      const input = panelSettingsInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Invalid panel settings.', input.error.issues);
      await service().updateSettings(round, input.data);
      await answer(ctx, round);
    },

    /** `POST /begroot/rounds/:slug/panel/close`: closes and freezes the pool for good. */
    async close(ctx: Context) {
      const round = await roundOf(ctx);
      await service().closePool(round);
      await answer(ctx, round);
    },

    /** `DELETE /begroot/rounds/:slug/panel/candidates/:id`: a removal request, while open. */
    async removeCandidate(ctx: Context) {
      const round = await roundOf(ctx);
      const params = panelCandidateParamsSchema.safeParse(ctx.params);
      if (!params.success) throw validationError('Invalid candidate.', params.error.issues);
      await service().removeCandidate(round, params.data.id);
      await answer(ctx, round);
    },

    /** `POST /begroot/rounds/:slug/panel/candidates/import`: `{ csv }`; 201 `{ data: { imported } }`. */
    async importCandidates(ctx: Context) {
      const round = await roundOf(ctx);
      if (!ctx.is('application/json')) {
        throw new errors.ValidationError(
          'Send the request body as JSON (Content-Type: application/json).'
        );
      }
      const input = panelImportInputSchema.safeParse(ctx.request.body ?? {});
      if (!input.success) throw validationError('Invalid import.', input.error.issues);
      const result = await service().importCsv(round, input.data.csv);
      ctx.status = 201;
      ctx.body = { data: result };
    },

    /** `POST /begroot/rounds/:slug/panel/draw`: `{ seed }` repeated to confirm; 201 the new view. */
    async draw(ctx: Context) {
      const round = await roundOf(ctx);
      const input = panelDrawInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Confirm the seed.', input.error.issues);
      await service().draw(round, input.data.seed);
      ctx.status = 201;
      await answer(ctx, round);
    },

    /** `POST /begroot/rounds/:slug/panel/void`: `{ reason }`, public. */
    async voidDraw(ctx: Context) {
      const round = await roundOf(ctx);
      const input = panelVoidInputSchema.safeParse(jsonBody(strapi, ctx));
      if (!input.success) throw validationError('Give a reason.', input.error.issues);
      await service().voidDraw(round, input.data.reason);
      await answer(ctx, round);
    },

    /** `POST /begroot/rounds/:slug/panel/invitations`: mails the selected members not yet invited. */
    async invite(ctx: Context) {
      const round = await roundOf(ctx);
      // `{ retry: true }`: also those whose mail failed or was never confirmed sent.
      const input = panelInviteInputSchema.safeParse(jsonBody(strapi, ctx, { allowEmpty: true }));
      if (!input.success) throw validationError('Invalid invitation request.', input.error.issues);
      const result = await service().invite(round, { retry: input.data.retry === true });
      ctx.body = { data: result };
    },
  });
};

export default panelAdmin;
