import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validationError } from '../utils/errors';
import { roundParamsSchema } from '../validation/round';

const participation = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /begroot/rounds/:slug/participation`: votes and proposals over time, districts, age bands. */
  async figures(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await getService('participation', { strapi }).figures(params.data.slug) };
  },
});

export default participation;
