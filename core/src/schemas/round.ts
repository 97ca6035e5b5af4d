import * as z from 'zod/mini';
import {
  amountSchema,
  currencySchema,
  instantSchema,
  languageSchema,
  slugSchema,
} from './primitives.js';

/** The stages a round moves through; a round may skip some. */
export const PHASE_KINDS = [
  'ideas',
  'review',
  'deliberation',
  'voting',
  'results',
  'execution',
] as const;

export const phaseKindSchema = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof phaseKindSchema>;

export const phaseSchema = z
  .object({
    kind: phaseKindSchema,
    start: instantSchema,
    end: instantSchema,
  })
  .check(
    z.refine((phase) => Date.parse(phase.start) < Date.parse(phase.end), {
      message: 'A phase must end after it starts.',
      path: ['end'],
    })
  );
export type Phase = z.infer<typeof phaseSchema>;

export const districtSchema = z.object({
  slug: slugSchema,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
  budget: amountSchema,
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
});
export type RoundPublicView = z.infer<typeof roundPublicViewSchema>;

/** The phase whose dates contain `at`; the latest-starting one wins where phases overlap. */
export function currentPhaseAt(phases: readonly Phase[], at: Date): PhaseKind | null {
  const now = at.getTime();
  let current: Phase | null = null;
  for (const phase of phases) {
    const starts = Date.parse(phase.start);
    if (starts <= now && now < Date.parse(phase.end)) {
      if (!current || starts >= Date.parse(current.start)) current = phase;
    }
  }
  return current ? current.kind : null;
}
