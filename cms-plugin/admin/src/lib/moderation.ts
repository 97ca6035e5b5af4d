import { argumentModerationSchema, officialAnswerSchema, type Stance } from '@begroot/core';

import { toFieldErrors, type FieldError } from './issues';

/** What the moderation page lists: arguments waiting after a report, or hidden ones. */
export type ModerationView = 'waiting' | 'hidden';

export const ARGUMENT_UID = 'plugin::begroot.argument';

/**
 * The Content Manager's list of arguments for one view, with each argument's proposal for
 * context. (The plugin has no admin route that lists arguments; this reads the collection.)
 */
export function moderationListUrl(view: ModerationView, page = 1, pageSize = 50): string {
  const filter =
    view === 'waiting' ? 'filters[awaitingModeration][$eq]=true' : 'filters[hidden][$eq]=true';
  return (
    `/content-manager/collection-types/${ARGUMENT_UID}?${filter}` +
    `&populate[proposal]=true&sort=updatedAt:DESC&page=${page}&pageSize=${pageSize}`
  );
}

export type ModerationItem = {
  documentId: string;
  stance: Stance;
  body: string;
  authorName: string;
  official: boolean;
  hidden: boolean;
  moderationReason: string | null;
  reports: Array<{ at: string; reason: string | null }>;
  postedAt: string;
  proposal: { documentId: string; title: string; status: string } | null;
};

type Row = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One row of the Content Manager's answer, reduced to what moderators need (no contact data). */
export function toModerationItem(row: Row): ModerationItem {
  const proposal = row.proposal as Row | null | undefined;
  const reports = Array.isArray(row.reports) ? (row.reports as Row[]) : [];
  return {
    documentId: text(row.documentId),
    stance: (text(row.stance) || 'question') as Stance,
    body: text(row.body),
    authorName: text(row.authorName),
    official: row.official === true,
    hidden: row.hidden === true,
    moderationReason: typeof row.moderationReason === 'string' ? row.moderationReason : null,
    reports: reports.map((report) => ({
      at: text(report.at),
      reason: typeof report.reason === 'string' ? report.reason : null,
    })),
    postedAt: text(row.postedAt),
    proposal:
      proposal && typeof proposal === 'object' && typeof proposal.documentId === 'string'
        ? {
            documentId: proposal.documentId,
            title: text(proposal.title),
            status: text(proposal.status),
          }
        : null,
  };
}

/** Checks a hide or restore with core's schema: a reason is always needed. */
export function checkModeration(hidden: boolean, reason: string): FieldError[] {
  const result = argumentModerationSchema.safeParse({ hidden, reason });
  return result.success ? [] : toFieldErrors(result.error.issues);
}

/** Checks an official answer with core's schema. */
export function checkAnswer(body: string, replyTo: string | null): FieldError[] {
  const result = officialAnswerSchema.safeParse({ body, replyTo });
  return result.success ? [] : toFieldErrors(result.error.issues);
}
