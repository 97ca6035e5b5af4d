import type { Core } from '@strapi/strapi';
import { ensureTable, type KnexTable } from '../utils/tables';

/**
 * The voting data lives in plain tables the plugin creates itself (not content-types): no
 * documentId, no timestamps, no creator columns, random keys. Strapi never alters or drops them.
 *
 * - begroot_voting_codes: who may vote. The keyed hash of each code (never the code), its round,
 *   district and whether it was voided.
 * - begroot_voters: who has voted. (round, credential hash) is the primary key: the database
 *   itself refuses a second counted ballot for one credential. No ballot content.
 * - begroot_ballots: what was voted. A random id, the round, the district voted in, the day (no
 *   time), the selections and a receipt tag (keyed hash of the voter's receipt secret bound to the
 *   credential and their participation counter cell: useless without the receipt, which only the
 *   voter has). No identity, no credential, no client address, no channel: the column `channel`
 *   is left from tables made before and always empty (participation/ballot-channels.ts); ballots
 *   per channel are counted in begroot_participation.
 * - begroot_email_otps: pending e-mail verifications (keyed hashes), deleted once used.
 * - begroot_results: counted and published outcomes per round.
 * - begroot_kiosks: event devices of a round (name, districts, active window), each with the
 *   keyed hash of its key (never the key) and whether it was revoked. Ballots never name one.
 */
export const TABLES = {
  codes: 'begroot_voting_codes',
  voters: 'begroot_voters',
  ballots: 'begroot_ballots',
  otps: 'begroot_email_otps',
  results: 'begroot_results',
  kiosks: 'begroot_kiosks',
} as const;

/**
 * How a ballot reached the count. Counted in begroot_participation, never written on the ballot:
 * a staffed kiosk's few ballots of a quiet day would stand out (docs/secret-ballot.md).
 */
export const CHANNELS = ['online', 'kiosk', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

export async function ensureVotingTables(strapi: Core.Strapi) {
  const knex = strapi.db.connection;
  const create = (name: string, build: (table: KnexTable) => void) =>
    ensureTable(strapi, name, build);

  await create(TABLES.codes, ((table: KnexTable) => {
    table.string('code_hash', 64).primary();
    table.string('round_id', 64).notNullable();
    table.string('district', 80).notNullable().defaultTo('');
    table.boolean('voided').notNullable().defaultTo(false);
    table.index(['round_id', 'district'], 'begroot_voting_codes_round_idx');
  }) as never);

  await create(TABLES.voters, ((table: KnexTable) => {
    table.string('round_id', 64).notNullable();
    table.string('credential', 64).notNullable();
    table.primary(['round_id', 'credential'], 'begroot_voters_pkey');
  }) as never);

  await create(TABLES.ballots, ((table: KnexTable) => {
    table.string('id', 32).primary();
    table.string('round_id', 64).notNullable();
    table.string('district', 80).notNullable().defaultTo('');
    table.string('day', 10).notNullable();
    table.text('selections').notNullable();
    table.string('receipt_tag', 64).notNullable();
    // Always empty: kept so that one code reads ballots tables made before and after.
    table.string('channel', 8).notNullable().defaultTo('');
    table.unique(['receipt_tag'], { indexName: 'begroot_ballots_receipt_unique' });
    table.index(['round_id'], 'begroot_ballots_round_idx');
  }) as never);

  // Ballots tables made before channels were recorded: their ballots were all cast online (and
  // are counted so by forgetBallotChannels, which then empties the column).
  if (!(await knex.schema.hasColumn(TABLES.ballots, 'channel'))) {
    try {
      await knex.schema.alterTable(TABLES.ballots, ((table: KnexTable) => {
        table.string('channel', 8).notNullable().defaultTo('online');
      }) as never);
    } catch (error) {
      if (!(await knex.schema.hasColumn(TABLES.ballots, 'channel'))) throw error;
    }
  }

  await create(TABLES.kiosks, ((table: KnexTable) => {
    table.string('id', 32).primary();
    table.string('round_id', 64).notNullable();
    table.string('name', 120).notNullable();
    table.text('districts').notNullable();
    table.bigInteger('active_from');
    table.bigInteger('active_until');
    table.string('key_hash', 64).notNullable();
    table.boolean('revoked').notNullable().defaultTo(false);
    table.bigInteger('created_at').notNullable();
    table.unique(['key_hash'], { indexName: 'begroot_kiosks_key_unique' });
    table.index(['round_id'], 'begroot_kiosks_round_idx');
  }) as never);

  await create(TABLES.otps, ((table: KnexTable) => {
    table.string('round_id', 64).notNullable();
    table.string('email_hash', 64).notNullable();
    table.string('otp_hash', 64).notNullable();
    table.string('district', 80).notNullable().defaultTo('');
    table.bigInteger('expires_at').notNullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.primary(['round_id', 'email_hash'], 'begroot_email_otps_pkey');
  }) as never);

  await create(TABLES.results, ((table: KnexTable) => {
    table.string('round_id', 64).primary();
    table.text('counted').notNullable();
    table.text('published');
  }) as never);
}
