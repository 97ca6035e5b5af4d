import * as z from 'zod/mini';
import { amountSchema, currencySchema, languageSchema, slugSchema } from './primitives.js';
import { phaseDocumentSchema } from './phase.js';
import { plainLine, plainText } from './text.js';
import {
  COMPLETIONS,
  COUNTING_RULES,
  OPTIONAL_PROPOSAL_FIELDS,
  SATISFACTIONS,
  TIE_BREAKS,
  VERIFICATION_METHODS,
  VOTING_METHODS,
} from './constants.js';
import { ISSUE_CODES } from './issue-codes.js';
import { effectiveSettings, hasOwnRules } from './district-rules.js';

/**
 * A round as one JSON document: what `POST /begroot/rounds` takes, what a city keeps in version
 * control, and what the content-types store. Every optional part has the default a city would
 * expect, so the smallest document is a slug, a title, a budget and its phases.
 */

const nameSchema = plainLine({ min: 1, max: 120 });

export const neighbourhoodSchema = z.strictObject({
  slug: slugSchema,
  name: nameSchema,
  /** Upper bound on the summed cost of funded proposals in this neighbourhood. */
  cap: z.optional(z.nullable(amountSchema)),
});
export type Neighbourhood = z.infer<typeof neighbourhoodSchema>;

/**
 * An age band residents may say they are in when they vote: `16-17`, `18-24`, `65+`. Plain
 * numbers, so the labels read the same in every language.
 */
export const ageBandSchema = z
  .string()
  .check(
    z.trim(),
    z.regex(/^\d{1,3}(?:-\d{1,3}|\+)$/, 'Write an age band as 18-24 or 65+.'),
    z.maxLength(8)
  );
export type AgeBand = z.infer<typeof ageBandSchema>;

const populationSchema = z.int().check(z.minimum(0), z.maximum(100_000_000));

const selectionLimit = z.int().check(z.minimum(0), z.maximum(1000));
const positiveLimit = z.int().check(z.minimum(1), z.maximum(1000));

/**
 * A district's own ballot rules within the city-wide frame: each field left out follows the
 * round's `voting`. The frame (who votes where, re-voting, age bands) stays the round's.
 */
