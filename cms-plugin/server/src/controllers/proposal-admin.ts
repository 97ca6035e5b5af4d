import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { proposalReviewSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { validationError } from '../utils/errors';
import { roundParamsSchema } from '../validation/round';
import { adminListQuerySchema, idParamsSchema } from '../validation/proposal';

const proposalAdmin = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `GET /begroot/rounds/:slug/proposals`: the review queue, every status, contact details and
   * response deadline included; `meta.pagination.total`.
   */
  async find(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const query = adminListQuerySchema.safeParse(ctx.query);
    if (!query.success) throw validationError('Invalid query.', query.error.issues);
    const round = await getService('round', { strapi }).findBySlug(params.data.slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
    const { data, pagination } = await getService('proposal', { strapi }).listForReview(
      round,
      query.data
    );
    ctx.body = { data, meta: { pagination } };
  },

  /** `PATCH /begroot/proposals/:id`: status, official cost, public reason, merged into. */
  async review(ctx: Context) {
    const params = idParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid proposal id.', params.error.issues);
    const body = (ctx.request as unknown as { body?: unknown }).body;
    if (!ctx.is('application/json')) {
      throw new errors.ValidationError('Send a JSON object (Content-Type: application/json).');
    }
    const review = proposalReviewSchema.safeParse(body);
    if (!review.success) throw validationError('The review is not valid.', review.error.issues);

    const proposals = getService('proposal', { strapi });
    const stored = await proposals.findStored(params.data.id);
    if (!stored) throw new errors.NotFoundError(`There is no proposal "${params.data.id}".`);
    const result = await proposals.review(stored, review.data);
    if (!result.ok) {
      throw validationError(result.message, [{ path: [result.path], message: result.message }]);
    }
    ctx.body = { data: result.view };
  },
});

export default proposalAdmin;
