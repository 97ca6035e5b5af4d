import type { Core } from '@strapi/strapi';
import { CHANNELS, TABLES } from '../voting/tables';
import { PARTICIPATION_TABLES } from './tables';

type Knex = Core.Strapi['db']['connection'];
type Row = Record<string, unknown>;

/**
 * Ballots stored before ballots stopped recording their channel (online, kiosk, paper) still
 * carry it in `begroot_ballots.channel`: on a quiet day a staffed kiosk's few ballots could be
 * told apart by it (docs/secret-ballot.md). At boot, once, in one transaction:
 *
 * 1. a round whose participation counter holds fewer voters than it has ballots (ballots cast
 *    before the counter existed) gets the missing ones counted from those ballots' district and
 *    channel, age band not given, so the admin's per-channel counts stay right;
 * 2. every ballot's channel is emptied.
 *
 * Nothing is left to do when no ballot has a channel, so the second boot only reads one row.
 * On PostgreSQL the ballots table is locked meanwhile: two processes booting at once do this
 * once (the second finds nothing left).
 */
export async function forgetBallotChannels(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasColumn(TABLES.ballots, 'channel'))) return;
  if (!(await knex(TABLES.ballots).whereNot('channel', '').first('id'))) return;

  await strapi.db.transaction(async ({ trx }) => {
    const db = trx as unknown as Knex;
    if (strapi.db.dialect.client === 'postgres') {
      await db.raw('LOCK TABLE ?? IN SHARE ROW EXCLUSIVE MODE', [TABLES.ballots]);
    }
    const rounds = (await db(TABLES.ballots)
      .whereNot('channel', '')
      .distinct('round_id')) as Array<{ round_id: string }>;
    for (const { round_id: round } of rounds) {
      await countUncounted(db, round);
    }
    const emptied = await db(TABLES.ballots).whereNot('channel', '').update({ channel: '' });
    strapi.log.info(`[begroot] ${emptied} ballot(s) no longer record their channel.`);
  });
}

/** Counts the voters of `round` the participation counter misses, from their ballots. */
async function countUncounted(db: Knex, round: string) {
  const table = PARTICIPATION_TABLES.participation;
  const total = async (query: Promise<Row | undefined>) => Number((await query)?.n ?? 0);
  const ballots = await total(
    db(TABLES.ballots).where({ round_id: round }).count('* as n').first() as Promise<Row>
  );
  const counted = await total(
    db(table).where({ round_id: round }).sum('count as n').first() as Promise<Row>
  );
  let missing = ballots - counted;
  if (missing <= 0) return;

  const key = (district: unknown, channel: unknown) => `${String(district)}\n${String(channel)}`;
  const countedCells = new Map<string, number>();
  for (const row of (await db(table)
    .where({ round_id: round })
    .groupBy('district', 'channel')
    .select('district', 'channel')
    .sum('count as n')) as Row[]) {
    countedCells.set(key(row.district, row.channel), Number(row.n));
  }
  const cells = (await db(TABLES.ballots)
    .where({ round_id: round })
    .whereNot('channel', '')
    .groupBy('district', 'channel')
    .select('district', 'channel')
    .count('* as n')
    .orderBy(['district', 'channel'])) as Row[];
  for (const cell of cells) {
    if (missing <= 0) break;
    const channel = (CHANNELS as readonly string[]).includes(String(cell.channel))
      ? String(cell.channel)
      : 'online';
    const uncounted = Number(cell.n) - (countedCells.get(key(cell.district, channel)) ?? 0);
    const add = Math.min(uncounted, missing);
    if (add <= 0) continue;
    await db(table)
      .insert({
        round_id: round,
        district: String(cell.district ?? ''),
        age_band: '',
        channel,
        count: add,
      })
      .onConflict(['round_id', 'district', 'age_band', 'channel'])
      .merge({ count: db.raw('?? + ?', [`${table}.count`, add]) });
    missing -= add;
  }
}