export const districtVotingSchema = z.strictObject({
  method: z.optional(z.enum(VOTING_METHODS)),
  minSelections: z.optional(selectionLimit),
  maxSelections: z.optional(z.nullable(positiveLimit)),
  /** Points each voter spreads; left out, a points district takes the round's number. */
  points: z.optional(z.nullable(positiveLimit)),
  minSpendShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
export type DistrictVoting = z.infer<typeof districtVotingSchema>;

/** A district's own counting rule: each field left out follows the round's `counting`. */
export const districtCountingSchema = z.strictObject({
  rule: z.optional(z.enum(COUNTING_RULES)),
  satisfaction: z.optional(z.enum(SATISFACTIONS)),
  completion: z.optional(z.enum(COMPLETIONS)),
});
export type DistrictCounting = z.infer<typeof districtCountingSchema>;

export const districtDocumentSchema = z.strictObject({
  slug: slugSchema,
  name: nameSchema,
  budget: amountSchema,
  neighbourhoods: z._default(z.array(neighbourhoodSchema), []),
  /** Residents who may vote here, so the participation page can show turnout (never public). */
  population: z.optional(z.nullable(populationSchema)),
  /** Residents per age band (the voting settings' `ageBands`), to show who is missing. */
  ageBands: z.optional(z.nullable(z.record(ageBandSchema, populationSchema))),
  /** The district's own ballot rules (only where each voter votes in one district). */
  voting: z.optional(z.nullable(districtVotingSchema)),
  /** The district's own counting rule (only where each voter votes in one district). */
  counting: z.optional(z.nullable(districtCountingSchema)),
});
export type DistrictDocument = z.infer<typeof districtDocumentSchema>;

export const themeSchema = z.strictObject({ slug: slugSchema, name: nameSchema });
export type Theme = z.infer<typeof themeSchema>;

export type PhaseDocument = z.infer<typeof phaseDocumentSchema>;

export { OPTIONAL_PROPOSAL_FIELDS };

export const proposalFormSettingsSchema = z.strictObject({
  /** Ask residents for a rough cost. Residents are never made to write a budget: see `costRequired`. */
  askCost: z._default(z.boolean(), true),
  costRequired: z._default(z.boolean(), false),
  optionalFields: z._default(z.array(z.enum(OPTIONAL_PROPOSAL_FIELDS)), [
    ...OPTIONAL_PROPOSAL_FIELDS,
  ]),
  titleMax: z._default(z.int().check(z.minimum(20), z.maximum(200)), 80),
  summaryMax: z._default(z.int().check(z.minimum(40), z.maximum(1000)), 280),
  descriptionMax: z._default(z.int().check(z.minimum(100), z.maximum(20000)), 2000),
  /** Days within which officials answer a submitted proposal (six weeks unless a city says otherwise). */
  responseDays: z._default(z.int().check(z.minimum(1), z.maximum(365)), 42),
});
export type ProposalFormSettings = z.infer<typeof proposalFormSettingsSchema>;

export { VOTING_METHODS };
export const votingMethodSchema = z.enum(VOTING_METHODS);
export type VotingMethod = z.infer<typeof votingMethodSchema>;

export const votingSettingsSchema = z
  .strictObject({
    method: z._default(votingMethodSchema, 'approval'),
    minSelections: z._default(z.int().check(z.minimum(0), z.maximum(1000)), 1),
    maxSelections: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(1000))), null),
    /** Points each voter spreads (points ballots only). */
    points: z._default(z.nullable(z.int().check(z.minimum(1), z.maximum(1000))), null),
    /** Share of the district budget a knapsack ballot must at least spend, from 0 to 1. */
    minSpendShare: z._default(z.number().check(z.minimum(0), z.maximum(1)), 0),
    /** `own`: a voter votes in their own district; `any`: in one district of their choice; `all`: in every district. */
    districtScope: z._default(z.enum(['own', 'any', 'all']), 'own'),
    revote: z._default(z.enum(['forbid', 'replace']), 'forbid'),
    /**
     * Ask voters for their age band on the ballot's last step (they may skip it). Counted apart
     * from the ballots, per district and band only: see docs/secret-ballot.md.
     */
    askAgeBand: z._default(z.boolean(), false),
    /** The age bands offered, youngest first. */
    ageBands: z._default(z.array(ageBandSchema).check(z.maxLength(20)), []),
  })
  .check(
    z.refine((v) => v.maxSelections === null || v.maxSelections >= v.minSelections, {
      message: 'The maximum number of selections cannot be below the minimum.',
      path: ['maxSelections'],
      params: { code: ISSUE_CODES.maxSelectionsBelowMin },
    }),
    z.refine((v) => (v.method === 'points') === (v.points !== null), {
      message: 'Points ballots need the number of points to spread; other methods take none.',
      path: ['points'],
      params: { code: ISSUE_CODES.pointsMismatch },
    }),
    z.refine((v) => !v.askAgeBand || v.ageBands.length > 0, {
      message: 'List the age bands to ask about.',
      path: ['ageBands'],
      params: { code: ISSUE_CODES.ageBandsMissing },
    }),
    z.refine((v) => new Set(v.ageBands).size === v.ageBands.length, {
      message: 'Each age band appears once.',
      path: ['ageBands'],
      params: { code: ISSUE_CODES.duplicateAgeBand },
    })
  );
export type VotingSettings = z.infer<typeof votingSettingsSchema>;

export { COUNTING_RULES, SATISFACTIONS, COMPLETIONS, TIE_BREAKS };

