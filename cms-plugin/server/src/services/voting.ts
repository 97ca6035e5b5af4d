import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  ballotDistrict,
  checkBallot,
  effectiveSettings,
  type BallotProposal,
  type BallotSelection,
  type BallotToken,
  type VerificationInput,
} from '@begroot/core';
import { PROPOSAL_UID } from '../utils/constants';
import { getService } from '../utils/get-service';
import { ConflictError, isUniqueViolation, validationError } from '../utils/errors';
import { checkAgeBand } from '../participation/count';
import { toAmount } from '../utils/amount';
import {
  newCode,
  newKioskKey,
  newOtp,
  newReceipt,
  normalizeCode,
  normalizeReceipt,
  randomId,
  timingSafeEqualText,
  votingKeys,
} from '../voting/crypto';
import { CHANNELS, TABLES, type Channel } from '../voting/tables';
import type { KioskInput } from '../validation/voting';
import { countParticipant, moveParticipant, type ParticipantCount } from '../participation/count';
import { PARTICIPATION_TABLES } from '../participation/tables';
import { signToken, verifyToken, TOKEN_LIFETIME_MS, type BallotClaims } from '../voting/token';
import { phaseOf, type StoredRound } from './round';
import { ExpiringCache, VOTING_CACHE_TTL_MS } from '../voting/cache';

const OTP_LIFETIME_MS = 15 * 60 * 1000;
const OTP_MAX_ATTEMPTS = 5;
const INSERT_CHUNK = 500;

/** A round with its phase now, as the voting routes need it. */
export interface VotingRound {
  stored: StoredRound;
  id: string;
  currentPhase: string | null;
  /** The admitted proposals as cached with the round (public routes); absent: read them fresh. */
  admitted?: Map<string, BallotProposal & { title: string }>;
}

type Knex = Core.Strapi['db']['connection'];

