import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  drawPanel,
  PANEL_ALGORITHM,
  PANEL_MAX_CANDIDATES,
  panelDrawFileSchema,
  panelPoolHash,
  panelVolunteerInputSchema,
  sha256Hex,
  type PanelCandidate,
  type PanelDrawFile,
  type PanelPublicView,
  type PanelVolunteerInput,
} from '@begroot/core';
import { errors } from '@strapi/utils';
import { ConflictError, isUniqueViolation, validationError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { PANEL_TABLES } from '../panel/tables';
import { panelPlan, strataOf, type PanelPlan } from '../panel/plan';
import { parseCsv } from '../panel/csv';
import { confirmationMail, invitationMail, type PanelMailInput } from '../panel/mail';
import type { StoredRound } from './round';

type Knex = Core.Strapi['db']['connection'];
type Row = Record<string, unknown>;

type Candidate = {
  id: string;
  lotNumber: string;
  displayName: string;
  email: string;
  district: string;
  ageBand: string;
  source: 'signup' | 'import';
  createdAt: string;
};

type DrawRow = {
  id: string;
  number: number;
  file: string;
  sha256: string;
  drawnAt: string;
  voidedAt: string | null;
  reason: string | null;
};

/** An invitation claimed this long ago without the mail server's answer is taken as unsent. */
export const UNSENT_AFTER_MS = 10 * 60 * 1000;

/** The most rows one CSV import takes. */
export const IMPORT_MAX_ROWS = 10_000;
/** The import's columns, and the header names each one accepts. */
const COLUMNS: Record<'displayName' | 'email' | 'district' | 'ageBand', string[]> = {
  displayName: ['name', 'displayname', 'display_name', 'naam'],
  email: ['email', 'e-mail', 'mail'],
  district: ['district', 'wijk'],
  ageBand: ['ageband', 'age_band', 'age', 'leeftijd'],
};

const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: unknown) => (ms == null ? null : iso(ms));
const newId = () => crypto.randomBytes(16).toString('hex');
/** A lot number: random, stored with the candidate, so no key rotation can change it. */
const newLotNumber = () => crypto.randomBytes(10).toString('hex');

export type PanelSettings = {
  seats: number | null;
  seed: string | null;
  enabled: boolean;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  closedAt: string | null;
  poolSha256: string | null;
  poolSize: number | null;
};

export type PanelSettingsInput = {
  seats: number;
  seed?: string | null;
  enabled?: boolean;
  signupOpensAt?: string | null;
  signupClosesAt?: string | null;
};

const settingsFrom = (row: Row | undefined): PanelSettings => ({
  seats: row?.seats == null ? null : Number(row.seats),
  seed: row?.seed == null ? null : String(row.seed),
  enabled: Boolean(row?.enabled),
  signupOpensAt: isoOrNull(row?.signup_opens_at),
  signupClosesAt: isoOrNull(row?.signup_closes_at),
  closedAt: isoOrNull(row?.closed_at),
  poolSha256: row?.pool_sha256 == null ? null : String(row.pool_sha256),
  poolSize: row?.pool_size == null ? null : Number(row.pool_size),
});

/** Whether residents can sign up now, and why not. */
export function signupState(settings: PanelSettings, now = Date.now()) {
  if (!settings.enabled) return { open: false, reason: 'off' as const };
  if (settings.closedAt) return { open: false, reason: 'closed' as const };
  if (settings.signupOpensAt && now < Date.parse(settings.signupOpensAt)) {
    return { open: false, reason: 'early' as const };
  }
  if (settings.signupClosesAt && now >= Date.parse(settings.signupClosesAt)) {
    return { open: false, reason: 'late' as const };
  }
  return { open: true, reason: null };
}

