import * as z from 'zod/mini';
import { plainLine } from './text.js';
import { HONEYPOT_FIELD } from './proposal.js';

/**
 * A citizens' panel drawn by lot (burgerpanel): the draw's input and output, and the file anyone
 * can download and recompute (`GET /api/begroot/rounds/:slug/panel/draw.json`, `npm run
 * panel-draw`). See docs/panel.md for the algorithm.
 */

/** The algorithm's name and version: a file names the rules it was drawn by. */
export const PANEL_ALGORITHM = 'begroot-panel-draw/1';

/** The most candidates one draw takes: sign-ups and imports stop there. */
export const PANEL_MAX_CANDIDATES = 100_000;

const label = z.string().check(z.minLength(1), z.maxLength(100));

/** A stratum: one value per stratification field (`{ district: 'oost', ageBand: '18-24' }`). */
export const panelStratumSchema = z.record(label, z.string().check(z.maxLength(100)));
export type PanelStratum = z.infer<typeof panelStratumSchema>;

export const panelCandidateSchema = z.object({
  /** Opaque and unique: in a published draw a pseudonym, never a name or an address. */
  id: label,
  strata: panelStratumSchema,
});
export type PanelCandidate = z.infer<typeof panelCandidateSchema>;

export const panelTargetSchema = z.object({
  stratum: panelStratumSchema,
  /** The stratum's share of the population, in any unit (residents, per-mille): whole numbers. */
  weight: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
});
export type PanelTarget = z.infer<typeof panelTargetSchema>;

const stratumKeyOf = (by: readonly string[], stratum: Record<string, string>) =>
  JSON.stringify(by.map((field) => stratum[field] ?? null));
const hasExactly = (by: readonly string[], stratum: Record<string, string>) =>
  Object.keys(stratum).length === by.length && by.every((field) => field in stratum);

export const panelDrawInputSchema = z
  .object({
    /** Announced publicly before the draw (a lottery number, dice thrown at a council meeting). */
    seed: z.string().check(z.minLength(1), z.maxLength(200)),
    seats: z.int().check(z.minimum(1), z.maximum(10_000)),
    /** The stratification fields, in order; empty: one stratum, a simple draw. */
    stratifyBy: z.array(label).check(z.maxLength(5)),
    candidates: z.array(panelCandidateSchema).check(z.maxLength(PANEL_MAX_CANDIDATES)),
    /** Population shares per stratum; null: each stratum's share is its number of candidates. */
    targets: z.nullable(z.array(panelTargetSchema).check(z.maxLength(10_000))),
  })
  .check(
    z.refine((input) => new Set(input.stratifyBy).size === input.stratifyBy.length, {
      message: 'Each stratification field appears once.',
      path: ['stratifyBy'],
    }),
    z.refine(
      (input) => new Set(input.candidates.map((c) => c.id)).size === input.candidates.length,
      {
        message: 'Each candidate id appears once.',
        path: ['candidates'],
      }
    ),
    z.refine((input) => input.candidates.every((c) => hasExactly(input.stratifyBy, c.strata)), {
      message: 'Every candidate has exactly one value for each stratification field.',
      path: ['candidates'],
    }),
    z.refine(
      (input) =>
        input.targets === null ||
        (input.targets.every((t) => hasExactly(input.stratifyBy, t.stratum)) &&
          new Set(input.targets.map((t) => stratumKeyOf(input.stratifyBy, t.stratum))).size ===
            input.targets.length),
      {
        message: 'Every target names one stratum, with a value for each field, once.',
        path: ['targets'],
      }
    )
  );
export type PanelDrawInput = z.infer<typeof panelDrawInputSchema>;

const count = z.int().check(z.minimum(0));

export const panelStratumResultSchema = z.object({
  stratum: panelStratumSchema,
  /** The weight the allocation used (the target's, or the number of candidates). */
  weight: count,
  /** Seats the stratum's share gives it (largest remainder), had it enough candidates. */
  target: count,
  /** Candidates in the stratum. */
  available: count,
  selected: count,
});
export type PanelStratumResult = z.infer<typeof panelStratumResultSchema>;

export const panelDrawOutputSchema = z.object({
  algorithm: z.literal(PANEL_ALGORITHM),
  /** Selected candidates' ids in draw order. */
  selected: z.array(z.string()),
  /** Everyone else, in the order they are asked when a selected member declines. */
  reserves: z.array(z.string()),
  /** Seats left empty because there were fewer candidates than seats. */
  unfilled: count,
  strata: z.array(panelStratumResultSchema),
});
export type PanelDrawOutput = z.infer<typeof panelDrawOutputSchema>;

