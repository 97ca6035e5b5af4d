import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { executionChangeSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { jsonBody } from '../utils/body';
import { conflictsAs409, validationError } from '../utils/errors';
import { roundParamsSchema } from '../validation/round';
import { idParamsSchema } from '../validation/proposal';

/** Execution of funded proposals (admin): list per round, change one. */
const executionAdmin = ({ strapi }: { strapi: Core.Strapi }) =>
  conflictsAs409({
    /** `GET /begroot/rounds/:slug/execution`: the funded proposals with their execution. */
    async find(ctx: Context) {
      const params = roundParamsSchema.safeParse(ctx.params);
      if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
      const round = await getService('round', { strapi }).findBySlug(params.data.slug);
      if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await getService('execution', { strapi }).listForRound(round) };
    },

    /** `PATCH /begroot/proposals/:id/execution`: status, progress, spent, a public update. */
    async change(ctx: Context) {
      const params = idParamsSchema.safeParse(ctx.params);
      if (!params.success) throw validationError('Invalid proposal id.', params.error.issues);
      const change = executionChangeSchema.safeParse(jsonBody(strapi, ctx));
      if (!change.success) {
        throw validationError('The execution change is not valid.', change.error.issues);
      }
      ctx.body = {
        data: await getService('execution', { strapi }).change(params.data.id, change.data),
      };
    },
  });

export default executionAdmin;
