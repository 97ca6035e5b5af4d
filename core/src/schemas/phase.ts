import * as z from 'zod/mini';
import { instantSchema } from './primitives.js';

import { PHASE_KINDS } from './constants.js';
import { ISSUE_CODES } from './issue-codes.js';

export { PHASE_KINDS };

export const phaseKindSchema = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof phaseKindSchema>;

const phaseShape = {
  kind: phaseKindSchema,
  start: instantSchema,
  end: instantSchema,
  /** Set when an admin closed the phase before its end date: it is over from that moment. */
  closedAt: z.optional(z.nullable(instantSchema)),
};

const endsAfterStart = z.refine<{ start: string; end: string }>(
  (phase) => Date.parse(phase.start) < Date.parse(phase.end),
  {
    message: 'A phase must end after it starts.',
    path: ['end'],
    params: { code: ISSUE_CODES.phaseEndsBeforeStart },
  }
);

/** A phase as the public view shows it. */
export const phaseSchema = /* @__PURE__ */ z.object(phaseShape).check(endsAfterStart);
/** A phase in a round document: unknown fields refused. */
export const phaseDocumentSchema = /* @__PURE__ */ z.strictObject(phaseShape).check(endsAfterStart);
export type Phase = z.infer<typeof phaseSchema>;

/** When a phase is over: its end, or earlier where an admin closed it early. */
export function phaseEndsAt(phase: Pick<Phase, 'end' | 'closedAt'>): number {
  const end = Date.parse(phase.end);
  return phase.closedAt ? Math.min(end, Date.parse(phase.closedAt)) : end;
}

/** The phase running at `at`; the latest-starting one wins where phases overlap. */
export function currentPhaseAt(phases: readonly Phase[], at: Date): PhaseKind | null {
  const now = at.getTime();
  let current: Phase | null = null;
  for (const phase of phases) {
    const starts = Date.parse(phase.start);
    if (starts <= now && now < phaseEndsAt(phase)) {
      if (!current || starts >= Date.parse(current.start)) current = phase;
    }
  }
  return current ? current.kind : null;
}
