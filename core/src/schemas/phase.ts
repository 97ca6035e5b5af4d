import * as z from 'zod/mini';
import { instantSchema } from './primitives.js';

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
