import type { Core } from '@strapi/strapi';
import type { VotingSettings } from '@begroot/core';
import { validationError } from '../utils/errors';
import { PARTICIPATION_TABLES } from './tables';
import type { Channel } from '../voting/tables';

type Knex = Core.Strapi['db']['connection'];

/** What a ballot adds to the participation counter besides its round and district. */
export type ParticipantCount = { ageBand: string | null; channel: Channel };

/**
 * The age band a voter gave, checked against the round's bands: null when skipped; refused (400,
 * nothing stored) when the round does not ask or the band is not one of its bands.
 */
export function checkAgeBand(
  voting: Pick<VotingSettings, 'askAgeBand' | 'ageBands'> | null | undefined,
  ageBand: string | null | undefined
): string | null {
  if (ageBand == null || ageBand === '') return null;
  if (!voting?.askAgeBand) {
    throw validationError('This round does not ask for an age band.', [
      { path: ['ageBand'], message: 'Leave it out.' },
    ]);
  }
  if (!(voting.ageBands ?? []).includes(ageBand)) {
    throw validationError(`"${ageBand}" is not one of this round's age bands.`, [
      { path: ['ageBand'], message: `Choose one of: ${(voting.ageBands ?? []).join(', ')}.` },
    ]);
  }
  return ageBand;
}

/**
 * Raises the counter for (round, district, age band, channel) by one, inside the transaction
 * `db` that stores the ballot: counted exactly when the ballot is, and never with anything that
 * points at the ballot.
 */
export async function countParticipant(
  db: Knex,
  round: string,
  district: string | null,
  { ageBand, channel }: ParticipantCount
) {
  const table = PARTICIPATION_TABLES.participation;
  await db(table)
    .insert({
      round_id: round,
      district: district ?? '',
      age_band: ageBand ?? '',
      channel,
      count: 1,
    })
    .onConflict(['round_id', 'district', 'age_band', 'channel'])
    .merge({ count: db.raw('?? + 1', [`${table}.count`]) });
}

/**
 * Moves one voter's count from the cell `from` (in `fromDistrict`) to `to` (in `toDistrict`),
 * inside the transaction that replaces their ballot: a re-vote through another channel, or one
 * that counts in another district, is counted where its ballot now is. A cell already at zero
 * (it cannot be, short of hand edits) moves nothing rather than counting the voter twice.
 */
export async function moveParticipant(
  db: Knex,
  round: string,
  fromDistrict: string | null,
  from: ParticipantCount,
  toDistrict: string | null,
  to: ParticipantCount
) {
  if (
    (fromDistrict ?? '') === (toDistrict ?? '') &&
    from.channel === to.channel &&
    (from.ageBand ?? '') === (to.ageBand ?? '')
  ) {
    return;
  }
  const table = PARTICIPATION_TABLES.participation;
  const taken = await db(table)
    .where({
      round_id: round,
      district: fromDistrict ?? '',
      age_band: from.ageBand ?? '',
      channel: from.channel,
    })
    .andWhere('count', '>', 0)
    .decrement('count', 1);
  if (Number(taken) === 1) await countParticipant(db, round, toDistrict, to);
}
