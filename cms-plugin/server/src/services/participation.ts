import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ParticipationFigures } from '@begroot/core';
import { PROPOSAL_UID } from '../utils/constants';
import { getService } from '../utils/get-service';
import { TABLES } from '../voting/tables';
import { PARTICIPATION_TABLES } from '../participation/tables';
import { phaseOf } from './round';

type Row = Record<string, unknown>;
const dayOf = (value: unknown) => new Date(value as string).toISOString().slice(0, 10);
const orNull = (district: unknown) => (district ? String(district) : null);

/** Participation figures for officials: aggregates only, never a ballot or a voter. */
const participation = ({ strapi }: { strapi: Core.Strapi }) => ({
  async figures(slug: string): Promise<ParticipationFigures> {
    const round = await getService('round', { strapi }).findBySlug(slug);
    if (!round) throw new errors.NotFoundError(`There is no round "${slug}".`);
    const knex = strapi.db.connection;

    const [ballotRows, counterRows, proposals] = await Promise.all([
      knex(TABLES.ballots)
        .where({ round_id: round.documentId })
        .groupBy('day', 'district')
        .select('day', 'district')
        .count('* as count') as Promise<Row[]>,
      knex(PARTICIPATION_TABLES.participation)
        .where({ round_id: round.documentId })
        .select('district', 'age_band', 'channel', 'count') as Promise<Row[]>,
      strapi.db.query(PROPOSAL_UID).findMany({
        where: { round: { documentId: round.documentId } },
        select: ['district', 'submittedAt', 'createdAt'],
      }) as Promise<Row[]>,
    ]);

    const votesPerDay = ballotRows
      .map((row) => ({
        day: String(row.day),
        district: orNull(row.district),
        count: Number(row.count),
      }))
      .sort(
        (a, b) => a.day.localeCompare(b.day) || (a.district ?? '').localeCompare(b.district ?? '')
      );

    const proposalCounts = new Map<
      string,
      { day: string; district: string | null; count: number }
    >();
    for (const proposal of proposals) {
      const day = dayOf(proposal.submittedAt ?? proposal.createdAt);
      const district = orNull(proposal.district);
      const key = `${day}\n${district ?? ''}`;
      const entry = proposalCounts.get(key) ?? { day, district, count: 0 };
      entry.count += 1;
      proposalCounts.set(key, entry);
    }
    const proposalsPerDay = [...proposalCounts.values()].sort(
      (a, b) => a.day.localeCompare(b.day) || (a.district ?? '').localeCompare(b.district ?? '')
    );

    const channels = new Map<string, number>();
    for (const row of counterRows) {
      const channel = String(row.channel);
      channels.set(channel, (channels.get(channel) ?? 0) + Number(row.count));
    }

    const bands = round.voting?.ageBands ?? [];
    const sum = <T>(items: readonly T[], value: (item: T) => number) =>
      items.reduce((total, item) => total + value(item), 0);
    const districtFigures = (
      slug: string | null,
      name: string,
      source?: (typeof round.districts)[number]
    ) => {
      const counters = counterRows.filter((row) => orNull(row.district) === slug);
      return {
        slug,
        name,
        population: source?.population ?? null,
        ballots: sum(
          votesPerDay.filter((row) => row.district === slug),
          (row) => row.count
        ),
        proposals: sum(
          proposalsPerDay.filter((row) => row.district === slug),
          (row) => row.count
        ),
        ageBands: bands.map((band) => ({
          band,
          participants: sum(
            counters.filter((row) => row.age_band === band),
            (row) => Number(row.count)
          ),
          population: source?.ageBands?.[band] ?? null,
        })),
        ageBandNotGiven: sum(
          counters.filter((row) => !bands.includes(String(row.age_band))),
          (row) => Number(row.count)
        ),
      };
    };
    const districts = (round.districts ?? []).map((district) =>
      districtFigures(district.slug, district.name, district)
    );
    // Ballots and proposals that belong to no district (a round without districts, city-wide
    // proposals) get a row of their own.
    const loose = districtFigures(null, '');
    if (districts.length === 0 || loose.ballots > 0 || loose.proposals > 0) districts.push(loose);

    return {
      round: {
        slug: round.slug,
        title: round.title,
        language: round.language,
        currentPhase: phaseOf(round),
      },
      totals: { ballots: sum(votesPerDay, (row) => row.count), proposals: proposals.length },
      votesPerDay,
      proposalsPerDay,
      channels: [...channels].map(([channel, count]) => ({ channel, count })),
      askAgeBand: round.voting?.askAgeBand ?? false,
      ageBands: bands,
      districts,
    };
  },
});

export default participation;