export const countingSettingsSchema = z.strictObject({
  rule: z._default(z.enum(COUNTING_RULES), 'mes'),
  satisfaction: z._default(z.enum(SATISFACTIONS), 'cost'),
  completion: z._default(z.enum(COMPLETIONS), 'add1'),
  tieBreak: z._default(z.enum(TIE_BREAKS), 'cost-votes'),
  /** Step by which add1 raises each voter's budget, in the currency's major unit. */
  increment: z._default(amountSchema.check(z.positive()), 1),
});
export type CountingSettings = z.infer<typeof countingSettingsSchema>;

export { VERIFICATION_METHODS };
export const verificationSettingsSchema = z.strictObject({
  methods: z._default(
    z
      .array(z.enum(VERIFICATION_METHODS))
      .check(z.minLength(1, 'Choose at least one way to verify voters.')),
    ['code']
  ),
});
export type VerificationSettings = z.infer<typeof verificationSettingsSchema>;

/** A web origin: scheme, host and optional port, nothing after it (`https://www.voorbeeldstad.nl`). */
export const originSchema = z.string().check(
  z.trim(),
  z.refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
      } catch {
        return false;
      }
    },
    {
      message: 'Give an origin such as https://www.voorbeeldstad.nl (no path, no trailing slash).',
      params: { code: ISSUE_CODES.invalidOrigin },
    }
  )
);

