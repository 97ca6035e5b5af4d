import * as z from 'zod/mini';
import { ISSUE_CODES } from './issue-codes.js';
import { slugSchema } from './slug.js';

// `/* @__PURE__ */` on schemas built with `.check(…)`: bundlers cannot tell that call is free of
// side effects, so without the mark a widget bundle keeps every such schema, used or not.

export { slugSchema };

/** An ISO 4217 currency code (`EUR`). */
export const currencySchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code, such as EUR.'));

/** A BCP 47 language tag the widgets can localise to (`nl`, `en`, `fr`, `nl-BE`). */
export const languageSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'Use a language tag such as nl, en or nl-BE.'));

/**
 * An amount of money in the currency's major unit (euros, not cents), at most two decimals.
 * Budgets are whole amounts in practice; cents are allowed for spending reports.
 */
export const amountSchema = /* @__PURE__ */ z.number().check(
  z.nonnegative('An amount cannot be negative.'),
  z.maximum(1e12, 'An amount cannot exceed 1,000,000,000,000.'),
  z.refine((value) => Number.isFinite(value) && Math.round(value * 100) === value * 100, {
    message: 'An amount has at most two decimals.',
    params: { code: ISSUE_CODES.amountDecimals },
  })
);

/** An instant as an ISO 8601 string with time zone (`2027-03-01T00:00:00.000Z`). */
export const instantSchema = z.iso.datetime({ offset: true });
