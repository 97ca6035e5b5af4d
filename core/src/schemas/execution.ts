import * as z from 'zod/mini';
import { ISSUE_CODES } from './issue-codes.js';
import { amountSchema, instantSchema } from './primitives.js';
import type { ProposalStatus } from './proposal.js';
import { plainText } from './text.js';

/**
 * Where a funded proposal stands: `funded` (not started), then `planned`, `in_progress`,
 * `completed`: the proposal's own statuses, moved by core's `canMoveProposal`.
 */
export const EXECUTION_STATUSES = ['funded', 'planned', 'in_progress', 'completed'] as const;
export const executionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;

export const isExecutionStatus = (status: ProposalStatus): status is ExecutionStatus =>
  (EXECUTION_STATUSES as readonly string[]).includes(status);

/**
 * The `execution` object of a funded proposal's public view: progress in percent, the money
 * spent against the money granted (its official cost), and the dated public updates.
 */
export const executionViewSchema = /* @__PURE__ */ z.strictObject({
  status: executionStatusSchema,
  progress: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
  spent: amountSchema,
  granted: amountSchema,
  // The proposal's own dated public updates (proposal.ts's proposalUpdateSchema, which imports
  // this file: repeated here rather than a circular import).
  updates: z.array(z.object({ date: instantSchema, text: z.string() })),
});
export type ExecutionView = z.infer<typeof executionViewSchema>;

/** What an official sends to `PATCH /begroot/proposals/:id/execution`; at least one field. */
export const executionChangeSchema = /* @__PURE__ */ z
  .strictObject({
    status: z.optional(executionStatusSchema),
    progress: z.optional(
      z.number().check(z.int('Progress is a whole percentage.'), z.minimum(0), z.maximum(100))
    ),
    spent: z.optional(amountSchema.check(z.maximum(1e10))),
    /** A dated public update (dated when it is posted). */
    update: z.optional(plainText({ min: 1, max: 4000 })),
    /** Shown with a status change in the public history. */
    publicReason: z.optional(z.nullable(plainText({ max: 2000 }))),
  })
  .check(
    /* @__PURE__ */ z.refine(
      (change) =>
        change.status !== undefined ||
        change.progress !== undefined ||
        change.spent !== undefined ||
        change.update !== undefined,
      {
        message: 'Change the status, the progress, the money spent, or post an update.',
        params: { code: ISSUE_CODES.nothingToChange },
      }
    ),
    // A reason belongs to a status change; alone it would be dropped without a word.
    /* @__PURE__ */ z.refine(
      (change) => change.publicReason == null || change.status !== undefined,
      {
        message: 'A public reason goes with a status change.',
        path: ['publicReason'],
        params: { code: ISSUE_CODES.reasonWithoutStatus },
      }
    )
  );
export type ExecutionChange = z.infer<typeof executionChangeSchema>;
