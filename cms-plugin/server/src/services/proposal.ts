import type { Core } from '@strapi/strapi';
import {
  CLOSED_PROPOSAL_STATUSES,
  PUBLIC_PROPOSAL_STATUSES,
  UNREVIEWED_PROPOSAL_STATUSES,
  canMoveProposal,
  rejectedIdeaTitle,
  type ProposalReview,
  seededShuffle,
  type ProposalInput,
  type ProposalOutcomeView,
  type ProposalPublicView,
  type RejectedProposalView,
  type ProposalStatus,
  type ProposalUpdate,
  type StatusChange,
} from '@begroot/core';
import { PROPOSAL_UID } from '../utils/constants';
import { toAmount } from '../utils/amount';
import type { StoredRound } from './round';
import { executionOf } from './execution';

const DAY = 86_400_000;

type ArgumentService = {
  countsFor(ids: readonly string[]): Promise<Map<string, ArgumentCounts>>;
};

/** A proposal as the Document Service returns it (with `round` and `image` populated). */
export type StoredProposal = {
  id: number;
  documentId: string;
  title: string;
  summary: string | null;
  description: string;
  estimatedCost: number | string | null;
  officialCost: number | string | null;
  district: string | null;
  theme: string | null;
  location: string | null;
  authorName: string | null;
  email: string | null;
  status: ProposalStatus;
  publicReason: string | null;
  /** A rejected proposal's title for the public, as an official gave it (null: none given). */
  publicTitle?: string | null;
  mergedInto: string | null;
  history: StoredStatusChange[] | null;
  updates: ProposalUpdate[] | null;
  responseDeadline: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  round?: { documentId: string; slug: string; language?: string | null } | null;
  image?: { url: string } | null;
};

/**
 * A status change as stored: a rejection also records the public title it was given (null: the
 * neutral title), for officials; the public history leaves it out (a rejected proposal's public
 * `title` already is that title).
 */
export type StoredStatusChange = StatusChange & { publicTitle?: string | null };

/**
 * What a review queue shows an official: the public view plus contact and deadline, and for a
 * rejected proposal the public title an official gave (`publicTitle`, null when the public sees
 * the neutral title) and the title the public sees (`rejectedTitle`), each rejection's public
 * title in its history entry.
 */
export type ProposalAdminView = Omit<ProposalPublicView, 'history'> & {
  history: StoredStatusChange[];
  email: string | null;
  responseDeadline: string | null;
  updatedAt: string;
  publicTitle: string | null;
  rejectedTitle?: string;
};

export type ArgumentCounts = ProposalPublicView['argumentCounts'];
const NO_ARGUMENTS: ArgumentCounts = { for: 0, against: 0, question: 0 };

export type PublicListQuery = {
  district?: string | undefined;
  theme?: string | undefined;
  sort: 'random' | 'newest' | 'cost';
  seed?: string | undefined;
  page: number;
  pageSize: number;
  outcome?: 'public' | 'all' | undefined;
};

export type Pagination = { page: number; pageSize: number; pageCount: number; total: number };

const POPULATE = {
  round: { fields: ['slug', 'language'] },
  image: { fields: ['url'] },
} as const;

const iso = (value: string | Date | null | undefined): string | null =>
  value == null ? null : new Date(value).toISOString();

const paginate = <T>(items: readonly T[], page: number, pageSize: number) => ({
  items: items.slice((page - 1) * pageSize, page * pageSize),
  pagination: {
    page,
    pageSize,
    pageCount: Math.ceil(items.length / pageSize),
    total: items.length,
  } satisfies Pagination,
});

/**
 * A proposal as anyone may read it (core's `proposalPublicViewSchema`), built field by field: the
 * contact e-mail and the response deadline are never part of it.
 */
