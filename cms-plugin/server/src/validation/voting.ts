import * as z from 'zod/mini';
import {
  type ballotInputSchema,
  ballotSelectionSchema,
  type codeBatchInputSchema,
} from '@begroot/core';

export { ballotInputSchema, codeBatchInputSchema, verificationInputSchema } from '@begroot/core';

/** `POST /begroot/rounds/:slug/paper-ballots`: the letter's code and the selections. */
export const paperBallotInputSchema = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  selections: z.array(ballotSelectionSchema).check(z.maxLength(1000)),
});

/** `POST /begroot/codes/:id/void`: optionally a new code in its place. */
export const voidCodeInputSchema = z.optional(z.strictObject({ reissue: z.optional(z.boolean()) }));

/** `:id` of `/begroot/codes/:id/void`: the code itself, as printed on the letter. */
export const codeParamsSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(40)),
});

export type CodeBatchInput = z.infer<typeof codeBatchInputSchema>;
export type BallotInput = z.infer<typeof ballotInputSchema>;
