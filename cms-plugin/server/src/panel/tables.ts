import type { Core } from '@strapi/strapi';
import { ensureTable, type KnexTable } from '../utils/tables';
import { pseudonymizer } from './plan';

/**
 * The citizens' panel lives in plain tables the plugin creates itself (see voting/tables.ts):
 *
 * - begroot_panel_settings: per round whether residents may sign up (and in which window), the
 *   number of seats, when the pool was closed with its frozen fingerprint, and the public seed
 *   (write-once, accepted only after closing). Its row is the panel's lock: sign-ups, imports,
 *   settings changes, closing and the draw all take it in their transaction.
 * - begroot_panel_candidates: residents who volunteered (or were imported from an invitation
 *   round): display name, e-mail (for contact only, never public), district, age band. One row
 *   per round and address (unique index).
 * - begroot_panel_draws: every draw, with the exact draw.json it published and that file's
 *   SHA-256. `active_round` holds the round while the draw stands and is emptied when officials
 *   void it; its unique index lets only one draw per round stand, even with two processes.
 * - begroot_panel_invitations: one row per draw and selected candidate whose invitation was
 *   claimed (`sent_at`/`claimed_at`) before sending, so nobody is invited twice for one draw;
 *   `delivered_at` or `failed_at` after the mail server answered (officials can retry those).
 * - begroot_panel_events: the public history of the panel's settings (switch, window, seats,
 *   closing, seed, voided draws), so no change by an official goes unseen.
 */
export const PANEL_TABLES = {
  settings: 'begroot_panel_settings',
  candidates: 'begroot_panel_candidates',
  draws: 'begroot_panel_draws',
  invitations: 'begroot_panel_invitations',
  events: 'begroot_panel_events',
} as const;

/** Adds a column to one of the plugin's tables when an older version created it without. */
async function ensureColumn(
  strapi: Core.Strapi,
  table: string,
  column: string,
  add: (table: KnexTable) => void,
  afterAdding?: () => Promise<void>
) {
  const knex = strapi.db.connection;
  if (await knex.schema.hasColumn(table, column)) return;
  try {
    await knex.schema.alterTable(table, add as never);
  } catch (error) {
    if (!(await knex.schema.hasColumn(table, column))) throw error;
    return;
  }
  await afterAdding?.();
}

export async function ensurePanelTables(strapi: Core.Strapi) {
  const create = (name: string, build: (table: KnexTable) => void) =>
    ensureTable(strapi, name, build);

  await create(PANEL_TABLES.settings, ((table: KnexTable) => {
    table.string('round_id', 64).primary();
    table.integer('seats');
    table.string('seed', 200);
    table.bigInteger('updated_at').notNullable();
  }) as never);
  const knex = strapi.db.connection;
  const settings = PANEL_TABLES.settings;
  // Rounds whose panel existed before the switch keep taking sign-ups until an official decides.
  await ensureColumn(
    strapi,
    settings,
    'enabled',
    (t) => t.boolean('enabled').notNullable().defaultTo(false),
    async () => {
      await knex(settings).update({ enabled: true });
    }
  );
  await ensureColumn(strapi, settings, 'signup_opens_at', (t) => t.bigInteger('signup_opens_at'));
  await ensureColumn(strapi, settings, 'signup_closes_at', (t) => t.bigInteger('signup_closes_at'));
  // A seed set before closing existed closed the pool then: closed when it was last saved.
  await ensureColumn(
    strapi,
    settings,
    'closed_at',
    (t) => t.bigInteger('closed_at'),
    async () => {
      await knex(settings)
        .whereNotNull('seed')
        .update({ closed_at: knex.ref('updated_at') });
    }
  );
  await ensureColumn(strapi, settings, 'pool_sha256', (t) => t.string('pool_sha256', 64));
  await ensureColumn(strapi, settings, 'pool_size', (t) => t.integer('pool_size'));

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
  await ensureColumn(strapi, PANEL_TABLES.candidates, 'lot_number', (t) => {
    t.string('lot_number', 20);
    t.unique(['round_id', 'lot_number'], { indexName: 'begroot_panel_candidates_lot_unique' });
  });

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
  // `sent_at` (from the first version) is when the invitation was claimed; the mail's outcome:
  for (const column of ['claimed_at', 'delivered_at', 'failed_at']) {
    await ensureColumn(strapi, PANEL_TABLES.invitations, column, (t) => t.bigInteger(column));
  }

  await create(PANEL_TABLES.events, ((table: KnexTable) => {
    table.string('id', 32).primary();
    table.string('round_id', 64).notNullable();
    table.bigInteger('at').notNullable();
    table.string('kind', 32).notNullable();
    table.text('detail').notNullable();
    table.index(['round_id'], 'begroot_panel_events_round_idx');
  }) as never);

  // Rows from before lot numbers were stored keep the keyed hash they were published with.
  const missing = (await knex(PANEL_TABLES.candidates)
    .whereNull('lot_number')
    .select('id', 'round_id')) as Array<{ id: string; round_id: string }>;
  if (missing.length > 0) {
    const lotOf = pseudonymizer(strapi);
    for (const row of missing) {
      await knex(PANEL_TABLES.candidates)
        .where({ id: row.id })
        .update({ lot_number: lotOf(row.round_id, row.id) });
    }
  }
}