export function toPublicView(
  stored: StoredProposal,
  roundSlug: string,
  argumentCounts: ArgumentCounts = NO_ARGUMENTS
): ProposalPublicView {
  const cost = (value: number | string | null) => (value == null ? null : toAmount(value));
  return {
    documentId: stored.documentId,
    round: roundSlug,
    title: stored.title,
    summary: stored.summary ?? null,
    description: stored.description,
    estimatedCost: cost(stored.estimatedCost),
    officialCost: cost(stored.officialCost),
    district: stored.district ?? null,
    theme: stored.theme ?? null,
    location: stored.location ?? null,
    imageUrl: stored.image?.url ?? null,
    authorName: stored.authorName ?? null,
    status: stored.status,
    publicReason: stored.publicReason ?? null,
    mergedInto: stored.mergedInto ?? null,
    history: (stored.history ?? []).map(({ status, at, reason }) => ({
      status,
      at,
      reason: reason ?? null,
    })),
    updates: (stored.updates ?? []).map(({ date, text }) => ({ date, text })),
    argumentCounts,
    submittedAt: iso(stored.submittedAt ?? stored.createdAt)!,
    ...executionField(stored),
  };
}

/**
 * A rejected proposal as anyone may read it (core's `rejectedProposalViewSchema`): the city's
 * decision, reason and dates, without the resident's own words, which may hold what led to the
 * rejection. `title` is `publicTitle`: the official's public title or the neutral one (see
 * `rejectedTitle`), never the resident's title unless an official gave it.
 */
export function toRejectedView(
  stored: StoredProposal,
  roundSlug: string,
  publicTitle: string
): RejectedProposalView {
  const { documentId, round, district, theme, publicReason, history, updates, submittedAt } =
    toPublicView(stored, roundSlug);
  return {
    documentId,
    round,
    title: publicTitle,
    district,
    theme,
    status: 'rejected',
    publicReason,
    history,
    updates,
    submittedAt,
  };
}

/**
 * The title the public sees of a rejected proposal: the public title an official gave when
 * rejecting it, else the neutral "Idee <number> (afgewezen)" in the round's language, where
 * `number` is the proposal's place in its round's order of submission (see `ideaNumbers`).
 */
export function rejectedTitle(
  stored: Pick<StoredProposal, 'publicTitle'>,
  language: string,
  number: number
): string {
  return stored.publicTitle || rejectedIdeaTitle(language, number);
}

/**
 * What became of a proposal: the short view when rejected (titled `rejectedTitleOf`), else the
 * public view.
 */
export function toOutcomeView(
  stored: StoredProposal,
  roundSlug: string,
  rejectedTitleOf: (stored: StoredProposal) => string,
  argumentCounts?: ArgumentCounts
): ProposalOutcomeView {
  return stored.status === 'rejected'
    ? toRejectedView(stored, roundSlug, rejectedTitleOf(stored))
    : toPublicView(stored, roundSlug, argumentCounts);
}

/** Funded proposals carry `execution` (see services/execution.ts); others leave it out. */
function executionField(stored: StoredProposal) {
  const execution = executionOf(stored);
  return execution ? { execution } : {};
}

/** The public view plus what only officials see. */
export function toAdminView(
  stored: StoredProposal,
  roundSlug: string,
  argumentCounts?: ArgumentCounts,
  publicRejectedTitle?: string
): ProposalAdminView {
  return {
    ...toPublicView(stored, roundSlug, argumentCounts),
    history: (stored.history ?? []).map(({ status, at, reason, publicTitle }) => ({
      status,
      at,
      reason: reason ?? null,
      ...(status === 'rejected' ? { publicTitle: publicTitle ?? null } : {}),
    })),
    email: stored.email ?? null,
    responseDeadline: iso(stored.responseDeadline),
    updatedAt: iso(stored.updatedAt)!,
    publicTitle: stored.status === 'rejected' ? (stored.publicTitle ?? null) : null,
    ...(stored.status === 'rejected' && publicRejectedTitle !== undefined
      ? { rejectedTitle: publicRejectedTitle }
      : {}),
  };
}

