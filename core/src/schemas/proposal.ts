import * as z from 'zod/mini';
import { amountSchema, instantSchema, slugSchema } from './primitives.js';
import { plainLine, plainText } from './text.js';
import type { ProposalFormSettings } from './round-document.js';
import { PROPOSAL_STATUSES } from './constants.js';
import {
  HONEYPOT_FIELD,
  PROPOSAL_IMAGE_MAX_BYTES,
  PROPOSAL_IMAGE_TYPES,
} from './form-constants.js';
import { documentIdSchema } from './ids.js';
import { ISSUE_CODES } from './issue-codes.js';
import { executionViewSchema } from './execution.js';

export { documentIdSchema };

export { HONEYPOT_FIELD, PROPOSAL_IMAGE_MAX_BYTES, PROPOSAL_IMAGE_TYPES, PROPOSAL_STATUSES };
export const proposalStatusSchema = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/**
 * Where a proposal may go from each status. Review may be reopened (a rejection reconsidered);
 * counting decides funded/not funded; execution follows funding.
 */
export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalStatus, readonly ProposalStatus[]>> = {
  submitted: ['in_review', 'admitted', 'rejected', 'merged'],
  in_review: ['admitted', 'rejected', 'merged', 'submitted'],
  admitted: ['in_review', 'rejected', 'merged', 'funded', 'not_funded'],
  rejected: ['in_review', 'admitted'],
  merged: ['in_review'],
  funded: ['not_funded', 'planned', 'in_progress', 'completed'],
  not_funded: ['funded'],
  planned: ['in_progress', 'completed'],
  in_progress: ['planned', 'completed'],
  completed: ['in_progress'],
};

/** Statuses in which a proposal is shown to the public. */
export const PUBLIC_PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'admitted',
  'funded',
  'not_funded',
  'planned',
  'in_progress',
  'completed',
];

export function canMoveProposal(from: ProposalStatus, to: ProposalStatus): boolean {
  return from === to || PROPOSAL_TRANSITIONS[from].includes(to);
}

/**
 * The id `POST /api/begroot/rounds/:slug/uploads` answers for a resident's image; the proposal
 * refers to it as `image`. Random, single use, valid for a few hours.
 */
export const uploadIdSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]{24}$/, 'This is not a valid upload id: upload the image again.'));

/** The text fields sent with an image upload (multipart): a description for screen readers. */
export const imageUploadFieldsSchema = z.strictObject({
  alternativeText: plainLine({ min: 3, max: 200 }),
});

const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email('Give a valid e-mail address, or leave this empty.')
);

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** An optional text field: an empty string counts as not given. */
function optionalText<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.pipe(z.transform(emptyToUndefined), z.optional(schema)));
}

export interface ProposalInputOptions {
  form: Pick<
    ProposalFormSettings,
    'askCost' | 'costRequired' | 'optionalFields' | 'titleMax' | 'summaryMax' | 'descriptionMax'
  >;
  /** The round's district slugs; a district is required when there are any. */
  districts: readonly string[];
  themes: readonly string[];
}

/**
 * What a resident sends to `POST /api/begroot/rounds/:slug/proposals`, checked against the round's
 * form settings. The same schema runs in the proposal form before sending and on the server.
 */
