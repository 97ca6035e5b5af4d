import * as z from 'zod/mini';
import {
  COMPLETIONS,
  COUNTING_RULES,
  OPTIONAL_PROPOSAL_FIELDS,
  PHASE_KINDS,
  PROPOSAL_STATUSES,
  SATISFACTIONS,
  STANCES,
  TIE_BREAKS,
  VERIFICATION_METHODS,
  VOTING_METHODS,
} from './constants.js';
import type { VotingSettings } from './round-document.js';

/**
 * Light response checks for the widgets: the shape and types of what the public API answers,
 * using only zod/mini's cheapest parts (objects, arrays, strings, numbers, enums), so a city
 * page does not download the regexes, refinements and defaults of the full schemas. The server
 * checked the finer rules (slug syntax, amounts' decimals, dates) with the full schemas before
 * storing; these make sure a widget never renders something of the wrong kind. Objects are loose:
 * a newer server may add fields. Every document the full schema accepts passes these
 * (core/test/light.test.ts).
 */

const text = z.string();
const nullableText = z.nullable(z.string());
/** Amounts are never negative: a meter or a budget left computed from one would mislead. */
const amount = z.number().check(z.minimum(0));
const int = z.number().check(z.int());

const lightPhase = z.looseObject({
  kind: z.enum(PHASE_KINDS),
  start: text,
  end: text,
  closedAt: z.optional(nullableText),
});

const lightNamed = z.looseObject({ slug: text, name: text });

/** A district's effective ballot rules (as the round's `voting`). */
const lightVoting = z.looseObject({
  method: z.enum(VOTING_METHODS),
  minSelections: int,
  maxSelections: z.nullable(int),
  points: z.nullable(int),
  minSpendShare: z.number(),
  districtScope: z.enum(['own', 'any', 'all']),
  revote: z.enum(['forbid', 'replace']),
});

/** A district's effective counting settings (as the round's `counting`). */
const lightCounting = z.looseObject({
  rule: z.enum(COUNTING_RULES),
  satisfaction: z.enum(SATISFACTIONS),
  completion: z.enum(COMPLETIONS),
  tieBreak: z.enum(TIE_BREAKS),
  increment: amount,
});

export const lightRoundPublicViewSchema = z.looseObject({
  slug: text,
  title: text,
  description: text,
  language: text,
  currency: text,
  budget: amount,
  phases: z.array(lightPhase),
  currentPhase: z.nullable(z.enum(PHASE_KINDS)),
  districts: z.array(
    z.looseObject({
      slug: text,
      name: text,
      budget: amount,
      neighbourhoods: z.optional(
        z.array(z.looseObject({ slug: text, name: text, cap: z.optional(z.nullable(amount)) }))
      ),
      /** The district's effective ballot rules and count (servers before districts had them: none). */
      voting: z.optional(lightVoting),
      counting: z.optional(lightCounting),
    })
  ),
  mode: z.enum(['decide', 'advise']),
  themes: z.array(lightNamed),
  proposalForm: z.looseObject({
    askCost: z.boolean(),
    costRequired: z.boolean(),
    optionalFields: z.array(z.enum(OPTIONAL_PROPOSAL_FIELDS)),
    titleMax: int,
    summaryMax: int,
    descriptionMax: int,
    responseDays: int,
  }),
  voting: z.looseObject({
    method: z.enum(VOTING_METHODS),
    minSelections: int,
    maxSelections: z.nullable(int),
    points: z.nullable(int),
    minSpendShare: z.number(),
    districtScope: z.enum(['own', 'any', 'all']),
    revote: z.enum(['forbid', 'replace']),
  }),
  counting: z.looseObject({
    rule: z.enum(COUNTING_RULES),
    satisfaction: z.enum(SATISFACTIONS),
    completion: z.enum(COMPLETIONS),
    tieBreak: z.enum(TIE_BREAKS),
    increment: amount,
  }),
  verification: z.looseObject({ methods: z.array(z.enum(VERIFICATION_METHODS)) }),
});

export const lightProposalPublicViewSchema = z.looseObject({
  documentId: text,
  round: text,
  title: text,
  summary: nullableText,
  description: text,
  estimatedCost: z.nullable(amount),
  officialCost: z.nullable(amount),
  district: nullableText,
  theme: nullableText,
  location: nullableText,
  imageUrl: nullableText,
  authorName: nullableText,
  status: z.enum(PROPOSAL_STATUSES),
  publicReason: nullableText,
  mergedInto: nullableText,
  history: z.array(
    z.looseObject({ status: z.enum(PROPOSAL_STATUSES), at: text, reason: nullableText })
  ),
  updates: z.array(z.looseObject({ date: text, text })),
  argumentCounts: z.looseObject({ for: z.number(), against: z.number(), question: z.number() }),
  submittedAt: text,
});

/** A rejected proposal's short view (`rejectedProposalViewSchema`): no resident's text. */
export const lightRejectedProposalViewSchema = z.looseObject({
  documentId: text,
  round: text,
  title: text,
  district: nullableText,
  theme: nullableText,
  status: z.literal('rejected'),
  publicReason: nullableText,
  history: z.array(
    z.looseObject({ status: z.enum(PROPOSAL_STATUSES), at: text, reason: nullableText })
  ),
  updates: z.array(z.looseObject({ date: text, text })),
  submittedAt: text,
});

/** `proposalOutcomeViewSchema`: a rejected proposal's short view or a full public view. */
export const lightProposalOutcomeViewSchema = z.union([
  lightProposalPublicViewSchema,
  lightRejectedProposalViewSchema,
]);

export const lightArgumentPublicViewSchema = z.looseObject({
  documentId: text,
  proposal: text,
  stance: z.enum(STANCES),
  body: text,
  authorName: text,
  replyTo: nullableText,
  official: z.boolean(),
  postedAt: text,
});

/** Strapi's error body, as far as a widget reads it (`errorResponseSchema` is the full one). */
/** `GET /api/begroot/rounds/:slug/results`: what the results meter reads. */
export const lightRoundResultsSchema = z.looseObject({
  rule: z.looseObject({}),
  districts: z.array(
    z.looseObject({
      district: nullableText,
      budget: amount,
      spent: amount,
      proposals: z.array(
        z.looseObject({
          documentId: text,
          title: text,
          cost: amount,
          votes: z.number(),
          funded: z.boolean(),
          explanation: z.looseObject({}),
        })
      ),
    })
  ),
});

export const lightErrorResponseSchema = z.looseObject({
  error: z.looseObject({
    status: z.number(),
    name: text,
    message: text,
    details: z.optional(
      z.looseObject({
        errors: z.optional(
          z.array(
            z.looseObject({
              path: z.array(z.union([z.string(), z.number()])),
              message: text,
              code: z.optional(text),
            })
          )
        ),
      })
    ),
  }),
});

/**
 * `votingSettingsSchema.parse({})` as a plain value, for code that needs the defaults without
 * carrying the schema (the widgets' budget controller before a round has loaded).
 */
export const DEFAULT_VOTING_SETTINGS: Readonly<VotingSettings> = Object.freeze({
  method: 'approval',
  minSelections: 1,
  maxSelections: null,
  points: null,
  minSpendShare: 0,
  districtScope: 'own',
  revote: 'forbid',
  askAgeBand: false,
  ageBands: [],
});