const proposal = ({ strapi }: { strapi: Core.Strapi }) => {
  const documents = () => strapi.documents(PROPOSAL_UID);

  /** Counts of visible arguments per proposal. */
  const argumentCounts = (documentIds: readonly string[]) =>
    (strapi.plugin('begroot').service('argument') as ArgumentService).countsFor(documentIds);

  const findStored = async (documentId: string): Promise<StoredProposal | null> =>
    (await documents().findOne({
      documentId,
      populate: POPULATE as never,
    })) as unknown as StoredProposal | null;

  /**
   * Each proposal's number in its round: its place in the order of submission (1 for the first),
   * by id, the same on every read. Deleting a proposal (rare: officials reject or merge) renumbers
   * the ones submitted after it.
   */
  const ideaNumbers = async (roundDocumentId: string): Promise<Map<number, number>> => {
    const rows = (await strapi.db.query(PROPOSAL_UID).findMany({
      where: { round: { documentId: roundDocumentId } },
      select: ['id'],
      orderBy: { id: 'asc' },
    } as never)) as Array<{ id: number }>;
    return new Map(rows.map((row, index) => [row.id, index + 1]));
  };

  /**
   * The public titles of the rejected proposals among `stored` (see `rejectedTitle`); reads the
   * round's numbering only when one of them has no official public title.
   */
  const rejectedTitles = async (
    round: { documentId: string; language?: string | null },
    stored: readonly StoredProposal[]
  ): Promise<(proposal: StoredProposal) => string> => {
    const untitled = stored.some((p) => p.status === 'rejected' && !p.publicTitle);
    const numbers = untitled ? await ideaNumbers(round.documentId) : new Map<number, number>();
    return (proposal) =>
      rejectedTitle(proposal, round.language ?? 'nl', numbers.get(proposal.id) ?? proposal.id);
  };

  return {
    findStored,

    /**
     * The round's public proposals (admitted and later statuses; with `outcome: 'all'` also the
     * rejected and merged ones, and `awaitingReview`: how many are not reviewed yet), filtered,
     * ordered and paged.
     * `random` orders by core's `seededShuffle` over the whole list, so a visitor's seed gives the
     * same order on every page; ties in `newest` and `cost` fall back to the id.
     */
    async listPublic(
      round: Pick<StoredRound, 'documentId' | 'slug' | 'language'>,
      query: PublicListQuery
    ): Promise<{
      data: ProposalOutcomeView[];
      pagination: Pagination;
      awaitingReview?: number;
    }> {
      const all = query.outcome === 'all';
      const filters: Record<string, unknown> = { round: { documentId: round.documentId } };
      if (query.district) filters.district = query.district;
      if (query.theme) filters.theme = query.theme;
      const statuses = all
        ? [...PUBLIC_PROPOSAL_STATUSES, ...CLOSED_PROPOSAL_STATUSES]
        : PUBLIC_PROPOSAL_STATUSES;
      const awaitingReview = all
        ? await documents().count({
            filters: { ...filters, status: { $in: [...UNREVIEWED_PROPOSAL_STATUSES] } } as never,
          })
        : undefined;
      filters.status = { $in: [...statuses] };
      const stored = (await documents().findMany({
        filters: filters as never,
        populate: { image: { fields: ['url'] } } as never,
        sort: [{ id: 'asc' }] as never,
        limit: 10_000,
      })) as unknown as StoredProposal[];

      let ordered: StoredProposal[];
      if (query.sort === 'newest') {
        ordered = [...stored].sort(
          (a, b) =>
            Date.parse(b.submittedAt ?? b.createdAt) - Date.parse(a.submittedAt ?? a.createdAt) ||
            b.id - a.id
        );
      } else if (query.sort === 'cost') {
        const costOf = (p: StoredProposal) => toAmount(p.officialCost ?? p.estimatedCost ?? null);
        ordered = [...stored].sort((a, b) => {
          const ca = costOf(a);
          const cb = costOf(b);
          if (ca == null && cb == null) return a.id - b.id;
          if (ca == null) return 1;
          if (cb == null) return -1;
          return ca - cb || a.id - b.id;
        });
      } else {
        ordered = seededShuffle(stored, query.seed ?? '');
      }

      const { items, pagination } = paginate(ordered, query.page, query.pageSize);
      const counts = await argumentCounts(items.map((p) => p.documentId));
      const titleOf = await rejectedTitles(round, items);
      return {
        data: items.map((p) => toOutcomeView(p, round.slug, titleOf, counts.get(p.documentId))),
        pagination,
        ...(awaitingReview === undefined ? {} : { awaitingReview }),
      };
    },

    /**
     * One proposal's public view (a rejected one's short view), or null when it does not exist or
     * is not reviewed yet.
     */
    async findPublic(
      documentId: string,
      outcome: 'public' | 'all' = 'public'
    ): Promise<ProposalOutcomeView | null> {
      const stored = await findStored(documentId);
      if (!stored?.round || UNREVIEWED_PROPOSAL_STATUSES.includes(stored.status)) return null;
      // By default only what the list shows by default; merged and rejected ones on request.
      if (outcome === 'public' && !PUBLIC_PROPOSAL_STATUSES.includes(stored.status)) return null;
      const counts = await argumentCounts([stored.documentId]);
      const titleOf = await rejectedTitles(stored.round, [stored]);
      return toOutcomeView(stored, stored.round.slug, titleOf, counts.get(stored.documentId));
    },

    /** Every proposal of a round, for the review queue: contact and deadline included. */
    async listForReview(
      round: Pick<StoredRound, 'documentId' | 'slug' | 'language'>,
      query: { status?: ProposalStatus | undefined; page: number; pageSize: number }
    ): Promise<{ data: ProposalAdminView[]; pagination: Pagination }> {
      const filters: Record<string, unknown> = { round: { documentId: round.documentId } };
      if (query.status) filters.status = query.status;
      const [stored, total] = await Promise.all([
        documents().findMany({
          filters: filters as never,
          populate: { image: { fields: ['url'] } } as never,
          sort: [{ id: 'asc' }] as never,
          start: (query.page - 1) * query.pageSize,
          limit: query.pageSize,
        }) as unknown as Promise<StoredProposal[]>,
        documents().count({ filters: filters as never }),
      ]);
      const counts = await argumentCounts(stored.map((p) => p.documentId));
      const titleOf = await rejectedTitles(round, stored);
      return {
        data: stored.map((p) => toAdminView(p, round.slug, counts.get(p.documentId), titleOf(p))),
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          pageCount: Math.ceil(total / query.pageSize),
          total,
        },
      };
    },

    /**
     * An official's review: a status change allowed by core's `canMoveProposal` (recorded in the
     * public history with the public reason), official cost, public reason, merged into, response
     * deadline, a dated public update. Returns a problem (field and message) instead of storing
     * when the change is not allowed.
     */
    async review(
      stored: StoredProposal,
      review: ProposalReview,
      at: Date = new Date()
    ): Promise<
      { ok: true; view: ProposalAdminView } | { ok: false; path: string; message: string }
    > {
      const data: Record<string, unknown> = {};
      const history = [...(stored.history ?? [])];
      const status = review.status ?? stored.status;
      if (review.publicTitle != null && status !== 'rejected') {
        return {
          ok: false,
          path: 'publicTitle',
          message: 'Only a rejected proposal has a public title.',
        };
      }
      if (review.status && review.status !== stored.status) {
        if (!canMoveProposal(stored.status, review.status)) {
          return {
            ok: false,
            path: 'status',
            message: `A proposal cannot move from ${stored.status} to ${review.status}.`,
          };
        }
        data.status = review.status;
        // Each rejection decides its public title anew: none given shows the neutral title.
        // Leaving `rejected` forgets it (a reopened proposal is shown in full once admitted).
        const publicTitle = review.status === 'rejected' ? (review.publicTitle ?? null) : null;
        if (review.status === 'rejected' || stored.publicTitle) data.publicTitle = publicTitle;
        history.push({
          status: review.status,
          at: at.toISOString(),
          reason: review.publicReason ?? null,
          ...(review.status === 'rejected' ? { publicTitle } : {}),
        });
        data.history = history;
      } else if (review.publicTitle !== undefined && status === 'rejected') {
        data.publicTitle = review.publicTitle;
      }
      if (review.mergedInto !== undefined && review.mergedInto !== null) {
        if (review.mergedInto === stored.documentId) {
          return { ok: false, path: 'mergedInto', message: 'A proposal cannot merge into itself.' };
        }
        const target = await findStored(review.mergedInto);
        if (!target || target.round?.documentId !== stored.round?.documentId) {
          return {
            ok: false,
            path: 'mergedInto',
            message: 'Merge into a proposal of the same round.',
          };
        }
      }
      if (status === 'merged') {
        const into = review.mergedInto ?? stored.mergedInto;
        if (!into) {
          return {
            ok: false,
            path: 'mergedInto',
            message: 'Say which proposal this one is merged into.',
          };
        }
        data.mergedInto = into;
      } else if (review.mergedInto !== undefined || stored.mergedInto) {
        if (review.mergedInto) {
          return {
            ok: false,
            path: 'mergedInto',
            message: 'Only a merged proposal is merged into another.',
          };
        }
        data.mergedInto = null;
      }
      if (review.officialCost !== undefined) data.officialCost = review.officialCost;
      if (review.publicReason !== undefined) data.publicReason = review.publicReason;
      if (review.responseDeadline !== undefined) data.responseDeadline = review.responseDeadline;
      if (review.update !== undefined) {
        data.updates = [...(stored.updates ?? []), { date: at.toISOString(), text: review.update }];
      }
      if (Object.keys(data).length > 0) {
        // One update: the status, its history entry and the public title are stored together.
        await documents().update({ documentId: stored.documentId, data: data as never });
      }
      const updated = (await findStored(stored.documentId))!;
      const counts = await argumentCounts([stored.documentId]);
      const titleOf = updated.round
        ? await rejectedTitles(updated.round, [updated])
        : () => undefined;
      return {
        ok: true,
        view: toAdminView(
          updated,
          updated.round?.slug ?? '',
          counts.get(stored.documentId),
          titleOf(updated)
        ),
      };
    },

    /**
     * Stores a resident's proposal (already parsed with core's `proposalInputSchema`) as
     * `submitted`, with its first history entry and the round's response deadline, and the
     * resident's uploaded image (a file id) when given.
     */
    async submit(
      round: Pick<StoredRound, 'documentId' | 'proposalForm'>,
      input: Omit<ProposalInput, 'image'>,
      at: Date = new Date(),
      imageFileId: number | null = null
    ): Promise<{ documentId: string; status: ProposalStatus }> {
      const responseDays = round.proposalForm?.responseDays ?? 42;
      const created = await documents().create({
        data: {
          round: round.documentId,
          title: input.title,
          summary: input.summary ?? null,
          description: input.description,
          estimatedCost: input.estimatedCost ?? null,
          district: input.district ?? null,
          theme: input.theme ?? null,
          location: input.location ?? null,
          authorName: input.authorName ?? null,
          email: input.email ?? null,
          ...(imageFileId === null ? {} : { image: imageFileId }),
          status: 'submitted',
          history: [{ status: 'submitted', at: at.toISOString(), reason: null }],
          updates: [],
          submittedAt: at.toISOString(),
          responseDeadline: new Date(at.getTime() + responseDays * DAY).toISOString(),
        } as never,
      });
      return { documentId: created.documentId, status: 'submitted' };
    },
  };
};

export default proposal;
