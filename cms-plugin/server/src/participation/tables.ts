import type { Core } from '@strapi/strapi';
import { ensureTable, type KnexTable } from '../utils/tables';

/**
 * Plain tables the plugin creates itself, beside the voting tables (see voting/tables.ts):
 *
 * - begroot_participation: how many ballots came in per round, district, age band (`''` when the
 *   voter skipped the question or was not asked) and channel (`online`, `kiosk`, `paper`). A counter,
 *   raised in the transaction that stores a ballot: no ballot id, no day, no time, nothing that
 *   joins it to a ballot or a voter (docs/secret-ballot.md).
 * - begroot_status_mails: one row per status change a submitter was mailed about (the proposal's
 *   documentId and the number of the change in its history), claimed before sending, so a change
 *   is never mailed twice, even by two processes. No address, no content.
 */
export const PARTICIPATION_TABLES = {
  participation: 'begroot_participation',
  statusMails: 'begroot_status_mails',
} as const;

export async function ensureParticipationTables(strapi: Core.Strapi) {
  const create = (name: string, build: (table: KnexTable) => void) =>
    ensureTable(strapi, name, build);

  await create(PARTICIPATION_TABLES.participation, (table) => {
    table.string('round_id', 64).notNullable();
    table.string('district', 80).notNullable().defaultTo('');
    table.string('age_band', 8).notNullable().defaultTo('');
    table.string('channel', 16).notNullable();
    table.integer('count').notNullable().defaultTo(0);
    table.primary(['round_id', 'district', 'age_band', 'channel'], 'begroot_participation_pkey');
  });

  await create(PARTICIPATION_TABLES.statusMails, (table) => {
    table.string('proposal_id', 64).notNullable();
    table.string('change', 40).notNullable();
    table.primary(['proposal_id', 'change'], 'begroot_status_mails_pkey');
  });
}
