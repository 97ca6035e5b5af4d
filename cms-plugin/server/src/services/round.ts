import type { Core } from '@strapi/strapi';
import { currentPhaseAt, effectiveSettings, type RoundPublicView } from '@begroot/core';
import { ROUND_UID } from '../utils/constants';
import { toAmount } from '../utils/amount';
import { isUniqueViolation } from '../utils/errors';
import { ROUND_FIELDS, type RoundDocument, type RoundDocumentInput } from '../validation/round';

/** A round as the Document Service returns it. */
export type StoredRound = RoundDocument & { documentId: string };

const round = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(ROUND_UID);

  const findBySlug = async (slug: string): Promise<StoredRound | null> =>
    (await documents().findFirst({
      filters: { slug },
      fields: [...ROUND_FIELDS],
    })) as unknown as StoredRound | null;

  return {
    findBySlug,
    phaseOf,

    /**
     * What anyone may read about a round (core's `roundPublicViewSchema`), with the phase current
     * at `at`; null when no round has this slug. Built field by field, so nothing added to the
     * round later reaches the public view by accident.
     */
    async findPublicView(slug: string, at: Date = new Date()): Promise<RoundPublicView | null> {
      const stored = await findBySlug(slug);
      if (!stored) return null;
      const phases = (stored.phases ?? []).map(({ kind, start, end }) => ({ kind, start, end }));
      return {
        slug: stored.slug,
        title: stored.title,
        description: stored.description ?? '',
        language: stored.language,
        currency: stored.currency,
        budget: toAmount(stored.budget),
        phases,
        currentPhase: phaseOf(stored, at),
        districts: (stored.districts ?? []).map(({ slug, name, budget, neighbourhoods }) => ({
          slug,
          name,
          budget: toAmount(budget),
          neighbourhoods: (neighbourhoods ?? []).map(({ slug, name, cap }) => ({
            slug,
            name,
            cap: cap ?? null,
          })),
          // The rules a voter here follows (the round's where the district sets none).
          ...(stored.voting && stored.counting ? effectiveSettings(stored, slug) : {}),
        })),
        // The settings the widgets follow and the counting rule, published so residents can see
        // how their votes will be counted. Not public: allowedOrigins (server-side CORS only).
        mode: stored.mode,
        themes: (stored.themes ?? []).map(({ slug, name }) => ({ slug, name })),
        proposalForm: stored.proposalForm,
        voting: stored.voting,
        counting: stored.counting,
        verification: stored.verification,
      };
    },

    /** Every round as its stored document, for officials (allowed origins included). */
    async listDocuments(): Promise<Array<StoredRound & { currentPhase: string | null }>> {
      const stored = (await documents().findMany({
        fields: [...ROUND_FIELDS],
        sort: [{ id: 'asc' }] as never,
        limit: 1000,
      })) as unknown as StoredRound[];
      return stored.map((round) => ({ ...toDocument(round), currentPhase: phaseOf(round) }));
    },

    /** Creates a round from its document (validated by the Document Service middleware). */
    async createDocument(input: RoundDocumentInput): Promise<StoredRound> {
      const created = await documents().create({ data: input as never });
      return toDocument((await findBySlug(input.slug)) ?? (created as unknown as StoredRound));
    },

    /** Replaces a round's document (its slug may change). */
    async replaceDocument(documentId: string, input: RoundDocumentInput): Promise<StoredRound> {
      await documents().update({ documentId, data: input as never });
      return toDocument((await findBySlug(input.slug))!);
    },

    /**
     * Creates the round unless one with its slug exists; never changes an existing round (an
     * editor may have changed it since). Safe to call from several processes at once: the
     * unique index on the slug decides, and the loser reads the winner's round.
     */
    async ensure(input: RoundDocumentInput): Promise<{ documentId: string; created: boolean }> {
      const existing = await findBySlug(input.slug);
      if (existing) return { documentId: existing.documentId, created: false };
      try {
        const created = await documents().create({ data: input as never });
        return { documentId: created.documentId, created: true };
      } catch (error) {
        const winner = await findBySlug(input.slug);
        if (winner && (isUniqueViolation(error) || isSlugTaken(error))) {
          return { documentId: winner.documentId, created: false };
        }
        throw error;
      }
    },
  };
};

/**
 * The phase a stored round is in at `at` (null between phases). A phase an admin closed early is
 * over from that moment, whatever its end date says (core's `currentPhaseAt` honours `closedAt`).
 */
export function phaseOf(stored: Pick<StoredRound, 'phases'>, at: Date = new Date()) {
  return currentPhaseAt(stored.phases ?? [], at);
}

/** The round document with its documentId, decimals as numbers. */
function toDocument(round: StoredRound): StoredRound {
  const document = Object.fromEntries(
    ROUND_FIELDS.filter((field) => round[field] !== undefined).map((field) => [field, round[field]])
  ) as RoundDocument;
  return { ...document, budget: toAmount(round.budget), documentId: round.documentId };
}

/** Strapi's uniqueness check before the insert, or ours after an insert the index refused. */
export function isSlugTaken(error: unknown): boolean {
  const details = (error as { details?: { errors?: Array<{ path?: unknown[] }> } } | null)?.details;
  return Boolean(details?.errors?.some((issue) => issue.path?.[0] === 'slug'));
}

export default round;