export function proposalInputSchema(options: ProposalInputOptions) {
  const { form, districts, themes } = options;
  const shows = (field: ProposalFormSettings['optionalFields'][number]) =>
    form.optionalFields.includes(field);
  const hidden = z.optional(
    z.pipe(
      z.transform(emptyToUndefined),
      z.undefined('This round’s form does not have this field.')
    )
  );
  const cost = z.nullable(amountSchema.check(z.maximum(1e9)));
  return z
    .strictObject({
      title: plainLine({ min: 3, max: form.titleMax }),
      summary: shows('summary') ? optionalText(plainText({ max: form.summaryMax })) : hidden,
      description: plainText({ min: 10, max: form.descriptionMax }),
      estimatedCost: !form.askCost ? hidden : form.costRequired ? cost : z.optional(cost),
      district:
        districts.length > 0
          ? z.enum(districts as [string, ...string[]], 'Choose one of the round’s districts.')
          : hidden,
      theme:
        shows('theme') && themes.length > 0
          ? optionalText(
              z.enum(themes as [string, ...string[]], 'Choose one of the round’s themes.')
            )
          : hidden,
      location: shows('location') ? optionalText(plainLine({ max: 200 })) : hidden,
      image: shows('image') ? optionalText(uploadIdSchema) : hidden,
      authorName: optionalText(plainLine({ max: 80 })),
      email: optionalText(emailSchema),
      [HONEYPOT_FIELD]: z.optional(z.literal('', 'Leave this field empty.')),
    })
    .check(
      z.refine((input) => !form.costRequired || !form.askCost || input.estimatedCost != null, {
        message: 'Give a rough estimate of the cost.',
        path: ['estimatedCost'],
        params: { code: ISSUE_CODES.costRequired },
      })
    );
}
export type ProposalInput = z.infer<ReturnType<typeof proposalInputSchema>>;

