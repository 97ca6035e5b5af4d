import { errors } from '@strapi/utils';
import { toErrorIssues } from '@begroot/core';

/** A zod failure as Strapi's ValidationError (400, `details.errors` one entry per field). */
export function validationError(
  message: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>
) {
  return new errors.ValidationError(message, { errors: toErrorIssues(issues) });
}

/**
 * True for a unique-index violation from the database driver: PostgreSQL `23505`, SQLite
 * `SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY`. The driver's message quotes the conflicting value,
 * so callers answer with their own words and never pass it on.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** A request that conflicts with what is stored (a second vote, a used code): answered 409. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}

/**
 * Runs a handler and answers a ConflictError with 409 in Strapi's error format (Strapi's error
 * middleware would turn it into a 500 with a logged stack), and a ForbiddenError with its own
 * message (see `forbidden`).
 */
export async function answeringConflicts(
  ctx: { status: number; body: unknown },
  handler: () => Promise<void>
) {
  try {
    await handler();
  } catch (error) {
    if (error instanceof ConflictError) {
      respondError(ctx, 409, 'ConflictError', error.message);
      return;
    }
    if (error instanceof errors.ForbiddenError) {
      forbidden(ctx, error.message, (error.details ?? {}) as Record<string, unknown>);
      return;
    }
    throw error;
  }
}

/** Every handler of a controller, answering ConflictErrors with 409. */
export function conflictsAs409<T extends Record<string, (ctx: never) => Promise<void>>>(
  handlers: T
): T {
  const wrapped: Record<string, (ctx: never) => Promise<void>> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = (ctx: never) => answeringConflicts(ctx, () => handler(ctx));
  }
  return wrapped as T;
}

/**
 * Answers 403 ForbiddenError in Strapi's format with our message. (Thrown from a controller, a
 * ForbiddenError is caught by Strapi's route authorisation and its message replaced by "Forbidden".)
 */
export function forbidden(
  ctx: { status: number; body: unknown },
  message: string,
  details: Record<string, unknown> = {}
) {
  respondError(ctx, 403, 'ForbiddenError', message, details);
}

/** An error answer in Strapi's format, set on the response rather than thrown. */
export function respondError(
  ctx: { status: number; body: unknown },
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {}
) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}
