import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { roundPublicViewSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { validationError } from '../utils/errors';
import { roundParamsSchema } from '../validation/round';

const round = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/begroot/rounds/:slug`: the round's public view, `{ data }`. */
  async findOne(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);

    const view = await getService('round', { strapi }).findPublicView(params.data.slug);
    if (!view) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);

    // The stored round was validated on write; a failure here is a bug or a write that went
    // around the Document Service. Log it and answer 500 without details.
    const checked = roundPublicViewSchema.safeParse(view);
    if (!checked.success) {
      strapi.log.error(
        `[begroot] round "${params.data.slug}" does not match the public view schema: ` +
          JSON.stringify(checked.error.issues.map(({ path, message }) => ({ path, message })))
      );
      throw new Error('Round public view failed validation.');
    }
    ctx.body = { data: checked.data };
  },
});

export default round;