/** The published draw file: pseudonymous input and the output it gives. */
export const panelDrawFileSchema = z.object({
  format: z.literal('begroot-panel-draw'),
  algorithm: z.literal(PANEL_ALGORITHM),
  round: z.string(),
  drawnAt: z.string(),
  input: panelDrawInputSchema,
  output: panelDrawOutputSchema,
});
export type PanelDrawFile = z.infer<typeof panelDrawFileSchema>;

const panelEmailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email('Give a valid e-mail address.')
);

export interface PanelVolunteerOptions {
  /** The round's district slugs: one is required when there are any. */
  districts: readonly string[];
  /** The round's age bands: one may be given, and must be when the draw is stratified by age. */
  ageBands: readonly string[];
  ageBandRequired: boolean;
}

/**
 * What a resident sends to `POST /api/begroot/rounds/:slug/panel/volunteers`. The e-mail address
 * is for contact only: it never appears in a public answer or the draw file.
 */
export function panelVolunteerInputSchema(options: PanelVolunteerOptions) {
  const { districts, ageBands, ageBandRequired } = options;
  const band = z.enum(
    (ageBands.length > 0 ? ageBands : ['-']) as [string, ...string[]],
    'Choose one of the round’s age bands.'
  );
  const none = z.optional(
    z.pipe(
      z.transform((value: unknown) => (value === '' || value === null ? undefined : value)),
      z.undefined('This round does not ask for this.')
    )
  );
  return z.strictObject({
    displayName: plainLine({ min: 2, max: 80 }),
    email: panelEmailSchema,
    district:
      districts.length > 0
        ? z.enum(districts as [string, ...string[]], 'Choose one of the round’s districts.')
        : none,
    ageBand:
      ageBands.length === 0
        ? none
        : ageBandRequired
          ? band
          : z.optional(
              z.pipe(
                z.transform((value: unknown) =>
                  value === '' || value === null ? undefined : value
                ),
                z.optional(band)
              )
            ),
    consent: z.literal(true, 'Agree to be contacted about the panel to sign up.'),
    [HONEYPOT_FIELD]: z.optional(z.literal('', 'Leave this field empty.')),
  });
}
export type PanelVolunteerInput = z.infer<ReturnType<typeof panelVolunteerInputSchema>>;

const stratumCountsSchema = z.object({
  stratum: panelStratumSchema,
  /** Seats the population's share gives the stratum (or its share of volunteers, without figures). */
  target: count,
  volunteers: count,
  /** Null until the draw. */
  selected: z.nullable(count),
});

/** `GET /api/begroot/rounds/:slug/panel`: the panel in numbers. No name, no address, no pseudonym. */
export const panelPublicViewSchema = z.object({
  round: z.string(),
  algorithm: z.literal(PANEL_ALGORITHM),
  /**
   * `open`: the pool is not closed (whether residents can sign up now: `signup.open`); `closed`:
   * officials closed the pool and froze it (no more sign-ups; the seed follows);
   * `drawn`: the panel has been drawn.
   */
  status: z.enum(['open', 'closed', 'drawn']),
  seats: z.nullable(count),
  /** The public seed, once the officials have set it (announced before the draw). */
  seed: z.nullable(z.string()),
  stratifyBy: z.array(z.string()),
  volunteers: count,
  /**
   * SHA-256 of the pool as the draw will take it (the JSON array of pseudonymous candidates, by
   * id): note it when the seed is announced, and compare it with the draw file's `input.candidates`.
   */
  poolSha256: z.string(),
  strata: z.array(stratumCountsSchema),
  draw: z.nullable(
    z.object({
      number: count,
      drawnAt: z.string(),
      /** SHA-256 of draw.json as served: anyone can check that the file is the one used. */
      sha256: z.string(),
      selected: count,
      unfilled: count,
    })
  ),
  /** Whether residents can sign up now: the officials' switch and window (null: no limit). */
  signup: z.optional(
    z.object({
      enabled: z.boolean(),
      open: z.boolean(),
      opensAt: z.nullable(z.string()),
      closesAt: z.nullable(z.string()),
    })
  ),
  /** When officials closed the pool (before the seed is set), and the pool they froze then. */
  closedAt: z.optional(z.nullable(z.string())),
  /** The pool's SHA-256 at closing: the draw file's `input.candidates` must hash to this. */
  closedPoolSha256: z.optional(z.nullable(z.string())),
  closedVolunteers: z.optional(z.nullable(count)),
  /** Every change officials made (switch, window, seats, closing, seed, imports, voids), in order. */
  history: z.optional(
    z.array(
      z.object({
        at: z.string(),
        kind: z.string(),
        detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      })
    )
  ),
  /** Earlier draws that officials voided, with their reason: kept, and downloadable. */
  voidedDraws: z.array(
    z.object({
      number: count,
      drawnAt: z.string(),
      voidedAt: z.string(),
      reason: z.string(),
      sha256: z.string(),
    })
  ),
});
export type PanelPublicView = z.infer<typeof panelPublicViewSchema>;
