import { ISSUE_CODES, issueCode, type IssueCode } from '@begroot/core';
import type { FieldIssue } from '../api/errors.js';
import type { Messages } from '../i18n/index.js';

/** The parts of a zod issue (core's schemas run in `zod/mini`) that say what is wrong. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  format?: string;
  expected?: string;
  /** Core's refinements put their stable code here (`begroot.text.markup`, …). */
  params?: unknown;
}

/**
 * Core's refinements by their stable code (`ISSUE_CODES`), as a kind of problem we can say in the
 * page's language. Anything else gets the general "check this" text.
 */
const CUSTOM_TEXTS: Partial<Record<IssueCode, keyof Messages['common']['fieldErrors']>> = {
  [ISSUE_CODES.markup]: 'noMarkup',
  [ISSUE_CODES.controlCharacters]: 'controlCharacters',
  [ISSUE_CODES.oneLine]: 'oneLine',
  [ISSUE_CODES.costRequired]: 'required',
  [ISSUE_CODES.amountDecimals]: 'amountDecimals',
};

/**
 * One schema issue in the visitor's language. `value` is what the field held (an empty text reads
 * as "fill this in" rather than "write at least 3 characters").
 */
export function issueText(
  issue: SchemaIssue,
  value: unknown,
  messages: Messages,
  formatAmount: (amount: number) => string
): string {
  const t = messages.common.fieldErrors;
  const empty = value === undefined || value === null || String(value).trim() === '';
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return t.amountNegative;
      return empty || Number(issue.minimum) <= 1 ? t.required : t.minLength(Number(issue.minimum));
    case 'too_big':
      if (issue.origin === 'number') return t.amountTooBig(formatAmount(Number(issue.maximum)));
      return t.maxLength(Number(issue.maximum));
    case 'invalid_value':
      return t.choose;
    case 'invalid_format':
      return issue.format === 'email' ? t.email : t.invalid;
    case 'invalid_type':
      if (empty) return t.required;
      return issue.expected === 'number' ? t.amount : t.invalid;
    default: {
      const code = issueCode(issue);
      const key = code && CUSTOM_TEXTS[code];
      return key ? (t[key] as string) : t.invalid;
    }
  }
}

/** The first problem per field (the top-level key of each issue's path), in the fields' order. */
export function issuesByField<I extends { path: readonly PropertyKey[] }>(
  issues: readonly I[]
): Map<string, I> {
  const byField = new Map<string, I>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!byField.has(field)) byField.set(field, issue);
  }
  return byField;
}

/**
 * Server-side problems (Strapi's `details.errors`) by field, in the visitor's language. Each entry's
 * `code` (core's `ISSUE_CODES`, or zod's own code) picks the text; the server's `message` is
 * English for developers and never shown. `values` are what was sent, by field: an empty value
 * reads as "fill this in", a number as an amount.
 */
export function serverIssueTexts(
  issues: readonly FieldIssue[],
  messages: Messages,
  values: Readonly<Record<string, unknown>> = {}
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [field, issue] of issuesByField(issues)) {
    texts.set(field, serverIssueText(issue, values[field], messages));
  }
  return texts;
}

function serverIssueText(issue: FieldIssue, value: unknown, messages: Messages): string {
  const t = messages.common.fieldErrors;
  const empty = value === undefined || value === null || String(value).trim() === '';
  const amount = typeof value === 'number';
  switch (issue.code) {
    case 'too_small':
      return empty ? t.required : amount ? t.amountNegative : t.tooShort;
    case 'too_big':
      return amount ? t.invalid : t.tooLong;
    case 'invalid_value':
      return t.choose;
    case 'invalid_format':
      return /mail/i.test(String(issue.path[0] ?? '')) ? t.email : t.invalid;
    case 'invalid_type':
      return empty ? t.required : amount ? t.amount : t.invalid;
    default: {
      const key = CUSTOM_TEXTS[issue.code as IssueCode];
      return key ? (t[key] as string) : t.invalid;
    }
  }
}
