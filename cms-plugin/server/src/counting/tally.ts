/**
 * The count of a round as pure functions of plain data (no Strapi, no database), so it runs the
 * same in the counting worker and in a test: ballots and proposals in, results beside greedy out.
 */
import { effectiveSettings, type RoundResults } from '@begroot/core';
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

type Method = 'approval' | 'knapsack' | 'points' | 'ranking';
type Counting = Partial<NonNullable<StoredRound['counting']>>;

/**
 * What the count needs of a round: plain data that a worker message can carry. `method` and
 * `counting` are the round's (city-wide proposals follow them); each district carries its own
 * effective ones (the round's with the district's own rules on top).
 */
export interface TallyRound {
  budget: number;
  districts: Array<{ slug: string; budget: number; method?: Method; counting?: Counting }>;
  method: Method;
  counting: Counting;
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
  const method = (stored.voting?.method ?? 'approval') as Method;
  const counting: Counting = { ...(stored.counting ?? {}) };
  const frame = {
    voting: { ...stored.voting!, method },
    counting: counting as NonNullable<StoredRound['counting']>,
    districts: stored.districts ?? [],
  };
  return {
    budget: toAmount(stored.budget),
    districts: (stored.districts ?? []).map((d) => {
      const own = effectiveSettings(frame, d.slug);
      return {
        slug: d.slug,
        budget: toAmount(d.budget),
        method: own.voting.method,
        counting: { ...own.counting },
      };
    }),
    method,
    counting,
  };
}

/** The method and counting settings a district (or `CITY_WIDE`) is counted with. */
export function rulesOf(
  round: TallyRound,
  district: string
): Pick<TallyRound, 'method' | 'counting'> {
  const own = round.districts.find((d) => d.slug === district);
  return { method: own?.method ?? round.method, counting: own?.counting ?? round.counting };
}

/** Whether some district votes or counts otherwise than the round. */
export function hasDistrictRules(round: TallyRound): boolean {
  const same = JSON.stringify({ method: round.method, counting: round.counting });
  return round.districts.some((d) => JSON.stringify({ ...rulesOf(round, d.slug) }) !== same);
}

/** Each district's budget; city-wide proposals share what the districts leave of the total. */
export function budgetsOf(
  round: Pick<TallyRound, 'budget' | 'districts'>,
  projects: BallotProject[]
): Record<string, number> {
  const budgets: Record<string, number> = {};
  for (const district of round.districts) budgets[district.slug] = district.budget;
  if (round.districts.length === 0 || projects.some((p) => p.district === CITY_WIDE)) {
    const rest = round.districts.reduce((sum, d) => sum - d.budget, round.budget);
    budgets[CITY_WIDE] = Math.max(0, Math.round(rest * 100) / 100);
  }
  return budgets;
}

/**
 * The ballots as the counting engine reads them (ranked ballots most preferred first), as
 * ballots of `round.method` (give a district's rules to read them as that district's).
 */
export function electionOf(
  round: Pick<TallyRound, 'method' | 'budget' | 'districts'>,
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
        // A ballot without points (cast in a district that does not vote with points, choosing
        // city-wide proposals of a points round) counts each choice as one point.
        points:
          round.method === 'points' && chosen.some((s) => s.points !== undefined)
            ? chosen.map((s) => s.points ?? 0)
            : null,
      };
    }),
  };
}

/** Counting settings as engine options (the round's or a district's); `greedy` for the comparison. */
export function countOptions(
  round: Pick<TallyRound, 'method' | 'counting'>,
  rule?: 'greedy'
): CountOptions {
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

/** The engine options as results name them. */
const ruleOf = (options: CountOptions) => ({
  rule: options.rule,
  satisfaction: options.sat,
  completion: options.completion,
  tieBreak: options.tieBreak,
  increment: options.increment,
});

function shape(
  round: TallyRound,
  projects: BallotProject[],
  counted: Record<string, { outcome: Outcome; options: CountOptions; method: Method }>,
  budgets: Record<string, number>,
  options: CountOptions
): RoundResults {
  const order = [...round.districts.map((d) => d.slug), CITY_WIDE];
  return {
    rule: ruleOf(options),
    districts: order
      .filter((district) => budgets[district] !== undefined && counted[district])
      .map((district) => {
        const { outcome, options: own, method } = counted[district]!;
        const explanations = new Map(outcome.projects.map((p) => [p.id, p]));
        return {
          district: district === CITY_WIDE ? null : district,
          budget: budgets[district]!,
          spent: outcome.totalCost,
          voters: outcome.voters,
          // The rule and ballot this district was counted with (its own, or the round's).
          rule: ruleOf(own),
          method,
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

/**
 * Counts each district on its own with its own rule (the round's where it has none), and with
 * greedy beside it. A district's ballots are read as ballots of its own method. CPU-bound.
 */
export function tally({ round, projects, ballots: text }: TallyInput): Tally {
  const ballots = JSON.parse(text) as Selection[][];
  const budgets = budgetsOf(round, projects);
  const districtOf = new Map(projects.map((p) => [p.documentId, p.district]));
  const elections = new Map<Method, Election>();
  const electionFor = (method: Method) => {
    let election = elections.get(method);
    if (!election) {
      election = electionOf({ ...round, method }, projects, ballots);
      elections.set(method, election);
    }
    return election;
  };
  const run = (greedy?: 'greedy') => {
    const counted: Record<string, { outcome: Outcome; options: CountOptions; method: Method }> = {};
    for (const [district, budget] of Object.entries(budgets)) {
      const rules = rulesOf(round, district);
      const options = countOptions(rules, greedy);
      const spec = {
        budgets: { [district]: budget },
        districtOf: (id: string) => districtOf.get(id),
      };
      const outcome = countByDistrict(electionFor(rules.method), spec, options).districts[district];
      if (outcome) counted[district] = { outcome, options, method: rules.method };
    }
    return shape(round, projects, counted, budgets, countOptions(round, greedy));
  };
  return {
    results: run(),
    greedy: run('greedy'),
    ballots: ballots.length,
  };
}
