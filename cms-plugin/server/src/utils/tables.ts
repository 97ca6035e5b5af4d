import type { Core } from '@strapi/strapi';

/** The parts of knex's table builder the plugin's own tables use. */
export type KnexColumn = {
  primary(): KnexColumn;
  notNullable(): KnexColumn;
  defaultTo(value: unknown): KnexColumn;
};
export type KnexTable = {
  string(name: string, length: number): KnexColumn;
  text(name: string): KnexColumn;
  boolean(name: string): KnexColumn;
  integer(name: string): KnexColumn;
  bigInteger(name: string): KnexColumn;
  primary(columns: string[], constraintName: string): void;
  unique(columns: string[], options: { indexName: string }): void;
  index(columns: string[], name: string): void;
};

/**
 * Creates one of the plugin's plain tables when it is missing. Several instances may boot at
 * once: when another one created it meanwhile, that is fine.
 */
export async function ensureTable(
  strapi: Core.Strapi,
  name: string,
  build: (table: KnexTable) => void
): Promise<void> {
  const knex = strapi.db.connection;
  // `knex.schema` is a new builder on every read: one builder would run its statements again.
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, build as never);
  } catch (error) {
    if (!(await knex.schema.hasTable(name))) throw error;
  }
}
