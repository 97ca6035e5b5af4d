import {
  HONEYPOT_FIELD,
  imageUploadFieldsSchema,
  proposalInputSchema,
  type RoundPublicView,
} from '@begroot/core';
import { ApiAction } from '../controllers/api-action.js';
import { issueText, issuesByField, serverIssueTexts } from '../forms/issues.js';
import { formatAmount, parseAmount, type Messages } from '../i18n/index.js';
import { showsField, type OptionalField } from './proposal-form.js';

/**
 * Checks a proposal's values with core's `proposalInputSchema` for the round (the same schema the
 * server uses), and the image's description with the upload's own schema. Returns the body to
 * send, or the problems by field in the visitor's language.
 */
function check(
  round: RoundPublicView,
  values: Readonly<Record<string, string>>,
  options: { image: boolean; locale: string; messages: Messages }
): { body?: Record<string, unknown>; errors: Map<string, string> } {
  const { locale, messages } = options;
  const settings = round.proposalForm;
  const { themes } = round;
  const schema = proposalInputSchema({
    form: settings,
    districts: round.districts.map((district) => district.slug),
    themes: themes.map((theme) => theme.slug),
  });
  const v = values;
  const shows = (field: OptionalField) => showsField(round, field);
  const input: Record<string, unknown> = {
    title: v.title,
    description: v.description,
    authorName: v.authorName,
    email: v.email,
  };
  if (shows('summary')) input.summary = v.summary;
  if (shows('location')) input.location = v.location;
  if (round.districts.length > 0) input.district = v.district;
  if (shows('theme') && themes.length > 0) input.theme = v.theme;
  const errors = new Map<string, string>();
  if (settings.askCost) {
    const cost = parseAmount(v.estimatedCost ?? '', locale);
    if (Number.isNaN(cost)) errors.set('estimatedCost', messages.common.fieldErrors.amount);
    else if (cost !== null || settings.costRequired) input.estimatedCost = cost;
  }
  const result = schema.safeParse(input);
  const format = (amount: number) => formatAmount(amount, round.currency, locale);
  if (!result.success) {
    for (const [field, issue] of issuesByField(result.error.issues)) {
      if (errors.has(field)) continue;
      errors.set(field, issueText(issue, input[field], messages, format));
    }
  }
  // With an image, a description of it is required (the same check as the upload's).
  if (options.image && shows('image')) {
    const alt = imageUploadFieldsSchema.safeParse({ alternativeText: v.imageAlt });
    if (!alt.success && alt.error.issues[0]) {
      errors.set('imageAlt', issueText(alt.error.issues[0], v.imageAlt, messages, format));
    }
  }
  if (errors.size > 0 || !result.success) return { errors };
  const body: Record<string, unknown> = { ...result.data };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  if (v[HONEYPOT_FIELD]) body[HONEYPOT_FIELD] = v[HONEYPOT_FIELD];
  return { body, errors };
}

/**
 * What sending an idea needs, a chunk of its own: the checks (core's input schemas and the issue
 * texts) and the requests' controller (`ApiAction`). A page shows the form without them; the form
 * loads them on the visitor's first focus or pointer press, when the idea is sent, and before its
 * first render inside a city's own `<form>`.
 */
export const proposalChecks = { check, serverIssueTexts, ApiAction };
export type ProposalChecks = typeof proposalChecks;
