import type { Core } from '@strapi/strapi';
import { ensureTable, type KnexTable } from '../utils/tables';

/**
 * The citizens' panel lives in plain tables the plugin creates itself (see voting/tables.ts):
 *
 * - begroot_panel_settings: per round the number of seats and the public seed (set by officials,
 *   announced before the draw).
 * - begroot_panel_candidates: residents who volunteered (or were imported from an invitation
 *   round): display name, e-mail (for contact only, never public), district, age band. One row
 *   per round and address (unique index).
 * - begroot_panel_draws: every draw, with the exact draw.json it published and that file's
 *   SHA-256. `active_round` holds the round while the draw stands and is emptied when officials
 *   void it; its unique index lets only one draw per round stand, even with two processes.
 * - begroot_panel_invitations: one row per draw and selected candidate whose invitation was sent,
 *   claimed before sending, so nobody is invited twice for one draw.
 */
export const PANEL_TABLES = {
  settings: 'begroot_panel_settings',
  candidates: 'begroot_panel_candidates',
  draws: 'begroot_panel_draws',
  invitations: 'begroot_panel_invitations',
} as const;

export async function ensurePanelTables(strapi: Core.Strapi) {
  const create = (name: string, build: (table: KnexTable) => void) =>
    ensureTable(strapi, name, build);

  await create(PANEL_TABLES.settings, ((table: KnexTable) => {
    table.string('round_id', 64).primary();
    table.integer('seats');
    table.string('seed', 200);
    table.bigInteger('updated_at').notNullable();
  }) as never);

  await create(PANEL_TABLES.candidates, ((table: KnexTable) => {
    table.string('id', 32).primary();
    table.string('round_id', 64).notNullable();
    table.string('display_name', 120).notNullable();
    table.string('email', 254).notNullable();
    table.string('district', 80).notNullable().defaultTo('');
    table.string('age_band', 8).notNullable().defaultTo('');
    table.string('source', 8).notNullable();
    table.bigInteger('created_at').notNullable();
    table.unique(['round_id', 'email'], { indexName: 'begroot_panel_candidates_email_unique' });
    table.index(['round_id'], 'begroot_panel_candidates_round_idx');
  }) as never);

  await create(PANEL_TABLES.draws, ((table: KnexTable) => {
    table.string('id', 32).primary();
    table.string('round_id', 64).notNullable();
    table.string('active_round', 64);
    table.integer('number').notNullable();
    table.text('file').notNullable();
    table.string('file_sha256', 64).notNullable();
    table.bigInteger('drawn_at').notNullable();
    table.bigInteger('voided_at');
    table.text('void_reason');
    table.unique(['active_round'], { indexName: 'begroot_panel_draws_active_unique' });
    table.unique(['round_id', 'number'], { indexName: 'begroot_panel_draws_number_unique' });
  }) as never);

  await create(PANEL_TABLES.invitations, ((table: KnexTable) => {
    table.string('draw_id', 32).notNullable();
    table.string('candidate_id', 32).notNullable();
    table.bigInteger('sent_at').notNullable();
    table.primary(['draw_id', 'candidate_id'], 'begroot_panel_invitations_pkey');
  }) as never);
}
