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
