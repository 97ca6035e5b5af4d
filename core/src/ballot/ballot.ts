import * as z from 'zod/mini';
import { documentIdSchema } from '../schemas/ids.js';
import { mergeVoting } from '../schemas/district-rules.js';
import type { DistrictVoting, VotingSettings } from '../schemas/round-document.js';
import type { ErrorIssue } from '../schemas/error.js';

/** One choice on a ballot: `points` only on points ballots, `rank` only on ranked ones. */
export const ballotSelectionSchema = z.strictObject({
  proposal: documentIdSchema,
  points: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  rank: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
});
export type BallotSelection = z.infer<typeof ballotSelectionSchema>;

/** What `POST /api/begroot/rounds/:slug/ballots` takes (and a paper ballot, with its code). */
export const ballotInputSchema = z.strictObject({
  selections: z.array(ballotSelectionSchema).check(z.maxLength(1000)),
  /** The receipt secret of an earlier ballot, to replace it where the round allows re-voting. */
  receipt: z.optional(z.string().check(z.trim(), z.minLength(8), z.maxLength(100))),
  /**
   * The voter's age band, where the round asks for it (optional: a voter may skip it). Checked
   * against the round's bands by the server; counted apart from the ballot, never stored with it.
   */
  ageBand: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(8)))),
});
export type BallotInput = z.infer<typeof ballotInputSchema>;

/** What the ballot check needs to know of each proposal on offer. */
export interface BallotProposal {
  /** Official cost where set, else the resident's estimate. */
  cost: number;
  /** The district slug, or null for a city-wide proposal. */
  district: string | null;
}

export interface BallotContext {
  voting: Pick<
    VotingSettings,
    'method' | 'minSelections' | 'maxSelections' | 'points' | 'minSpendShare' | 'districtScope'
  >;
  /** Admitted proposals by documentId; anything else on a ballot is refused. */
  proposals: ReadonlyMap<string, BallotProposal>;
  /** Budgets by district slug; the key `''` holds a round without districts (its whole budget). */
  budgets: ReadonlyMap<string, number>;
  /** The voter's own district (from their credential), or null where voters have none. */
  voterDistrict: string | null;
  /**
   * The districts' own ballot rules (a round document's or public view's `districts`): a ballot
   * follows those of the district it is cast in (see {@link ballotDistrict}) on top of `voting`.
   */
  districts?: ReadonlyArray<{ slug: string; voting?: DistrictVoting | null }> | null;
}

/**
 * The district a ballot is cast in: the voter's own, else (a voter who picks one district) that
 * of the first district proposal chosen; null for a round without districts or city-wide only.
 */
export function ballotDistrict(
  selections: readonly BallotSelection[],
  proposals: ReadonlyMap<string, BallotProposal>,
  voterDistrict: string | null
): string | null {
  if (voterDistrict) return voterDistrict;
  for (const selection of selections) {
    const district = proposals.get(selection.proposal)?.district;
    if (district) return district;
  }
  return null;
}

/** The ballot rules a ballot follows: the round's, with its district's own on top. */
export function ballotRules(
  selections: readonly BallotSelection[],
  context: BallotContext
): BallotContext['voting'] {
  if (!context.districts?.length) return context.voting;
  const district = ballotDistrict(selections, context.proposals, context.voterDistrict);
  const own = context.districts.find((d) => d.slug === district)?.voting;
  return own ? mergeVoting(context.voting, own) : context.voting;
}

export type BallotIssueCode =
  | 'duplicate'
  | 'unknown_proposal'
  | 'wrong_district'
  | 'several_districts'
  | 'too_few'
  | 'too_many'
  | 'over_budget'
  | 'under_min_spend'
  | 'points_missing'
  | 'points_not_allowed'
  | 'points_total'
  | 'rank_missing'
  | 'rank_not_allowed'
  | 'rank_sequence';

export interface BallotIssue extends ErrorIssue {
  code: BallotIssueCode;
}

/** Money compared in cents, so sums of amounts with decimals never drift. */
const cents = (amount: number) => Math.round(amount * 100);

/**
 * Checks a ballot against the round's voting settings. Returns every problem at once, each pointing
 * at the selection it belongs to, so a widget can show them where they are and a server can refuse
 * the ballot before anything is stored. An empty list means the ballot is valid.
 */
