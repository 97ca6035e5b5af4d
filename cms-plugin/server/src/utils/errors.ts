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
 * Runs a handler and answers a ConflictError with 409 in Strapi's error format (`ctx.conflict`);
 * Strapi's error middleware would turn it into a 500 with a logged stack.
 */
export async function answeringConflicts(
  ctx: { conflict?: (message: string) => void },
  handler: () => Promise<void>
) {
  try {
    await handler();
  } catch (error) {
    if (error instanceof ConflictError && typeof ctx.conflict === 'function') {
      ctx.conflict(error.message);
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
