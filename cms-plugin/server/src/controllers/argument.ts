import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import {
  PUBLIC_PROPOSAL_STATUSES,
  argumentInputSchema,
  argumentPublicViewSchema,
  argumentReportSchema,
  type ArgumentPublicView,
  type PhaseKind,
} from '@begroot/core';
import { getService } from '../utils/get-service';
import { forbidden, validationError } from '../utils/errors';
import { jsonBody } from '../utils/body';
import { enforceRateLimit } from '../utils/rate-limit';
import { idParamsSchema } from '../validation/proposal';
import type { StoredProposal } from '../services/proposal';

/** Phases in which residents discuss proposals. */
export const DISCUSSION_PHASES: readonly PhaseKind[] = [
  'ideas',
  'review',
  'deliberation',
  'voting',
];

function checked(strapi: Core.Strapi, view: ArgumentPublicView): ArgumentPublicView {
  const result = argumentPublicViewSchema.safeParse(view);
  if (!result.success) {
    strapi.log.error(
      `[begroot] argument "${view.documentId}" does not match the public view schema: ` +
        JSON.stringify(result.error.issues.map(({ path, message }) => ({ path, message })))
    );
    throw new Error('Argument public view failed validation.');
  }
  return result.data;
}

/** The public proposal of `ctx.params.id`; 400 for a malformed id, 404 when not public. */
async function publicProposal(strapi: Core.Strapi, ctx: Context): Promise<StoredProposal> {
  const params = idParamsSchema.safeParse(ctx.params);
  if (!params.success) throw validationError('Invalid proposal id.', params.error.issues);
  const stored = await getService('proposal', { strapi }).findStored(params.data.id);
  if (!stored?.round || !PUBLIC_PROPOSAL_STATUSES.includes(stored.status)) {
    throw new errors.NotFoundError(`There is no public proposal "${params.data.id}".`);
  }
  return stored;
}

/** A reply must answer a visible argument on the same proposal. */
export async function checkReplyTo(
  strapi: Core.Strapi,
  proposalId: string,
  replyTo: string | null
) {
  if (!replyTo) return null;
  const parent = await getService('argument', { strapi }).findStored(replyTo);
  if (!parent || parent.hidden || parent.proposal?.documentId !== proposalId) {
    const message = 'Reply to an argument on this proposal.';
    throw validationError(message, [{ path: ['replyTo'], message }]);
  }
  return parent;
}

const argument = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/begroot/proposals/:id/arguments`: visible arguments, replies and answers. */
  async find(ctx: Context) {
    const proposal = await publicProposal(strapi, ctx);
    const views = await getService('argument', { strapi }).listPublic(proposal.documentId);
    ctx.body = { data: views.map((view) => checked(strapi, view)) };
  },

  /**
   * `POST /api/begroot/proposals/:id/arguments`: in the ideas, review, deliberation and voting
   * phases; 201 `{ data: Argument }`.
   */
  async create(ctx: Context) {
    const proposal = await publicProposal(strapi, ctx);
    await enforceRateLimit(strapi, ctx, 'argument', proposal.round!.slug);
    const rounds = getService('round', { strapi });
    const round = await rounds.findBySlug(proposal.round!.slug);
    const phase = round ? rounds.phaseOf(round) : null;
    if (!phase || !DISCUSSION_PHASES.includes(phase)) {
      return forbidden(
        ctx,
        'Arguments can only be posted during the ideas, review, deliberation and voting phases.',
        { phase }
      );
    }
    const input = argumentInputSchema.safeParse(jsonBody(strapi, ctx));
    if (!input.success) throw validationError('The argument is not valid.', input.error.issues);
    await checkReplyTo(strapi, proposal.documentId, input.data.replyTo);

    const view = await getService('argument', { strapi }).post(proposal.documentId, {
      stance: input.data.stance,
      body: input.data.body,
      authorName: input.data.authorName,
      replyTo: input.data.replyTo,
      official: false,
    });
    ctx.status = 201;
    ctx.body = { data: checked(strapi, view) };
  },

  /** `POST /api/begroot/arguments/:id/report`: the argument waits for moderation. */
  async report(ctx: Context) {
    const params = idParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid argument id.', params.error.issues);
    const arguments_ = getService('argument', { strapi });
    const stored = await arguments_.findStored(params.data.id);
    const proposal = stored?.proposal
      ? await getService('proposal', { strapi }).findStored(stored.proposal.documentId)
      : null;
    if (
      !stored ||
      stored.hidden ||
      !proposal ||
      !PUBLIC_PROPOSAL_STATUSES.includes(proposal.status)
    ) {
      throw new errors.NotFoundError(`There is no argument "${params.data.id}".`);
    }
    await enforceRateLimit(strapi, ctx, 'report', proposal.round?.slug ?? '');
    const input = argumentReportSchema.safeParse(jsonBody(strapi, ctx, { allowEmpty: true }));
    if (!input.success) throw validationError('The report is not valid.', input.error.issues);
    await arguments_.report(stored, input.data.reason);
    ctx.status = 202;
    ctx.body = { data: { documentId: stored.documentId, awaitingModeration: true } };
  },
});

export default argument;
