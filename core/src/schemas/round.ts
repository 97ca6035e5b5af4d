import * as z from 'zod/mini';
import { amountSchema, currencySchema, languageSchema, slugSchema } from './primitives.js';
import { phaseKindSchema, phaseSchema } from './phase.js';
import {
  countingSettingsSchema,
  neighbourhoodSchema,
  proposalFormSettingsSchema,
  themeSchema,
  verificationSettingsSchema,
  votingSettingsSchema,
} from './round-document.js';

export const districtSchema = z.object({
  slug: slugSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  budget: amountSchema,
  neighbourhoods: z.optional(z.array(neighbourhoodSchema)),
  /**
   * The ballot rules in this district: the round's `voting` with the district's own rules on top
   * (`effectiveSettings`). The widgets follow these for a voter in this district.
   */
  voting: z.optional(votingSettingsSchema),
  /** How this district's ballots are counted: the round's `counting` with its own rule on top. */
  counting: z.optional(countingSettingsSchema),
});
export type District = z.infer<typeof districtSchema>;

/**
 * What anyone may read about a round: `GET /api/begroot/rounds/:slug`.
 * Field names follow the round's JSON document (`language`, `budget`, phases' `start`/`end`),
 * so a round reads the same in the admin, in a script and in the public API.
 */
export const roundPublicViewSchema = z.object({
  slug: slugSchema,
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.string().check(z.maxLength(5000)),
  language: languageSchema,
  currency: currencySchema,
  /** The round's whole budget; districts' budgets are parts of it. */
  budget: amountSchema,
  phases: z.array(phaseSchema),
  /** The phase whose dates contain the moment of the response, or null between and outside phases. */
  currentPhase: z.nullable(phaseKindSchema),
  districts: z.array(districtSchema),
  /** The settings the widgets follow (the form's fields, the ballot's rules). */
  mode: z.enum(['decide', 'advise']),
  themes: z.array(themeSchema),
  proposalForm: proposalFormSettingsSchema,
  voting: votingSettingsSchema,
  /** Published so residents can see how their votes will be counted. */
  counting: countingSettingsSchema,
  verification: verificationSettingsSchema,
});
export type RoundPublicView = z.infer<typeof roundPublicViewSchema>;
