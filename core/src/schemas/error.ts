import * as z from 'zod/mini';
import { issueCode } from './issue-codes.js';

/** One problem with a request, pointing at the field it belongs to. */
export const errorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  name: z.optional(z.string()),
  /** A stable code a widget can translate (`over_budget`, `too_few`, …), where there is one. */
  code: z.optional(z.string()),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

/**
 * Strapi's error format, which every Begroot route answers with:
 * `{ "data": null, "error": { "status": 404, "name": "NotFoundError", "message": "…", "details": {} } }`.
 * Validation errors carry `details.errors`, one entry per field.
 */
export const errorResponseSchema = z.object({
  data: z.null(),
  error: z.object({
    status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
    name: z.string(),
    message: z.string(),
    details: z.optional(
      z.looseObject({
        errors: z.optional(z.array(errorIssueSchema)),
      })
    ),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Turns zod issues into the `details.errors` entries of a Strapi ValidationError. */
export function toErrorIssues(
  issues: ReadonlyArray<{
    path: ReadonlyArray<PropertyKey>;
    message: string;
    code?: string;
    params?: unknown;
  }>
): ErrorIssue[] {
  return issues.map((issue) => {
    // Core's refinements carry their own code; zod's checks have zod's (`too_small`, …).
    const code = issueCode(issue) ?? (issue.code === 'custom' ? undefined : issue.code);
    return {
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.message,
      name: 'ValidationError',
      ...(code === undefined ? {} : { code }),
    };
  });
}
