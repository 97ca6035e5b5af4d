import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RoundResults } from '@begroot/core';
import { Rational } from '@begroot/core/counting';
import { writePabulib, type PbElection } from '@begroot/core/pabulib';
import { getService } from '../utils/get-service';
import { toAmount } from '../utils/amount';
import { ConflictError, validationError } from '../utils/errors';
import { TABLES } from '../voting/tables';
import { PLUGIN_ID } from '../utils/constants';
import { tallyInWorker } from '../counting/in-worker';
import { openDataZip, type DistrictFile } from '../counting/open-data';
import {
  CITY_WIDE,
  budgetsOf,
  countOptions,
  electionOf,
  hasDistrictRules,
  rulesOf,
  tally,
  tallyRound,
  type TallyRound,
  type BallotProject,
  type Selection,
  type TallyInput,
} from '../counting/tally';
import type { VotingRound } from './voting';

type Knex = Core.Strapi['db']['connection'];

/** Proposals that were on the ballot: admitted then, funded or not after a count. */
const BALLOT_STATUSES = ['admitted', 'funded', 'not_funded'];

const BALLOT_PAGE = 5000;

/** META `district_budgets` of the .pb file: `oost=100000,west=200000,city=…`. */
const districtBudgetsText = (budgets: Record<string, number>) =>
  Object.entries(budgets)
    .map(([district, budget]) => `${district || 'city'}=${budget}`)
    .join(',');

/** Pabulib's vote_type for a ballot method: knapsack ballots are approval ballots in a .pb file. */
const voteTypeOf = (method: TallyRound['method']) =>
  method === 'points' ? 'cumulative' : method === 'ranking' ? 'ordinal' : 'approval';

/** The name a district has in a .pb file's district column and META (`city`: city-wide). */
const pbDistrict = (district: string) => district || 'city';

/** META `rule` of a .pb file, as the counting options name it. */
const pbRule = (options: { rule: string; completion?: string }) =>
  options.rule === 'mes' ? `equalshares/${options.completion}` : 'greedy';

/** What `POST /begroot/rounds/:slug/count` answers and what publishing makes public. */
export interface CountedResults {
  results: RoundResults;
  greedy: RoundResults;
  ballots: number;
  countedAt: string;
}

/** Where a running count is: reading the ballots, or counting them in the worker. */
export type CountStage = 'reading' | 'counting';

/** How long a built open data package is served again. */
const OPEN_DATA_TTL_MS = 60_000;

