import { argumentModerationSchema, officialAnswerSchema, type Stance } from '@begroot/core';

import { toFieldErrors, type FieldError } from './issues';

/** What the moderation page lists: arguments waiting after a report, or hidden ones. */
export type ModerationView = 'waiting' | 'hidden';

/**
 * The plugin's moderation queue of a round (`GET /begroot/rounds/:slug/arguments`, with
 * `arguments.moderate`): reported ones still waiting, or every argument (hidden ones are picked
 * from those).
 */
export function moderationListUrl(slug: string, view: ModerationView, page = 1): string {
  const waiting = view === 'waiting' ? 'awaitingModeration=true&' : '';
  return `/begroot/rounds/${encodeURIComponent(slug)}/arguments?${waiting}page=${page}&pageSize=100`;
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
  proposal: { documentId: string; title: string } | null;
};

type Row = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One row of the moderation queue, reduced to what the page shows. */
export function toModerationItem(row: Row): ModerationItem {
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
      typeof row.proposal === 'string' && row.proposal !== ''
        ? { documentId: row.proposal, title: text(row.proposalTitle) }
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

/** The arguments a view shows, from the rows the route gave. */
export function itemsFor(view: ModerationView, items: readonly ModerationItem[]): ModerationItem[] {
  return view === 'hidden' ? items.filter((item) => item.hidden) : [...items];
}
