import { roundDocumentSchema, type RoundDocument } from '@begroot/core';

/** One problem with a document, at the path of the field it is about (`voting.points`). */
export type FieldError = { path: string; message: string };

type IssueLike = { path?: ReadonlyArray<PropertyKey>; message: string };

export const pathKey = (path: ReadonlyArray<PropertyKey> | undefined) =>
  (path ?? []).map((part) => String(part)).join('.');

export function toFieldErrors(issues: readonly IssueLike[]): FieldError[] {
  return issues.map((issue) => ({ path: pathKey(issue.path), message: issue.message }));
}

/** Errors by field path; the document as a whole is under `''`. */
export function errorsByPath(errors: readonly FieldError[]): Record<string, string[]> {
  const byPath: Record<string, string[]> = {};
  for (const error of errors) (byPath[error.path] ??= []).push(error.message);
  return byPath;
}

/** Errors at `prefix` or below it (`districts` takes `districts.0.budget`). */
export function errorsUnder(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.filter(
    (error) => error.path === prefix || error.path.startsWith(prefix === '' ? '' : `${prefix}.`)
  );
}

export type ParsedRound = { ok: true; round: RoundDocument } | { ok: false; errors: FieldError[] };

/** Checks a round document with core's schema: the same check the server makes. */
export function validateRound(input: unknown): ParsedRound {
  const result = roundDocumentSchema.safeParse(input);
  return result.success
    ? { ok: true, round: result.data }
    : { ok: false, errors: toFieldErrors(result.error.issues) };
}

/** A pasted or uploaded JSON document: syntax errors first, then the schema. */
export function parseRoundJson(text: string): ParsedRound {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    };
  }
  return validateRound(value);
}

/** Strapi's error response: `{ error: { message, details: { errors: [{ path, message }] } } }`. */
export function errorsFromResponse(body: unknown): FieldError[] {
  const error = (body as { error?: { message?: unknown; details?: { errors?: unknown } } })?.error;
  const list = error?.details?.errors;
  if (Array.isArray(list) && list.length > 0) {
    return list.map((item: { path?: PropertyKey[]; message?: unknown }) => ({
      path: pathKey(item.path),
      message: String(item.message ?? ''),
    }));
  }
  return typeof error?.message === 'string' ? [{ path: '', message: error.message }] : [];
}
