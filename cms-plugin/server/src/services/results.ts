import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RoundResults } from '@begroot/core';
import {
  Rational,
  countByDistrict,
  type CountOptions,
  type Election,
  type Outcome,
} from '@begroot/core/counting';
import { writePabulib, type PbElection } from '@begroot/core/pabulib';
import { getService } from '../utils/get-service';
import { toAmount } from '../utils/amount';
import { ConflictError } from '../utils/errors';
import { TABLES } from '../voting/tables';
import type { VotingRound } from './voting';

type Knex = Core.Strapi['db']['connection'];

/** Proposals that were on the ballot: admitted then, funded or not after a count. */
const BALLOT_STATUSES = ['admitted', 'funded', 'not_funded'];

/** The bucket of city-wide proposals (no district) in a round with districts. */
const CITY_WIDE = '';

interface BallotProject {
  documentId: string;
  title: string;
  cost: number;
  district: string;
}

interface StoredBallot {
  district: string;
  selections: Array<{ proposal: string; points?: number; rank?: number }>;
}

/** What `POST /begroot/rounds/:slug/count` answers and what publishing makes public. */
export interface CountedResults {
  results: RoundResults;
  greedy: RoundResults;
  ballots: number;
  countedAt: string;
}

const results = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;

  async function ballotProjects(round: VotingRound): Promise<BallotProject[]> {
    const rows = (await strapi.db.query('plugin::begroot.proposal' as never).findMany({
      where: { round: { documentId: round.id }, status: { $in: BALLOT_STATUSES } },
      select: ['documentId', 'title', 'officialCost', 'estimatedCost', 'district'],
      orderBy: { documentId: 'asc' },
    } as never)) as Array<{
      documentId: string;
      title: string;
      officialCost: unknown;
      estimatedCost: unknown;
      district: string | null;
    }>;
    return rows.map((row) => ({
      documentId: row.documentId,
      title: row.title,
      cost: toAmount(row.officialCost ?? row.estimatedCost ?? 0),
      district: row.district || CITY_WIDE,
    }));
  }

  async function storedBallots(round: VotingRound): Promise<StoredBallot[]> {
    const rows = (await knex()(TABLES.ballots)
      .where({ round_id: round.id })
      .select('district', 'selections')) as Array<{ district: string; selections: string }>;
    return rows.map((row) => ({
      district: row.district,
      selections: JSON.parse(row.selections) as StoredBallot['selections'],
    }));
  }

  /** Each district's budget; city-wide proposals share what the districts leave of the total. */
  function budgetsOf(round: VotingRound, projects: BallotProject[]): Record<string, number> {
    const districts = round.stored.districts ?? [];
    const budgets: Record<string, number> = {};
    for (const district of districts) budgets[district.slug] = toAmount(district.budget);
    if (districts.length === 0 || projects.some((p) => p.district === CITY_WIDE)) {
      const rest = districts.reduce(
        (sum, d) => sum - toAmount(d.budget),
        toAmount(round.stored.budget)
      );
      budgets[CITY_WIDE] = Math.max(0, Math.round(rest * 100) / 100);
    }
    return budgets;
  }

  /** The ballots as the counting engine reads them (ranked ballots most preferred first). */
  function election(round: VotingRound, projects: BallotProject[], ballots: StoredBallot[]) {
    const method = round.stored.voting?.method ?? 'approval';
    const known = new Set(projects.map((p) => p.documentId));
    const total = Object.values(budgetsOf(round, projects)).reduce((a, b) => a + b, 0);
    return {
      budget: String(total),
      projects: projects.map((p) => ({ id: p.documentId, cost: p.cost })),
      ballots: ballots.map((ballot) => {
        const chosen = ballot.selections.filter((s) => known.has(s.proposal));
        if (method === 'ranking') chosen.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
        return {
          projects: chosen.map((s) => s.proposal),
          points: method === 'points' ? chosen.map((s) => s.points ?? 0) : null,
        };
      }),
    } satisfies Election;
  }

  function options(round: VotingRound, rule?: 'greedy'): CountOptions {
    const counting = round.stored.counting;
    const method = round.stored.voting?.method ?? 'approval';
    const sat =
      method === 'points' && counting?.satisfaction === 'cardinality'
        ? 'points'
        : (counting?.satisfaction ?? 'cost');
    return {
      rule: rule ?? counting?.rule ?? 'mes',
      sat,
      completion: rule === 'greedy' ? 'none' : (counting?.completion ?? 'add1'),
      tieBreak: counting?.tieBreak ?? 'cost-votes',
      increment: counting?.increment ?? 1,
    };
  }

  function shape(
    round: VotingRound,
    projects: BallotProject[],
    outcome: Record<string, Outcome>,
    budgets: Record<string, number>,
    countOptions: CountOptions
  ): RoundResults {
    const order = [...(round.stored.districts ?? []).map((d) => d.slug), CITY_WIDE];
    return {
      rule: {
        rule: countOptions.rule,
        satisfaction: countOptions.sat,
        completion: countOptions.completion,
        tieBreak: countOptions.tieBreak,
        increment: countOptions.increment,
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

  async function countRound(round: VotingRound): Promise<CountedResults> {
    const projects = await ballotProjects(round);
    const ballots = await storedBallots(round);
    const budgets = budgetsOf(round, projects);
    const input = election(round, projects, ballots);
    const districtOf = new Map(projects.map((p) => [p.documentId, p.district]));
    const spec = { budgets, districtOf: (id: string) => districtOf.get(id) };
    const run = (countOptions: CountOptions) =>
      shape(
        round,
        projects,
        countByDistrict(input, spec, countOptions).districts,
        budgets,
        countOptions
      );
    return {
      results: run(options(round)),
      greedy: run(options(round, 'greedy')),
      ballots: ballots.length,
      countedAt: new Date().toISOString(),
    };
  }

  /**
   * Each counted proposal becomes `funded` or `not_funded` through the review service, so the
   * change is in its public history like any other.
   */
  async function markFunded(counted: CountedResults) {
    const proposals = getService('proposal', { strapi });
    for (const district of counted.results.districts) {
      for (const proposal of district.proposals) {
        const status = proposal.funded ? 'funded' : 'not_funded';
        const stored = await proposals.findStored(proposal.documentId);
        if (!stored || stored.status === status) continue;
        if (!['admitted', 'funded', 'not_funded'].includes(stored.status)) continue;
        const outcome = await proposals.review(stored, { status } as never);
        if (!outcome.ok) {
          strapi.log.warn(
            `[begroot] proposal ${proposal.documentId} kept its status: ${outcome.message}`
          );
        }
      }
    }
  }

  const load = async (round: VotingRound) =>
    (await knex()(TABLES.results).where({ round_id: round.id }).first()) as
      { counted: string; published: string | null } | undefined;

  return {
    /** Counts the round's ballots (not while voting is open); stores the count, unpublished. */
    async count(round: VotingRound): Promise<CountedResults> {
      if (round.currentPhase === 'voting') {
        throw new errors.ForbiddenError('Voting is still open: count after it closes.');
      }
      const counted = await countRound(round);
      const text = JSON.stringify(counted);
      await strapi.db.transaction(async ({ trx }) => {
        const db = trx as unknown as Knex;
        const updated = await db(TABLES.results)
          .where({ round_id: round.id })
          .update({ counted: text });
        if (updated === 0) await db(TABLES.results).insert({ round_id: round.id, counted: text });
      });
      return counted;
    },

    /** Publishes the last count: results and the anonymous ballots become public. */
    async publish(round: VotingRound): Promise<CountedResults> {
      const stored = await load(round);
      if (!stored) throw new ConflictError('Count the votes before publishing the results.');
      await knex()(TABLES.results)
        .where({ round_id: round.id })
        .update({ published: stored.counted });
      const counted = JSON.parse(stored.counted) as CountedResults;
      await markFunded(counted);
      return counted;
    },

    /** The published results, or null. */
    async published(round: VotingRound): Promise<CountedResults | null> {
      const stored = await load(round);
      return stored?.published ? (JSON.parse(stored.published) as CountedResults) : null;
    },

    /**
     * The anonymous ballots as Pabulib text: shuffled, new random voter ids, each proposal's
     * documentId as `project_id` and its official cost; a `district` project column with each
     * district's budget in META `district_budgets`, so anyone can count again per district.
     */
    async pabulib(round: VotingRound): Promise<string> {
      const projects = await ballotProjects(round);
      const ballots = await storedBallots(round);
      const budgets = budgetsOf(round, projects);
      const input = election(round, projects, ballots);
      const votes = input.ballots.filter((ballot) => ballot.projects.length > 0);
      for (let i = votes.length - 1; i > 0; i -= 1) {
        const j = crypto.randomInt(0, i + 1);
        [votes[i], votes[j]] = [votes[j]!, votes[i]!];
      }
      const method = round.stored.voting?.method ?? 'approval';
      const voteType =
        method === 'points' ? 'cumulative' : method === 'ranking' ? 'ordinal' : 'approval';
      const counting = options(round);
      const ids = new Set<string>();
      const voterId = () => {
        let id: string;
        do id = crypto.randomBytes(6).toString('hex');
        while (ids.has(id));
        ids.add(id);
        return id;
      };
      const pb: PbElection = {
        meta: {
          description: round.stored.title,
          country: '',
          unit: round.stored.slug,
          instance: round.stored.slug,
          num_projects: String(projects.length),
          num_votes: String(votes.length),
          currency: round.stored.currency,
          rule: counting.rule === 'mes' ? `equalshares/${counting.completion}` : 'greedy',
          district_budgets: Object.entries(budgets)
            .map(([district, budget]) => `${district || 'city'}=${budget}`)
            .join(','),
        },
        budget: Rational.fromNumber(input.budget === '' ? 0 : Number(input.budget)),
        voteType,
        projectColumns: ['project_id', 'cost', 'name', 'district'],
        projects: projects.map((p) => ({
          id: p.documentId,
          cost: Rational.fromNumber(p.cost),
          fields: { name: p.title, district: p.district || 'city' },
          line: 0,
        })),
        voteColumns:
          voteType === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
        votes: votes.map((vote) => ({
          voterId: voterId(),
          projects: [...vote.projects],
          points: vote.points ? [...vote.points] : null,
          fields: {},
          line: 0,
        })),
        warnings: [],
      };
      return writePabulib(pb);
    },

    loadRound: (slug: string) => getService('voting', { strapi }).loadRound(slug),
  };
};

export default results;