export const statusChangeSchema = /* @__PURE__ */ z.object({
  status: proposalStatusSchema,
  at: instantSchema,
  reason: z.nullable(z.string()),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const proposalUpdateSchema = /* @__PURE__ */ z.object({
  date: instantSchema,
  text: z.string(),
});
export type ProposalUpdate = z.infer<typeof proposalUpdateSchema>;

/** A proposal as anyone may read it. Never carries the submitter's contact details. */
export const proposalPublicViewSchema = /* @__PURE__ */ z.strictObject({
  documentId: documentIdSchema,
  round: slugSchema,
  title: z.string(),
  summary: z.nullable(z.string()),
  description: z.string(),
  estimatedCost: z.nullable(amountSchema),
  officialCost: z.nullable(amountSchema),
  district: z.nullable(slugSchema),
  theme: z.nullable(slugSchema),
  location: z.nullable(z.string()),
  imageUrl: z.nullable(z.string()),
  authorName: z.nullable(z.string()),
  status: proposalStatusSchema,
  publicReason: z.nullable(z.string()),
  mergedInto: z.nullable(documentIdSchema),
  history: z.array(statusChangeSchema),
  updates: z.array(proposalUpdateSchema),
  argumentCounts: z.object({
    for: z.number(),
    against: z.number(),
    question: z.number(),
  }),
  submittedAt: instantSchema,
  /** Funded proposals only: how their execution goes. */
  execution: z.optional(executionViewSchema),
});
export type ProposalPublicView = z.infer<typeof proposalPublicViewSchema>;

/**
 * Statuses the public list adds with `?outcome=all`: the ideas that did not go on to the vote. A
 * merged proposal is shown in full (an official judged it a duplicate, not unfit); a rejected one
 * as `rejectedProposalViewSchema`.
 */
export const CLOSED_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['rejected', 'merged'];

/**
 * Statuses nobody outside the city sees a proposal in: no official has read it yet, so its text
 * may hold anything. The public list with `?outcome=all` only counts them.
 */
export const UNREVIEWED_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['submitted', 'in_review'];

/**
 * A rejected proposal as anyone may read it: what the city decided and why, and when. The
 * resident's own words (summary, description, location, image, name) are left out: they may hold
 * what led to the rejection (insults, someone's personal data). Even the resident's title is not
 * shown as it was written: `title` is the public title an official gave when rejecting (the
 * review's `publicTitle`, prefilled with the resident's title in the admin), or else the neutral
 * `rejectedIdeaTitle` ("Idee 12 (afgewezen)"). District and theme stay, so residents can find
 * their idea.
 */
export const rejectedProposalViewSchema = /* @__PURE__ */ z.strictObject({
  documentId: documentIdSchema,
  round: slugSchema,
  title: z.string(),
  district: z.nullable(slugSchema),
  theme: z.nullable(slugSchema),
  status: z.literal('rejected'),
  publicReason: z.nullable(z.string()),
  history: z.array(statusChangeSchema),
  updates: z.array(proposalUpdateSchema),
  submittedAt: instantSchema,
});
export type RejectedProposalView = z.infer<typeof rejectedProposalViewSchema>;

/**
 * What became of a proposal, as `GET /rounds/:slug/proposals?outcome=all` and
 * `GET /proposals/:id` serve it: a rejected proposal's short view, or the full public view of any
 * other public or merged proposal (never a rejected one in full).
 */
export const proposalOutcomeViewSchema = /* @__PURE__ */ z.union([
  rejectedProposalViewSchema,
  /* @__PURE__ */ proposalPublicViewSchema.check(
    /* @__PURE__ */ z.refine((view) => view.status !== 'rejected', {
      message: 'A rejected proposal is shown without its description.',
      path: ['status'],
    })
  ),
]);
export type ProposalOutcomeView = ProposalPublicView | RejectedProposalView;

/** Whether a proposal's view is the short one of a rejected proposal. */
export const isRejectedView = (view: ProposalOutcomeView): view is RejectedProposalView =>
  view.status === 'rejected' && !('description' in view);

/** How long a rejected idea's public title may be: as long as any round lets a title be. */
export const PUBLIC_TITLE_MAX = 200;

const REJECTED_IDEA_TITLES: Record<string, (number: number) => string> = {
  nl: (number) => `Idee ${number} (afgewezen)`,
  en: (number) => `Idea ${number} (rejected)`,
  fr: (number) => `Idée ${number} (rejetée)`,
};

/**
 * The neutral public title of a rejected idea no official gave a public title (a bulk rejection,
 * an API call without one, a rejection from before public titles existed): the idea's number in
 * its round (the n-th submitted) in the round's language (`nl`, `nl-BE`, `en`, `fr`; English for
 * others). Says nothing the resident wrote.
 */
export function rejectedIdeaTitle(language: string, number: number): string {
  const base = language.toLowerCase().split('-')[0]!;
  return (REJECTED_IDEA_TITLES[base] ?? REJECTED_IDEA_TITLES.en!)(number);
}

/** The review an official sends to `PATCH /begroot/proposals/:id`. */
export const proposalReviewSchema = /* @__PURE__ */ z
  .strictObject({
    status: z.optional(proposalStatusSchema),
    officialCost: z.optional(z.nullable(amountSchema)),
    publicReason: z.optional(z.nullable(plainText({ max: 2000 }))),
    mergedInto: z.optional(z.nullable(documentIdSchema)),
    responseDeadline: z.optional(instantSchema),
    update: z.optional(plainText({ min: 1, max: 4000 })),
    /**
     * The title the public sees of a rejected proposal, instead of the resident's own (which may
     * hold a name, an address or an insult). With `status: 'rejected'` or for a proposal that is
     * rejected already; `null` (or left out when rejecting) shows the neutral `rejectedIdeaTitle`.
     */
    publicTitle: z.optional(z.nullable(plainLine({ min: 3, max: PUBLIC_TITLE_MAX }))),
  })
  .check(
    /* @__PURE__ */ z.refine((review) => review.status !== 'rejected' || !!review.publicReason, {
      message: 'Say publicly why the proposal is rejected.',
      path: ['publicReason'],
      params: { code: ISSUE_CODES.rejectionReasonRequired },
    }),
    /* @__PURE__ */ z.refine((review) => review.status !== 'merged' || !!review.mergedInto, {
      message: 'Say which proposal this one is merged into.',
      path: ['mergedInto'],
      params: { code: ISSUE_CODES.mergeTargetRequired },
    }),
    z.refine(
      (review) => review.publicTitle == null || !review.status || review.status === 'rejected',
      {
        message: 'Only a rejected proposal has a public title.',
        path: ['publicTitle'],
        params: { code: ISSUE_CODES.publicTitleOnlyRejected },
      }
    )
  );
export type ProposalReview = z.infer<typeof proposalReviewSchema>;
