import * as z from 'zod/mini';
import { roundDocumentSchema, slugSchema, type RoundDocument } from '@begroot/core';

export { roundDocumentSchema, roundDocumentWarnings } from '@begroot/core';
export type { RoundDocument, RoundDocumentInput } from '@begroot/core';

/**
 * The round document's fields, which are the content-type's attributes one to one: a round reads
 * the same in the admin, in a JSON file and in the database.
 */
export const ROUND_FIELDS = Object.keys(roundDocumentSchema.shape) as Array<keyof RoundDocument>;

/** Route parameters of `GET /api/begroot/rounds/:slug`. */
export const roundParamsSchema = z.object({ slug: slugSchema });
