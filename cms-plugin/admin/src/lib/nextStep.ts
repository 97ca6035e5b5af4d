import { phaseEndsAt, type Phase, type PhaseKind } from '@begroot/core';

import type { Section } from './permissions';
import { phaseState } from './phases';

/** Where a round stands as a whole: before its first phase, in one, between two, or past all. */
export type RoundStage = 'before' | 'running' | 'between' | 'after';

export type NextStep = {
  stage: RoundStage;
  /** The running phase, when there is one. */
  phase: PhaseKind | null;
  /** The section where the work of this moment is done. */
  section: Section;
  /** When the running phase ends (closed early or not). */
  until: string | null;
  /** The phase that starts next, when one does. */
  upcoming: { kind: PhaseKind; start: string } | null;
};

/** Where the work of each phase happens in the admin. */
const SECTION_OF: Record<PhaseKind, Section> = {
  ideas: 'review',
  review: 'review',
  deliberation: 'moderation',
  voting: 'voting',
  results: 'results',
  execution: 'execution',
};

/** What the content team should do now for a round, so a new member knows where to go next. */
export function nextStep(
  phases: ReadonlyArray<Pick<Phase, 'kind' | 'start' | 'end' | 'closedAt'>>,
  now: Date
): NextStep {
  const states = phases.map((phase) => phaseState(phase, now));
  const next = phases
    .filter((_, index) => states[index] === 'upcoming')
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
  const upcoming = next ? { kind: next.kind, start: next.start } : null;
  const running = phases.find((_, index) => states[index] === 'running');
  if (running) {
    const until = new Date(phaseEndsAt(running)).toISOString();
    return {
      stage: 'running',
      phase: running.kind,
      section: SECTION_OF[running.kind],
      until,
      upcoming,
    };
  }
  // A round without phases has not started: its phases are still to be set.
  const stage: RoundStage = states.every((state) => state === 'upcoming')
    ? 'before'
    : upcoming
      ? 'between'
      : 'after';
  // Before and between phases the work is in the round's own settings; afterwards, in execution.
  const section: Section = stage === 'after' ? 'execution' : 'rounds';
  return { stage, phase: null, section, until: null, upcoming };
}