/** An absolute http(s) address of a page. */
export const publicUrlSchema = z.string().check(
  z.trim(),
  z.maxLength(2000),
  z.refine((value) => {
    try {
      const url = new URL(value.replaceAll('{id}', 'id'));
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'Give the full address of a page, such as https://www.voorbeeldstad.nl/begroting.')
);

export {
  effectiveSettings,
  hasOwnRules,
  mergeCounting,
  mergeVoting,
  type BallotRules,
  type CountingRules,
  type DistrictRulesSource,
} from './district-rules.js';

function unique<T>(items: readonly T[], key: (item: T) => string): boolean {
  return new Set(items.map(key)).size === items.length;
}

export const roundDocumentSchema = z
  .strictObject({
    slug: slugSchema,
    title: plainLine({ min: 1, max: 200 }),
    description: z._default(plainText({ max: 5000 }), ''),
    language: z._default(languageSchema, 'nl'),
    currency: z._default(currencySchema, 'EUR'),
    /** `decide`: the outcome is binding; `advise`: residents advise the council. */
    mode: z._default(z.enum(['decide', 'advise']), 'decide'),
    budget: amountSchema,
    phases: z.array(phaseDocumentSchema).check(z.minLength(1, 'A round needs at least one phase.')),
    districts: z._default(z.array(districtDocumentSchema), []),
    themes: z._default(z.array(themeSchema), []),
    proposalForm: z._default(proposalFormSettingsSchema, () =>
      proposalFormSettingsSchema.parse({})
    ),
    voting: z._default(votingSettingsSchema, () => votingSettingsSchema.parse({})),
    counting: z._default(countingSettingsSchema, () => countingSettingsSchema.parse({})),
    verification: z._default(verificationSettingsSchema, () =>
      verificationSettingsSchema.parse({})
    ),
    allowedOrigins: z._default(z.array(originSchema), []),
    /**
     * The city's page where residents find the round (`https://www.voorbeeldstad.nl/begroting`).
     * E-mails to submitters link to it; `{id}` in it is replaced by the proposal's documentId
     * (`https://…/voorstel?id={id}`).
     */
    publicUrl: z.optional(z.nullable(publicUrlSchema)),
  })
  .check(
    z.refine((round) => unique(round.phases, (phase) => phase.kind), {
      message: 'Each kind of phase appears at most once.',
      path: ['phases'],
      params: { code: ISSUE_CODES.duplicatePhase },
    }),
    z.refine((round) => unique(round.districts, (district) => district.slug), {
      message: 'District slugs must be unique.',
      path: ['districts'],
      params: { code: ISSUE_CODES.duplicateDistrict },
    }),
    z.refine(
      (round) =>
        unique(
          round.districts.flatMap((district) => district.neighbourhoods),
          (neighbourhood) => neighbourhood.slug
        ),
      {
        message: 'Neighbourhood slugs must be unique within the round.',
        path: ['districts'],
        params: { code: ISSUE_CODES.duplicateNeighbourhood },
      }
    ),
    z.refine((round) => unique(round.themes, (theme) => theme.slug), {
      message: 'Theme slugs must be unique.',
      path: ['themes'],
      params: { code: ISSUE_CODES.duplicateTheme },
    }),
    z.refine(
      (round) =>
        round.districts.every((district) =>
          Object.keys(district.ageBands ?? {}).every((band) => round.voting.ageBands.includes(band))
        ),
      {
        message: 'A district gives figures for an age band the voting settings do not list.',
        path: ['districts'],
        params: { code: ISSUE_CODES.unknownAgeBand },
      }
    ),
    z.superRefine((round, ctx) => {
      round.districts.forEach((district, index) => {
        if (!hasOwnRules(district)) return;
        const at = ['districts', index];
        // A ballot that spans districts could follow only one district's rules.
        if (round.voting.districtScope === 'all') {
          ctx.addIssue({
            code: 'custom',
            message:
              'A district can have its own voting or counting rules only when each voter votes in one district (who votes where: own or any district, not all).',
            path: [...at, district.voting ? 'voting' : 'counting'],
            input: district,
            params: { code: ISSUE_CODES.districtRulesNeedOneDistrict },
          });
          return;
        }
        const { voting } = effectiveSettings(round, district.slug);
        if (voting.maxSelections !== null && voting.maxSelections < voting.minSelections) {
          ctx.addIssue({
            code: 'custom',
            message: `In ${district.name}, the maximum number of selections cannot be below the minimum.`,
            path: [...at, 'voting', 'maxSelections'],
            input: district,
            params: { code: ISSUE_CODES.maxSelectionsBelowMin },
          });
        }
        if ((voting.method === 'points') !== (voting.points !== null)) {
          ctx.addIssue({
            code: 'custom',
            message: `In ${district.name}, points ballots need the number of points to spread; other methods take none.`,
            path: [...at, 'voting', 'points'],
            input: district,
            params: { code: ISSUE_CODES.pointsMismatch },
          });
        }
      });
    })
  );
/** A round document as written (defaults may be left out). */
export type RoundDocumentInput = z.input<typeof roundDocumentSchema>;
/** A round document with every default filled in. */
export type RoundDocument = z.infer<typeof roundDocumentSchema>;

/**
 * What a round document leaves for officials to look at, without refusing it: district budgets
 * that do not add up to the round's budget, and gaps or overlaps between phases.
 */
export function roundDocumentWarnings(round: RoundDocument): string[] {
  const warnings: string[] = [];
  if (round.districts.length > 0) {
    const sum = round.districts.reduce(
      (total, district) => total + Math.round(district.budget * 100),
      0
    );
    const difference = Math.round(round.budget * 100) - sum;
    if (difference !== 0) {
      warnings.push(
        `District budgets add up to ${(sum / 100).toFixed(2)}, which is ${(Math.abs(difference) / 100).toFixed(2)} ${
          difference > 0 ? 'less' : 'more'
        } than the round's budget.`
      );
    }
  }
  const phases = [...round.phases].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (let i = 1; i < phases.length; i++) {
    const previous = phases[i - 1]!;
    const phase = phases[i]!;
    const gap = Date.parse(phase.start) - Date.parse(previous.end);
    if (gap < 0) warnings.push(`The ${previous.kind} and ${phase.kind} phases overlap.`);
    if (gap > 0) {
      const days = Math.round(gap / 86_400_000);
      warnings.push(
        `No phase runs between the ${previous.kind} and ${phase.kind} phases (${days} ${days === 1 ? 'day' : 'days'}).`
      );
    }
  }
  return warnings;
}
