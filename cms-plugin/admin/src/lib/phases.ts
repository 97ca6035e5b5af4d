import { phaseEndsAt, type Phase } from '@begroot/core';

/** Where a phase stands at `now`: what the close/reopen control offers. */
export type PhaseState = 'upcoming' | 'running' | 'closedEarly' | 'over';

export function phaseState(
  phase: Pick<Phase, 'start' | 'end' | 'closedAt'>,
  now: Date
): PhaseState {
  const at = now.getTime();
  if (phase.closedAt && Date.parse(phase.closedAt) < Date.parse(phase.end)) {
    return Date.parse(phase.closedAt) <= at ? 'closedEarly' : 'running';
  }
  if (at < Date.parse(phase.start)) return 'upcoming';
  return at < phaseEndsAt(phase) ? 'running' : 'over';
}

/** The current phase and the day it ends (closed early or not), for the rounds list. */
export function currentPhaseEnd(
  phases: ReadonlyArray<Pick<Phase, 'kind' | 'start' | 'end' | 'closedAt'>>,
  kind: string | null
): string | null {
  const phase = phases.find((candidate) => candidate.kind === kind);
  return phase ? new Date(phaseEndsAt(phase)).toISOString() : null;
}
