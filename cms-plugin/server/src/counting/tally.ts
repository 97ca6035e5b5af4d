/**
 * The count of a round as pure functions of plain data (no Strapi, no database), so it runs the
 * same in the counting worker and in a test: ballots and proposals in, results beside greedy out.
 */
import type { RoundResults } from '@begroot/core';
import {
  countByDistrict,
  type CountOptions,
  type Election,
  type Outcome,
} from '@begroot/core/counting';
import type { StoredRound } from '../services/round';
import { toAmount } from '../utils/amount';

/** The bucket of city-wide proposals (no district) in a round with districts. */
export const CITY_WIDE = '';

export interface BallotProject {
  documentId: string;
  title: string;
  cost: number;
  district: string;
}

export interface Selection {
  proposal: string;
  points?: number;
  rank?: number;
}

/** What the count needs of a round: plain data that a worker message can carry. */
export interface TallyRound {
  budget: number;
  districts: Array<{ slug: string; budget: number }>;
  method: 'approval' | 'knapsack' | 'points' | 'ranking';
  counting: Partial<NonNullable<StoredRound['counting']>>;
}

export interface TallyInput {
  round: TallyRound;
  projects: BallotProject[];
  /** Every ballot's selections (as stored), together as one JSON array text. */
  ballots: string;
}

export interface Tally {
  results: RoundResults;
  greedy: RoundResults;
  ballots: number;
}

export function tallyRound(stored: StoredRound): TallyRound {
  return {
    budget: toAmount(stored.budget),
    districts: (stored.districts ?? []).map((d) => ({ slug: d.slug, budget: toAmount(d.budget) })),
    method: (stored.voting?.method ?? 'approval') as TallyRound['method'],
    counting: { ...(stored.counting ?? {}) },
  };
}

/** Each district's budget; city-wide proposals share what the districts leave of the total. */
export function budgetsOf(round: TallyRound, projects: BallotProject[]): Record<string, number> {
  const budgets: Record<string, number> = {};
  for (const district of round.districts) budgets[district.slug] = district.budget;
  if (round.districts.length === 0 || projects.some((p) => p.district === CITY_WIDE)) {
    const rest = round.districts.reduce((sum, d) => sum - d.budget, round.budget);
    budgets[CITY_WIDE] = Math.max(0, Math.round(rest * 100) / 100);
  }
  return budgets;
}

/** The ballots as the counting engine reads them (ranked ballots most preferred first). */
export function electionOf(
  round: TallyRound,
  projects: BallotProject[],
  ballots: Selection[][]
): Election {
  const known = new Set(projects.map((p) => p.documentId));
  const total = Object.values(budgetsOf(round, projects)).reduce((a, b) => a + b, 0);
  return {
    budget: String(total),
    projects: projects.map((p) => ({ id: p.documentId, cost: p.cost })),
    ballots: ballots.map((selections) => {
      const chosen = selections.filter((s) => known.has(s.proposal));
      if (round.method === 'ranking') chosen.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
      return {
        projects: chosen.map((s) => s.proposal),
        points: round.method === 'points' ? chosen.map((s) => s.points ?? 0) : null,
      };
    }),
  };
}

/** The round's counting settings as engine options; `greedy` for the comparison. */
export function countOptions(round: TallyRound, rule?: 'greedy'): CountOptions {
  const counting = round.counting;
  const sat =
    round.method === 'points' && counting.satisfaction === 'cardinality'
      ? 'points'
      : (counting.satisfaction ?? 'cost');
  return {
    rule: rule ?? counting.rule ?? 'mes',
    sat,
    completion: rule === 'greedy' ? 'none' : (counting.completion ?? 'add1'),
    tieBreak: counting.tieBreak ?? 'cost-votes',
    increment: counting.increment ?? 1,
  };
}

function shape(
  round: TallyRound,
  projects: BallotProject[],
  outcome: Record<string, Outcome>,
  budgets: Record<string, number>,
  options: CountOptions
): RoundResults {
  const order = [...round.districts.map((d) => d.slug), CITY_WIDE];
  return {
    rule: {
      rule: options.rule,
      satisfaction: options.sat,
      completion: options.completion,
      tieBreak: options.tieBreak,
      increment: options.increment,
    },
    districts: order
      .filter((district) => budgets[district] !== undefined && outcome[district])
      .map((district) => {
        const counted = outcome[district]!;
        const explanations = new Map(counted.projects.map((p) => [p.id, p]));
        return {
          district: district === CITY_WIDE ? null : district,
          budget: budgets[district]!,
          spent: counted.totalCost,
          voters: counted.voters,
          proposals: projects
            .filter((p) => p.district === district)
            .map((p) => {
              const {
                id: _id,
                cost: _cost,
                funded,
                supporters,
                ...explanation
              } = explanations.get(p.documentId)!;
              return {
                documentId: p.documentId,
                title: p.title,
                cost: p.cost,
                votes: supporters,
                funded,
                explanation: { ...explanation },
              };
            })
            .sort((a, b) => Number(b.funded) - Number(a.funded) || b.votes - a.votes),
        };
      }),
  };
}

/** Counts per district with the round's rule and with greedy beside it. CPU-bound. */
export function tally({ round, projects, ballots: text }: TallyInput): Tally {
  const ballots = JSON.parse(text) as Selection[][];
  const budgets = budgetsOf(round, projects);
  const election = electionOf(round, projects, ballots);
  const districtOf = new Map(projects.map((p) => [p.documentId, p.district]));
  const spec = { budgets, districtOf: (id: string) => districtOf.get(id) };
  const run = (options: CountOptions) =>
    shape(round, projects, countByDistrict(election, spec, options).districts, budgets, options);
  return {
    results: run(countOptions(round)),
    greedy: run(countOptions(round, 'greedy')),
    ballots: ballots.length,
  };
}
