/**
 * A district's own voting and counting rules on top of the round's: pure functions without
 * schemas, so the widgets' ballot rules can use them without downloading the round document's
 * checks (the schemas themselves are in `round-document.ts`, which re-exports these).
 */
import type {
  CountingSettings,
  DistrictCounting,
  DistrictVoting,
  VotingSettings,
} from './round-document.js';

/** The ballot rules a district may set for itself. */
export type BallotRules = Pick<
  VotingSettings,
  'method' | 'minSelections' | 'maxSelections' | 'points' | 'minSpendShare'
>;
/** The counting settings a district may set for itself. */
export type CountingRules = Pick<CountingSettings, 'rule' | 'satisfaction' | 'completion'>;

/** What the effective settings need of a round: its settings and its districts' own rules. */
export interface DistrictRulesSource<V extends BallotRules, C extends CountingRules> {
  voting: V;
  counting: C;
  districts?: ReadonlyArray<{
    slug: string;
    voting?: DistrictVoting | null;
    counting?: DistrictCounting | null;
  }> | null;
}

/** The round's ballot rules with a district's own on top (see {@link effectiveSettings}). */
export function mergeVoting<V extends BallotRules>(
  round: V,
  own: DistrictVoting | null | undefined
): V {
  const voting = { ...round };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (value !== undefined) (voting as Record<string, unknown>)[key] = value;
  }
  if (own?.points === undefined) {
    voting.points = voting.method === 'points' ? (round.points ?? null) : null;
  }
  return voting;
}

/** The round's counting settings with a district's own on top. */
export function mergeCounting<C extends CountingRules>(
  round: C,
  own: DistrictCounting | null | undefined
): C {
  const counting = { ...round };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (value !== undefined) (counting as Record<string, unknown>)[key] = value;
  }
  return counting;
}

/**
 * The settings a district's ballots and count follow: the round's, with what the district sets
 * for itself on top. `null` (or an unknown slug, or city-wide proposals) gives the round's own.
 * A district that changes the method away from points drops the round's points; one that
 * changes it to points without a number takes the round's.
 */
export function effectiveSettings<V extends BallotRules, C extends CountingRules>(
  round: DistrictRulesSource<V, C>,
  district: string | null
): { voting: V; counting: C } {
  const own = district === null ? undefined : round.districts?.find((d) => d.slug === district);
  return {
    voting: mergeVoting(round.voting, own?.voting),
    counting: mergeCounting(round.counting, own?.counting),
  };
}

/** Whether a district sets any rule of its own. */
export function hasOwnRules(district: {
  voting?: DistrictVoting | null;
  counting?: DistrictCounting | null;
}): boolean {
  const set = (part: object | null | undefined) =>
    Object.values(part ?? {}).some((value) => value !== undefined);
  return set(district.voting) || set(district.counting);
}
