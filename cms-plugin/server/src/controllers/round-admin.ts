import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { roundDocumentSchema } from '@begroot/core';
import { getService } from '../utils/get-service';
import { isUniqueViolation, respondError, validationError } from '../utils/errors';
import { isSlugTaken } from '../services/round';
import { roundParamsSchema } from '../validation/round';

/** The admin JSON body: any object (a round document is checked by core's schema afterwards). */
function objectBody(ctx: Context): Record<string, unknown> {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  if (
    !ctx.is('application/json') ||
    typeof body !== 'object' ||
    body === null ||
    Array.isArray(body)
  ) {
    throw new errors.ValidationError('Send a JSON object (Content-Type: application/json).');
  }
  return body as Record<string, unknown>;
}

const conflict = (ctx: Context, slug: string) =>
  respondError(ctx, 409, 'ConflictError', `Another round already uses the slug "${slug}".`, {
    errors: [
      { path: ['slug'], message: 'Another round already uses this slug.', name: 'ConflictError' },
    ],
  });

const roundAdmin = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /begroot/rounds`: every round's document with its current phase. */
  async find(ctx: Context) {
    ctx.body = { data: await getService('round', { strapi }).listDocuments() };
  },

  /** `POST /begroot/rounds`: a round from its JSON document; 201, 409 for a slug in use. */
  async create(ctx: Context) {
    const input = roundDocumentSchema.safeParse(objectBody(ctx));
    if (!input.success) throw validationError('The round is not valid.', input.error.issues);
    const rounds = getService('round', { strapi });
    if (await rounds.findBySlug(input.data.slug)) return conflict(ctx, input.data.slug);
    try {
      const created = await rounds.createDocument(input.data);
      ctx.status = 201;
      ctx.body = { data: created };
    } catch (error) {
      if (isUniqueViolation(error) || isSlugTaken(error)) return conflict(ctx, input.data.slug);
      throw error;
    }
  },

  /** `PUT /begroot/rounds/:slug`: replaces the round's document. */
  async update(ctx: Context) {
    const params = roundParamsSchema.safeParse(ctx.params);
    if (!params.success) throw validationError('Invalid round slug.', params.error.issues);
    const input = roundDocumentSchema.safeParse(objectBody(ctx));
    if (!input.success) throw validationError('The round is not valid.', input.error.issues);
    const rounds = getService('round', { strapi });
    const existing = await rounds.findBySlug(params.data.slug);
    if (!existing) throw new errors.NotFoundError(`There is no round "${params.data.slug}".`);
    if (input.data.slug !== existing.slug && (await rounds.findBySlug(input.data.slug))) {
      return conflict(ctx, input.data.slug);
    }
    try {
      ctx.body = { data: await rounds.replaceDocument(existing.documentId, input.data) };
    } catch (error) {
      if (isUniqueViolation(error) || isSlugTaken(error)) return conflict(ctx, input.data.slug);
      throw error;
    }
  },
});

export default roundAdmin;
