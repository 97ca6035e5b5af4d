import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { argumentModerationSchema, officialAnswerSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { validationError } from '../utils/errors';
import { idParamsSchema, moderationQueueQuerySchema } from '../validation/proposal';
import { roundParamsSchema } from '../validation/round';
import { checkReplyTo } from './argument';

const jsonObject = (ctx: Context): unknown => {
  if (!ctx.is('application/json')) {
    throw new errors.ValidationError('Send a JSON object (Content-Type: application/json).');
  }
  return (ctx.request as unknown as { body?: unknown }).body;
};

const argumentAdmin = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * `GET /begroot/rounds/:slug/arguments`: the moderation queue (`awaitingModeration=true` for
   * reported arguments not yet dealt with), hidden ones and reports included; paginated.
   */
  async find(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const query = moderationQueueQuerySchema.safeParse(ctx.query);
    if (!query.success) throw validationError('Invalid query.', query.error.issues);
    const round = await getService('round', { strapi }).findBySlug(params.data.slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
    const { data, pagination } = await getService('argument', { strapi }).listForModeration(
      round.documentId,
      query.data
    );
    ctx.body = { data, meta: { pagination } };
  },

  /** `PATCH /begroot/arguments/:id`: hide or restore, with a reason. */
  async moderate(ctx: Context) {
    const params = idParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid argument id.', params.error.issues);
    const input = argumentModerationSchema.safeParse(jsonObject(ctx));
    if (!input.success) throw validationError('The moderation is not valid.', input.error.issues);
    const arguments_ = getService('argument', { strapi });
    const stored = await arguments_.findStored(params.data.id);
    if (!stored) throw new errors.NotFoundError(`There is no argument "${params.data.id}".`);
    ctx.body = { data: await arguments_.moderate(stored, input.data.hidden, input.data.reason) };
  },

  /**
   * `POST /begroot/proposals/:id/answers`: an official answer, marked `official`. A reply takes
   * the stance of the argument it answers; an answer on its own counts as a question's answer.
   */
  async answer(ctx: Context) {
    const params = idParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid proposal id.', params.error.issues);
    const input = officialAnswerSchema.safeParse(jsonObject(ctx));
    if (!input.success) throw validationError('The answer is not valid.', input.error.issues);
    const proposal = await getService('proposal', { strapi }).findStored(params.data.id);
    if (!proposal) throw new errors.NotFoundError(`There is no proposal "${params.data.id}".`);
    const parent = await checkReplyTo(strapi, proposal.documentId, input.data.replyTo);
    const round = proposal.round
      ? await getService('round', { strapi }).findBySlug(proposal.round.slug)
      : null;
    const view = await getService('argument', { strapi }).post(proposal.documentId, {
      stance: parent?.stance ?? 'question',
      body: input.data.body,
      authorName:
        input.data.authorName ?? (round?.language?.startsWith('nl') ? 'Gemeente' : 'Municipality'),
      replyTo: input.data.replyTo,
      official: true,
    });
    ctx.status = 201;
    ctx.body = { data: view };
  },
});

export default argumentAdmin;
