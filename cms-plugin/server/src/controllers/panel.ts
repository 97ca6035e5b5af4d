import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { panelPublicViewSchema, panelVolunteerInputSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { conflictsAs409, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { enforceRateLimit } from '../utils/rate-limit';
import { roundParamsSchema } from '../validation/round';
import { drawFileQuerySchema } from '../validation/panel';

/** The citizens' panel, public side: sign up, the panel in numbers, the draw file. */
const panel = ({ strapi }: { strapi: Core.Strapi }) => {
  const roundOf = async (ctx: Context) => {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const round = await getService('round', { strapi }).findBySlug(params.data.slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
    return round;
  };

  return conflictsAs409({
    /** `GET /api/begroot/rounds/:slug/panel`: seats, seed, counts per stratum, the file's hash. */
    async find(ctx: Context) {
      const view = await getService('panel', { strapi }).publicView(await roundOf(ctx));
      const checked = panelPublicViewSchema.safeParse(view);
      if (!checked.success) throw new Error('Panel public view failed validation.');
      ctx.body = { data: checked.data };
    },

    /**
     * `GET /api/begroot/rounds/:slug/panel/draw.json[?number=N]`: the draw file, byte for byte as
     * hashed; without `number` the standing draw.
     */
    async drawFile(ctx: Context) {
      const round = await roundOf(ctx);
      const query = drawFileQuerySchema.safeParse(ctx.query);
      if (!query.success) throw validationError('Invalid query.', query.error.issues);
      const file = await getService('panel', { strapi }).drawFile(round, query.data.number);
      if (!file) {
        throw new errors.NotFoundError(
          query.data.number === undefined
            ? 'The panel of this round has not been drawn.'
            : `There is no draw ${query.data.number} in this round.`
        );
      }
      ctx.type = 'application/json; charset=utf-8';
      ctx.set('Content-Disposition', `inline; filename="panel-${round.slug}-${file.number}.json"`);
      ctx.set('Digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`);
      ctx.body = file.text;
    },

    /**
     * `POST /api/begroot/rounds/:slug/panel/volunteers`: a resident signs up; 201 whether or not
     * the address had signed up before. 409 once the pool is closed.
     */
    async volunteer(ctx: Context) {
      const round = await roundOf(ctx);
      await enforceRateLimit(strapi, ctx, 'panel-volunteer', round.slug);
      const body = jsonBody(strapi, ctx);
      const service = getService('panel', { strapi });
      const input = panelVolunteerInputSchema(service.plan(round)).safeParse(body);
      if (!input.success) throw validationError('The sign-up is not valid.', input.error.issues);
      await service.volunteer(round, input.data);
      ctx.status = 201;
      ctx.body = { data: { status: 'registered' } };
    },
  });
};

export default panel;
