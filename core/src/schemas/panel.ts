import * as z from 'zod/mini';

/**
 * A citizens' panel drawn by lot (burgerpanel): the draw's input and output, and the file anyone
 * can download and recompute (`GET /api/begroot/rounds/:slug/panel/draw.json`, `npm run
 * panel-draw`). See docs/panel.md for the algorithm.
 */

/** The algorithm's name and version: a file names the rules it was drawn by. */
export const PANEL_ALGORITHM = 'begroot-panel-draw/1';

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
    candidates: z.array(panelCandidateSchema).check(z.maxLength(100_000)),
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
