import type { Core } from '@strapi/strapi';
import type { ArgumentPublicView, Stance } from '@begroot/core';
import { ARGUMENT_UID } from '../utils/constants';
import type { ArgumentCounts } from './proposal';

export type StoredArgument = {
  id: number;
  documentId: string;
  stance: Stance;
  body: string;
  authorName: string;
  replyTo: string | null;
  official: boolean;
  hidden: boolean;
  moderationReason: string | null;
  moderatedAt: string | null;
  reportCount: number | null;
  reports: Array<{ at: string; reason: string | null }> | null;
  awaitingModeration: boolean | null;
  postedAt: string | null;
  createdAt: string;
  proposal?: { documentId: string } | null;
};

/** An argument as anyone may read it, built field by field (no moderation or report details). */
export function toPublicArgument(stored: StoredArgument, proposalId: string): ArgumentPublicView {
  return {
    documentId: stored.documentId,
    proposal: proposalId,
    stance: stored.stance,
    body: stored.body,
    authorName: stored.authorName,
    replyTo: stored.replyTo ?? null,
    official: Boolean(stored.official),
    postedAt: new Date(stored.postedAt ?? stored.createdAt).toISOString(),
  };
}

const argument = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(ARGUMENT_UID);

  const findStored = async (documentId: string): Promise<StoredArgument | null> =>
    (await documents().findOne({
      documentId,
      populate: { proposal: { fields: ['documentId'] } } as never,
    })) as unknown as StoredArgument | null;

  return {
    findStored,

    /** Visible arguments per proposal and stance, for the proposals' `argumentCounts`. */
    async countsFor(proposalIds: readonly string[]): Promise<Map<string, ArgumentCounts>> {
      const counts = new Map<string, ArgumentCounts>();
      if (proposalIds.length === 0) return counts;
      const rows = (await documents().findMany({
        filters: { proposal: { documentId: { $in: [...proposalIds] } }, hidden: false } as never,
        fields: ['stance'] as never,
        populate: { proposal: { fields: ['documentId'] } } as never,
        limit: 100_000,
      })) as unknown as StoredArgument[];
      for (const row of rows) {
        const id = row.proposal?.documentId;
        if (!id) continue;
        const entry = counts.get(id) ?? { for: 0, against: 0, question: 0 };
        entry[row.stance] += 1;
        counts.set(id, entry);
      }
      return counts;
    },

    /** A proposal's visible arguments, oldest first (replies and official answers included). */
    async listPublic(proposalId: string): Promise<ArgumentPublicView[]> {
      const rows = (await documents().findMany({
        filters: { proposal: { documentId: proposalId }, hidden: false } as never,
        sort: [{ id: 'asc' }] as never,
        limit: 100_000,
      })) as unknown as StoredArgument[];
      return rows.map((row) => toPublicArgument(row, proposalId));
    },

    /** Stores an argument or an official answer on a proposal. */
    async post(
      proposalId: string,
      input: {
        stance: Stance;
        body: string;
        authorName: string;
        replyTo: string | null;
        official: boolean;
      },
      at: Date = new Date()
    ): Promise<ArgumentPublicView> {
      const created = (await documents().create({
        data: {
          proposal: proposalId,
          stance: input.stance,
          body: input.body,
          authorName: input.authorName,
          replyTo: input.replyTo,
          official: input.official,
          hidden: false,
          reportCount: 0,
          reports: [],
          awaitingModeration: false,
          postedAt: at.toISOString(),
        } as never,
      })) as unknown as StoredArgument;
      return toPublicArgument(created, proposalId);
    },

    /**
     * The moderation queue of a round: every argument (hidden ones included) with its reports and
     * moderation, newest first; only those awaiting moderation when asked.
     */
    async listForModeration(
      roundId: string,
      query: { awaitingModeration?: boolean | undefined; page: number; pageSize: number }
    ) {
      const filters: Record<string, unknown> = {
        proposal: { round: { documentId: roundId } },
      };
      if (query.awaitingModeration !== undefined) {
        filters.awaitingModeration = query.awaitingModeration;
      }
      const [rows, total] = await Promise.all([
        documents().findMany({
          filters: filters as never,
          populate: { proposal: { fields: ['documentId', 'title'] } } as never,
          sort: [{ id: 'desc' }] as never,
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as unknown as Promise<Array<StoredArgument & { proposal: { title?: string } | null }>>,
        documents().count({ filters: filters as never }),
      ]);
      return {
        data: rows.map((row) => ({
          ...toPublicArgument(row, row.proposal?.documentId ?? ''),
          proposalTitle: row.proposal?.title ?? null,
          hidden: Boolean(row.hidden),
          awaitingModeration: Boolean(row.awaitingModeration),
          reportCount: row.reportCount ?? 0,
          reports: row.reports ?? [],
          moderationReason: row.moderationReason ?? null,
          moderatedAt: row.moderatedAt ?? null,
        })),
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          pageCount: Math.ceil(total / query.pageSize),
          total,
        },
      };
    },

    /** A resident's report: the argument waits for moderation (it stays visible until hidden). */
    async report(stored: StoredArgument, reason: string | undefined, at: Date = new Date()) {
      await documents().update({
        documentId: stored.documentId,
        data: {
          reportCount: (stored.reportCount ?? 0) + 1,
          reports: [...(stored.reports ?? []), { at: at.toISOString(), reason: reason ?? null }],
          awaitingModeration: true,
        } as never,
      });
    },

    /** A moderator hides or restores an argument, with a reason; the reports are dealt with. */
    async moderate(stored: StoredArgument, hidden: boolean, reason: string, at = new Date()) {
      await documents().update({
        documentId: stored.documentId,
        data: {
          hidden,
          moderationReason: reason,
          moderatedAt: at.toISOString(),
          awaitingModeration: false,
        } as never,
      });
      const updated = (await findStored(stored.documentId))!;
      return {
        ...toPublicArgument(updated, updated.proposal?.documentId ?? ''),
        hidden: updated.hidden,
        moderationReason: updated.moderationReason,
        moderatedAt: updated.moderatedAt,
        reportCount: updated.reportCount ?? 0,
      };
    },
  };
};

export default argument;