const voting = ({ strapi }: { strapi: Core.Strapi }) => {
  const keys = votingKeys(strapi);
  const knex = (): Knex => strapi.db.connection;

  const codeHash = (code: string) => keys.hash('code', code);
  const emailHash = (round: string, email: string) => keys.hash('email', `${round}\n${email}`);
  const openCredential = () => keys.hash('code', `open\n${randomId()}`);
  /**
   * The keyed hash a ballot is found by when its voter replaces it. It also binds the participation
   * counter cell the voter is counted in (channel and age band), so a re-vote can move that count
   * without the ballot row saying how it came in (docs/secret-ballot.md). Ballots stored before
   * that have the legacy tag (`cell` null).
   */
  const receiptTag = (
    round: string,
    credential: string,
    receipt: string,
    cell: ParticipantCount | null
  ) =>
    keys.hash(
      'receipt',
      `${round}\n${credential}\n${normalizeReceipt(receipt)}` +
        (cell ? `\n${cell.channel}\n${cell.ageBand ?? ''}` : '')
    );

  /**
   * Every tag the ballot a receipt names may have, with the counter cell each one binds: one per
   * channel and age band the round has counted (bands the round no longer lists included), and
   * the legacy tag (null: a ballot from before, its cell unknown).
   */
  async function receiptTags(
    db: Knex,
    round: VotingRound,
    credential: string,
    receipt: string
  ): Promise<Map<string, ParticipantCount | null>> {
    const counted = (await db(PARTICIPATION_TABLES.participation)
      .where({ round_id: round.id })
      .distinct('age_band')) as Array<{ age_band: string }>;
    const bands = new Set(['', ...(round.stored.voting?.ageBands ?? [])]);
    for (const row of counted) bands.add(row.age_band);
    const tags = new Map<string, ParticipantCount | null>();
    tags.set(receiptTag(round.id, credential, receipt, null), null);
    for (const channel of CHANNELS) {
      for (const band of bands) {
        const cell = { channel, ageBand: band || null };
        tags.set(receiptTag(round.id, credential, receipt, cell), cell);
      }
    }
    return tags;
  }

  async function loadRound(slug: string): Promise<VotingRound> {
    const stored = await getService('round', { strapi }).findBySlug(slug);
    if (!stored) throw new errors.NotFoundError(`There is no round "${slug}".`);
    return { stored, id: stored.documentId, currentPhase: phaseOf(stored) };
  }

  /**
   * What verifying and casting read about a round (its document and admitted proposals), kept in
   * memory for VOTING_CACHE_TTL_MS so a ballot costs only its own transaction. The phase is
   * worked out again on every call: a round opens and closes on time, cached or not.
   */
  const castingCache = new ExpiringCache<Omit<VotingRound, 'currentPhase'>>(VOTING_CACHE_TTL_MS);
  async function castingRound(slug: string): Promise<VotingRound> {
    const cached = await castingCache.get(slug, async () => {
      const { stored, id } = await loadRound(slug);
      return { stored, id, admitted: await admittedProposals({ id }) };
    });
    return { ...cached, currentPhase: phaseOf(cached.stored) };
  }

  const districtSlugs = (round: VotingRound) => (round.stored.districts ?? []).map((d) => d.slug);

  function checkDistrict(round: VotingRound, district: string | null | undefined): string | null {
    const slugs = districtSlugs(round);
    if (district == null || district === '') {
      if (
        slugs.length > 0 &&
        round.stored.voting?.districtScope === 'own' &&
        district !== undefined
      )
        throw validationError('Choose a district.', [{ path: ['district'], message: 'Required.' }]);
      return null;
    }
    if (!slugs.includes(district)) {
      throw validationError(`This round has no district "${district}".`, [
        { path: ['district'], message: 'Unknown district.' },
      ]);
    }
    return district;
  }

  function requireVoting(round: VotingRound) {
    if (round.currentPhase !== 'voting') {
      throw new errors.ForbiddenError('Voting is not open in this round.');
    }
  }

  async function hasVoted(round: string, credential: string, db: Knex = knex()) {
    const row = await db(TABLES.voters).where({ round_id: round, credential }).first();
    return Boolean(row);
  }

  /** The admitted proposals of a round with their official cost, as the ballot check needs them. */
  async function admittedProposals(round: Pick<VotingRound, 'id'>) {
    const proposals = new Map<string, BallotProposal & { title: string }>();
    if (!strapi.contentTypes[PROPOSAL_UID as never]) return proposals;
    const rows = (await strapi.db.query(PROPOSAL_UID as never).findMany({
      where: { round: { documentId: round.id }, status: 'admitted' },
      select: ['documentId', 'title', 'officialCost', 'estimatedCost', 'district'],
    } as never)) as Array<{
      documentId: string;
      title: string;
      officialCost: unknown;
      estimatedCost: unknown;
      district: string | null;
    }>;
    for (const row of rows) {
      proposals.set(row.documentId, {
        title: row.title,
        cost: toAmount(row.officialCost ?? row.estimatedCost ?? 0),
        district: row.district || null,
      });
    }
    return proposals;
  }

  function budgets(round: VotingRound) {
    const map = new Map<string, number>([['', toAmount(round.stored.budget)]]);
    for (const district of round.stored.districts ?? []) {
      map.set(district.slug, toAmount(district.budget));
    }
    return map;
  }

  const issueToken = (claims: Omit<BallotClaims, 'expires'>): BallotToken => {
    const expires = Date.now() + TOKEN_LIFETIME_MS;
    return {
      token: signToken(keys, { ...claims, expires }),
      district: claims.district,
      expiresAt: new Date(expires).toISOString(),
    };
  };

  /**
   * Inserts a ballot and, in the same transaction, either the voter's entry in the register (a
   * second one for the same credential violates its primary key) and their participation count,
   * or the removal of the ballot the receipt names (re-voting), whose count moves to the new
   * ballot's district and channel (keeping the age band first given). The ballot row holds no
   * channel: the counter is where channels are counted. Answers the receipt code.
   */
  async function storeBallot(
    round: VotingRound,
    credential: string,
    district: string | null,
    selections: BallotSelection[],
    replacing: string | undefined,
    participant: ParticipantCount
  ) {
    const receipt = newReceipt();
    const ballot = {
      id: randomId(),
      round_id: round.id,
      district: district ?? '',
      day: new Date().toISOString().slice(0, 10),
      selections: JSON.stringify(
        selections.map(({ proposal, points, rank }) => ({ proposal, points, rank }))
      ),
      // The column stays for ballots tables made before; it is never filled (channel below).
      channel: '',
    };
    try {
      await strapi.db.transaction(async ({ trx }) => {
        const db = trx as unknown as Knex;
        // The counter cell the new ballot's tag binds; null: a voter from before tags bound one,
        // who stays counted where they first were.
        let cell: ParticipantCount | null = participant;
        if (replacing === undefined) {
          await db(TABLES.voters).insert({ round_id: round.id, credential });
          await countParticipant(db, round.id, district, participant);
        } else {
          // A replaced ballot's voter stays counted once: the count moves with the ballot.
          const tags = await receiptTags(db, round, credential, replacing);
          const old = (await db(TABLES.ballots)
            .where({ round_id: round.id })
            .whereIn('receipt_tag', [...tags.keys()])
            .first('receipt_tag', 'district')) as
            { receipt_tag: string; district: string } | undefined;
          if (!old) throw new ReceiptMismatch();
          const removed = await db(TABLES.ballots)
            .where({ round_id: round.id, receipt_tag: old.receipt_tag })
            .delete();
          if (removed !== 1) throw new ReceiptMismatch();
          const counted = tags.get(old.receipt_tag) ?? null;
          cell = counted && { channel: participant.channel, ageBand: counted.ageBand };
          if (counted && cell) {
            await moveParticipant(db, round.id, old.district || null, counted, district, cell);
          }
        }
        await db(TABLES.ballots).insert({
          ...ballot,
          receipt_tag: receiptTag(round.id, credential, receipt, cell),
        });
      });
    } catch (error) {
      if (error instanceof ReceiptMismatch) {
        // The code `receipt_mismatch` lets a ballot tell this apart from other 403s (voting
        // closed): on a shared device the stored receipt may be an earlier voter's.
        throw new errors.ForbiddenError(
          'This receipt does not belong to a ballot of yours in this round (or was replaced since).',
          {
            errors: [
              {
                path: ['receipt'],
                message: 'Not the receipt of a ballot cast with this credential.',
                name: 'ForbiddenError',
                code: 'receipt_mismatch',
              },
            ],
          }
        );
      }
      if (isUniqueViolation(error)) {
        throw new ConflictError('This voter has already voted in this round.');
      }
      throw error;
    }
    return { receipt, replaced: replacing !== undefined };
  }

  function checkSelections(
    round: VotingRound,
    proposals: Map<string, BallotProposal>,
    selections: BallotSelection[],
    voterDistrict: string | null
  ) {
    const settings = round.stored.voting;
    if (!settings) throw new errors.ForbiddenError('This round has no voting settings.');
    // The ballot follows the rules of the district it is cast in (the district's own on top).
    const issues = checkBallot(selections, {
      voting: settings,
      districts: round.stored.districts ?? [],
      proposals,
      budgets: budgets(round),
      voterDistrict,
    });
    if (issues.length > 0) {
      throw new errors.ValidationError('This ballot cannot be counted as it is.', {
        errors: issues,
      });
    }
  }

  async function refuseAfterPublication(round: VotingRound) {
    const results = (await knex()(TABLES.results).where({ round_id: round.id }).first()) as
      { published: string | null } | undefined;
    if (results?.published) {
      throw new errors.ForbiddenError('The results are published: no more ballots can be entered.');
    }
  }

  /** A letter's code as typed on a paper ballot: its hash and district, or 400 at `code`. */
  async function paperCode(round: VotingRound, typed: string) {
    const code = normalizeCode(typed);
    const hash = code ? codeHash(code) : null;
    const row = hash
      ? ((await knex()(TABLES.codes).where({ code_hash: hash, round_id: round.id }).first()) as
          { district: string; voided: unknown } | undefined)
      : undefined;
    if (!hash || !row || row.voided === true || row.voided === 1) {
      throw validationError('This code is not valid for this round.', [
        { path: ['code'], message: 'Unknown or voided code.' },
      ]);
    }
    return { hash, district: row.district || null };
  }

  return {
    loadRound,
    castingRound,
    /** Forgets every cached round (after a write to a round or proposal; see voting/cache.ts). */
    invalidateCache: () => castingCache.invalidate(),

    // ----- Codes -----

    /**
     * Makes `count` new codes for a district; answers them once (they are never stored, only
     * their keyed hashes). Inserted in one transaction: all or nothing.
     */
    async createCodes(slug: string, district: string | null | undefined, count: number) {
      const round = await loadRound(slug);
      const slugs = districtSlugs(round);
      const where = district ?? null;
      if (where !== null && !slugs.includes(where)) {
        throw validationError(`This round has no district "${where}".`, [
          { path: ['district'], message: 'Unknown district.' },
        ]);
      }
      if (where === null && slugs.length > 0) {
        throw validationError('Choose the district these codes are for.', [
          { path: ['district'], message: 'Required.' },
        ]);
      }
      const codes: string[] = [];
      const rows: Array<{ code_hash: string; round_id: string; district: string }> = [];
      const seen = new Set<string>();
      while (codes.length < count) {
        const code = newCode();
        const hash = codeHash(normalizeCode(code)!);
        if (seen.has(hash)) continue;
        seen.add(hash);
        codes.push(code);
        rows.push({ code_hash: hash, round_id: round.id, district: where ?? '' });
      }
      await strapi.db.transaction(async ({ trx }) => {
        const db = trx as unknown as Knex;
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await db(TABLES.codes).insert(rows.slice(i, i + INSERT_CHUNK));
        }
      });
      return { district: where, codes };
    },

    /** Issued, used, unused and voided codes per district. */
    async codeCounts(slug: string) {
      const round = await loadRound(slug);
      const db = knex();
      const rows = (await db(`${TABLES.codes} as c`)
        .leftJoin(`${TABLES.voters} as v`, (join) => {
          join.on('v.round_id', '=', 'c.round_id').andOn('v.credential', '=', 'c.code_hash');
        })
        .where('c.round_id', round.id)
        .groupBy('c.district', 'c.voided')
        .select('c.district as district', 'c.voided as voided')
        .count('c.code_hash as issued')
        .count('v.credential as used')) as Array<{
        district: string;
        voided: unknown;
        issued: unknown;
        used: unknown;
      }>;
      const byDistrict = new Map<string, CodeCounts>();
      const entryFor = (key: string) =>
        byDistrict.get(key) ?? {
          district: key || null,
          issued: 0,
          used: 0,
          unused: 0,
          voided: 0,
          ballots: { online: 0, kiosk: 0, paper: 0 },
        };
      for (const row of rows) {
        const key = row.district;
        const entry = entryFor(key);
        const issued = Number(row.issued);
        const used = Number(row.used);
        entry.issued += issued;
        entry.used += used;
        if (row.voided === true || row.voided === 1) entry.voided += issued - used;
        else entry.unused += issued - used;
        byDistrict.set(key, entry);
      }
      // Counted ballots per district and channel, from the participation counter (raised with each
      // ballot, moved with a replaced one): ballots themselves do not record their channel.
      const ballots = (await db(PARTICIPATION_TABLES.participation)
        .where('round_id', round.id)
        .groupBy('district', 'channel')
        .select('district', 'channel')
        .sum('count as n')) as Array<{ district: string; channel: string; n: unknown }>;
      for (const row of ballots) {
        const entry = entryFor(row.district);
        const channel = (CHANNELS as readonly string[]).includes(row.channel)
          ? (row.channel as Channel)
          : 'online';
        entry.ballots[channel] += Number(row.n);
        byDistrict.set(row.district, entry);
      }
      return [...byDistrict.values()].sort((a, b) =>
        (a.district ?? '').localeCompare(b.district ?? '')
      );
    },

    /** Voids an unused code; with `reissue`, answers a new code for the same round and district. */
    async voidCode(typed: string, reissue: boolean) {
      const code = normalizeCode(typed);
      const row = code
        ? ((await knex()(TABLES.codes)
            .where({ code_hash: codeHash(code) })
            .first()) as
            { code_hash: string; round_id: string; district: string; voided: unknown } | undefined)
        : undefined;
      if (!row) throw new errors.NotFoundError('There is no such code.');
      if (await hasVoted(row.round_id, row.code_hash)) {
        throw new ConflictError('This code has already been used to vote.');
      }
      await knex()(TABLES.codes).where({ code_hash: row.code_hash }).update({ voided: true });
      let reissued: string | null = null;
      if (reissue) {
        reissued = newCode();
        await knex()(TABLES.codes).insert({
          code_hash: codeHash(normalizeCode(reissued)!),
          round_id: row.round_id,
          district: row.district,
        });
      }
      return { district: row.district || null, voided: true, reissued };
    },

    // ----- Kiosks -----

    async listKiosks(slug: string): Promise<Kiosk[]> {
      const round = await loadRound(slug);
      const rows = (await knex()(TABLES.kiosks)
        .where({ round_id: round.id })
        .orderBy('created_at', 'asc')) as KioskRow[];
      return rows.map(toKiosk);
    },

    /** A kiosk for a round; answers its key once (only its keyed hash is kept). */
    async createKiosk(slug: string, input: KioskInput): Promise<{ kiosk: Kiosk; key: string }> {
      const round = await loadRound(slug);
      const slugs = districtSlugs(round);
      const districts = [...new Set(input.districts ?? [])];
      districts.forEach((district, index) => {
        if (!slugs.includes(district)) {
          throw validationError(`This round has no district "${district}".`, [
            { path: ['districts', index], message: 'Unknown district.' },
          ]);
        }
      });
      const key = newKioskKey();
      const row: KioskRow = {
        id: randomId(),
        round_id: round.id,
        name: input.name,
        districts: JSON.stringify(districts),
        active_from: input.activeFrom ? Date.parse(input.activeFrom) : null,
        active_until: input.activeUntil ? Date.parse(input.activeUntil) : null,
        key_hash: keys.hash('kiosk', key),
        revoked: false,
        created_at: Date.now(),
      };
      await knex()(TABLES.kiosks).insert(row);
      return { kiosk: toKiosk(row), key };
    },

    /** Revokes a kiosk: its key verifies nothing from now on. Revoking twice changes nothing. */
    async revokeKiosk(id: string): Promise<Kiosk> {
      const updated = await knex()(TABLES.kiosks).where({ id }).update({ revoked: true });
      if (!updated) throw new errors.NotFoundError('There is no such kiosk.');
      return toKiosk((await knex()(TABLES.kiosks).where({ id }).first()) as KioskRow);
    },

    /**
     * The kiosk a key belongs to, when it may verify in this round now: 401 for a key that is not
     * this round's, 403 once revoked or outside its window.
     */
    async kioskFor(round: VotingRound, key: string, now = Date.now()): Promise<Kiosk> {
      const row = (await knex()(TABLES.kiosks)
        .where({ key_hash: keys.hash('kiosk', key) })
        .first()) as KioskRow | undefined;
      if (!row || row.round_id !== round.id) {
        throw new errors.UnauthorizedError('This kiosk key is not valid for this round.');
      }
      const kiosk = toKiosk(row);
      if (kiosk.revoked) {
        throw new errors.ForbiddenError(
          'This kiosk has been revoked: ask the round’s officials to set up a new one.'
        );
      }
      const from = kiosk.activeFrom ? Date.parse(kiosk.activeFrom) : -Infinity;
      const until = kiosk.activeUntil ? Date.parse(kiosk.activeUntil) : Infinity;
      if (now < from || now >= until) {
        throw new errors.ForbiddenError(
          `This kiosk is not active now (${kiosk.activeFrom ?? '…'} – ${kiosk.activeUntil ?? '…'}).`
        );
      }
      return kiosk;
    },

    // ----- Verification -----

    /**
     * Checks a credential and answers a ballot token, or `{ sent: true }` when a one-time code
     * was mailed.
     */
    async verify(
      round: VotingRound,
      input: VerificationInput,
      kiosk: Kiosk | null = null
    ): Promise<BallotToken | { sent: true }> {
      requireVoting(round);
      if (kiosk && input.method !== 'code') {
        throw new errors.ForbiddenError('A kiosk verifies voting codes only.');
      }
      const methods = round.stored.verification?.methods ?? ['code'];
      if (!methods.includes(input.method)) {
        throw new errors.ForbiddenError(`This round does not verify voters by ${input.method}.`);
      }
      const revote = round.stored.voting?.revote === 'replace';

      if (input.method === 'code') {
        const code = normalizeCode(input.code);
        const hash = code ? codeHash(code) : null;
        const row = hash
          ? ((await knex()(TABLES.codes).where({ code_hash: hash, round_id: round.id }).first()) as
              { district: string; voided: unknown } | undefined)
          : undefined;
        if (!row || row.voided === true || row.voided === 1) {
          throw new errors.UnauthorizedError('This code is not valid for this round.');
        }
        if (kiosk && kiosk.districts.length > 0 && !kiosk.districts.includes(row.district)) {
          throw new errors.ForbiddenError(
            `This code is for another district than this kiosk serves (${kiosk.districts.join(', ')}).`
          );
        }
        if (!revote && (await hasVoted(round.id, hash!))) {
          throw new ConflictError('This code has already been used to vote.');
        }
        return issueToken({
          round: round.id,
          district: row.district || null,
          credential: hash!,
          ...(kiosk ? { kiosk: true as const } : {}),
        });
      }

      if (input.method === 'open') {
        const district = checkDistrict(round, input.district);
        return issueToken({ round: round.id, district, credential: openCredential() });
      }

      // E-mail: first a one-time code by mail, then the token for it.
      const hash = emailHash(round.id, input.email);
      if (input.otp === undefined) {
        const district = checkDistrict(round, input.district);
        if (!revote && (await hasVoted(round.id, hash))) {
          throw new ConflictError('This e-mail address has already voted in this round.');
        }
        const otp = newOtp();
        const row = {
          round_id: round.id,
          email_hash: hash,
          otp_hash: keys.hash('otp', `${hash}\n${otp}`),
          district: district ?? '',
          expires_at: Date.now() + OTP_LIFETIME_MS,
          attempts: 0,
        };
        await strapi.db.transaction(async ({ trx }) => {
          const db = trx as unknown as Knex;
          await db(TABLES.otps).where({ round_id: round.id, email_hash: hash }).delete();
          await db(TABLES.otps).insert(row);
        });
        await strapi
          .plugin('email')
          .service('email')
          .send({
            to: input.email,
            subject: `Your voting code: ${otp}`,
            text:
              `Your one-time code to vote in "${round.stored.title}" is ${otp}.\n\n` +
              'It is valid for 15 minutes. If you did not ask for it, ignore this e-mail.',
          });
        return { sent: true };
      }

      const pending = (await knex()(TABLES.otps)
        .where({ round_id: round.id, email_hash: hash })
        .first()) as
        { otp_hash: string; district: string; expires_at: unknown; attempts: unknown } | undefined;
      const wrong = () => new errors.UnauthorizedError('This code is wrong or has expired.');
      if (!pending || Number(pending.expires_at) < Date.now()) throw wrong();
      if (!timingSafeEqualText(pending.otp_hash, keys.hash('otp', `${hash}\n${input.otp}`))) {
        const attempts = Number(pending.attempts) + 1;
        const where = { round_id: round.id, email_hash: hash };
        if (attempts >= OTP_MAX_ATTEMPTS) await knex()(TABLES.otps).where(where).delete();
        else await knex()(TABLES.otps).where(where).update({ attempts });
        throw wrong();
      }
      const used = await knex()(TABLES.otps)
        .where({ round_id: round.id, email_hash: hash, otp_hash: pending.otp_hash })
        .delete();
      if (used !== 1) throw wrong();
      return issueToken({ round: round.id, district: pending.district || null, credential: hash });
    },

    // ----- Ballots -----

    /** Reads a ballot token for this round; 401 when it is missing, forged, expired or elsewhere. */
    claims(round: VotingRound, authorization: string | undefined): BallotClaims {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
      const claims = match ? verifyToken(keys, match[1]!) : null;
      if (!claims || claims.round !== round.id) {
        throw new errors.UnauthorizedError(
          'Verify first: this ballot needs a valid, unexpired token for this round.'
        );
      }
      return claims;
    },

    /** An online ballot: checked, then stored with the voter's entry in the register at once. */
    async cast(
      round: VotingRound,
      claims: BallotClaims,
      selections: BallotSelection[],
      receipt: string | undefined,
      ageBand?: string | null
    ) {
      requireVoting(round);
      const band = checkAgeBand(round.stored.voting, ageBand);
      if (receipt !== undefined && round.stored.voting?.revote !== 'replace') {
        throw new ConflictError('This round does not allow changing a vote.');
      }
      const proposals = round.admitted ?? (await admittedProposals(round));
      checkSelections(round, proposals, selections, claims.district);
      const district = ballotDistrict(selections, proposals, claims.district);
      return storeBallot(round, claims.credential, district, selections, receipt, {
        ageBand: band,
        channel: claims.kiosk ? 'kiosk' : 'online',
      });
    },

    /**
     * What the paper-ballot form needs for a letter's code, before anything is entered: the
     * code's district, the voting settings there (the round's with the district's own rules on
     * top), the budgets, and the admitted proposals. 400
     * for an unknown or voided code, 409 for a used one; nothing is used up.
     */
    async paperBallotForm(round: VotingRound, typed: string) {
      await refuseAfterPublication(round);
      const { hash, district } = await paperCode(round, typed);
      if (await hasVoted(round.id, hash)) {
        throw new ConflictError('This code has already been used to vote.');
      }
      const settings = round.stored.voting;
      if (!settings) throw new errors.ForbiddenError('This round has no voting settings.');
      const proposals = await admittedProposals(round);
      const { voting } = effectiveSettings(
        { voting: settings, counting: round.stored.counting!, districts: round.stored.districts },
        district
      );
      return {
        district,
        voting,
        budgets: Object.fromEntries(budgets(round)),
        proposals: [...proposals].map(([documentId, proposal]) => ({ documentId, ...proposal })),
      };
    },

    /** A paper ballot entered by an official with the letter's code, which it uses up. */
    async castPaper(round: VotingRound, typed: string, selections: BallotSelection[]) {
      await refuseAfterPublication(round);
      const { hash, district: voterDistrict } = await paperCode(round, typed);
      const proposals = await admittedProposals(round);
      checkSelections(round, proposals, selections, voterDistrict);
      const district = ballotDistrict(selections, proposals, voterDistrict);
      return storeBallot(round, hash, district, selections, undefined, {
        ageBand: null,
        channel: 'paper',
      });
    },

    admittedProposals,
    budgets,
  };
};

class ReceiptMismatch extends Error {}

/** Issued, used, unused and voided codes of a district, and its counted ballots per channel. */
export interface CodeCounts {
  district: string | null;
  issued: number;
  used: number;
  unused: number;
  voided: number;
  ballots: Record<Channel, number>;
}

/** An event device of a round, as officials see it (never its key). */
export interface Kiosk {
  id: string;
  name: string;
  /** The districts whose codes it takes; empty: all of the round's. */
  districts: string[];
  activeFrom: string | null;
  activeUntil: string | null;
  revoked: boolean;
  createdAt: string;
}

type KioskRow = {
  id: string;
  round_id: string;
  name: string;
  districts: string;
  active_from: unknown;
  active_until: unknown;
  key_hash: string;
  revoked: unknown;
  created_at: unknown;
};

const instant = (value: unknown) => (value == null ? null : new Date(Number(value)).toISOString());

function toKiosk(row: KioskRow): Kiosk {
  return {
    id: row.id,
    name: row.name,
    districts: JSON.parse(row.districts) as string[],
    activeFrom: instant(row.active_from),
    activeUntil: instant(row.active_until),
    revoked: row.revoked === true || row.revoked === 1,
    createdAt: instant(row.created_at)!,
  };
}

export default voting;
