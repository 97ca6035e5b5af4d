import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import {
  proposalFormSettingsSchema,
  proposalInputSchema,
  proposalOutcomeViewSchema,
  proposalPublicViewSchema,
  type ProposalOutcomeView,
} from '@begroot/core';
import { getService } from '../utils/get-service';
import { forbidden, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { enforceRateLimit } from '../utils/rate-limit';
import { roundParamsSchema } from '../validation/round';
import {
  idParamsSchema,
  publicListQuerySchema,
  publicOneQuerySchema,
} from '../validation/proposal';

/**
 * Checks what we are about to serve against core's public view (with `outcome`, the outcome view,
 * which also takes rejected proposals' short view): a mismatch is our bug (500).
 */
function checkedView(
  strapi: Core.Strapi,
  view: ProposalOutcomeView,
  outcome = false
): ProposalOutcomeView {
  const checked = (outcome ? proposalOutcomeViewSchema : proposalPublicViewSchema).safeParse(view);
  if (!checked.success) {
    strapi.log.error(
      `[begroot] proposal "${view.documentId}" does not match the public view schema: ` +
        JSON.stringify(checked.error.issues.map(({ path, message }) => ({ path, message })))
    );
    throw new Error('Proposal public view failed validation.');
  }
  return checked.data;
}

const proposal = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/begroot/rounds/:slug/proposals`: public proposals, `{ data, meta: { pagination } }`. */
  async find(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const query = publicListQuerySchema.safeParse(ctx.query);
    if (!query.success) throw validationError('Invalid query.', query.error.issues);

    const round = await getService('round', { strapi }).findBySlug(params.data.slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);

    const { data, pagination, awaitingReview } = await getService('proposal', {
      strapi,
    }).listPublic(round, query.data);
    const outcome = query.data.outcome === 'all';
    ctx.body = {
      data: data.map((view) => checkedView(strapi, view, outcome)),
      meta: { pagination, ...(awaitingReview === undefined ? {} : { awaitingReview }) },
    };
  },

  /**
   * `GET /api/begroot/proposals/:id`: one public proposal (admitted or later); with
   * `?outcome=all` also a merged or rejected one (a rejected one without the resident's text).
   * 404 while it is not reviewed.
   */
  async findOne(ctx: Context) {
    const params = idParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid proposal id.', params.error.issues);
    const query = publicOneQuerySchema.safeParse(ctx.query);
    if (!query.success) throw validationError('Invalid query.', query.error.issues);
    const { outcome } = query.data;
    const view = await getService('proposal', { strapi }).findPublic(params.data.id, outcome);
    if (!view) throw new errors.NotFoundError(`There is no public proposal "${params.data.id}".`);
    ctx.body = { data: checkedView(strapi, view, outcome === 'all') };
  },

  /**
   * `POST /api/begroot/rounds/:slug/proposals`: a resident's proposal, only in the ideas phase;
   * 201 `{ data: { documentId, status } }`.
   */
  async create(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const rounds = getService('round', { strapi });
    const round = await rounds.findBySlug(params.data.slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
    await enforceRateLimit(strapi, ctx, 'proposal', round.slug);
    const phase = rounds.phaseOf(round);
    if (phase !== 'ideas') {
      return forbidden(
        ctx,
        'Proposals can only be submitted during the ideas phase of this round.',
        {
          phase,
        }
      );
    }

    const body = jsonBody(strapi, ctx);
    const schema = proposalInputSchema({
      form: round.proposalForm ?? proposalFormSettingsSchema.parse({}),
      districts: (round.districts ?? []).map((district) => district.slug),
      themes: (round.themes ?? []).map((theme) => theme.slug),
    });
    const input = schema.safeParse(body);
    if (!input.success) throw validationError('The proposal is not valid.', input.error.issues);

    const { image, ...proposal } = input.data;
    // The resident's uploaded image is taken in the same transaction as the proposal is stored:
    // an upload id serves one proposal, and a failed proposal leaves it unused.
    const created = await strapi.db.transaction(async ({ trx }) => {
      let imageFileId: number | null = null;
      if (image) {
        imageFileId = await getService('proposal-upload', { strapi }).claim(
          trx as never,
          round.documentId,
          image
        );
        if (imageFileId === null) {
          throw validationError('The proposal is not valid.', [
            {
              path: ['image'],
              message: 'This image is no longer available: choose it again and send once more.',
            },
          ]);
        }
      }
      return getService('proposal', { strapi }).submit(round, proposal, new Date(), imageFileId);
    });
    ctx.status = 201;
    ctx.body = { data: created };
  },
});

export default proposal;