const results = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  const openDataCache = new Map<string, { key: string; at: number; archive: Buffer }>();
  /** Counts under way in this process, by round: one at a time per round. */
  const running = new Map<string, CountStage>();

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

  /**
   * The stored ballots' selections as one JSON array text, parsed where they are counted (one
   * string crosses to the worker thread far faster than 90,000 objects). Read in pages by id,
   * yielding between pages: SQLite's driver is synchronous and would otherwise hold the event
   * loop for the whole read.
   */
  async function ballotSelections(round: VotingRound): Promise<string> {
    const selections: string[] = [];
    let after = '';
    for (;;) {
      const page = (await knex()(TABLES.ballots)
        .where({ round_id: round.id })
        .andWhere('id', '>', after)
        .orderBy('id')
        .limit(BALLOT_PAGE)
        .select('id', 'selections')) as Array<{ id: string; selections: string }>;
      for (const row of page) selections.push(row.selections);
      if (page.length < BALLOT_PAGE) return `[${selections.join(',')}]`;
      after = page.at(-1)!.id;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Everything the count needs, read from the database. */
  async function tallyInput(round: VotingRound): Promise<TallyInput> {
    return {
      round: tallyRound(round.stored),
      projects: await ballotProjects(round),
      ballots: await ballotSelections(round),
    };
  }

  const timeoutMs = () =>
    1000 * (strapi.plugin(PLUGIN_ID).config<number | undefined>('countTimeoutSeconds') ?? 300);

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

  /**
   * The package's ballots: `ballots.pb` where one file can hold them all, else one file per
   * district; and, where districts count with rules of their own, each district's file and rule
   * (as published) for the README's commands.
   */
  async function ballotFiles(round: VotingRound, published: CountedResults) {
    const service = getService('results', { strapi });
    const layout = await service.pabulibLayout(round);
    const pabulib = layout.single ? await service.pabulib(round) : null;
    const districts: DistrictFile[] = [];
    if (!layout.single || layout.ownRules) {
      for (const bucket of layout.buckets) {
        const counted = published.results.districts.find((d) => (d.district ?? '') === bucket);
        districts.push({
          district: bucket || 'city',
          budget: counted?.budget ?? 0,
          rule: (counted?.rule ?? published.results.rule) as Record<string, unknown>,
          file: layout.single ? 'ballots.pb' : `ballots-${bucket || 'city'}.pb`,
          data: layout.single ? null : await service.pabulib(round, bucket || 'city'),
        });
      }
    }
    return { pabulib, districts };
  }

  const load = async (round: VotingRound) =>
    (await knex()(TABLES.results).where({ round_id: round.id }).first()) as
      { counted: string; published: string | null } | undefined;

  return {
    /**
     * Counts the round's ballots (not while voting is open) in a worker thread, so the server
     * keeps answering while it counts; stores the count, unpublished. One count per round at a
     * time: a second one while the first runs is refused (ConflictError, 409), not queued,
     * because it would count the same ballots again.
     */
    async count(round: VotingRound): Promise<CountedResults> {
      if (round.currentPhase === 'voting') {
        throw new errors.ForbiddenError('Voting is still open: count after it closes.');
      }
      if (running.has(round.id)) {
        throw new ConflictError(
          'A count of this round is already running: wait for it to finish, then look again.'
        );
      }
      running.set(round.id, 'reading');
      let counted: CountedResults;
      try {
        const input = await tallyInput(round);
        running.set(round.id, 'counting');
        const counts = await tallyInWorker(input, { timeoutMs: timeoutMs() });
        counted = { ...counts, countedAt: new Date().toISOString() };
      } finally {
        running.delete(round.id);
      }
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

    /** Where a count of this round stands in this process, or null when none is running. */
    countStage: (round: VotingRound): CountStage | null => running.get(round.id) ?? null,

    /** Counts on this thread: what the worker does, for comparison (tests, benchmark). */
    countHere: async (round: VotingRound) => tally(await tallyInput(round)),

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
     * How a round's anonymous ballots are published: one .pb file when every district's ballots
     * are of one Pabulib vote_type (approval and knapsack both are approval ballots), else one
     * file per district (a file's META has one vote_type). Buckets in the order of the results.
     */
    async pabulibLayout(round: VotingRound) {
      const counting = tallyRound(round.stored);
      const projects = await ballotProjects(round);
      const buckets = Object.keys(budgetsOf(counting, projects));
      const types = new Set(buckets.map((d) => voteTypeOf(rulesOf(counting, d).method)));
      return { buckets, single: types.size <= 1, ownRules: hasDistrictRules(counting) };
    },

    /**
     * The anonymous ballots as Pabulib text: shuffled, new random voter ids, each proposal's
     * documentId as `project_id` and its official cost; a `district` project column with each
     * district's budget in META `district_budgets`, so anyone can count again per district.
     * Where districts count with rules of their own, META `district_rules` says which (as
     * `rule`). With `district` (a slug, or `city` for city-wide proposals): only that district's
     * projects and the ballots that chose one of them, with its own vote_type and rule. Without
     * it, a round whose districts vote with different kinds of ballot answers 409.
     */
    async pabulib(round: VotingRound, district?: string): Promise<string> {
      const { round: counting, projects: all, ballots } = await tallyInput(round);
      const allBudgets = budgetsOf(counting, all);
      const buckets = Object.keys(allBudgets);
      let chosen = buckets;
      if (district !== undefined) {
        const bucket = buckets.find((b) => pbDistrict(b) === district);
        if (bucket === undefined) {
          throw validationError(`This round has no ballots to publish for "${district}".`, [
            { path: ['district'], message: `One of: ${buckets.map(pbDistrict).join(', ')}.` },
          ]);
        }
        chosen = [bucket];
      }
      const methods = chosen.map((b) => rulesOf(counting, b).method);
      const voteType = voteTypeOf(methods[0] ?? counting.method);
      if (methods.some((method) => voteTypeOf(method) !== voteType)) {
        throw new ConflictError(
          'The districts of this round vote with different kinds of ballot, and a Pabulib file ' +
            `holds one kind: download each district's ballots with ?district= (${buckets
              .map(pbDistrict)
              .join(', ')}).`
        );
      }
      const keep = new Set(chosen);
      const projects = all.filter((p) => keep.has(p.district));
      const budgets = Object.fromEntries(chosen.map((b) => [b, allBudgets[b]!]));
      const method = methods[0] ?? counting.method;
      const input = electionOf(
        { ...counting, method },
        projects,
        JSON.parse(ballots) as Selection[][]
      );
      const votes = input.ballots.filter((ballot) => ballot.projects.length > 0);
      for (let i = votes.length - 1; i > 0; i -= 1) {
        const j = crypto.randomInt(0, i + 1);
        [votes[i], votes[j]] = [votes[j]!, votes[i]!];
      }
      const rules = chosen.map((b) => pbRule(countOptions(rulesOf(counting, b))));
      const rule = district !== undefined ? rules[0]! : pbRule(countOptions(counting));
      const ids = new Set<string>();
      const voterId = () => {
        let id: string;
        do id = crypto.randomBytes(6).toString('hex');
        while (ids.has(id));
        ids.add(id);
        return id;
      };
      const total = Object.values(budgets).reduce((sum, budget) => sum + budget, 0);
      const pb: PbElection = {
        meta: {
          description: round.stored.title,
          country: '',
          unit: round.stored.slug,
          instance: round.stored.slug,
          num_projects: String(projects.length),
          num_votes: String(votes.length),
          currency: round.stored.currency,
          rule,
          district_budgets: districtBudgetsText(budgets),
          ...(district === undefined && rules.some((r) => r !== rule)
            ? {
                district_rules: chosen.map((b, i) => `${pbDistrict(b)}=${rules[i]}`).join(','),
              }
            : {}),
        },
        budget: Rational.fromNumber(Math.round(total * 100) / 100),
        voteType,
        projectColumns: ['project_id', 'cost', 'name', 'district'],
        projects: projects.map((p) => ({
          id: p.documentId,
          cost: Rational.fromNumber(p.cost),
          fields: { name: p.title, district: pbDistrict(p.district) },
          line: 0,
        })),
        voteColumns:
          voteType === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
        votes: votes.map((vote) => ({
          voterId: voterId(),
          projects: [...vote.projects],
          // One point per choice where a ballot carries none (as it was counted).
          points: vote.points
            ? [...vote.points]
            : voteType === 'cumulative'
              ? vote.projects.map(() => 1)
              : null,
          fields: {},
          line: 0,
        })),
        warnings: [],
      };
      return writePabulib(pb);
    },

    /** The open data package (zip) of the published results, or null before publication. */
    async openData(round: VotingRound): Promise<Buffer | null> {
      const stored = await load(round);
      if (!stored?.published) return null;
      const published = JSON.parse(stored.published) as CountedResults;
      // Built at most once a minute per round: the package reads every ballot, and a public
      // route must not let repeated downloads hold up the server. (A minute, not for good: the
      // proposals' statuses move on during execution.)
      const key = `${round.id}:${published.countedAt}`;
      const cached = openDataCache.get(round.id);
      if (cached?.key === key && Date.now() - cached.at < OPEN_DATA_TTL_MS) return cached.archive;
      const counted = published.results.districts.flatMap((d) => d.proposals);
      const rows = (await strapi.db.query('plugin::begroot.proposal' as never).findMany({
        where: { documentId: { $in: counted.map((p) => p.documentId) } },
        select: ['documentId', 'district', 'theme', 'status'],
      } as never)) as Array<{
        documentId: string;
        district: string | null;
        theme: string | null;
        status: string;
      }>;
      const byId = new Map(rows.map((p) => [p.documentId, p]));
      const projects = await ballotProjects(round);
      const archive = openDataZip({
        slug: round.stored.slug,
        title: round.stored.title,
        currency: round.stored.currency,
        published,
        proposals: counted.map((p) => ({
          documentId: p.documentId,
          title: p.title,
          district: byId.get(p.documentId)?.district || null,
          theme: byId.get(p.documentId)?.theme || null,
          status: byId.get(p.documentId)?.status ?? '',
          cost: p.cost,
          votes: p.votes,
          funded: p.funded,
        })),
        ...(await ballotFiles(round, published)),
        districtBudgets: districtBudgetsText(budgetsOf(tallyRound(round.stored), projects)),
      });
      openDataCache.set(round.id, { key, at: Date.now(), archive });
      return archive;
    },

    loadRound: (slug: string) => getService('voting', { strapi }).loadRound(slug),
  };
};

export default results;