export function checkBallot(
  selections: readonly BallotSelection[],
  context: BallotContext
): BallotIssue[] {
  const { proposals, budgets, voterDistrict } = context;
  const voting = ballotRules(selections, context);
  const issues: BallotIssue[] = [];
  const add = (
    code: BallotIssueCode,
    message: string,
    path: Array<string | number> = ['selections']
  ) => issues.push({ path, code, message, name: 'ValidationError' });

  const seen = new Set<string>();
  const districtsUsed = new Set<string>();
  selections.forEach((selection, index) => {
    const at = ['selections', index];
    if (seen.has(selection.proposal))
      add('duplicate', 'This proposal is on the ballot twice.', [...at, 'proposal']);
    seen.add(selection.proposal);
    const proposal = proposals.get(selection.proposal);
    if (!proposal) {
      add('unknown_proposal', 'This proposal is not on the ballot of this round.', [
        ...at,
        'proposal',
      ]);
      return;
    }
    const district = proposal.district ?? '';
    districtsUsed.add(district);
    if (
      voting.districtScope === 'own' &&
      proposal.district !== null &&
      proposal.district !== voterDistrict
    ) {
      add('wrong_district', 'You can vote only for proposals in your own district.', [
        ...at,
        'proposal',
      ]);
    }
    if (voting.method === 'points') {
      if (selection.points === undefined)
        add('points_missing', 'Give this proposal a number of points.', [...at, 'points']);
    } else if (selection.points !== undefined) {
      add('points_not_allowed', 'This round does not vote with points.', [...at, 'points']);
    }
    if (voting.method === 'ranking') {
      if (selection.rank === undefined)
        add('rank_missing', 'Give this proposal a rank.', [...at, 'rank']);
    } else if (selection.rank !== undefined) {
      add('rank_not_allowed', 'This round does not vote by ranking.', [...at, 'rank']);
    }
  });

  if (voting.districtScope === 'any' && districtsUsed.size > 1) {
    add('several_districts', 'Choose proposals from one district only.');
  }

  const count = selections.length;
  if (count < voting.minSelections) {
    add(
      'too_few',
      `Choose at least ${voting.minSelections} ${voting.minSelections === 1 ? 'proposal' : 'proposals'}.`
    );
  }
  if (voting.maxSelections !== null && count > voting.maxSelections) {
    add(
      'too_many',
      `Choose at most ${voting.maxSelections} ${voting.maxSelections === 1 ? 'proposal' : 'proposals'}.`
    );
  }

  if (voting.method === 'knapsack') {
    // Each district's selection must fit in that district's budget (city-wide proposals in the whole).
    const spent = new Map<string, number>();
    for (const selection of selections) {
      const proposal = proposals.get(selection.proposal);
      if (!proposal) continue;
      const district = proposal.district ?? '';
      spent.set(district, (spent.get(district) ?? 0) + cents(proposal.cost));
    }
    // The voter's own district is checked even when nothing in it is chosen (minimum spend).
    const scoped = new Set(spent.keys());
    if (voting.districtScope === 'own' && voterDistrict !== null) scoped.add(voterDistrict);
    for (const district of scoped) {
      const budget = budgets.get(district);
      if (budget === undefined) continue;
      const used = spent.get(district) ?? 0;
      if (used > cents(budget)) {
        add('over_budget', 'The chosen proposals cost more than the budget.');
      } else if (
        voting.minSpendShare > 0 &&
        used < Math.ceil(cents(budget) * voting.minSpendShare)
      ) {
        add(
          'under_min_spend',
          `Spend at least ${Math.round(voting.minSpendShare * 100)}% of the budget.`
        );
      }
    }
  }

  if (
    voting.method === 'points' &&
    voting.points !== null &&
    selections.every((s) => s.points !== undefined)
  ) {
    const total = selections.reduce((sum, selection) => sum + (selection.points ?? 0), 0);
    if (total !== voting.points) {
      add('points_total', `Spread exactly ${voting.points} points; this ballot has ${total}.`);
    }
  }

  if (voting.method === 'ranking' && selections.every((s) => s.rank !== undefined)) {
    const ranks = selections.map((selection) => selection.rank!).sort((a, b) => a - b);
    if (ranks.some((rank, index) => rank !== index + 1)) {
      add('rank_sequence', 'Rank the chosen proposals 1, 2, 3 and so on, each rank once.');
    }
  }
  return issues;
}
