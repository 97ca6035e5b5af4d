import type { PhaseKind } from '@begroot/core';

const DAY = 86_400_000;

export type TimelinePhase = { kind: PhaseKind; start: string; end: string };

export type TimelineBar = {
  kind: PhaseKind;
  /** Where the bar starts and how wide it is, in percent of the whole round. */
  offset: number;
  width: number;
  days: number;
};

export type TimelineIssue = {
  type: 'gap' | 'overlap' | 'invalid';
  /** The phases involved, in date order (one phase for `invalid`). */
  phases: PhaseKind[];
  /** Whole days of the gap or overlap (rounded, at least 1 where there is one). */
  days: number;
};

export type Timeline = { bars: TimelineBar[]; issues: TimelineIssue[]; start: number; end: number };

const time = (value: string) => Date.parse(value);

/**
 * Lays the phases out on one line and flags what officials should look at: a phase that ends
 * before it starts, days on which no phase runs, and days on which two phases run at once.
 * Phases with unreadable dates are left out of the bars and flagged as invalid.
 */
export function computeTimeline(phases: readonly TimelinePhase[]): Timeline {
  const issues: TimelineIssue[] = [];
  const valid: TimelinePhase[] = [];
  for (const phase of phases) {
    const start = time(phase.start);
    const end = time(phase.end);
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      issues.push({ type: 'invalid', phases: [phase.kind], days: 0 });
    } else {
      valid.push(phase);
    }
  }
  const sorted = [...valid].sort((a, b) => time(a.start) - time(b.start));
  if (sorted.length === 0) return { bars: [], issues, start: 0, end: 0 };

  const first = time(sorted[0]!.start);
  const last = Math.max(...sorted.map((phase) => time(phase.end)));
  const span = last - first || 1;
  const bars = sorted.map((phase) => ({
    kind: phase.kind,
    offset: ((time(phase.start) - first) / span) * 100,
    width: ((time(phase.end) - time(phase.start)) / span) * 100,
    days: Math.round((time(phase.end) - time(phase.start)) / DAY),
  }));

  // Compare each phase with the latest end so far: a long phase may overlap several later ones.
  let reach = sorted[0]!;
  for (const phase of sorted.slice(1)) {
    const gap = time(phase.start) - time(reach.end);
    if (gap > 0) {
      issues.push({
        type: 'gap',
        phases: [reach.kind, phase.kind],
        days: Math.max(1, Math.round(gap / DAY)),
      });
    } else if (gap < 0) {
      const overlap = Math.min(time(reach.end), time(phase.end)) - time(phase.start);
      issues.push({
        type: 'overlap',
        phases: [reach.kind, phase.kind],
        days: Math.max(1, Math.round(overlap / DAY)),
      });
    }
    if (time(phase.end) > time(reach.end)) reach = phase;
  }
  return { bars, issues, start: first, end: last };
}