const panel = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const inTransaction = <T>(work: (db: Knex) => Promise<T>) =>
    strapi.db.transaction(async ({ trx }) => work(trx as unknown as Knex));

  const settingsOf = async (round: StoredRound, db: Knex = knex()) =>
    settingsFrom(
      (await db(PANEL_TABLES.settings).where({ round_id: round.documentId }).first()) as
        Row | undefined
    );

  /**
   * The panel's lock: its settings row (made when missing), locked for the rest of the transaction
   * on PostgreSQL. Sign-ups, imports, settings changes, closing, removals and the draw all take it
   * first, so "is the pool open?" and the write cannot be split by another request. (SQLite runs
   * one transaction at a time.)
   */
  const lockPanel = async (db: Knex, round: StoredRound) => {
    await db(PANEL_TABLES.settings)
      .insert({ round_id: round.documentId, enabled: false, updated_at: Date.now() })
      .onConflict('round_id')
      .ignore();
    const query = db(PANEL_TABLES.settings).where({ round_id: round.documentId }).first();
    const row = (await (strapi.db.dialect.client === 'postgres' ? query.forUpdate() : query)) as
      Row | undefined;
    return settingsFrom(row);
  };

  /** A public record of what officials changed (no personal data). */
  const logEvent = (db: Knex, round: StoredRound, kind: string, detail: Record<string, unknown>) =>
    db(PANEL_TABLES.events).insert({
      id: newId(),
      round_id: round.documentId,
      at: Date.now(),
      kind,
      detail: JSON.stringify(detail),
    });

  const eventsOf = async (round: StoredRound) =>
    (
      (await knex()(PANEL_TABLES.events)
        .where({ round_id: round.documentId })
        .orderBy([{ column: 'at' }, { column: 'id' }])
        .select('at', 'kind', 'detail')) as Row[]
    ).map((row) => ({
      at: iso(row.at),
      kind: String(row.kind),
      detail: JSON.parse(String(row.detail)) as Record<string, string | number | boolean | null>,
    }));

  const poolCount = async (db: Knex, round: StoredRound) =>
    Number(
      (
        (await db(PANEL_TABLES.candidates)
          .where({ round_id: round.documentId })
          .count({ n: '*' })
          .first()) as { n: number | string } | undefined
      )?.n ?? 0
    );

  const refuseWhenFull = async (db: Knex, round: StoredRound, adding: number) => {
    const size = await poolCount(db, round);
    if (size + adding > PANEL_MAX_CANDIDATES) {
      throw new ConflictError(
        `The pool is full: a draw takes at most ${PANEL_MAX_CANDIDATES.toLocaleString('en')} candidates (${size.toLocaleString('en')} now${adding > 1 ? `, ${adding.toLocaleString('en')} in this file` : ''}).`
      );
    }
  };

  const candidatesOf = async (round: StoredRound, db: Knex = knex()): Promise<Candidate[]> => {
    const rows = (await db(PANEL_TABLES.candidates)
      .where({ round_id: round.documentId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select('*')) as Row[];
    return rows.map((row) => ({
      id: String(row.id),
      lotNumber: String(row.lot_number),
      displayName: String(row.display_name),
      email: String(row.email),
      district: String(row.district ?? ''),
      ageBand: String(row.age_band ?? ''),
      source: row.source === 'import' ? 'import' : 'signup',
      createdAt: iso(row.created_at),
    }));
  };

  const drawsOf = async (round: StoredRound, db: Knex = knex()): Promise<DrawRow[]> => {
    const rows = (await db(PANEL_TABLES.draws)
      .where({ round_id: round.documentId })
      .orderBy('number')
      .select(
        'id',
        'number',
        'file',
        'file_sha256',
        'drawn_at',
        'voided_at',
        'void_reason'
      )) as Row[];
    return rows.map((row) => ({
      id: String(row.id),
      number: Number(row.number),
      file: String(row.file),
      sha256: String(row.file_sha256),
      drawnAt: iso(row.drawn_at),
      voidedAt: row.voided_at == null ? null : iso(row.voided_at),
      reason: row.void_reason == null ? null : String(row.void_reason),
    }));
  };

  /** The pool as the draw takes it: pseudonyms and strata, ordered by pseudonym. */
  const poolOf = (
    _round: StoredRound,
    plan: PanelPlan,
    candidates: Candidate[]
  ): PanelCandidate[] =>
    candidates
      .map((c) => ({ id: c.lotNumber, strata: strataOf(plan, c) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  /**
   * Per stratum before the draw: volunteers, and the seats the weights give (the population's
   * shares, or without figures the volunteers'), worked out from the weights alone: a draw
   * without candidates gives the same targets as the real one, without shuffling anybody.
   */
  const previewCounts = (
    plan: PanelPlan,
    seats: number | null,
    seed: string | null,
    pool: PanelCandidate[]
  ) => {
    const byKey = new Map<string, { stratum: Record<string, string>; volunteers: number }>();
    for (const target of plan.targets ?? []) {
      const stratum = Object.fromEntries(plan.stratifyBy.map((f) => [f, target.stratum[f] ?? '']));
      byKey.set(JSON.stringify(plan.stratifyBy.map((f) => stratum[f])), {
        stratum,
        volunteers: 0,
      });
    }
    for (const candidate of pool) {
      const key = JSON.stringify(plan.stratifyBy.map((f) => candidate.strata[f]));
      const entry = byKey.get(key) ?? { stratum: candidate.strata, volunteers: 0 };
      entry.volunteers += 1;
      byKey.set(key, entry);
    }
    const targets = new Map<string, number>();
    if (seats) {
      const weights =
        plan.targets ??
        [...byKey.values()].map((e) => ({ stratum: e.stratum, weight: e.volunteers }));
      const preview = drawPanel({
        // Before the seed is known, ties between equal remainders are broken provisionally.
        seed: seed ?? 'preview',
        seats,
        stratifyBy: plan.stratifyBy,
        candidates: [],
        targets: weights,
      });
      for (const s of preview.strata) {
        targets.set(JSON.stringify(plan.stratifyBy.map((f) => s.stratum[f])), s.target);
      }
    }
    return [...byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => ({
        stratum: entry.stratum,
        target: targets.get(key) ?? 0,
        volunteers: entry.volunteers,
        selected: null,
      }));
  };

  /** A standing draw's public numbers, read from its file once (the file never changes). */
  const drawSummaries = new Map<string, ReturnType<typeof summarize>>();
  const summarize = (draw: DrawRow) => {
    const file = panelDrawFileSchema.parse(JSON.parse(draw.file));
    return {
      seats: file.input.seats,
      seed: file.input.seed,
      stratifyBy: file.input.stratifyBy,
      volunteers: file.input.candidates.length,
      poolSha256: panelPoolHash(file.input.candidates),
      selected: file.output.selected.length,
      unfilled: file.output.unfilled,
      strata: file.output.strata.map((s) => ({
        stratum: s.stratum,
        target: s.target,
        volunteers: s.available,
        selected: s.selected as number | null,
      })),
    };
  };
  /** The selected lot numbers of a draw, in draw order. */
  const drawSelectionOf = (draw: DrawRow) =>
    panelDrawFileSchema.parse(JSON.parse(draw.file)).output.selected;
  const drawSummaryOf = (draw: DrawRow) => {
    let summary = drawSummaries.get(draw.id);
    if (!summary) {
      summary = summarize(draw);
      if (drawSummaries.size > 100) drawSummaries.clear();
      drawSummaries.set(draw.id, summary);
    }
    return summary;
  };

  const mailInput = (round: StoredRound, candidate: Candidate): PanelMailInput => {
    const publicUrl = (round as { publicUrl?: string | null }).publicUrl ?? null;
    return {
      language: round.language ?? 'nl',
      roundTitle: round.title,
      displayName: candidate.displayName,
      lotNumber: candidate.lotNumber,
      // A proposal-page template ({id}) is no page for the panel.
      url: publicUrl && !publicUrl.includes('{id}') ? publicUrl : null,
    };
  };

  const send = async (to: string, mail: { subject: string; text: string }, what: string) => {
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({ to, ...mail });
      return true;
    } catch (error) {
      // The code or the error's kind only: a provider's message may quote the address.
      const code = String((error as { code?: unknown } | null)?.code ?? '');
      strapi.log.error(
        `[begroot] panel ${what} not sent: ${code || (error instanceof Error ? error.name : 'unknown error')}.`
      );
      return false;
    }
  };

  /** Officials' changes are rare: the whole read cache starts afresh. */
  const changed = () => getService('read-cache', { strapi }).invalidate();
  /** A sign-up only makes this round's panel view stale (not every page of every round). */
  const poolChanged = (round: StoredRound) =>
    getService('read-cache', { strapi }).forget(
      `/api/begroot/rounds/${encodeURIComponent(round.slug)}/panel`
    );

  const activeOf = (draws: DrawRow[]) => draws.find((d) => d.voidedAt === null) ?? null;
  const statusOf = (settings: PanelSettings, active: DrawRow | null) =>
    active ? 'drawn' : settings.closedAt ? 'closed' : 'open';

  /** Refuses additions to a pool that is closed (or, for sign-ups, not open). */
  const refuseAdding = (settings: PanelSettings, via: 'signup' | 'import') => {
    if (settings.closedAt) {
      throw new ConflictError('The pool is closed: no one can be added now.');
    }
    if (via === 'import') return;
    const state = signupState(settings);
    if (state.reason === 'off') {
      throw new errors.NotFoundError('This round takes no sign-ups for a citizens’ panel.');
    }
    if (state.reason === 'early') {
      throw new ConflictError(`Sign-up for the panel opens at ${settings.signupOpensAt}.`);
    }
    if (state.reason === 'late') {
      throw new ConflictError(`Sign-up for the panel closed at ${settings.signupClosesAt}.`);
    }
  };

  /** The frozen pool's fingerprint, as the draw will take it. */
  const poolHashNow = async (db: Knex, round: StoredRound) => {
    const pool = poolOf(round, panelPlan(round), await candidatesOf(round, db));
    return { sha256: panelPoolHash(pool), size: pool.length };
  };

  const insertCandidates = async (
    db: Knex,
    round: StoredRound,
    rows: Array<PanelVolunteerInput & { source: 'signup' | 'import' }>
  ) => {
    const now = Date.now();
    const records = rows.map((row) => ({
      id: newId(),
      round_id: round.documentId,
      lot_number: newLotNumber(),
      display_name: row.displayName,
      email: row.email,
      district: row.district ?? '',
      age_band: row.ageBand ?? '',
      source: row.source,
      created_at: now,
    }));
    for (let i = 0; i < records.length; i += 200) {
      await db(PANEL_TABLES.candidates).insert(records.slice(i, i + 200));
    }
    return records;
  };

  return {
    plan: panelPlan,

    /**
     * A resident volunteers. An address that already signed up for this round gets the same answer
     * and no second row or mail (so the answer does not tell whether an address is in the pool).
     * The confirmation mail, with the volunteer's lot number, goes out once the row is stored.
     */
    async volunteer(round: StoredRound, input: PanelVolunteerInput): Promise<void> {
      let stored;
      try {
        [stored] = await inTransaction(async (db) => {
          refuseAdding(await lockPanel(db, round), 'signup');
          await refuseWhenFull(db, round, 1);
          return insertCandidates(db, round, [{ ...input, source: 'signup' }]);
        });
      } catch (error) {
        if (isUniqueViolation(error)) return;
        throw error;
      }
      poolChanged(round);
      if (!stored) return;
      const candidate = {
        id: stored.id,
        lotNumber: stored.lot_number,
        displayName: stored.display_name,
        email: stored.email,
        district: stored.district,
        ageBand: stored.age_band,
        source: 'signup' as const,
        createdAt: iso(stored.created_at),
      };
      void send(candidate.email, confirmationMail(mailInput(round, candidate)), 'confirmation');
    },

    /**
     * Candidates from a CSV file (header: name, email, district, age band), checked row by row
     * against the round; nothing is stored unless every row is good. No mails: imported people
     * were invited by other means.
     */
    async importCsv(round: StoredRound, csv: string): Promise<{ imported: number }> {
      refuseAdding(await settingsOf(round), 'import');
      let parsed;
      try {
        parsed = parseCsv(csv);
      } catch (error) {
        throw validationError('The file cannot be read as CSV.', [
          { path: ['csv'], message: (error as Error).message },
        ]);
      }
      const [header, ...rows] = parsed.rows;
      if (!header) {
        throw validationError('The file is empty.', [
          { path: ['csv'], message: 'The file is empty.' },
        ]);
      }
      const names = header.cells.map((cell) => cell.trim().toLowerCase().replace(/\s+/g, ''));
      const index = Object.fromEntries(
        Object.entries(COLUMNS).map(([field, aliases]) => [
          field,
          names.findIndex((name) => aliases.includes(name)),
        ])
      ) as Record<keyof typeof COLUMNS, number>;
      const plan = panelPlan(round);
      const required: Array<keyof typeof COLUMNS> = ['displayName', 'email'];
      if (plan.districts.length > 0) required.push('district');
      if (plan.ageBandRequired) required.push('ageBand');
      const missing = required.filter((field) => index[field] < 0);
      if (missing.length > 0) {
        const message = `The header line lacks ${missing.map((f) => COLUMNS[f][0]).join(', ')} (found: ${header.cells.join(', ')}).`;
        throw validationError(message, [{ path: ['csv', 'header'], message }]);
      }
      if (rows.length === 0) {
        throw validationError('The file has no rows under its header.', [
          { path: ['csv'], message: 'The file has no rows under its header.' },
        ]);
      }
      if (rows.length > IMPORT_MAX_ROWS) {
        const message = `One import takes at most ${IMPORT_MAX_ROWS} rows; this file has ${rows.length}.`;
        throw validationError(message, [{ path: ['csv'], message }]);
      }

      const schema = panelVolunteerInputSchema(plan);
      const existing = new Set(
        (
          (await knex()(PANEL_TABLES.candidates)
            .where({ round_id: round.documentId })
            .select('email')) as Row[]
        ).map((row) => String(row.email))
      );
      const seen = new Map<string, number>();
      const issues: Array<{ path: Array<string | number>; message: string }> = [];
      const good: PanelVolunteerInput[] = [];
      for (const row of rows) {
        const cell = (field: keyof typeof COLUMNS) =>
          index[field] >= 0 ? (row.cells[index[field]] ?? '').trim() : undefined;
        const checked = schema.safeParse({
          displayName: cell('displayName'),
          email: cell('email'),
          ...(plan.districts.length > 0 ? { district: cell('district') } : {}),
          ...(plan.ageBands.length > 0 && index.ageBand >= 0 ? { ageBand: cell('ageBand') } : {}),
          consent: true,
        });
        if (!checked.success) {
          for (const issue of checked.error.issues) {
            issues.push({
              path: ['csv', `line ${row.line}`, ...issue.path.map(String)],
              message: `Line ${row.line}, ${String(issue.path[0] ?? 'row')}: ${issue.message}`,
            });
          }
          continue;
        }
        const email = checked.data.email;
        if (existing.has(email)) {
          issues.push({
            path: ['csv', `line ${row.line}`, 'email'],
            message: `Line ${row.line}, email: this address is already in the pool.`,
          });
        } else if (seen.has(email)) {
          issues.push({
            path: ['csv', `line ${row.line}`, 'email'],
            message: `Line ${row.line}, email: the same address as line ${seen.get(email)}.`,
          });
        } else {
          seen.set(email, row.line);
          good.push(checked.data);
        }
      }
      if (issues.length > 0) {
        throw validationError(
          `${issues.length} problem${issues.length === 1 ? '' : 's'} in the file: nothing was imported.`,
          issues.slice(0, 200)
        );
      }
      try {
        await inTransaction(async (db) => {
          refuseAdding(await lockPanel(db, round), 'import');
          await refuseWhenFull(db, round, good.length);
          await insertCandidates(
            db,
            round,
            good.map((row) => ({ ...row, source: 'import' as const }))
          );
          await logEvent(db, round, 'imported', { candidates: good.length });
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(
            'Someone signed up with one of these addresses meanwhile: nothing was imported; try again.'
          );
        }
        throw error;
      }
      changed();
      return { imported: good.length };
    },

    /**
     * The switch, the sign-up window, seats and the public seed. The seed is accepted only once
     * the pool is closed and is then write-once; seats are fixed once the seed is known. Every
     * change is recorded in the public history. A standing draw forbids all changes.
     */
    async updateSettings(round: StoredRound, input: PanelSettingsInput) {
      await inTransaction(async (db) => {
        const current = await lockPanel(db, round);
        if (activeOf(await drawsOf(round, db))) {
          throw new ConflictError(
            'The panel has been drawn: void the draw to change its settings.'
          );
        }
        const next = {
          seats: input.seats,
          seed: input.seed === undefined ? current.seed : input.seed,
          enabled: input.enabled ?? current.enabled,
          signupOpensAt:
            input.signupOpensAt === undefined ? current.signupOpensAt : input.signupOpensAt,
          signupClosesAt:
            input.signupClosesAt === undefined ? current.signupClosesAt : input.signupClosesAt,
        };
        if (next.seed !== current.seed) {
          if (current.seed !== null) {
            throw new ConflictError(
              'The seed is set and announced: it cannot be changed or cleared.'
            );
          }
          if (!current.closedAt) {
            throw new ConflictError('Close the pool first: the seed is accepted only after that.');
          }
        }
        if (current.seed !== null && next.seats !== current.seats) {
          throw new ConflictError('The seed is set: the number of seats can no longer change.');
        }
        const changes: Record<string, unknown> = {};
        for (const key of Object.keys(next) as Array<keyof typeof next>) {
          const before = key === 'seats' ? current.seats : current[key];
          const after = next[key];
          const same =
            typeof after === 'string' && typeof before === 'string' && key.startsWith('signup')
              ? Date.parse(after) === Date.parse(before)
              : after === before;
          if (!same) changes[key] = after;
        }
        if (Object.keys(changes).length === 0) return;
        await db(PANEL_TABLES.settings)
          .where({ round_id: round.documentId })
          .update({
            seats: next.seats,
            seed: next.seed,
            enabled: next.enabled,
            signup_opens_at: next.signupOpensAt ? Date.parse(next.signupOpensAt) : null,
            signup_closes_at: next.signupClosesAt ? Date.parse(next.signupClosesAt) : null,
            updated_at: Date.now(),
          });
        await logEvent(db, round, 'settings', changes);
      });
      changed();
    },

    /**
     * Switches sign-up on with a number of seats for a round whose panel was never set up (the
     * demo's seeded round); a panel an official has touched stays as it is. Recorded publicly.
     */
    async enableIfNew(round: StoredRound, seats: number) {
      await inTransaction(async (db) => {
        // One statement decides, so two starts seeding at once cannot both insert (PostgreSQL
        // refused the second with a duplicate key): only the one that inserted records it.
        const inserted = (await db(PANEL_TABLES.settings)
          .insert({ round_id: round.documentId, enabled: true, seats, updated_at: Date.now() })
          .onConflict('round_id')
          .ignore()
          .returning('round_id')) as unknown[];
        if (inserted.length === 0) return;
        await logEvent(db, round, 'settings', { enabled: true, seats });
      });
      changed();
    },

    /**
     * Closes the pool for good: nobody can be added or removed from now on. The closing time and
     * the pool's fingerprint are stored and shown publicly; the draw must use exactly this pool.
     */
    async closePool(round: StoredRound) {
      await inTransaction(async (db) => {
        const current = await lockPanel(db, round);
        if (current.closedAt) throw new ConflictError('The pool is closed already.');
        const pool = await poolHashNow(db, round);
        if (pool.size === 0) throw new ConflictError('The pool is empty: there is nobody to draw.');
        await db(PANEL_TABLES.settings).where({ round_id: round.documentId }).update({
          closed_at: Date.now(),
          pool_sha256: pool.sha256,
          pool_size: pool.size,
          updated_at: Date.now(),
        });
        await logEvent(db, round, 'closed', { poolSha256: pool.sha256, volunteers: pool.size });
      });
      changed();
    },

    /**
     * Removes a volunteer (their request to have their data removed) while the pool is open.
     * Once closed the pool is frozen: the person can decline an invitation instead.
     */
    async removeCandidate(round: StoredRound, candidateId: string) {
      await inTransaction(async (db) => {
        const current = await lockPanel(db, round);
        if (current.closedAt) {
          throw new ConflictError(
            'The pool is closed: nobody can be removed from it now (the person can decline).'
          );
        }
        const removed = await db(PANEL_TABLES.candidates)
          .where({ round_id: round.documentId, id: candidateId })
          .delete();
        if (!removed) throw new errors.NotFoundError('There is no such candidate in this pool.');
        await logEvent(db, round, 'removed', { candidates: 1 });
      });
      changed();
    },

    /**
     * Draws the panel once: the seed the official confirms must be the one set, and the pool must
     * be exactly the one frozen at closing (its fingerprint is checked in the same transaction).
     * The draw file is stored with its hash; a second draw only after voiding this one (the unique
     * index on the standing draw decides between two officials at once).
     */
    async draw(round: StoredRound, confirmedSeed: string) {
      const plan = panelPlan(round);
      try {
        await inTransaction(async (db) => {
          const settings = await lockPanel(db, round);
          const [draws, candidates] = await Promise.all([
            drawsOf(round, db),
            candidatesOf(round, db),
          ]);
          if (activeOf(draws)) {
            throw new ConflictError('The panel has been drawn already: void that draw first.');
          }
          if (!settings.closedAt) throw new ConflictError('Close the pool first.');
          if (!settings.seats || !settings.seed) {
            throw new ConflictError('Set the number of seats and the public seed first.');
          }
          if (settings.seed !== confirmedSeed) {
            throw new ConflictError(
              'The seed you confirmed is not the seed that is set: reload and check it.'
            );
          }
          const pool = poolOf(round, plan, candidates);
          const sha256 = panelPoolHash(pool);
          if (settings.poolSha256 === null) {
            // Closed by an older version (the seed closed the pool): freeze what is there now.
            await db(PANEL_TABLES.settings)
              .where({ round_id: round.documentId })
              .update({ pool_sha256: sha256, pool_size: pool.length });
          } else if (settings.poolSha256 !== sha256) {
            strapi.log.error(`[begroot] panel pool of ${round.slug} differs from the frozen one.`);
            throw new ConflictError(
              'The pool differs from the one frozen at closing: the draw is refused.'
            );
          }
          const input = {
            seed: settings.seed,
            seats: settings.seats,
            stratifyBy: plan.stratifyBy,
            candidates: pool,
            targets: plan.targets,
          };
          const file: PanelDrawFile = {
            format: 'begroot-panel-draw',
            algorithm: PANEL_ALGORITHM,
            round: round.slug,
            drawnAt: new Date().toISOString(),
            input,
            output: drawPanel(input),
          };
          const text = `${JSON.stringify(file)}\n`;
          await db(PANEL_TABLES.draws).insert({
            id: newId(),
            round_id: round.documentId,
            active_round: round.documentId,
            number: (draws.at(-1)?.number ?? 0) + 1,
            file: text,
            file_sha256: sha256Hex(text),
            drawn_at: Date.parse(file.drawnAt),
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError('The panel was drawn meanwhile: reload to see the result.');
        }
        throw error;
      }
      changed();
    },

    /** Voids the standing draw, with a public reason; it stays in the history and downloadable. */
    async voidDraw(round: StoredRound, reason: string) {
      await inTransaction(async (db) => {
        await lockPanel(db, round);
        const active = activeOf(await drawsOf(round, db));
        if (!active) throw new ConflictError('There is no draw to void.');
        const updated = await db(PANEL_TABLES.draws)
          .where({ id: active.id, active_round: round.documentId })
          .update({ active_round: null, voided_at: Date.now(), void_reason: reason });
        if (!updated) throw new ConflictError('The draw was voided meanwhile.');
        await logEvent(db, round, 'voided', { number: active.number, reason });
      });
      changed();
    },

    /**
     * Invites the selected members of the standing draw by e-mail. Each invitation is claimed
     * (committed) before its mail is sent, so nobody is invited twice for one draw, not even by
     * two officials at once. Answers how many were claimed now and how many had been before.
     */
    async invite(
      round: StoredRound,
      options: { retry?: boolean } = {}
    ): Promise<{ invited: number; alreadyInvited: number }> {
      const byId = new Map((await candidatesOf(round)).map((c) => [c.id, c]));
      const { claims, alreadyInvited } = await inTransaction(async (db) => {
        // The lock serializes this with voiding and other officials: the draw still stands now.
        await lockPanel(db, round);
        const active = activeOf(await drawsOf(round, db));
        if (!active) throw new ConflictError('Draw the panel before sending invitations.');
        const file = drawSelectionOf(active);
        const lotToId = new Map([...byId.values()].map((c) => [c.lotNumber, c.id]));
        const existing = new Map(
          (
            (await db(PANEL_TABLES.invitations)
              .where({ draw_id: active.id })
              .select(
                'candidate_id',
                'sent_at',
                'claimed_at',
                'delivered_at',
                'failed_at'
              )) as Row[]
          ).map((row) => [String(row.candidate_id), row])
        );
        const now = Date.now();
        const claimed: string[] = [];
        let already = 0;
        for (const lot of file) {
          const id = lotToId.get(lot);
          if (!id) continue;
          const row = existing.get(id);
          if (!row) {
            await db(PANEL_TABLES.invitations).insert({
              draw_id: active.id,
              candidate_id: id,
              sent_at: now,
              claimed_at: now,
            });
            claimed.push(id);
          } else if (
            options.retry &&
            row.delivered_at == null &&
            (row.failed_at != null || now - Number(row.claimed_at ?? row.sent_at) > UNSENT_AFTER_MS)
          ) {
            // Failed, or claimed long ago and never confirmed sent (the process stopped): again.
            // (One whose mail is still on its way is left alone, so nobody gets it twice.)
            await db(PANEL_TABLES.invitations)
              .where({ draw_id: active.id, candidate_id: id })
              .update({ claimed_at: now, failed_at: null });
            claimed.push(id);
          } else {
            already += 1;
          }
        }
        return {
          claims: claimed.map((id) => ({ drawId: active.id, id })),
          alreadyInvited: already,
        };
      });
      // After the answer: a slow mail server does not hold up the official. Each result is kept.
      void (async () => {
        for (const claim of claims) {
          const candidate = byId.get(claim.id);
          if (!candidate) continue;
          const sent = await send(
            candidate.email,
            invitationMail(mailInput(round, candidate)),
            'invitation'
          );
          await knex()(PANEL_TABLES.invitations)
            .where({ draw_id: claim.drawId, candidate_id: claim.id })
            .update(
              sent ? { delivered_at: Date.now(), failed_at: null } : { failed_at: Date.now() }
            )
            .catch((error: unknown) =>
              strapi.log.error(`[begroot] panel invitation state not saved: ${String(error)}`)
            );
        }
      })();
      return { invited: claims.length, alreadyInvited };
    },

    /**
     * What anyone may see: numbers and hashes, no names, addresses or lot numbers. Cheap enough
     * for every uncached GET: the pool is read as lot numbers and groups only, the seats per group
     * come from the weights alone (no preview draw), and a drawn panel's numbers are taken from
     * its file once per draw.
     */
    async publicView(round: StoredRound): Promise<PanelPublicView> {
      const plan = panelPlan(round);
      const [settings, draws, history] = await Promise.all([
        settingsOf(round),
        drawsOf(round),
        eventsOf(round),
      ]);
      const active = activeOf(draws);
      const signup = signupState(settings);
      const common = {
        round: round.slug,
        algorithm: PANEL_ALGORITHM as typeof PANEL_ALGORITHM,
        status: statusOf(settings, active) as PanelPublicView['status'],
        signup: {
          enabled: settings.enabled,
          open: signup.open,
          opensAt: settings.signupOpensAt,
          closesAt: settings.signupClosesAt,
        },
        closedAt: settings.closedAt,
        closedPoolSha256: settings.poolSha256,
        closedVolunteers: settings.poolSize,
        history,
        voidedDraws: draws
          .filter((d) => d.voidedAt !== null)
          .map((d) => ({
            number: d.number,
            drawnAt: d.drawnAt,
            voidedAt: d.voidedAt as string,
            reason: d.reason ?? '',
            sha256: d.sha256,
          })),
      };
      if (active) {
        const summary = drawSummaryOf(active);
        return {
          ...common,
          seats: summary.seats,
          seed: summary.seed,
          stratifyBy: summary.stratifyBy,
          volunteers: summary.volunteers,
          poolSha256: summary.poolSha256,
          strata: summary.strata,
          draw: {
            number: active.number,
            drawnAt: active.drawnAt,
            sha256: active.sha256,
            selected: summary.selected,
            unfilled: summary.unfilled,
          },
        };
      }
      const rows = (await knex()(PANEL_TABLES.candidates)
        .where({ round_id: round.documentId })
        .select('lot_number', 'district', 'age_band')) as Row[];
      const pool = rows
        .map((row) => ({
          id: String(row.lot_number),
          strata: strataOf(plan, {
            district: String(row.district ?? ''),
            ageBand: String(row.age_band ?? ''),
          }),
        }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return {
        ...common,
        seats: settings.seats,
        seed: settings.seed,
        stratifyBy: plan.stratifyBy,
        volunteers: pool.length,
        poolSha256: panelPoolHash(pool),
        strata: previewCounts(plan, settings.seats, settings.seed, pool),
        draw: null,
      };
    },

    /** The draw file as published (the standing draw, or draw `number`), byte for byte. */
    async drawFile(round: StoredRound, number?: number) {
      const draws = await drawsOf(round);
      const draw = number === undefined ? activeOf(draws) : draws.find((d) => d.number === number);
      return draw ? { text: draw.file, sha256: draw.sha256, number: draw.number } : null;
    },

    /** Everything officials need, contact details included. */
    async adminView(round: StoredRound) {
      const plan = panelPlan(round);
      const [settings, draws, candidates, view] = await Promise.all([
        settingsOf(round),
        drawsOf(round),
        candidatesOf(round),
        this.publicView(round),
      ]);
      const active = activeOf(draws);
      let draw = null;
      if (active) {
        const file = panelDrawFileSchema.parse(JSON.parse(active.file));
        const byLot = new Map(candidates.map((c) => [c.lotNumber, c]));
        const invited = new Map(
          (
            (await knex()(PANEL_TABLES.invitations)
              .where({ draw_id: active.id })
              .select('candidate_id', 'sent_at', 'delivered_at', 'failed_at')) as Row[]
          ).map((row) => [String(row.candidate_id), row])
        );
        const person = (lot: string, position: number) => {
          const c = byLot.get(lot);
          return {
            position,
            lotNumber: lot,
            displayName: c?.displayName ?? null,
            email: c?.email ?? null,
            district: c?.district ?? null,
            ageBand: c?.ageBand ?? null,
            // When the invitation was claimed (the mail follows; see sent/failed).
            invitedAt: c && invited.has(c.id) ? iso(invited.get(c.id)!.sent_at) : null,
            invitationSentAt: c ? isoOrNull(invited.get(c.id)?.delivered_at) : null,
            invitationFailedAt: c ? isoOrNull(invited.get(c.id)?.failed_at) : null,
          };
        };
        draw = {
          number: active.number,
          drawnAt: active.drawnAt,
          sha256: active.sha256,
          unfilled: file.output.unfilled,
          selected: file.output.selected.map((lot, i) => person(lot, i + 1)),
          reserves: file.output.reserves.map((lot, i) => person(lot, i + 1)),
        };
      }
      return {
        ...view,
        settings,
        ageBandRequired: plan.ageBandRequired,
        candidates,
        activeDraw: draw,
      };
    },
  };
};

export default panel;
