import * as z from 'zod/mini';
import { instantSchema } from './primitives.js';
import { documentIdSchema, HONEYPOT_FIELD } from './proposal.js';
import { plainLine, plainText } from './text.js';
import { STANCES } from './constants.js';

export { STANCES };
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

/** What a resident sends to `POST /api/begroot/proposals/:id/arguments`. */
export const argumentInputSchema = z.strictObject({
  stance: stanceSchema,
  body: plainText({ min: 2, max: 2000 }),
  authorName: plainLine({ min: 1, max: 80 }),
  replyTo: z._default(z.nullable(documentIdSchema), null),
  [HONEYPOT_FIELD]: z.optional(z.literal('', 'Leave this field empty.')),
});
export type ArgumentInput = z.infer<typeof argumentInputSchema>;

/** What a resident may add to `POST /api/begroot/arguments/:id/report`. */
export const argumentReportSchema = z.strictObject({
  reason: z.optional(plainText({ max: 500 })),
});

/** An official answer: `POST /begroot/proposals/:id/answers`. */
export const officialAnswerSchema = z.strictObject({
  body: plainText({ min: 2, max: 4000 }),
  authorName: z.optional(plainLine({ min: 1, max: 80 })),
  replyTo: z._default(z.nullable(documentIdSchema), null),
});

/** Moderation of one argument: `PATCH /begroot/arguments/:id`. */
export const argumentModerationSchema = z.strictObject({
  hidden: z.boolean(),
  reason: plainText({ min: 2, max: 500 }),
});

/** An argument as anyone may read it; hidden ones are never served. */
export const argumentPublicViewSchema = z.strictObject({
  documentId: documentIdSchema,
  proposal: documentIdSchema,
  stance: stanceSchema,
  body: z.string(),
  authorName: z.string(),
  replyTo: z.nullable(documentIdSchema),
  official: z.boolean(),
  postedAt: instantSchema,
});
export type ArgumentPublicView = z.infer<typeof argumentPublicViewSchema>;
