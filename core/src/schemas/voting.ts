import * as z from 'zod/mini';
import { amountSchema, instantSchema, slugSchema } from './primitives.js';
import { VOTING_METHODS } from './constants.js';

/** A voting code as typed: letters, digits, spaces and dashes; checked further by the server. */
const codeInput = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
const emailInput = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email('Give a valid e-mail address.')
);

/**
 * What `POST /api/begroot/rounds/:slug/verifications` takes: a letter's code; an e-mail address
 * (first alone, answered 202 when the one-time code is sent, then with `otp`); or nothing for an
 * open round. `district` is the voter's own choice where the credential carries none.
 */
export const verificationInputSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('code'), code: codeInput }),
  z.strictObject({
    method: z.literal('email'),
    email: emailInput,
    otp: z.optional(z.string().check(z.trim(), z.regex(/^\d{6}$/, 'The code has six digits.'))),
    district: z.optional(slugSchema),
  }),
  z.strictObject({ method: z.literal('open'), district: z.optional(slugSchema) }),
]);
export type VerificationInput = z.infer<typeof verificationInputSchema>;

/** The answer to a successful verification: a short-lived ballot token. */
export const ballotTokenSchema = z.object({
  token: z.string(),
  district: z.nullable(z.string()),
  expiresAt: instantSchema,
});
export type BallotToken = z.infer<typeof ballotTokenSchema>;

/** The answer to a cast ballot: the receipt code the voter keeps (to replace the ballot). */
export const ballotReceiptSchema = z.object({
  receipt: z.string(),
  replaced: z.boolean(),
});
export type BallotReceipt = z.infer<typeof ballotReceiptSchema>;

/** `POST /begroot/rounds/:slug/codes`. */
export const codeBatchInputSchema = z.strictObject({
  district: z.optional(z.nullable(slugSchema)),
  count: z.int().check(z.minimum(1), z.maximum(200_000)),
});
export type CodeBatchInput = z.infer<typeof codeBatchInputSchema>;

/** One funded or unfunded proposal in published results. */
export const resultProposalSchema = z.looseObject({
  documentId: z.string(),
  title: z.string(),
  cost: amountSchema,
  votes: z.number(),
  funded: z.boolean(),
  explanation: z.looseObject({}),
});

/** `GET /api/begroot/rounds/:slug/results`: `{ data }` with this shape. */
export const roundResultsSchema = z.looseObject({
  rule: z.looseObject({}),
  districts: z.array(
    z.looseObject({
      district: z.nullable(z.string()),
      budget: amountSchema,
      spent: amountSchema,
      /** The rule this district was counted with: its own, or the round's `rule`. */
      rule: z.optional(z.looseObject({})),
      /** The voting method of this district's ballots. */
      method: z.optional(z.enum(VOTING_METHODS)),
      proposals: z.array(resultProposalSchema),
    })
  ),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;
