import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  drawPanel,
  PANEL_ALGORITHM,
  panelDrawFileSchema,
  panelPoolHash,
  panelVolunteerInputSchema,
  sha256Hex,
  type PanelCandidate,
  type PanelDrawFile,
  type PanelDrawOutput,
  type PanelPublicView,
  type PanelVolunteerInput,
} from '@begroot/core';
import { ConflictError, isUniqueViolation, validationError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { PANEL_TABLES } from '../panel/tables';
import { panelPlan, pseudonymizer, strataOf, type PanelPlan } from '../panel/plan';
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
const newId = () => crypto.randomBytes(16).toString('hex');

const panel = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  let pseudonymOf: ReturnType<typeof pseudonymizer> | null = null;
  const lotNumber = (round: StoredRound, candidateId: string) =>
    (pseudonymOf ??= pseudonymizer(strapi))(round.documentId, candidateId);

  const settingsOf = async (round: StoredRound, db: Knex = knex()) => {
    const row = (await db(PANEL_TABLES.settings).where({ round_id: round.documentId }).first()) as
      Row | undefined;
    return {
      seats: row?.seats == null ? null : Number(row.seats),
      seed: row?.seed == null ? null : String(row.seed),
    };
  };

  const candidatesOf = async (round: StoredRound, db: Knex = knex()): Promise<Candidate[]> => {
    const rows = (await db(PANEL_TABLES.candidates)
      .where({ round_id: round.documentId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select('*')) as Row[];
    return rows.map((row) => ({
      id: String(row.id),
      lotNumber: lotNumber(round, String(row.id)),
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
  const poolOf = (round: StoredRound, plan: PanelPlan, candidates: Candidate[]): PanelCandidate[] =>
    candidates
      .map((c) => ({ id: c.lotNumber, strata: strataOf(plan, c) }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  /** Per stratum: target, volunteers and (after the draw) selected. */
  const counts = (
    plan: PanelPlan,
    seats: number | null,
    seed: string | null,
    pool: PanelCandidate[],
    drawn: PanelDrawOutput | null
  ) => {
    const source =
      drawn ??
      (seats
        ? drawPanel({
            // Before the seed is known, ties between equal remainders are broken provisionally.
            seed: seed ?? 'preview',
            seats,
            stratifyBy: plan.stratifyBy,
            candidates: pool,
            targets: plan.targets,
          })
        : null);
    if (!source) {
      const byKey = new Map<string, { stratum: Record<string, string>; volunteers: number }>();
      for (const target of plan.targets ?? []) {
        byKey.set(JSON.stringify(target.stratum), { stratum: target.stratum, volunteers: 0 });
      }
      for (const candidate of pool) {
        const key = JSON.stringify(candidate.strata);
        const entry = byKey.get(key) ?? { stratum: candidate.strata, volunteers: 0 };
        entry.volunteers += 1;
        byKey.set(key, entry);
      }
      return [...byKey.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, entry]) => ({ ...entry, target: 0, selected: null }));
    }
    return source.strata.map((s) => ({
      stratum: s.stratum,
      target: s.target,
      volunteers: s.available,
      selected: drawn ? s.selected : null,
    }));
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

  /** The public panel view is served from the read cache: every write makes it stale. */
  const changed = () => getService('read-cache', { strapi }).invalidate();

  const activeOf = (draws: DrawRow[]) => draws.find((d) => d.voidedAt === null) ?? null;
  const statusOf = (settings: { seed: string | null }, active: DrawRow | null) =>
    active ? 'drawn' : settings.seed ? 'closed' : 'open';

  const refuseWhenClosed = async (round: StoredRound) => {
    const [settings, draws] = await Promise.all([settingsOf(round), drawsOf(round)]);
    if (activeOf(draws)) throw new ConflictError('The panel has been drawn: the pool is closed.');
    if (settings.seed) {
      throw new ConflictError('The seed is set, so the pool is closed: no one can be added now.');
    }
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
      await refuseWhenClosed(round);
      let stored;
      try {
        [stored] = await insertCandidates(knex(), round, [{ ...input, source: 'signup' }]);
      } catch (error) {
        if (isUniqueViolation(error)) return;
        throw error;
      }
      changed();
      if (!stored) return;
      const candidate = {
        id: stored.id,
        lotNumber: lotNumber(round, stored.id),
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
      await refuseWhenClosed(round);
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
        await strapi.db.transaction(async ({ trx }) => {
          await insertCandidates(
            trx as unknown as Knex,
            round,
            good.map((row) => ({ ...row, source: 'import' as const }))
          );
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

    /** Seats and the public seed. Setting the seed closes the pool; a standing draw forbids both. */
    async updateSettings(round: StoredRound, input: { seats: number; seed: string | null }) {
      const draws = await drawsOf(round);
      if (activeOf(draws)) {
        throw new ConflictError('The panel has been drawn: void the draw to change seats or seed.');
      }
      const row = {
        round_id: round.documentId,
        seats: input.seats,
        seed: input.seed,
        updated_at: Date.now(),
      };
      await knex()(PANEL_TABLES.settings).insert(row).onConflict('round_id').merge();
      changed();
    },

    /**
     * Draws the panel once: the seed the official confirms must be the one set. The draw file is
     * stored with its hash; a second draw only after voiding this one (the unique index on the
     * standing draw decides between two officials at once).
     */
    async draw(round: StoredRound, confirmedSeed: string) {
      const plan = panelPlan(round);
      try {
        await strapi.db.transaction(async ({ trx }) => {
          const db = trx as unknown as Knex;
          const [settings, draws, candidates] = await Promise.all([
            settingsOf(round, db),
            drawsOf(round, db),
            candidatesOf(round, db),
          ]);
          if (activeOf(draws)) {
            throw new ConflictError('The panel has been drawn already: void that draw first.');
          }
          if (!settings.seats || !settings.seed) {
            throw new ConflictError('Set the number of seats and the public seed first.');
          }
          if (settings.seed !== confirmedSeed) {
            throw new ConflictError(
              'The seed you confirmed is not the seed that is set: reload and check it.'
            );
          }
          const input = {
            seed: settings.seed,
            seats: settings.seats,
            stratifyBy: plan.stratifyBy,
            candidates: poolOf(round, plan, candidates),
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
      const active = activeOf(await drawsOf(round));
      if (!active) throw new ConflictError('There is no draw to void.');
      const updated = await knex()(PANEL_TABLES.draws)
        .where({ id: active.id, active_round: round.documentId })
        .update({ active_round: null, voided_at: Date.now(), void_reason: reason });
      if (!updated) throw new ConflictError('The draw was voided meanwhile.');
      changed();
    },

    /**
     * Invites the selected members of the standing draw by e-mail. Each invitation is claimed
     * (committed) before its mail is sent, so nobody is invited twice for one draw, not even by
     * two officials at once. Answers how many were claimed now and how many had been before.
     */
    async invite(round: StoredRound): Promise<{ invited: number; alreadyInvited: number }> {
      const active = activeOf(await drawsOf(round));
      if (!active) throw new ConflictError('Draw the panel before sending invitations.');
      const file = panelDrawFileSchema.parse(JSON.parse(active.file));
      const byLot = new Map((await candidatesOf(round)).map((c) => [c.lotNumber, c]));
      const claimed: Candidate[] = [];
      let alreadyInvited = 0;
      for (const lot of file.output.selected) {
        const candidate = byLot.get(lot);
        if (!candidate) continue;
        try {
          await knex()(PANEL_TABLES.invitations).insert({
            draw_id: active.id,
            candidate_id: candidate.id,
            sent_at: Date.now(),
          });
          claimed.push(candidate);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          alreadyInvited += 1;
        }
      }
      // After the answer: a slow mail server does not hold up the official.
      void (async () => {
        for (const candidate of claimed) {
          await send(candidate.email, invitationMail(mailInput(round, candidate)), 'invitation');
        }
      })();
      return { invited: claimed.length, alreadyInvited };
    },

    /** What anyone may see: numbers and hashes, no names, addresses or lot numbers. */
    async publicView(round: StoredRound): Promise<PanelPublicView> {
      const plan = panelPlan(round);
      const [settings, draws, candidates] = await Promise.all([
        settingsOf(round),
        drawsOf(round),
        candidatesOf(round),
      ]);
      const active = activeOf(draws);
      const drawn = active ? panelDrawFileSchema.parse(JSON.parse(active.file)) : null;
      const pool = drawn ? drawn.input.candidates : poolOf(round, plan, candidates);
      return {
        round: round.slug,
        algorithm: PANEL_ALGORITHM,
        status: statusOf(settings, active),
        seats: drawn ? drawn.input.seats : settings.seats,
        seed: drawn ? drawn.input.seed : settings.seed,
        stratifyBy: drawn ? drawn.input.stratifyBy : plan.stratifyBy,
        volunteers: pool.length,
        poolSha256: panelPoolHash(pool),
        strata: drawn
          ? counts(plan, null, null, pool, drawn.output)
          : counts(plan, settings.seats, settings.seed, pool, null),
        draw:
          active && drawn
            ? {
                number: active.number,
                drawnAt: active.drawnAt,
                sha256: active.sha256,
                selected: drawn.output.selected.length,
                unfilled: drawn.output.unfilled,
              }
            : null,
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
              .select('candidate_id', 'sent_at')) as Row[]
          ).map((row) => [String(row.candidate_id), iso(row.sent_at)])
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
            invitedAt: c ? (invited.get(c.id) ?? null) : null,
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
